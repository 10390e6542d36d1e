/**
 * The unknowns an attacker faces (SPEC 3.3) and the linear expressions over them that one report publishes.
 *
 * Atoms, per pair (target t, rater r) and criterion c with n answers: S = the sum of the answers, F = how many
 * are favorable; per pair: O = the sum of its row scores. Counts (n, rows) are treated as known: they are
 * printed, and assuming the attacker knows them only makes the protection stronger.
 */
import type { PairAccumulator } from '../aggregate.js';

/** A sparse linear expression: column index → coefficient. */
export type Expression = Map<number, number>;

export interface Atoms {
  /** Column of S(p, c), or -1 when pair p has no answer on c. */
  readonly sum: (p: number, c: number) => number;
  /** Column of F(p, c), or -1 when pair p has no answer on c. */
  readonly favorable: (p: number, c: number) => number;
  /** Column of O(p). */
  readonly rowScores: (p: number) => number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** The true value of every column: the right-hand sides of published equations. */
  readonly truth: Float64Array;
  /** Columns of groups smaller than anonymity_min: whole-point answers make their S and F integers. */
  readonly small: readonly number[];
}

export function createAtoms(
  pairs: readonly PairAccumulator[],
  criterionCount: number,
  scale: { min: number; max: number },
  anonymityMin: number,
): Atoms {
  const columns = pairs.length * (2 * criterionCount + 1);
  const lower = new Float64Array(columns);
  const upper = new Float64Array(columns);
  const truth = new Float64Array(columns);
  const small: number[] = [];
  const stride = 2 * criterionCount + 1;
  pairs.forEach((pair, p) => {
    for (let c = 0; c < criterionCount; c++) {
      const n = pair.answers[c] as number;
      const s = p * stride + c;
      const f = s + criterionCount;
      lower[s] = n * scale.min;
      upper[s] = n * scale.max;
      truth[s] = pair.sums[c] as number;
      lower[f] = 0;
      upper[f] = n;
      truth[f] = pair.favorable[c] as number;
      if (n > 0 && n < anonymityMin) small.push(s, f);
    }
    const o = p * stride + 2 * criterionCount;
    const rows = pair.rowScores.n;
    lower[o] = rows * scale.min;
    upper[o] = rows * scale.max;
    truth[o] = rows * pair.rowScores.mean;
  });
  const has = (p: number, c: number) => ((pairs[p] as PairAccumulator).answers[c] as number) > 0;
  return {
    sum: (p, c) => (has(p, c) ? p * stride + c : -1),
    favorable: (p, c) => (has(p, c) ? p * stride + criterionCount + c : -1),
    rowScores: (p) => p * stride + 2 * criterionCount,
    lower,
    upper,
    truth,
    small,
  };
}

export function addTerm(expression: Expression, column: number, coefficient: number): void {
  if (column < 0 || coefficient === 0) return;
  expression.set(column, (expression.get(column) ?? 0) + coefficient);
}

/** expression += factor · other */
export function addScaled(expression: Expression, other: Expression, factor: number): void {
  for (const [column, coefficient] of other) addTerm(expression, column, factor * coefficient);
}

export function evaluate(expression: Expression, values: Float64Array): number {
  let sum = 0;
  for (const [column, coefficient] of expression) sum += coefficient * (values[column] as number);
  return sum;
}
