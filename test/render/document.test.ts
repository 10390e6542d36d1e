/**
 * The renderers on a hand-made document: each shows what the document says and nothing else — the same
 * cells, hidden values as markers (never a number), terminal-only parts only on the terminal.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/render/document.js';
import type { ReportDocument } from '../../src/report/document.js';
import { keyedColumns, maybe, num, text, type TableModel } from '../../src/report/table.js';

const plain = new Chalk({ level: 0 });

const table: TableModel = {
  columns: [
    { key: 'department', title: 'Department' },
    { key: 'score', title: 'Score', align: 'right' },
    { key: 'trend', title: 'Trend', terminalOnly: true },
  ],
  rows: [
    [text('Sales | North'), num(4.256, 'score'), { kind: 'spark', values: [1, 5, null], scale: { min: 1, max: 5 } }],
    [text('IT'), maybe(null, 'fewer_than_k', 'score'), { kind: 'spark', values: [3], scale: { min: 1, max: 5 } }],
  ],
};

const doc: ReportDocument = {
  title: 'Survey',
  covers: { kind: 'periods', text: 'Q1 → Q2' },
  meta: ['Q1: q1.csv', 'Q2: q2.csv'],
  sections: [
    { kind: 'table', heading: 'Scores', table, summary: '1 improved', notes: [{ text: 'n<3: too few' }, { text: 'trend: blocks', terminalOnly: true }] },
    { kind: 'attention', heading: 'Needs attention', items: ['IT: low'] },
    { kind: 'notes', notes: ['No score: HR'] },
    { kind: 'lines', lines: [{ text: 'only on screen' }], only: 'terminal' },
  ],
  anonymityMin: 3,
  records: { columns: keyedColumns(['department', 'score']), rows: [[text('=Sales'), num(4.256, 'score')], [text('IT'), maybe(null, 'fewer_than_k', 'score')]] },
  machine: { departments: [{ id: 'it', score: null, reason: 'fewer_than_k' }] },
};

describe('renderDocument', () => {
  it('table: header, meta, the table with its sparkline, summary, notes, attention, side notes', () => {
    const out = renderDocument(doc, 'table', { color: plain, excel: false });
    expect(out.split('\n').map((l) => l.trimEnd())).toEqual([
      'Survey — Q1 → Q2',
      'Q1: q1.csv',
      'Q2: q2.csv',
      '',
      'Scores',
      'Department     Score  Trend',
      'Sales | North   4.26  ▁█·',
      'IT               n<3  ▅',
      '',
      '1 improved',
      'n<3: too few',
      'trend: blocks',
      '',
      'Needs attention',
      '  IT: low',
      '',
      'No score: HR',
      'only on screen',
      '',
    ]);
  });

  it('md: the periods in the title, meta as a list, no terminal-only column, note or section, "|" escaped', () => {
    expect(renderDocument(doc, 'md', { color: plain, excel: false })).toBe(
      [
        '# Survey: Q1 → Q2',
        '',
        '- Q1: q1.csv',
        '- Q2: q2.csv',
        '',
        '## Scores',
        '',
        '| Department | Score |',
        '|:---|---:|',
        '| Sales \\| North | 4.26 |',
        '| IT | n<3 |',
        '',
        '**1 improved**',
        '',
        '- n<3: too few',
        '',
        '## Needs attention',
        '',
        '- IT: low',
        '',
        '- No score: HR',
        '',
      ].join('\n'),
    );
  });

  it('a report on files names them beside the method line in md', () => {
    const files: ReportDocument = { ...doc, covers: { kind: 'files', text: 'a.csv, b.csv' }, meta: ['10 rows used of 12'], sections: [] };
    expect(renderDocument(files, 'md', { color: plain, excel: false })).toBe('# Survey\n\na.csv, b.csv — 10 rows used of 12\n');
    expect(renderDocument(files, 'table', { color: plain, excel: false })).toBe('Survey — a.csv, b.csv\n10 rows used of 12\n\n');
  });

  it('csv: the records, unrounded, hidden values in words, formulas neutralised; excel: BOM, ";" and decimal comma', () => {
    expect(renderDocument(doc, 'csv', { color: plain, excel: false })).toBe("department,score\n'=Sales,4.256\nIT,suppressed (fewer than 3 respondents)\n");
    expect(renderDocument(doc, 'csv', { color: plain, excel: true })).toBe("\uFEFFdepartment;score\r\n'=Sales;4,256\r\nIT;suppressed (fewer than 3 respondents)\r\n");
  });

  it('json: the machine part as it is', () => {
    expect(JSON.parse(renderDocument(doc, 'json', { color: plain, excel: false }))).toEqual(doc.machine);
  });

  it('colour only when the chalk given has it', () => {
    expect(renderDocument(doc, 'table', { color: plain, excel: false })).not.toMatch(/\u001b\[/u);
    expect(renderDocument(doc, 'table', { color: new Chalk({ level: 2 }), excel: false })).toMatch(/\u001b\[1mSurvey/u);
  });
});
