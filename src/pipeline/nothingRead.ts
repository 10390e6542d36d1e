/**
 * A report on nothing is not a report (issue 13): a missing input, a folder with nothing ic reads, or inputs
 * without a single data row stop a scoring command with exit 1, --skip-invalid or not.
 */
import type { PeriodLoad } from './loadPeriod.js';

/** Why `load` cannot be scored at all, in words for the user; null when it can. */
export function nothingToScore(load: PeriodLoad): string | null {
  const missing = load.problems.filter((p) => p.code === 'file-not-found' || p.code === 'no-input').map((p) => p.file ?? '');
  if (missing.length > 0) {
    return `nothing was computed: ${missing.join(', ')} ${missing.length === 1 ? 'gives' : 'give'} no responses file to read (see above); check the path${missing.length === 1 ? '' : 's'}`;
  }
  if (load.rows.read === 0) {
    return `nothing was computed: no data row was read from ${load.inputs.join(', ')}; a report needs at least one row`;
  }
  return null;
}

/**
 * With --skip-invalid, data whose every row has errors (a survey that is not this one, a file ic cannot map)
 * leaves nothing to compute: exit 0 would pass off an empty report as a result. `periods` pairs each load with
 * its label (null for a single period); null when every period has a row left.
 */
export function nothingValidLeft(periods: readonly { load: PeriodLoad; label: string | null }[]): string | null {
  const emptied = periods.filter(({ load }) => load.rows.used === 0 && load.problems.some((p) => p.severity === 'error'));
  if (emptied.length === 0) return null;
  const whose = emptied.some((e) => e.label !== null) ? ` of ${emptied.map((e) => e.label).join(', ')}` : '';
  return `no valid row is left in the data${whose}; nothing was computed. Fix the problems listed above`;
}
