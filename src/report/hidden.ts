/**
 * How many values of a period are not shown, by reason: department scores, their criterion means and the
 * pair scores that the core left null (anonymity, or nothing to compute them from).
 */
import type { NullReason, PeriodScores } from '../core/results.js';

export type HiddenCounts = Record<NullReason, number>;

export function hiddenCounts(scores: PeriodScores): HiddenCounts {
  const counts: HiddenCounts = { fewer_than_k: 0, secondary: 0, no_responses: 0 };
  const add = (value: number | null, reason: NullReason | null): void => {
    if (value === null && reason !== null) counts[reason]++;
  };
  for (const d of scores.departments) {
    add(d.score, d.reason);
    for (const c of d.criteria) add(c.mean, c.reason);
  }
  for (const p of scores.pairs) add(p.score, p.reason);
  return counts;
}
