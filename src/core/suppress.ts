/**
 * Anonymity (SPEC 3.3): primary suppression (fewer than anonymity_min distinct respondents)
 * and secondary suppression, so that no hidden value can be worked out by subtraction.
 */
import type { NullReason } from './results.js';

/** A value on its way to the result: the raw number, who it comes from, and why it may be null. */
export interface Guarded {
  /** The unsuppressed value; null when there is nothing to compute it from. Never copied out when hidden. */
  readonly value: number | null;
  readonly respondents: number;
  /** null: shown. */
  reason: NullReason | null;
}

/** Primary suppression. */
export function guard(value: number | null, respondents: number, anonymityMin: number): Guarded {
  const reason = value === null ? 'no_responses' : respondents < anonymityMin ? 'fewer_than_k' : null;
  return { value, respondents, reason };
}

export function isHidden(cell: Guarded): boolean {
  return cell.reason === 'fewer_than_k' || cell.reason === 'secondary' || cell.reason === 'protection';
}

/** The value to show, or null. */
export function shownValue(cell: Guarded): number | null {
  return cell.reason === null ? cell.value : null;
}

/**
 * A shown `margin` together with its `cells` lets a reader solve for one hidden cell.
 * When exactly one cell is hidden:
 * - 'cell': hide the other shown cell with the fewest respondents (ties: the first in `cells`,
 *   so order cells by department or criterion index); when there is none, hide the margin;
 * - 'margin': hide the margin itself.
 */
export interface SuppressionGroup {
  margin: Guarded;
  cells: readonly Guarded[];
  hide: 'cell' | 'margin';
}

/**
 * Secondary suppression over linked groups, repeated until nothing changes (hiding a cell in
 * one group can leave exactly one hidden cell in another). Terminates: every pass either hides
 * one more value or stops. Groups are visited in the given order, which decides ties between groups.
 */
export function applySecondarySuppression(groups: readonly SuppressionGroup[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (group.margin.reason !== null) continue; // no shown margin to subtract from
      let hidden = 0;
      let smallest: Guarded | undefined;
      for (const cell of group.cells) {
        if (cell.value === null) continue;
        if (isHidden(cell)) hidden++;
        else if (smallest === undefined || cell.respondents < smallest.respondents) smallest = cell;
      }
      if (hidden !== 1) continue;
      const victim = group.hide === 'cell' && smallest !== undefined ? smallest : group.margin;
      victim.reason = 'secondary';
      changed = true;
    }
  }
}
