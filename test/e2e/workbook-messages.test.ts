/**
 * A workbook's problems name its sheet and the row as the spreadsheet shows it ("Ответы на форму (1)", row 12),
 * and `ic validate` shows the file as a workbook with its sheet, not as "utf-8, comma" (issue 14).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { ic, REPO, workdir } from '../helpers/cli.js';

const COMPANY = join(REPO, 'examples/ic.yaml');
const SHEET = 'Ответы на форму (1)';
const dir = workdir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // The canonical layout on a named sheet: header on row 1, ten good rows, then a typo in the rater on row 12
  // and an answer off the 1–5 scale on row 13.
  const header = ['respondent_id', 'rater_department', 'target_department', 'speed', 'quality', 'politeness', 'competence', 'proactivity'];
  const good = Array.from({ length: 10 }, (_, i) => [`r${i}`, 'sales', 'procurement', 4, 4, 5, 3, 4]);
  const rows = [header, ...good, ['r10', 'salse', 'procurement', 4, 4, 4, 4, 4], ['r11', 'sales', 'procurement', 4, 9, 4, 4, 4]];
  await writeExcelFile(rows as never, { sheet: SHEET } as never).toFile(join(dir, 'answers.xlsx'));
});

describe('messages about a workbook', () => {
  it('ic validate: every problem names the sheet and the row; the file is shown as a workbook', () => {
    const r = ic(['validate', 'answers.xlsx', '--config', COMPANY, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`answers.xlsx ("${SHEET}", row 12) [rater_department]  "salse" is not a department (did you mean "sales"?)`);
    expect(r.stdout).toContain(`answers.xlsx ("${SHEET}", row 13) [quality]  9 is outside the scale 1–5`);
    expect(r.stdout).toContain(`file answers.xlsx: workbook, sheet "${SHEET}", wide shape, 12 rows`);
    expect(r.stdout).not.toContain('utf-8');
  });

  it('in Russian, and in JSON with the sheet beside the line', () => {
    const ru = ic(['validate', 'answers.xlsx', '--config', COMPANY, '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain(`answers.xlsx (лист "${SHEET}", строка 12)`);
    expect(ru.stdout).toContain(`answers.xlsx: книга Excel, лист "${SHEET}"`);
    const json = JSON.parse(ic(['validate', 'answers.xlsx', '--config', COMPANY, '--format', 'json'], { cwd: dir }).stdout);
    expect(json.files).toEqual([expect.objectContaining({ file: 'answers.xlsx', sheet: SHEET, rows: 12 })]);
    expect(json.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'unknown-department', file: 'answers.xlsx', sheet: SHEET, line: 12 }),
      expect.objectContaining({ code: 'out-of-scale', file: 'answers.xlsx', sheet: SHEET, line: 13, column: 'quality' }),
    ]);
  });

  it('ic score refusing the data says the same, and a CSV keeps its file:line', () => {
    const r = ic(['score', 'answers.xlsx', '--config', COMPANY, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`answers.xlsx ("${SHEET}", row 12)`);
    const csv = ic(['validate', join(REPO, 'test/fixtures/score-bad'), '--config', COMPANY, '--format', 'json'], { cwd: dir });
    for (const p of JSON.parse(csv.stdout).problems) expect(p.sheet).toBeNull();
  });
});
