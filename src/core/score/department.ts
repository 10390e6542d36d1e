/** The unsuppressed numbers of SPEC 3.2, from a period's pair accumulators: never leave the core. */
import type { Aggregation } from '../../config/types.js';
import type { PairAccumulator } from '../aggregate.js';
import type { SeMethod } from '../results.js';
import { emptyWelford, welfordMerge, type Welford } from '../stats.js';

/** Unsuppressed numbers of one department. */
export interface DepartmentRaw {
  rows: number;
  raters: number;
  answers: number;
  favorable: number;
  criterionMeans: (number | null)[];
  criterionAnswers: number[];
  criterionRaters: number[];
  score: number | null;
  se: number | null;
  seMethod: SeMethod | null;
}

/** P(t,r) = Σ w_c·m(t,r,c) / Σ w_c over the criteria r answered about t. */
export function pairScore(pair: PairAccumulator, weights: readonly number[]): number | null {
  const means = weights.map((_, c) => {
    const n = pair.answers[c] as number;
    return n === 0 ? null : (pair.sums[c] as number) / n;
  });
  return weightedMean(means, weights);
}

/** Σ w_i·v_i / Σ w_i over the non-null v_i; null when all are null. */
function weightedMean(values: readonly (number | null)[], weights: readonly number[]): number | null {
  let weightSum = 0;
  let sum = 0;
  values.forEach((v, i) => {
    if (v === null) return;
    const w = weights[i] as number;
    weightSum += w;
    sum += w * v;
  });
  return weightSum === 0 ? null : sum / weightSum;
}

export function computeDepartment(
  pairs: readonly PairAccumulator[],
  weights: readonly number[],
  aggregation: Aggregation,
): DepartmentRaw {
  let answers = 0;
  let favorable = 0;
  const criterionMeans: (number | null)[] = [];
  const criterionAnswers: number[] = [];
  const criterionRaters: number[] = [];
  weights.forEach((_, c) => {
    let n = 0;
    let sum = 0;
    let raters = 0;
    let sumOfPairMeans = 0;
    for (const pair of pairs) {
      const a = pair.answers[c] as number;
      if (a === 0) continue;
      n += a;
      sum += pair.sums[c] as number;
      favorable += pair.favorable[c] as number;
      raters++;
      sumOfPairMeans += (pair.sums[c] as number) / a; // m(t,r,c)
    }
    answers += n;
    criterionAnswers.push(n);
    criterionRaters.push(raters);
    // departments: every client department counts equally; respondents: every answer does.
    criterionMeans.push(n === 0 ? null : aggregation === 'departments' ? sumOfPairMeans / raters : sum / n);
  });
  const { se, seMethod } = standardError(pairs, aggregation);
  return {
    rows: pairs.reduce((s, p) => s + p.rowScores.n, 0),
    raters: pairs.length,
    answers,
    favorable,
    criterionMeans,
    criterionAnswers,
    criterionRaters,
    score: weightedMean(criterionMeans, weights),
    se,
    seMethod,
  };
}

function standardError(
  pairs: readonly PairAccumulator[],
  aggregation: Aggregation,
): { se: number | null; seMethod: SeMethod | null } {
  const all = mergeAll(pairs.map((p) => p.rowScores));
  if (all.n < 2) return { se: null, seMethod: null };
  const allVariance = all.m2 / (all.n - 1);
  if (aggregation === 'respondents') return { se: Math.sqrt(allVariance / all.n), seMethod: 'respondents' };

  // Pooled within-department variance: Σ_r (n_r − 1)·s_r² / Σ_r (n_r − 1), and (n_r − 1)·s_r² = M2_r.
  let pooledM2 = 0;
  let pooledDf = 0;
  let singletons = 0;
  for (const p of pairs) {
    if (p.rowScores.n >= 2) {
      pooledM2 += p.rowScores.m2;
      pooledDf += p.rowScores.n - 1;
    } else {
      singletons++;
    }
  }
  // Our decision, not written in SPEC 3.2 (`ic explain` prints it): when no rater department of t
  // has 2+ rows there is no within-department variance to pool, so every rater department uses the
  // sample variance of all of t's row scores. This includes between-department spread, so it errs
  // towards a larger SE (a change is less easily called significant), which is the safe side.
  const substitute = pooledDf > 0 ? pooledM2 / pooledDf : allVariance;
  let sum = 0;
  for (const p of pairs) {
    const n = p.rowScores.n;
    sum += (n >= 2 ? p.rowScores.m2 / (n - 1) : substitute) / n;
  }
  const seMethod: SeMethod = singletons === 0 ? 'departments' : pooledDf > 0 ? 'departments_pooled' : 'departments_all_rows';
  return { se: Math.sqrt(sum) / pairs.length, seMethod };
}

export interface CompanyCriterionRaw {
  mean: number | null;
  answers: number;
  favorable: number;
}

export function companyCriterionRaw(
  c: number,
  pairs: readonly PairAccumulator[],
  departments: readonly DepartmentRaw[],
  aggregation: Aggregation,
): CompanyCriterionRaw {
  let answers = 0;
  let sum = 0;
  let favorable = 0;
  for (const p of pairs) {
    answers += p.answers[c] as number;
    sum += p.sums[c] as number;
    favorable += p.favorable[c] as number;
  }
  let mean: number | null;
  if (aggregation === 'departments') {
    // Mean over the departments t that have M(t,c), every department counting equally.
    const means = departments.map((d) => d.criterionMeans[c] ?? null).filter((m): m is number => m !== null);
    mean = means.length === 0 ? null : means.reduce((s, m) => s + m, 0) / means.length;
  } else {
    mean = answers === 0 ? null : sum / answers;
  }
  return { mean, answers, favorable };
}

export function mergeAll(accs: readonly Welford[]): Welford {
  return accs.reduce(welfordMerge, emptyWelford());
}
