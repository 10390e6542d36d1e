/** The terminal table: widths in terminal columns, and how it fits a narrow terminal (and never cuts a pipe). */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderTableText } from '../../../src/render/text/table.js';
import { cutToWidth, displayWidth } from '../../../src/render/text/width.js';
import { num, text, type TableModel } from '../../../src/report/table.js';

const plain = new Chalk({ level: 0 });
const ctx = { hiddenMarkers: { fewer_than_k: 'n<3', secondary: 'hidden', no_responses: '—' } };
const lines = (out: string): string[] => out.split('\n').map((l) => l.trimEnd());

const model: TableModel = {
  columns: [
    { key: 'name', title: 'Department', cut: true },
    { key: 'id', title: 'id', priority: 1 },
    { key: 'score', title: 'Score', align: 'right' },
    { key: 'a', title: 'Alpha', align: 'right', priority: 2 },
    { key: 'b', title: 'Beta', align: 'right', priority: 2 },
    { key: 'flags', title: 'Flags' },
  ],
  rows: [
    [text('Административно-хозяйственный отдел'), text('admin'), num(3.845, 'score'), num(1, 'int'), num(2, 'int'), text('low')],
    [text('ИТ'), text('it'), num(4, 'score'), num(10, 'int'), num(20, 'int'), text('')],
  ],
};

describe('displayWidth and cutToWidth', () => {
  it('Cyrillic and box characters take 1 column, CJK 2, colour codes and combining marks none', () => {
    expect(displayWidth('Склад')).toBe(5);
    expect(displayWidth('▁█·→Δ±−')).toBe(7);
    expect(displayWidth('営業部')).toBe(6);
    expect(displayWidth(new Chalk({ level: 2 }).red('abc'))).toBe(3);
    expect(displayWidth('й')).toBe(1);
  });
  it('cuts to the width with "…", and leaves a short text alone', () => {
    expect(cutToWidth('Административно', 8)).toBe('Админис…');
    expect(displayWidth(cutToWidth('営業部営業部', 5))).toBeLessThanOrEqual(5);
    expect(cutToWidth('ИТ', 8)).toBe('ИТ');
  });
});

describe('renderTableText', () => {
  it('without a width: every column whole, two spaces apart, numbers right-aligned', () => {
    const out = renderTableText(model, ctx, plain);
    expect(out.left).toEqual([]);
    expect(lines(out.text)).toEqual([
      'Department                           id     Score  Alpha  Beta  Flags',
      'Административно-хозяйственный отдел  admin   3.85      1     2  low',
      'ИТ                                   it      4.00     10    20',
      '',
    ]);
  });

  it('a CJK name is padded by its display width, so the columns stay aligned', () => {
    const cjk: TableModel = { columns: [{ key: 'n', title: 'Name' }, { key: 's', title: 'S', align: 'right' }], rows: [[text('営業部'), num(1, 'int')], [text('abc'), num(2, 'int')]] };
    expect(lines(renderTableText(cjk, ctx, plain).text)).toEqual(['Name    S', '営業部  1', 'abc     2', '']);
  });

  it('a little too wide: the name is cut with "…" first, nothing left out', () => {
    const out = renderTableText(model, ctx, plain, { width: 60 });
    expect(out.left).toEqual([]);
    expect(lines(out.text)[1]).toBe('Административно-хозяйстве…  admin   3.85      1     2  low');
    for (const line of lines(out.text)) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it('too wide with the name at 24 columns: the lowest priority goes first, the rightmost among equals', () => {
    const out = renderTableText(model, ctx, plain, { width: 45 });
    expect(out.left).toEqual(['id', 'Beta']);
    expect(lines(out.text)[0]).toBe('Department                Score  Alpha  Flags');
    for (const line of lines(out.text)) expect(displayWidth(line)).toBeLessThanOrEqual(45);
  });

  it('still too wide without the optional columns: the name is cut with "…"', () => {
    const out = renderTableText(model, ctx, plain, { width: 30 });
    expect(out.left).toEqual(['id', 'Alpha', 'Beta']);
    expect(lines(out.text)).toEqual(['Department        Score  Flags', 'Административно…   3.85  low', 'ИТ                 4.00', '']);
    for (const line of lines(out.text)) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it('a name is never cut below 8 columns (or its title): the table may then stay wider than the terminal', () => {
    const out = renderTableText(model, ctx, plain, { width: 10 });
    expect(lines(out.text)[1]).toMatch(/^Администр…  /u);
  });

  const heat: TableModel = { heat: true, columns: [{ key: 'n', title: 'N' }, { key: 's', title: 'S', align: 'right' }], rows: [[text('a'), num(4.5, 'score', 'good')], [text('b'), num(3, 'score')]] };

  it('a heat map cell keeps its padding inside the colour, and the column widths count it', () => {
    const coloured = new Chalk({ level: 1 });
    const shown = renderTableText(heat, ctx, coloured).text.split('\n');
    expect(shown[1]).toBe(`a  ${coloured.black.bgGreen(' 4.50 ')}`);
    expect(shown[2]).toBe('b    3.00');
  });

  it('without colour a heat map is plain numbers, in line, and no line ends in blanks', () => {
    expect(renderTableText(heat, ctx, plain).text).toBe('N     S\na  4.50\nb  3.00\n');
  });

  it('a title with wrap is written over several lines, bottom-aligned, no wider than its wrap or its values', () => {
    const wrapped: TableModel = {
      columns: [{ key: 'n', title: 'N' }, { key: 'speed', title: 'Скорость реакции на запрос', wrap: 11, align: 'right' }],
      rows: [[text('a'), num(4.5, 'score')]],
    };
    // "Скорость реакции на запрос": "Скорость" (8) · "реакции на" (10) · "запрос" (6) → width 10
    expect(renderTableText(wrapped, ctx, plain).text).toBe('     Скорость\n   реакции на\nN      запрос\na        4.50\n');
  });
});
