/** src/input/source/xlsx.ts: a workbook's sheet → typed cells with the sheet's row numbers; failures as problems. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { cellText, readXlsxTable, sheetTable } from '../../../src/input/source/xlsx.js';
import { FIXTURES } from '../../helpers/cli.js';

async function workbook(sheets: { sheet: string; data: unknown[][] }[]): Promise<Uint8Array> {
  const write = writeExcelFile as unknown as (data: unknown, options?: unknown) => { toBuffer(): Promise<Buffer> };
  return sheets.length === 1 ? write(sheets[0]!.data, { sheet: sheets[0]!.sheet }).toBuffer() : write(sheets).toBuffer();
}

describe('readXlsxTable', () => {
  it('reads a LibreOffice-saved Google Sheets download: sheet name, header, typed cells, sheet row numbers', async () => {
    const result = await readXlsxTable('google.xlsx', join(FIXTURES, 'forms/google.xlsx'));
    expect(result.problems).toEqual([]);
    const table = result.table!;
    expect(table.sheet).toBe('Ответы на форму (1)');
    expect(table.header.slice(0, 3)).toEqual(['Отметка времени', 'Адрес электронной почты', 'Ваше подразделение']);
    expect(table.headerLine).toBe(1);
    expect(table.rows).toHaveLength(46);
    const first = table.rows[0]!;
    expect(first.line).toBe(2);
    expect(first.cells[0]).toBeInstanceOf(Date);
    expect((first.cells[0] as Date).toISOString()).toBe('2026-12-02T09:37:07.000Z');
    // "5 — отлично" is text; plain grid answers are numbers.
    expect(table.rows.some((r) => r.cells.some((c) => typeof c === 'number'))).toBe(true);
    expect(first.cells[3]).toBe('5 — отлично');
  });

  it('keeps numbers as numbers, and row numbers across empty rows', async () => {
    const bytes = await workbook([{ sheet: 'Лист1', data: [[null], ['a', 'b'], [null, null], [4.48, 0.1 + 0.2], ['x', 3]] }]);
    const { table } = await readXlsxTable('t.xlsx', bytes);
    expect(table!.header).toEqual(['a', 'b']);
    expect(table!.headerLine).toBe(2);
    expect(table!.rows.map((r) => r.line)).toEqual([4, 5]);
    expect(table!.rows[0]!.cells[0]).toBe(4.48);
    // As a spreadsheet shows it: 15 significant digits.
    expect(cellText(table!.rows[0]!.cells[1]!)).toBe('0.3');
    expect(cellText(4.4799999999999995)).toBe('4.48');
  });

  it('reads the sheet named, case ignored; a missing one is a problem listing the sheets', async () => {
    const bytes = await workbook([
      { sheet: 'Первый', data: [['a'], [1]] },
      { sheet: 'Ответы', data: [['b'], [2]] },
    ]);
    expect((await readXlsxTable('t.xlsx', bytes, { sheet: 'ответы' })).table!.header).toEqual(['b']);
    expect((await readXlsxTable('t.xlsx', bytes)).table!.sheet).toBe('Первый');
    const missing = await readXlsxTable('t.xlsx', bytes, { sheet: 'Ответ' });
    expect(missing.table).toBeNull();
    expect(missing.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['file-unreadable', 't.xlsx', 'the workbook has no sheet "Ответ" (did you mean "Ответы"?); its sheets: "Первый", "Ответы" (set import.sheet in ic.yaml)'],
    ]);
  });

  it('never throws: not a workbook, empty, password-protected, missing', async () => {
    const notZip = await readXlsxTable('a.xlsx', new TextEncoder().encode('respondent_id,rater\n'));
    expect(notZip.problems[0]).toEqual(expect.objectContaining({ code: 'file-binary', file: 'a.xlsx' }));
    expect(notZip.problems[0]!.message).toMatch(/^this is not a readable \.xlsx workbook/);
    const empty = await readXlsxTable('b.xlsx', new Uint8Array());
    expect(empty.problems[0]).toEqual(expect.objectContaining({ code: 'file-empty', message: 'the file is empty (0 bytes)' }));
    const ole = await readXlsxTable('c.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(ole.problems[0]!.message).toMatch(/password-protected/);
    const absent = await readXlsxTable('nope.xlsx', '/nonexistent/nope.xlsx');
    expect(absent.problems[0]!.message).toBe('file not found');
  });
});

describe('sheetTable', () => {
  it('takes the first non-empty row as the header and leaves blank rows out, keeping line numbers', () => {
    const table = sheetTable('f.xlsx', 'S', [[], [' h1 ', 'h2'], ['', '  '], ['x', null], [null, 5]]);
    expect(table.header).toEqual(['h1', 'h2']);
    expect(table.rows).toEqual([
      { line: 4, cells: ['x', null] },
      { line: 5, cells: [null, 5] },
    ]);
  });
});
