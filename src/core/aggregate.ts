/**
 * Streaming aggregation of one period's questionnaire rows (SPEC 3.1, 3.2, section 5).
 *
 * Memory does not grow with the number of rows: running sums per target × rater × criterion
 * and a Welford accumulator of the row score `o` per target × rater (everything per target,
 * per rater and company-wide is merged from these in `scorePeriod`). Only the distinct-respondent
 * counts of the rater and company views keep respondent ids, because there one respondent
 * writes several rows; that grows with respondents, not rows.
 */
import type { Config } from '../config/types.js';
import type { QuestionnaireRow } from './types.js';
import { emptyWelford, welfordAdd, type Welford } from './stats.js';

/** Everything one rater department r said about one target department t. */
export interface PairAccumulator {
  readonly target: number;
  readonly rater: number;
  /**
   * answers[c] = valid answers of r about t on criterion c. A row holds at most one answer per
   * criterion and rows are de-duplicated by validation, so this is also the number of r's
   * respondents who answered c about t.
   */
  readonly answers: Float64Array;
  /** sums[c] = sum of those answers. */
  readonly sums: Float64Array;
  /** favorable[c] = how many of those answers are >= favorable_min. */
  readonly favorable: Float64Array;
  /** Row scores `o` of the pair's rows; rowScores.n = rows = distinct respondents of the pair. */
  readonly rowScores: Welford;
}

/** The sufficient statistics of one period; plain data, input of `scorePeriod`. */
export interface PeriodAggregate {
  readonly departmentCount: number;
  /** Criterion weights the row scores were computed with (indexed by criterion). */
  readonly weights: readonly number[];
  readonly favorableMin: number;
  /** Pairs that have at least one row, sorted by target, then rater. */
  readonly pairs: readonly PairAccumulator[];
  /** raterRespondents[r] = distinct respondents among the rows written by rater department r. */
  readonly raterRespondents: readonly number[];
  /** criterionRespondents[c] = distinct respondents with a valid answer on c, company-wide. */
  readonly criterionRespondents: readonly number[];
  /** Distinct respondents with at least one valid answer, company-wide. */
  readonly respondents: number;
  /** Rows aggregated. */
  readonly rowsUsed: number;
  /** Rows without a single valid answer (validation drops them; counted here if any slip through). */
  readonly rowsIgnored: number;
}

export interface PeriodAggregator {
  /** Adds one validated row. The row (and its answers array) is not kept, so a reader may reuse its buffers. */
  add(row: QuestionnaireRow): void;
  /** The aggregate of every row added so far; no row may be added afterwards. */
  finish(): PeriodAggregate;
}

export function createPeriodAggregator(config: Config): PeriodAggregator {
  const departmentCount = config.departments.length;
  const weights = config.criteria.map((c) => c.weight);
  const criterionCount = weights.length;
  const favorableMin = config.favorableMin;

  const pairs = new Map<number, PairAccumulator>();
  const raterSets: Set<number>[] = Array.from({ length: departmentCount }, () => new Set<number>());
  const criterionRespondents = createCriterionRespondents(criterionCount);
  let rowsUsed = 0;
  let rowsIgnored = 0;
  let finished = false;

  function pairFor(target: number, rater: number): PairAccumulator {
    const key = target * departmentCount + rater;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = {
        target,
        rater,
        answers: new Float64Array(criterionCount),
        sums: new Float64Array(criterionCount),
        favorable: new Float64Array(criterionCount),
        rowScores: emptyWelford(),
      };
      pairs.set(key, pair);
    }
    return pair;
  }

  return {
    add(row: QuestionnaireRow): void {
      if (finished) throw new Error('PeriodAggregator.add() called after finish()');
      const { respondent, rater, target, answers } = row;
      if (!isIndex(rater, departmentCount) || !isIndex(target, departmentCount)) {
        throw new RangeError(`department index out of range (rater ${rater}, target ${target}, ${departmentCount} departments)`);
      }
      if (answers.length !== criterionCount) {
        throw new RangeError(`row has ${answers.length} answers, the config has ${criterionCount} criteria`);
      }

      let pair: PairAccumulator | undefined;
      let weightSum = 0;
      let weightedSum = 0;
      for (let c = 0; c < criterionCount; c++) {
        const a = answers[c] as number;
        if (!Number.isFinite(a)) continue; // NaN: not answered
        pair ??= pairFor(target, rater);
        const w = weights[c] as number;
        weightSum += w;
        weightedSum += w * a;
        pair.answers[c] = (pair.answers[c] as number) + 1;
        pair.sums[c] = (pair.sums[c] as number) + a;
        if (a >= favorableMin) pair.favorable[c] = (pair.favorable[c] as number) + 1;
      }
      if (pair === undefined) {
        rowsIgnored++;
        return;
      }
      welfordAdd(pair.rowScores, weightedSum / weightSum);
      criterionRespondents.addRow(respondent, answers);
      (raterSets[rater] as Set<number>).add(respondent);
      rowsUsed++;
    },

    finish(): PeriodAggregate {
      finished = true;
      const sortedKeys = [...pairs.keys()].sort((a, b) => a - b); // key = target·D + rater
      return {
        departmentCount,
        weights,
        favorableMin,
        pairs: sortedKeys.map((key) => pairs.get(key) as PairAccumulator),
        raterRespondents: raterSets.map((s) => s.size),
        criterionRespondents: criterionRespondents.counts(),
        respondents: criterionRespondents.total(),
        rowsUsed,
        rowsIgnored,
      };
    },
  };
}

function isIndex(i: number, length: number): boolean {
  return Number.isInteger(i) && i >= 0 && i < length;
}

interface CriterionRespondents {
  /** Records the criteria with a valid (non-NaN) answer in `answers`. */
  addRow(respondent: number, answers: Float64Array): void;
  counts(): number[];
  /** Distinct respondents with any valid answer. */
  total(): number;
}

/**
 * Distinct respondents per criterion, company-wide. Up to 31 criteria, one small integer bit mask
 * per respondent (one Map entry instead of one Set entry per criterion); beyond, a Set per criterion.
 */
function createCriterionRespondents(criterionCount: number): CriterionRespondents {
  if (criterionCount <= 31) {
    const masks = new Map<number, number>();
    return {
      addRow(respondent, answers) {
        let mask = 0;
        for (let c = 0; c < criterionCount; c++) if (Number.isFinite(answers[c])) mask |= 1 << c;
        masks.set(respondent, (masks.get(respondent) ?? 0) | mask);
      },
      counts() {
        const counts = new Array<number>(criterionCount).fill(0);
        for (const mask of masks.values()) {
          for (let c = 0; c < criterionCount; c++) if ((mask & (1 << c)) !== 0) counts[c] = (counts[c] as number) + 1;
        }
        return counts;
      },
      total: () => masks.size,
    };
  }
  const sets = Array.from({ length: criterionCount }, () => new Set<number>());
  const all = new Set<number>();
  return {
    addRow(respondent, answers) {
      for (let c = 0; c < criterionCount; c++) if (Number.isFinite(answers[c])) (sets[c] as Set<number>).add(respondent);
      all.add(respondent);
    },
    counts: () => sets.map((s) => s.size),
    total: () => all.size,
  };
}
