/**
 * The period's scores from its aggregate: SPEC 3.2 exactly, with SPEC 3.3 anonymity applied.
 */
import type { Aggregation, Config } from '../config/types.js';
import type { PairAccumulator, PeriodAggregate } from './aggregate.js';
import type {
  CompanyCriterion,
  CriterionCell,
  DepartmentFlag,
  DepartmentScore,
  PairScore,
  PeriodScores,
  RaterView,
  SeMethod,
} from './results.js';
import { emptyWelford, welfordMerge, type Welford } from './stats.js';
import {
  applySecondarySuppression,
  guard,
  isHidden,
  shownValue,
  type Guarded,
  type SuppressionGroup,
} from './suppress.js';

/** Two-sided 95% normal quantile, as SPEC 3.2 writes it. */
export const Z95 = 1.96;

/**
 * The 95% interval S ± 1.96·SE, cut to the scale: no score can lie outside the scale, so an interval
 * reaching past it (5.12 on a 1–5 scale) would claim values that cannot happen. `ic explain` says so;
 * SE itself is unchanged, and z-tests use SE, never the cut interval.
 */
export function interval95(score: number, se: number, scale: { readonly min: number; readonly max: number }): readonly [number, number] {
  return [Math.max(scale.min, score - Z95 * se), Math.min(scale.max, score + Z95 * se)] as const;
}

/** Unsuppressed numbers of one department; never leaves this module. */
interface DepartmentRaw {
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

interface PairEntry {
  pair: PairAccumulator;
  cell: Guarded;
}

export function scorePeriod(aggregate: PeriodAggregate, config: Config): PeriodScores {
  assertSameConfig(aggregate, config);
  const { departments, criteria, aggregation } = config;
  const k = config.anonymityMin;
  const weights = aggregate.weights;
  const departmentCount = departments.length;

  const entries: PairEntry[] = aggregate.pairs.map((pair) => ({
    pair,
    cell: guard(pairScore(pair, weights), pair.rowScores.n, k),
  }));
  // aggregate.pairs is sorted by target, then rater: byTarget lists are in rater order, byRater in target order.
  const byTarget = groupByIndex(entries, departmentCount, (e) => e.pair.target);
  const byRater = groupByIndex(entries, departmentCount, (e) => e.pair.rater);

  const raw = byTarget.map((list) =>
    computeDepartment(
      list.map((e) => e.pair),
      weights,
      aggregation,
    ),
  );

  const departmentCells = raw.map((d) => guard(d.score, d.rows, k));
  const criterionCells = raw.map((d) =>
    d.criterionMeans.map((m, c) => guard(m, d.criterionAnswers[c] as number, k)),
  );

  const companyCriteriaRaw = criteria.map((_, c) => companyCriterionRaw(c, aggregate.pairs, raw, aggregation));
  const companyCriterionCells = companyCriteriaRaw.map((cc, c) =>
    guard(cc.mean, aggregate.criterionRespondents[c] as number, k),
  );

  const groups: SuppressionGroup[] = [];
  // SPEC 3.3: a shown S(t) with its shown criterion means, or with its shown pairs, would give a single hidden one away.
  departmentCells.forEach((margin, t) => {
    groups.push({ margin, cells: criterionCells[t] as Guarded[], hide: 'cell' });
    groups.push({ margin, cells: (byTarget[t] as PairEntry[]).map((e) => e.cell), hide: 'cell' });
  });
  // Our addition (same principle, links between views): a company criterion mean is an exact
  // (answer-weighted or plain) mean of the departments' M(t,c), and given(r) is, up to N/A answers,
  // the respondent-weighted mean of r's pairs. Here the summary value is hidden rather than a
  // department's own figure: it protects without cascading into the department table.
  criteria.forEach((_, c) => {
    groups.push({
      margin: companyCriterionCells[c] as Guarded,
      cells: criterionCells.map((row) => row[c] as Guarded),
      hide: 'margin',
    });
  });
  applySecondarySuppression(groups);

  // The rater view (SPEC 3.2) is computed from the rows of SHOWN pairs only. given(r) and the company
  // mean cut across departments: computed over every row, they add equations on the hidden pairs
  // (with a department's score, two hidden pairs of one department could be solved for). Over shown
  // pairs only, they carry nothing that the shown pair scores do not, so no hidden value leaks (SPEC 3.3).
  // A rater with a shown pair has at least anonymity_min respondents (that pair alone has).
  const raterAccs = byRater.map((list) => mergeAll(list.filter((e) => !isHidden(e.cell)).map((e) => e.pair.rowScores)));
  const raterRows = byRater.map((list) => list.reduce((n, e) => n + e.pair.rowScores.n, 0));
  const raterCells = raterAccs.map((acc, r) =>
    viewCell(acc, raterRows[r] as number, aggregate.raterRespondents[r] as number, k),
  );
  const companyAcc = mergeAll(entries.filter((e) => !isHidden(e.cell)).map((e) => e.pair.rowScores));
  const companyRows = aggregate.pairs.reduce((n, p) => n + p.rowScores.n, 0);
  const companyCell = viewCell(companyAcc, companyRows, aggregate.respondents, k);

  const shownScores = departmentCells.map(shownValue);
  const ranks = competitionRanks(shownScores);
  const alertBelow = config.alertBelow ?? null;

  const departmentScores: DepartmentScore[] = departments.map((department, t) => {
    const d = raw[t] as DepartmentRaw;
    const cell = departmentCells[t] as Guarded;
    const score = shownScores[t] ?? null;
    const se = score === null ? null : d.se;
    const flags: DepartmentFlag[] = [];
    if (cell.reason === 'no_responses') flags.push('no_responses');
    if (isHidden(cell)) flags.push('suppressed');
    if (score !== null && alertBelow !== null && score < alertBelow) flags.push('below_alert');
    const criterionScores: CriterionCell[] = criteria.map((criterion, c) => {
      const cc = (criterionCells[t] as Guarded[])[c] as Guarded;
      return {
        criterion: c,
        id: criterion.id,
        mean: shownValue(cc),
        respondents: cc.respondents,
        raters: d.criterionRaters[c] as number,
        suppressed: isHidden(cc),
        reason: cc.reason,
      };
    });
    return {
      index: t,
      id: department.id,
      name: department.name,
      score,
      se,
      seMethod: se === null ? null : d.seMethod,
      ci95: score === null || se === null ? null : interval95(score, se, config.scale),
      favorablePct: score === null || d.answers === 0 ? null : (100 * d.favorable) / d.answers,
      respondents: d.rows,
      raters: d.raters,
      answers: d.answers,
      rank: ranks[t] ?? null,
      criteria: criterionScores,
      suppressed: isHidden(cell),
      reason: cell.reason,
      flags,
    };
  });

  const entryByKey = new Map(entries.map((e) => [e.pair.target * departmentCount + e.pair.rater, e]));
  const expected = new Set<number>();
  config.evaluates.forEach((targets, r) => {
    for (const t of targets) expected.add(t * departmentCount + r);
  });
  const ids = departments.map((d) => d.id);
  const pairScores: PairScore[] = [];
  for (let t = 0; t < departmentCount; t++) {
    for (let r = 0; r < departmentCount; r++) {
      const key = t * departmentCount + r;
      const entry = entryByKey.get(key);
      const isExpected = expected.has(key);
      if (entry === undefined && !isExpected) continue;
      const cell = entry?.cell ?? guard(null, 0, k);
      pairScores.push({
        target: t,
        rater: r,
        targetId: ids[t] as string,
        raterId: ids[r] as string,
        score: shownValue(cell),
        respondents: cell.respondents,
        expected: isExpected,
        suppressed: isHidden(cell),
        reason: cell.reason,
      });
    }
  }

  const companyMean = shownValue(companyCell);
  const raterViews: RaterView[] = departments.map((department, r) => {
    const cell = raterCells[r] as Guarded;
    const givenMean = shownValue(cell);
    return {
      index: r,
      id: department.id,
      name: department.name,
      givenMean,
      companyMean,
      difference: givenMean === null || companyMean === null ? null : givenMean - companyMean,
      respondents: cell.respondents,
      rows: raterRows[r] as number,
      suppressed: isHidden(cell),
      reason: cell.reason,
    };
  });

  const companyCriteria: CompanyCriterion[] = criteria.map((criterion, c) => {
    const cc = companyCriteriaRaw[c] as CompanyCriterionRaw;
    const cell = companyCriterionCells[c] as Guarded;
    const mean = shownValue(cell);
    return {
      index: c,
      id: criterion.id,
      name: criterion.name,
      weight: criterion.weight,
      mean,
      favorablePct: mean === null || cc.answers === 0 ? null : (100 * cc.favorable) / cc.answers,
      answers: cc.answers,
      respondents: cell.respondents,
      suppressed: isHidden(cell),
      reason: cell.reason,
    };
  });

  return {
    aggregation,
    anonymityMin: k,
    favorableMin: config.favorableMin,
    alertBelow,
    rowsUsed: aggregate.rowsUsed,
    rowsIgnored: aggregate.rowsIgnored,
    company: {
      mean: companyMean,
      respondents: companyCell.respondents,
      rows: companyRows,
      suppressed: isHidden(companyCell),
      reason: companyCell.reason,
    },
    departments: departmentScores,
    pairs: pairScores,
    raters: raterViews,
    criteria: companyCriteria,
  };
}

/**
 * A rater-view value over the rows of shown pairs (`shown`), out of `rows` in all: no rows at all is
 * no_responses; rows but none in a shown pair is hidden (fewer_than_k, or secondary when only the
 * pairs were too small).
 */
function viewCell(shown: Welford, rows: number, respondents: number, k: number): Guarded {
  if (shown.n > 0) return guard(shown.mean, respondents, k);
  if (rows === 0) return guard(null, respondents, k);
  return { value: null, respondents, reason: respondents < k ? 'fewer_than_k' : 'secondary' };
}

/** P(t,r) = Σ w_c·m(t,r,c) / Σ w_c over the criteria r answered about t. */
function pairScore(pair: PairAccumulator, weights: readonly number[]): number | null {
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

function computeDepartment(
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

interface CompanyCriterionRaw {
  mean: number | null;
  answers: number;
  favorable: number;
}

function companyCriterionRaw(
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

/**
 * 1 + the number of strictly higher scores: ties share a rank and the next rank skips (1, 2, 2, 4).
 * Scores are compared exactly, unrounded: two departments that print the same rounded score may
 * get different ranks, and a tie means the same number, not the same display.
 */
function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}

function mergeAll(accs: readonly Welford[]): Welford {
  return accs.reduce(welfordMerge, emptyWelford());
}

function groupByIndex<T>(items: readonly T[], length: number, indexOf: (item: T) => number): T[][] {
  const groups: T[][] = Array.from({ length }, () => []);
  for (const item of items) (groups[indexOf(item)] as T[]).push(item);
  return groups;
}

function assertSameConfig(aggregate: PeriodAggregate, config: Config): void {
  const sameWeights =
    aggregate.weights.length === config.criteria.length &&
    config.criteria.every((c, i) => c.weight === aggregate.weights[i]);
  if (aggregate.departmentCount !== config.departments.length || !sameWeights || aggregate.favorableMin !== config.favorableMin) {
    throw new Error('scorePeriod: the aggregate was built with a different config');
  }
}
