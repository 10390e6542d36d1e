/** Which pairs' rows the rater view (given(r), the company mean) is computed over: one rule for scoring and protection. */
import type { PairAccumulator } from './aggregate.js';
import { isHidden, type Guarded } from './suppress.js';

/**
 * The rows of a pair count in the rater view when the pair's score is shown and none of its criteria was answered
 * by fewer than anonymity_min of its respondents. A hidden pair's rows would add equations on it (with a
 * department's score, two hidden pairs of one department could be solved for). And in a pair where, say, one of
 * two people skipped a criterion, which rows lack it is all but known, so the sum of the row scores is one more
 * equation on each row's answers, which pins the hidden mean of that criterion; a sum of row scores is not
 * linear in the pair's sums, so it cannot be checked by the linear programs and is left out instead.
 */
export function inRaterView(pair: PairAccumulator, cell: Guarded, anonymityMin: number): boolean {
  return !isHidden(cell) && !pair.answers.some((n) => n > 0 && n < anonymityMin);
}
