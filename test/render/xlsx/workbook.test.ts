/**
 * report.xlsx of the bundled examples, read back with read-excel-file (another library than the writer), every
 * number compared with the JSON of `ic score`/`ic diff`/`ic trend` on the same inputs; and opened by
 * LibreOffice, when there is one, to check that a spreadsheet program takes it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ic, REPO } from '../../helpers/cli.js';

type Json = Record<string, any>;
type Cell = string | number | boolean | Date | null;

const Q1 = join(REPO, 'examples/2026-q1.csv');
const Q2 = join(REPO, 'examples/2026-q2.csv');
let dir: string;
let q3: string;
let sheets: Map<string, Cell[][]>;

function json(args: string[]): Json {
  const run = ic([...args, '--format', 'json', '--config', join(REPO, 'examples/ic.yaml')]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

/** The data rows of a sheet as objects keyed by the first row's headers. */
function rowsOf(sheet: string): Cell[][] {
  const data = sheets.get(sheet);
  if (data === undefined) throw new Error(`no sheet "${sheet}"; sheets: ${[...sheets.keys()].join(', ')}`);
  return data.slice(1);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ic-report-xlsx-'));
  // A third period (a copy of the first) so that the trend sheet exists.
  q3 = join(dir, '2026-q3.csv');
  copyFileSync(Q1, q3);
  const out = join(dir, 'report');
  const run = ic(['report', Q1, Q2, q3, '--out', out, '--lang', 'en', '--config', join(REPO, 'examples/ic.yaml')]);
  expect(run.code, run.stderr).toBe(0);
  const read = await readXlsxFile(readFileSync(join(out, 'report.xlsx')));
  sheets = new Map(read.map((s) => [s.sheet, s.data as Cell[][]]));
}, 120_000);

describe('report.xlsx', () => {
  it('has a sheet per view, each with a header row', () => {
    expect([...sheets.keys()]).toEqual([
      'Departments',
      'Client → department',
      'Rater',
      'Criteria, company-wide',
      'Change since the previous perio',
      'Trend over the periods',
      'Needs attention',
      'Comments',
      'Method',
      'Data quality',
    ]);
  });

  it('departments: every number equals `ic score --format json`; a hidden value is an empty cell', () => {
    const expected = json(['score', q3]);
    const rows = rowsOf('Departments');
    expect(rows).toHaveLength(expected['departments'].length);
    const criteria = Object.keys(expected['departments'][0].criteria);
    expected['departments'].forEach((d: Json, i: number) => {
      const r = rows[i]!;
      expect(r[0]).toBe(d['id']);
      expect(r.slice(2, 10)).toEqual([d['score'], d['se'], d['ci95']?.[0] ?? null, d['ci95']?.[1] ?? null, d['favorable_pct'] === null ? null : d['favorable_pct'] / 100, d['respondents'], d['raters'], d['rank']]);
      expect(r.slice(10, 10 + criteria.length)).toEqual(criteria.map((c) => d['criteria'][c]));
      const reasonText = r[r.length - 1];
      expect(reasonText === null).toBe(d['score'] !== null && Object.keys(d['criteria_reasons']).length === 0);
    });
  });

  it('pairs: every pair with respondents, its score as in `--by pair` or an empty cell with the reason beside it', () => {
    const expected = json(['score', q3, '--by', 'pair'])['pairs'].filter((p: Json) => p['respondents'] > 0);
    const rows = rowsOf('Client → department');
    expect(rows.map((r) => [r[0], r[2], r[4], r[5]])).toEqual(expected.map((p: Json) => [p['rater'], p['target'], p['score'], p['respondents']]));
    const hidden = rows.filter((r) => r[4] === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(String(r[6])).toMatch(/hidden|no responses/);
    for (const r of rows.filter((x) => x[4] !== null)) expect(r[6]).toBeNull();
  });

  it('raters and criteria equal `--by rater` and `--by criterion`', () => {
    const raters = new Map(json(['score', q3, '--by', 'rater'])['raters'].map((r: Json) => [r['id'], r]));
    const rows = rowsOf('Rater');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const e = raters.get(r[0]) as Json;
      expect([r[2], r[3], r[4], r[5]]).toEqual([e['given_mean'], e['company_mean'], e['difference'], e['respondents']]);
    }
    const criteria = json(['score', q3, '--by', 'criterion'])['criteria'];
    expect(rowsOf('Criteria, company-wide').map((r) => [r[0], r[3], r[4], r[5]])).toEqual(criteria.map((c: Json) => [c['id'], c['mean'], c['favorable_pct'] / 100, c['answers']]));
  });

  it('changes equal `ic diff --format json` of the last two periods', () => {
    const expected = json(['diff', Q2, q3])['departments'];
    const rows = rowsOf('Change since the previous perio');
    expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[9], r[10]])).toEqual(
      expected.map((d: Json) => [d['id'], d['status'], d['score_a'], d['score_b'], d['delta'], d['z'], d['p'], d['rank_a'], d['rank_b']]),
    );
    expect(rows.map((r) => r[8])).toEqual(expected.map((d: Json) => (d['testable'] ? (d['significant'] ? 'yes' : 'no') : null)));
  });

  it('trend equals `ic trend --format json`', () => {
    const expected = json(['trend', Q1, Q2, q3])['departments'];
    expect(rowsOf('Trend over the periods').map((r) => [r[0], r[2], r[3], r[4]])).toEqual(expected.map((d: Json) => [d['id'], ...d['scores']]));
  });

  it('data quality counts the rows of each period', () => {
    expect(rowsOf('Data quality').map((r) => r.slice(0, 4))).toEqual([
      ['2026-q1', 295, 295, 0],
      ['2026-q2', 294, 294, 0],
      ['2026-q3', 295, 295, 0],
    ]);
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('opens in LibreOffice (headless conversion to CSV)', () => {
    const out = mkdtempSync(join(tmpdir(), 'ic-lo-'));
    const profile = mkdtempSync(join(tmpdir(), 'ic-lo-profile-'));
    const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, join(dir, 'report/report.xlsx')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['report.csv']);
    const csv = readFileSync(join(out, 'report.csv'), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^id,Department,Score,SE,/);
    expect(csv[2]).toMatch(/^sales,Отдел продаж,/);
    // Generous, not tight: LibreOffice starts cold, on a machine other test runs share.
  }, 180_000);
});
