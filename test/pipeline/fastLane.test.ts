/**
 * The CSV source's fast lane (quote-free lines split without the tokenizer's state machine, see
 * src/input/source/csv/lineSplit.ts) must change nothing but speed: on generated periods full of every kind of
 * problem (duplicates included, taken back out in the one pass), loading with and without it gives the same
 * problems, counts, rejects and scores.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createPeriodAggregator } from '../../src/core/aggregate.js';
import { loadPeriod, type RowConsumer } from '../../src/pipeline/loadPeriod.js';
import type { QuestionnaireRow } from '../../src/domain/questionnaire.js';
import { makeConfig } from '../helpers/config.js';

const config = makeConfig({
  departments: [
    { id: 'sales', name: 'Отдел продаж', clientsOf: ['hr', 'it'] },
    { id: 'hr', name: 'Отдел кадров', clientsOf: ['sales', 'it'] },
    { id: 'it', name: 'ИТ-отдел', clientsOf: ['sales'] },
    { id: 'legal', name: 'Юристы', clientsOf: [] },
  ],
  criteria: [
    { id: 'speed', name: 'Скорость', weight: 2 },
    { id: 'quality', name: 'Качество' },
    { id: 'tone', name: 'Вежливость', weight: 0.5 },
  ],
  naValues: ['N/A', 'н/о', '-', '0'],
  anonymityMin: 2,
});

const DEPARTMENT_CELLS = ['sales', 'hr', 'it', 'legal', 'SALES', ' hr', 'it ', 'Отдел продаж', 'отдел  кадров', 'ИТ-отдел', 'salse', '', '\u00a0it'];
const ANSWER_CELLS = ['1', '2', '3', '4', '5', '5', '4', '', '', 'N/A', 'n/a', 'н/о', '-', '0', '6', '9', '4,5', '4.5', ' 3', '3 ', 'x', '"2"', '1e1', '+2', '４'];
const RESPONDENT_CELLS = ['r1', 'r2', 'r3', 'r4', 'r5', '', ' r1', 'r1 ', '\u00a0r2', 'Анна', 'a-very-long-respondent-id@example.com', 'r,1', 'r"2'];
/**
 * Comments as they are written into the line, as is: quoted ones with a delimiter or quotes inside, blanks
 * around the quotes, text after the closing quote, a quote inside an unquoted value, and a quote that is never
 * closed on its line (the value goes on into the next line, or to the end of the file).
 */
const RAW_COMMENTS = ['', 'ok', '"a, b"', '"a; b"', 'долго', '"say ""hi"""', ' "a, b" ', '"a, b"c', '5" monitor', '"open, and on', '""', '"'];
const HEADERS = [
  'respondent_id,rater_department,target_department,speed,quality,tone,comment',
  'respondent_id,rater_department,target_department,tone,speed,quality',
  'rater_department,target_department,speed,quality,tone',
  'Respondent_ID , rater_department,target_department,Скорость,quality,tone,,comment',
  'respondent_id;rater_department;target_department;speed;quality;tone',
  'respondent_id,rater_department,target_department,speed,comment',
];

const rowArb = fc.record({
  respondent: fc.constantFrom(...RESPONDENT_CELLS),
  rater: fc.constantFrom(...DEPARTMENT_CELLS),
  target: fc.constantFrom(...DEPARTMENT_CELLS),
  answers: fc.array(fc.constantFrom(...ANSWER_CELLS), { minLength: 3, maxLength: 3 }),
  comment: fc.constantFrom(...RAW_COMMENTS),
  shape: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'short', 'long', 'blank', 'empty-line', 'bad-byte'),
});

const fileArb = fc.record({
  header: fc.constantFrom(...HEADERS),
  rows: fc.array(rowArb, { maxLength: 25 }),
  eol: fc.constantFrom('\n', '\r\n'),
});

/** One line of a file with `header`: cells in the header's order, quoted when they need it. */
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function line(header: string, row: Row): string {
  const delimiter = header.includes(';') ? ';' : ',';
  if (row.shape === 'empty-line') return '';
  if (row.shape === 'blank') return delimiter.repeat(3);
  const names = header.split(delimiter).map((h) => h.trim().toLowerCase());
  const quote = (cell: string) => (cell.includes(delimiter) || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell);
  const cells = names.map((name) => {
    if (name === 'respondent_id') return quote(row.respondent);
    if (name === 'rater_department') return quote(row.rater);
    if (name === 'target_department') return quote(row.target);
    if (name === 'comment') return row.comment;
    const c = ['speed', 'quality', 'tone'].indexOf(name === 'скорость' ? 'speed' : name);
    return c === -1 ? '' : quote(row.answers[c] as string);
  });
  if (row.shape === 'short') cells.pop();
  if (row.shape === 'long') cells.push('extra');
  return cells.join(delimiter);
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Keeps a copy of every row (the rows handed over may be one reused object). */
function recorder(): RowConsumer<{ rows: unknown[]; aggregate: unknown }> {
  const aggregator = createPeriodAggregator(config);
  const rows: unknown[] = [];
  return {
    add(row: QuestionnaireRow) {
      rows.push({ ...row, answers: [...row.answers] });
      aggregator.add(row);
    },
    finish: () => ({ rows, aggregate: aggregator.finish() }),
  };
}

async function load(files: string[], fastLane: boolean, reuse: boolean) {
  const consumer = reuse ? () => createPeriodAggregator(config) : recorder;
  return loadPeriod<unknown>(files, config, { consumer, collectRejects: true, fastLane });
}

describe('the fast lane changes nothing but speed', () => {
  it('same problems, counts, rejects, rows and aggregates with and without it, on generated periods', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 3 }), async (period) => {
        const dir = mkdtempSync(join(tmpdir(), 'ic-lane-'));
        dirs.push(dir);
        const files = period.map((file, i) => {
          const path = join(dir, `p${i}.csv`);
          // A row of shape 'bad-byte' ends with a byte that is not UTF-8 (pasted from a Windows-1251 file).
          const lines = [file.header, ...file.rows.map((row) => line(file.header, row))].map((text, i) =>
            Buffer.concat([Buffer.from(text), Buffer.from(i > 0 && file.rows[i - 1]?.shape === 'bad-byte' ? [0xcf] : []), Buffer.from(file.eol)]),
          );
          writeFileSync(path, Buffer.concat(lines));
          return path;
        });
        for (const reuse of [false, true]) {
          const slow = await load(files, false, reuse);
          const fast = await load(files, true, reuse);
          expect(fast).toEqual(slow);
        }
      }),
      { seed: 20260414, numRuns: 60 },
    );
  });

  it('takes a line whose comment is quoted, not one whose respondent is: "r,1" twice is a duplicate either way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ic-lane-'));
    dirs.push(dir);
    const path = join(dir, 'q.csv');
    const header = 'respondent_id,rater_department,target_department,speed,quality,tone,comment';
    const lines = [header, '"r,1",sales,hr,4,5,3,"fine, thanks"', 'r2,sales,hr,4,5,3,"fine, ""really"""', '"r,1",sales,hr,2,2,2,ok'];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const slow = await load([path], false, true);
    const fast = await load([path], true, true);
    expect(fast).toEqual(slow);
    expect(fast.load.problems.filter((p) => p.code === 'duplicate-response').map((p) => p.line)).toEqual([4, 2]);
    expect(fast.load.rows).toEqual({ read: 3, used: 1, rejected: 2, withErrors: 2, withWarnings: 0 });
  });
});
