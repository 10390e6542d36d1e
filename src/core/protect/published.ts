/**
 * Every number one run of `ic score` can show, in all views together, written as a linear expression over
 * the atoms (see linear.ts): SPEC 3.2's formulas with the counts filled in.
 */
import type { Aggregation } from '../../config/types.js';
import type { PairAccumulator } from '../aggregate.js';
import { addScaled, addTerm, type Atoms, type Expression } from './linear.js';

export interface Formulas {
  /** m(t,r,c) of pair p. */
  pairCriterionMean(p: number, c: number): Expression;
  /** P(t,r) of pair p. */
  pairScore(p: number): Expression;
  /** M(t,c) over the given pairs of t (null when none answered c). */
  criterionMean(pairsOfTarget: readonly number[], c: number): Expression | null;
  /** S(t). */
  score(pairsOfTarget: readonly number[]): Expression | null;
  /** Favorable share (0–1) over the given pairs and criteria. */
  favorableShare(pairIndices: readonly number[], criteria: readonly number[]): Expression | null;
  /** Company criterion mean: departments' M(t,c) (departments) or every answer on c (respondents). */
  companyCriterionMean(pairsByTarget: readonly (readonly number[])[], c: number): Expression | null;
  /** Mean row score over the given pairs' rows (rater view, company mean). */
  meanRowScore(pairIndices: readonly number[]): Expression | null;
}

export function createFormulas(
  pairs: readonly PairAccumulator[],
  weights: readonly number[],
  aggregation: Aggregation,
  atoms: Atoms,
): Formulas {
  const answers = (p: number, c: number) => (pairs[p] as PairAccumulator).answers[c] as number;

  const pairCriterionMean = (p: number, c: number): Expression => {
    const e: Expression = new Map();
    addTerm(e, atoms.sum(p, c), 1 / answers(p, c));
    return e;
  };

  const criterionMean = (pairsOfTarget: readonly number[], c: number): Expression | null => {
    const answered = pairsOfTarget.filter((p) => answers(p, c) > 0);
    if (answered.length === 0) return null;
    const e: Expression = new Map();
    const total = answered.reduce((n, p) => n + answers(p, c), 0);
    for (const p of answered) {
      // departments: mean of the pair means; respondents: sum of answers over their count
      addTerm(e, atoms.sum(p, c), aggregation === 'departments' ? 1 / (answers(p, c) * answered.length) : 1 / total);
    }
    return e;
  };

  const weighted = (parts: readonly (Expression | null)[]): Expression | null => {
    const shown = parts.flatMap((part, c) => (part === null ? [] : [{ part, w: weights[c] as number }]));
    const weightSum = shown.reduce((s, x) => s + x.w, 0);
    if (weightSum === 0) return null;
    const e: Expression = new Map();
    for (const { part, w } of shown) addScaled(e, part, w / weightSum);
    return e;
  };

  return {
    pairCriterionMean,
    pairScore: (p) => weighted(weights.map((_, c) => (answers(p, c) > 0 ? pairCriterionMean(p, c) : null))) as Expression,
    criterionMean,
    score: (pairsOfTarget) => weighted(weights.map((_, c) => criterionMean(pairsOfTarget, c))),
    favorableShare(pairIndices, criteria) {
      let total = 0;
      for (const p of pairIndices) for (const c of criteria) total += answers(p, c);
      if (total === 0) return null;
      const e: Expression = new Map();
      for (const p of pairIndices) for (const c of criteria) addTerm(e, atoms.favorable(p, c), 1 / total);
      return e;
    },
    companyCriterionMean(pairsByTarget, c) {
      if (aggregation === 'respondents') return criterionMean(pairsByTarget.flat(), c);
      const means = pairsByTarget.map((list) => criterionMean(list, c)).filter((m): m is Expression => m !== null);
      if (means.length === 0) return null;
      const e: Expression = new Map();
      for (const m of means) addScaled(e, m, 1 / means.length);
      return e;
    },
    meanRowScore(pairIndices) {
      const rows = pairIndices.reduce((n, p) => n + (pairs[p] as PairAccumulator).rowScores.n, 0);
      if (rows === 0) return null;
      const e: Expression = new Map();
      for (const p of pairIndices) addTerm(e, atoms.rowScores(p), 1 / rows);
      return e;
    },
  };
}
