/**
 * A report on nothing is not a report (issue 13): a missing input, a folder with nothing ic reads, or inputs
 * without a single data row stop a scoring command with exit 1, --skip-invalid or not. These say why, as data;
 * the command says it in the report's language.
 */
import type { PeriodLoad } from './loadPeriod.js';

export type NothingToScore = { kind: 'not-found'; inputs: string[] } | { kind: 'no-rows'; inputs: readonly string[] };

/** Why `load` cannot be scored at all; null when it can. */
export function nothingToScore(load: PeriodLoad): NothingToScore | null {
  const missing = load.problems.filter((p) => p.code === 'file-not-found' || p.code === 'no-input').map((p) => p.file ?? '');
  if (missing.length > 0) return { kind: 'not-found', inputs: missing };
  if (load.rows.read === 0) return { kind: 'no-rows', inputs: load.inputs };
  return null;
}

/**
 * With --skip-invalid, data whose every row has errors (a survey that is not this one, a file ic cannot map)
 * leaves nothing to compute: exit 0 would pass off an empty report as a result. `periods` pairs each load with
 * its label (null for a single period). Null when every period has a row left; else the labels of the periods
 * left empty (none when there is one period).
 */
export function nothingValidLeft(periods: readonly { load: PeriodLoad; label: string | null }[]): string[] | null {
  const emptied = periods.filter(({ load }) => load.rows.used === 0 && load.problems.some((p) => p.severity === 'error'));
  if (emptied.length === 0) return null;
  return emptied.flatMap((e) => (e.label === null ? [] : [e.label]));
}
