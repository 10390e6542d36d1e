/** Shared by the `ic score` tests: fixture paths, the JSON shape they read, CSV parsing, ANSI detection. */
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import type { ScoreJson } from '../../src/report/score/json.js';
import { FIXTURES, REPO, ic, type Run } from '../helpers/cli.js';

export const EXAMPLES = join(REPO, 'examples');
export const EXAMPLE_Q1 = join(EXAMPLES, '2026-q1.csv');
export const EXAMPLE_Q2 = join(EXAMPLES, '2026-q2.csv');
export const SMALL = join(FIXTURES, 'score-small');
export const SMALL_RESPONSES = join(SMALL, 'responses.csv');
/** The same company aggregated by respondents. */
export const SMALL_RESPONDENTS_CONFIG = join(SMALL, 'respondents.yaml');

export const ANSI = /\u001b\[/u;

/** What the tests read of `ic score --format json`: the declared contract (SPEC 4.1), not a copy of it. */
export type ScoreJsonOut = ScoreJson;

/** Runs `ic score ARGS --format json` and parses stdout; fails the test with stderr when the run fails. */
export function scoreJson(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): { run: Run; json: ScoreJsonOut } {
  const run = ic(['score', ...args, '--format', 'json'], options);
  if (run.code !== 0) throw new Error(`ic score exited ${run.code}:\n${run.stderr}`);
  return { run, json: JSON.parse(run.stdout) as ScoreJsonOut };
}

export function parseCsv(text: string, delimiter = ','): string[][] {
  return parse(text, { delimiter, bom: true, relax_column_count: false }) as string[][];
}

/** CSV text as records of objects keyed by the header. */
export function csvObjects(text: string, delimiter = ','): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i] ?? ''])));
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** The terminal table's row for a department name: its cells, split on the two-space column gap. */
export function tableRow(table: string, startsWith: RegExp): string[] {
  const line = table.split('\n').find((l) => startsWith.test(l));
  if (line === undefined) throw new Error(`no table line matches ${startsWith}:\n${table}`);
  return line.trim().split(/\s{2,}/u);
}
