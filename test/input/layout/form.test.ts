/**
 * src/input/layout/form/: a form export's table → mapping (from the import: block or detected) → questionnaire
 * rows. Small hand-made tables, every number worked out by hand.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importSchema, resolveImport } from '../../../src/config/import.js';
import type { Config } from '../../../src/config/types.js';
import type { Problem } from '../../../src/domain/problem.js';
import { answerReader } from '../../../src/input/layout/form/answers.js';
import { timestampOf } from '../../../src/input/layout/form/cells.js';
import { ratingPatternsOf } from '../../../src/input/layout/form/detect.js';
import { mapForm, type FormMapping } from '../../../src/input/layout/form/mapping.js';
import { namesOf } from '../../../src/input/layout/form/names.js';
import { pushFormRows } from '../../../src/input/layout/form/rows.js';
import { sheetTable, type Cell } from '../../../src/input/source/xlsx.js';
import type { RawQuestionnaire, SourceRecord } from '../../../src/input/types.js';
import { makeConfig } from '../../helpers/config.js';

function company(importBlock?: unknown): Config {
  const config = makeConfig({
    departments: [
      { id: 'sales', name: 'Отдел продаж', clientsOf: ['procurement', 'it'] },
      { id: 'procurement', name: 'Отдел закупок', clientsOf: ['it'] },
      { id: 'it', name: 'ИТ-отдел', clientsOf: ['procurement'] },
    ],
    criteria: [
      { id: 'speed', name: 'Скорость' },
      { id: 'quality', name: 'Качество' },
    ],
  });
  if (importBlock === undefined) return config;
  return { ...config, import: resolveImport(importSchema.parse(importBlock), config.departments, config.criteria) };
}

const HEADER = ['Отметка времени', 'Почта', 'Ваше подразделение', 'Q: Отдел закупок [Скорость]', 'Q: Отдел закупок [Качество]', 'Q: ИТ-отдел [Скорость]', 'Q: ИТ-отдел [Качество]', 'Комментарий: ИТ-отдел'];

function form(rows: Cell[][], header = HEADER) {
  return sheetTable('form.csv', undefined, [header, ...rows]);
}

function collect(table: ReturnType<typeof form>, mapping: FormMapping, config: Config) {
  const rows: RawQuestionnaire[] = [];
  const fileProblems: { problem: Problem; records: SourceRecord[] }[] = [];
  const self = pushFormRows(table, mapping, config, {
    row: (r) => rows.push(r),
    reject: (problem, records) => fileProblems.push({ problem, records }),
  });
  return { rows, fileProblems, self };
}

const hash = (identity: string) => `#${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;

describe('detecting the header shapes', () => {
  const names = namesOf(company());
  it('finds each common shape with the question text before it', () => {
    expect(ratingPatternsOf('Оцените работу: Отдел закупок [Скорость]', names)).toEqual(['Оцените работу: {target} [{criterion}]']);
    expect(ratingPatternsOf('Скорость [ИТ-отдел]', names)).toEqual(['{criterion} [{target}]']);
    expect(ratingPatternsOf('Отдел закупок: Качество', names)).toEqual(['{target}: {criterion}']);
    expect(ratingPatternsOf('Отдел закупок — Качество', names)).toEqual(['{target} — {criterion}']);
    expect(ratingPatternsOf('sales - speed', names)).toEqual(['{target} - {criterion}']);
    // A name must stand on its own, and the bracket must name something known.
    expect(ratingPatternsOf('Подотдел закупок [Скорость]', names)).toEqual([]);
    expect(ratingPatternsOf('Ваш возраст', names)).toEqual([]);
  });
});

describe('mapForm', () => {
  const lines: Cell[][] = [
    ['02.12.2026 14:03:11', 'Anna@Example.ru', 'Отдел продаж', 5, '4', '3', null, 'Быстро'],
    ['02.12.2026 15:00:00', 'oleg@example.ru', 'ИТ-отдел', 2, 2, null, null, null],
  ];

  it('recognises the layout: rater by its values, e-mail respondents, time, ratings and comments', () => {
    const result = mapForm(form(lines), company());
    expect(result.problems).toEqual([]);
    const m = result.mapping!;
    expect(m.source).toBe('detected');
    expect([m.timestamp, m.respondents, m.rater]).toEqual([0, [1], 2]);
    expect(m.ratings).toBe('Q: {target} [{criterion}]');
    expect(m.comments).toBe('Комментарий: {target}');
    expect(m.columns.map((c) => [c.kind, c.target, c.criterion])).toEqual([
      ['timestamp', undefined, undefined],
      ['respondent', undefined, undefined],
      ['rater', undefined, undefined],
      ['rating', 1, 0],
      ['rating', 1, 1],
      ['rating', 2, 0],
      ['rating', 2, 1],
      ['comment', 2, undefined],
    ]);
    expect(m.personal).toEqual([1]);
    expect(m.duplicates).toBe('error');
  });

  it('refuses when fewer than 90% of the other columns name a pair, saying what it saw', () => {
    const header = [...HEADER.slice(0, 5), 'Возраст'];
    const result = mapForm(form([['02.12.2026 14:03:11', 'a@b.ru', 'Отдел продаж', 5, 4, 30]], header), company());
    expect(result.mapping).toBeNull();
    expect(result.problems[0]!.message).toContain('2 of 3 columns name a department and a criterion (under "Q: {target} [{criterion}]")');
    expect(result.problems[0]!.message).toContain('Run "ic inspect form.csv"');
  });

  it('with an import: block, a rating header that names nothing known is an error with "did you mean"', () => {
    const header = [...HEADER.slice(0, 3), 'Q: Отдел закупк [Скорость]', 'Q: ИТ-отдел [Скорость]'];
    const result = mapForm(form([['02.12.2026 14:03:11', 'a@b.ru', 'Отдел продаж', 5, 4]], header), company({ rater_column: 'ваше  подразделение', ratings: 'Q: {target} [{criterion}]' }));
    // The mapping is there for ic inspect to show; the error keeps the file from being read.
    expect(result.mapping!.columns.map((c) => c.kind)).toEqual(['timestamp', 'ignored', 'rater', 'unmatched', 'rating']);
    expect(result.problems.map((p) => [p.code, p.column, p.message])).toEqual([
      [
        'unknown-column',
        'Q: Отдел закупк [Скорость]',
        'column "Q: Отдел закупк [Скорость]": "отдел закупк" is not a department (did you mean "Отдел закупок"?) (add the spelling to import.aliases if it is one)',
      ],
    ]);
  });

  it('aliases name departments and criteria; a missing rater column is named with "did you mean"', () => {
    const header = ['Подразделение', 'Закупки / Быстрота'];
    const table = form([['Отдел продаж', 4]], header);
    const ok = mapForm(table, company({ rater_column: 'Подразделение', ratings: '{target} / {criterion}', aliases: { Закупки: 'procurement', Быстрота: 'speed' } }));
    expect(ok.mapping!.columns[1]).toEqual(expect.objectContaining({ kind: 'rating', target: 1, criterion: 0 }));
    const bad = mapForm(table, company({ rater_column: 'Подразделения', ratings: '{target} / {criterion}', aliases: { Закупки: 'procurement', Быстрота: 'speed' } }));
    expect(bad.problems[0]!.message).toBe('import.rater_column: the file has no column "Подразделения" (did you mean "Подразделение"?)');
  });
});

describe('form lines → questionnaire rows', () => {
  it('one row per target with an answer; self-ratings out and counted; respondents hashed', () => {
    const table = form([
      ['02.12.2026 14:03:11', ' Anna@Example.ru ', 'Отдел продаж', 5, '4 — хорошо', null, null, 'не видно'],
      ['02.12.2026 15:00:00', 'oleg@example.ru', 'ИТ-отдел', 2, 2, '5', '5', 'о себе'],
    ]);
    const config = company();
    const { rows, fileProblems, self } = collect(table, mapForm(table, config).mapping!, config);
    expect(self).toBe(1);
    expect(rows.map((r) => [r.line, r.respondent, r.rater, r.target, r.answers, r.comment])).toEqual([
      // Anna: procurement answered; IT left blank (its comment alone does not make a row).
      [2, hash('who:anna@example.ru'), 'sales', 'procurement', ['5', '4'], ''],
      // Oleg (IT): his answers about IT itself are left out.
      [3, hash('who:oleg@example.ru'), 'it', 'procurement', ['2', '2'], ''],
    ]);
    expect(rows[0]!.records[0]!.raw).toBe(`02.12.2026 14:03:11,${hash('who:anna@example.ru')},Отдел продаж,5,4 — хорошо,,,не видно`);
    expect(fileProblems.map((f) => [f.problem.code, f.problem.severity, f.problem.message, f.records.length])).toEqual([
      ['self-evaluation', 'warning', "1 form line(s) rate the rater's own department; those answers were left out (lines 3)", 0],
    ]);
  });

  it('an unknown label is an error listing the labels of its column; values and n/a labels are read', () => {
    const table = form([
      ['02.12.2026 14:03:11', 'a@b.ru', 'Отдел продаж', 'Отлично', 'Так себе', 'Не взаимодействовали', 'N/A', null],
      ['02.12.2026 14:05:11', 'c@b.ru', 'Отдел продаж', 'отлично', 'Хорошо', null, null, null],
    ]);
    const config = company({ values: { Отлично: 5, Хорошо: 4, 'Не взаимодействовали': 'n/a' } });
    const { rows } = collect(table, mapForm(table, config).mapping!, config);
    // Line 2: IT got only n/a answers, so no row about it.
    expect(rows.map((r) => [r.line, r.target, r.answers])).toEqual([
      [2, 'procurement', ['5', '']],
      [3, 'procurement', ['5', '4']],
    ]);
    expect(rows[0]!.problems.map((p) => [p.code, p.line, p.column, p.message])).toEqual([
      [
        'not-a-number',
        2,
        'Q: Отдел закупок [Качество]',
        '"Так себе" is not an answer ic understands; labels seen in this column: "Так себе", "Хорошо". Give each a number (or n/a) in import.values of ic.yaml (ic inspect form.csv proposes them)',
      ],
    ]);
  });

  it('duplicates: latest keeps the newest submission by time and rejects the older one, row by row', () => {
    const table = form([
      ['02.12.2026 16:00:00', 'a@b.ru', 'Отдел продаж', 5, 5, 4, 4, null],
      ['02.12.2026 09:00:00', 'A@B.ru', 'Отдел продаж', 1, 1, 1, null, null],
      ['02.12.2026 10:00:00', 'c@b.ru', 'Отдел продаж', 3, 3, null, null, null],
    ]);
    const config = company({ rater_column: 'Ваше подразделение', respondent_columns: ['Почта'], ratings: 'Q: {target} [{criterion}]', duplicates: 'latest' });
    const { rows, fileProblems } = collect(table, mapForm(table, config).mapping!, config);
    expect(rows.map((r) => [r.line, r.target])).toEqual([
      [2, 'procurement'],
      [2, 'it'],
      [4, 'procurement'],
    ]);
    expect(fileProblems).toHaveLength(1);
    expect(fileProblems[0]!.problem).toEqual(expect.objectContaining({ code: 'duplicate-response', severity: 'warning', line: 3 }));
    expect(fileProblems[0]!.problem.message).toContain('the one at line 2 is newer and is kept');
    // Its two rows (procurement and IT) are rejected: read = used + rejected counts questionnaire rows.
    expect(fileProblems[0]!.records.map((r) => r.line)).toEqual([3, 3]);
  });

  it('without respondent columns each line is its own respondent', () => {
    const table = form([
      ['02.12.2026 16:00:00', 'a@b.ru', 'Отдел продаж', 5, 5, null, null, null],
      ['02.12.2026 16:00:00', 'a@b.ru', 'Отдел продаж', 4, 4, null, null, null],
    ]);
    const config = company({ rater_column: 'Ваше подразделение', ratings: 'Q: {target} [{criterion}]' });
    const { rows } = collect(table, mapForm(table, config).mapping!, config);
    expect(rows.map((r) => r.respondent)).toEqual([hash('line:form.csv:2'), hash('line:form.csv:3')]);
    // The e-mail column is still personal: it never goes to the rejects as written.
    expect(rows[0]!.records[0]!.raw).not.toContain('a@b.ru');
  });
});

describe('answers and times', () => {
  const read = answerReader(company({ values: { 'Так себе': 3, Нет: 'n/a' } })).read;
  it('reads numbers, labels, leading numbers on the scale, n/a', () => {
    expect([4, 4.48, '4,5', ' 5 — отлично ', '1: плохо', 'так  себе', 'нет', 'N/A', null, ''].map((c) => read(c))).toEqual([
      { text: '4' },
      { text: '4.48' },
      { text: '4,5' },
      { text: '5' },
      { text: '1' },
      { text: '3' },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: '' },
    ]);
    expect(read('7 — супер')).toEqual({ unknown: '7 — супер' });
    expect(read('отлично')).toEqual({ unknown: 'отлично' });
  });

  it('reads the time formats of the services', () => {
    const at = Date.UTC(2026, 11, 2, 14, 3, 11);
    expect(['02.12.2026 14:03:11', '2026-12-02 14:03:11', '2026-12-02T14:03:11', '12/2/2026 2:03:11 PM'].map((t) => timestampOf(t))).toEqual([at, at, at, at]);
    expect(timestampOf(new Date(at))).toBe(at);
    expect(timestampOf('вчера')).toBeNaN();
  });
});
