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
import { EXPECTED_RESPONDENTS, type QuestionnaireRow } from '../domain/questionnaire.js';
import { CriterionRows } from './criterionRows.js';
import type { Welford } from './stats.js';

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
  /**
   * Takes back out a row given to `add` before (the first of a duplicate pair, found out when the second shows
   * up): everything is then as if it had never been added (sums to rounding).
   */
  remove(row: QuestionnaireRow): void;
  /** Always false: see `add`. */
  readonly keepsRows: false;
  /** The aggregate of every row added so far; no row may be added afterwards. */
  finish(): PeriodAggregate;
}

export function createPeriodAggregator(config: Config): PeriodAggregator {
  const departmentCount = config.departments.length;
  const weights = config.criteria.map((c) => c.weight);
  const criterionCount = weights.length;
  const favorableMin = config.favorableMin;

  // What a pair accumulates, in one array per pair (contiguous in memory: rows hit pairs at random):
  // [0, C) answers, [C, 2C) sums, [2C, 3C) favorable, then the Welford accumulator of the row scores.
  const C = criterionCount;
  const N = 3 * C;
  const MEAN = N + 1;
  const M2 = N + 2;
  // Pairs by key target·D + rater: an array while D² is small (a Map lookup per row costs more than the row).
  const pairKeys = departmentCount * departmentCount;
  const pairSlots: (Float64Array | undefined)[] | null = pairKeys <= 1 << 20 ? new Array<Float64Array | undefined>(pairKeys) : null;
  const pairMap = new Map<number, Float64Array>();
  const raterRespondents = createRaterRespondents(departmentCount);
  const criterionRespondents = createCriterionRespondents(criterionCount);
  let rowsUsed = 0;
  let rowsIgnored = 0;
  let finished = false;

  function statsFor(target: number, rater: number): Float64Array {
    const key = target * departmentCount + rater;
    let stats = pairSlots === null ? pairMap.get(key) : pairSlots[key];
    if (stats === undefined) {
      stats = new Float64Array(3 * C + 3);
      if (pairSlots === null) pairMap.set(key, stats);
      else pairSlots[key] = stats;
    }
    return stats;
  }

  return {
    keepsRows: false,
    add(row: QuestionnaireRow): void {
      if (finished) throw new Error('PeriodAggregator.add() called after finish()');
      const { respondent, rater, target, answers } = row;
      if (!isIndex(rater, departmentCount) || !isIndex(target, departmentCount)) {
        throw new RangeError(`department index out of range (rater ${rater}, target ${target}, ${departmentCount} departments)`);
      }
      if (answers.length !== criterionCount) {
        throw new RangeError(`row has ${answers.length} answers, the config has ${criterionCount} criteria`);
      }

      let stats: Float64Array | undefined;
      let mask = 0;
      let weightSum = 0;
      let weightedSum = 0;
      for (let c = 0; c < C; c++) {
        const a = answers[c] as number;
        if (!Number.isFinite(a)) continue; // NaN: not answered
        stats ??= statsFor(target, rater);
        mask |= 1 << c; // used with up to 31 criteria only
        const w = weights[c] as number;
        weightSum += w;
        weightedSum += w * a;
        stats[c] = (stats[c] as number) + 1;
        stats[C + c] = (stats[C + c] as number) + a;
        if (a >= favorableMin) stats[2 * C + c] = (stats[2 * C + c] as number) + 1;
      }
      if (stats === undefined) {
        rowsIgnored++;
        return;
      }
      // welfordAdd, on the pair's array
      const x = weightedSum / weightSum;
      const n = (stats[N] as number) + 1;
      stats[N] = n;
      const delta = x - (stats[MEAN] as number);
      const mean = (stats[MEAN] as number) + delta / n;
      stats[MEAN] = mean;
      stats[M2] = (stats[M2] as number) + delta * (x - mean);
      criterionRespondents.addRow(respondent, answers, mask);
      raterRespondents.add(respondent, rater);
      rowsUsed++;
    },

    remove(row: QuestionnaireRow): void {
      if (finished) throw new Error('PeriodAggregator.remove() called after finish()');
      const { respondent, rater, target, answers } = row;
      const key = target * departmentCount + rater;
      const stats = pairSlots === null ? pairMap.get(key) : pairSlots[key];
      if (stats === undefined) throw new RangeError(`no row of rater ${rater} about target ${target} to remove`);
      let mask = 0;
      let weightSum = 0;
      let weightedSum = 0;
      for (let c = 0; c < C; c++) {
        const a = answers[c] as number;
        if (!Number.isFinite(a)) continue;
        mask |= 1 << c;
        const w = weights[c] as number;
        weightSum += w;
        weightedSum += w * a;
        const left = (stats[c] as number) - 1;
        stats[c] = left;
        // Exactly 0 when nothing is left, not a rounding residue.
        stats[C + c] = left === 0 ? 0 : (stats[C + c] as number) - a;
        if (a >= favorableMin) stats[2 * C + c] = (stats[2 * C + c] as number) - 1;
      }
      if (weightSum === 0) {
        rowsIgnored--;
        return;
      }
      // welfordAdd undone: the mean and M2 before x was added.
      const x = weightedSum / weightSum;
      const n = stats[N] as number;
      if (n <= 1) {
        if (pairSlots === null) pairMap.delete(key);
        else pairSlots[key] = undefined;
      } else {
        const mean = stats[MEAN] as number;
        const before = (n * mean - x) / (n - 1);
        stats[N] = n - 1;
        stats[MEAN] = before;
        stats[M2] = Math.max(0, (stats[M2] as number) - (x - before) * (x - mean));
      }
      criterionRespondents.removeRow(respondent, answers, mask);
      raterRespondents.remove(respondent, rater);
      rowsUsed--;
    },

    finish(): PeriodAggregate {
      finished = true;
      const pairs: PairAccumulator[] = [];
      const pair = (key: number, stats: Float64Array): PairAccumulator => ({
        target: Math.floor(key / departmentCount),
        rater: key % departmentCount,
        answers: stats.subarray(0, C),
        sums: stats.subarray(C, 2 * C),
        favorable: stats.subarray(2 * C, 3 * C),
        rowScores: { n: stats[N] as number, mean: stats[MEAN] as number, m2: stats[M2] as number },
      });
      if (pairSlots === null) {
        for (const key of [...pairMap.keys()].sort((a, b) => a - b)) pairs.push(pair(key, pairMap.get(key) as Float64Array));
      } else {
        // key order: target, then rater
        pairSlots.forEach((stats, key) => {
          if (stats !== undefined) pairs.push(pair(key, stats));
        });
      }
      return {
        departmentCount,
        weights,
        favorableMin,
        pairs,
        raterRespondents: raterRespondents.counts(),
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

/**
 * A number per respondent (0 when none yet). Validation numbers respondents 0, 1, 2, ... in order of appearance,
 * so a typed array indexed by respondent holds them in 4 bytes each; any other number (the API takes any) goes
 * to a Map, so results never depend on how respondents are numbered.
 *
 * The typed array is bounded at DENSE_LIMIT entries (4 MB): ids are dense only when validation numbered them, and
 * a million respondents is ten times SPEC 5's large company. Beyond it a single large id (say 10 million) would
 * make every aggregator allocate, copy and scan a 64 MB array for one respondent; the Map costs nothing there.
 */
class RespondentSlots {
  private static readonly DENSE_LIMIT = 1 << 20;
  private dense = new Int32Array(EXPECTED_RESPONDENTS);
  private readonly sparse = new Map<number, number>();

  get(respondent: number): number {
    if (RespondentSlots.isDense(respondent)) return respondent < this.dense.length ? (this.dense[respondent] as number) : 0;
    return this.sparse.get(respondent) ?? 0;
  }

  set(respondent: number, value: number): void {
    if (!RespondentSlots.isDense(respondent)) {
      this.sparse.set(respondent, value);
      return;
    }
    if (respondent >= this.dense.length) {
      let length = this.dense.length * 2;
      while (length <= respondent) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.dense);
      this.dense = grown;
    }
    this.dense[respondent] = value;
  }

  /** Every value set to something other than 0. */
  forEach(visit: (value: number) => void): void {
    for (const value of this.dense) if (value !== 0) visit(value);
    for (const value of this.sparse.values()) if (value !== 0) visit(value);
  }

  private static isDense(respondent: number): boolean {
    return Number.isInteger(respondent) && respondent >= 0 && respondent < RespondentSlots.DENSE_LIMIT;
  }
}

/**
 * Distinct respondents per rater department. Nearly every respondent writes for one department: the first one is
 * kept per respondent with its number of rows, and only the (respondent, rater) pairs beyond it go to a Map. Rows
 * are counted so that one can be taken back out (remove).
 */
function createRaterRespondents(departmentCount: number): { add(respondent: number, rater: number): void; remove(respondent: number, rater: number): void; counts(): number[] } {
  // Per respondent: its first rater r and its rows for r, in one number rows·(D + 1) + r + 1. The first rater
  // stays once set, even when its rows are all removed.
  const first = new RespondentSlots();
  const D1 = departmentCount + 1;
  const others = new Map<number, number>(); // respondent·D + rater → rows
  const counts = new Array<number>(departmentCount).fill(0);
  return {
    add(respondent, rater) {
      const slot = first.get(respondent);
      if (slot === 0 || slot % D1 === rater + 1) {
        const rows = Math.floor(slot / D1);
        first.set(respondent, (rows + 1) * D1 + rater + 1);
        if (rows > 0) return;
      } else {
        const key = respondent * departmentCount + rater;
        const rows = others.get(key) ?? 0;
        others.set(key, rows + 1);
        if (rows > 0) return;
      }
      counts[rater] = (counts[rater] as number) + 1;
    },
    remove(respondent, rater) {
      const slot = first.get(respondent);
      let left: number;
      if (slot % D1 === rater + 1) {
        left = Math.floor(slot / D1) - 1;
        first.set(respondent, left * D1 + rater + 1);
      } else {
        const key = respondent * departmentCount + rater;
        left = (others.get(key) ?? 1) - 1;
        if (left === 0) others.delete(key);
        else others.set(key, left);
      }
      if (left === 0) counts[rater] = (counts[rater] as number) - 1;
    },
    counts: () => counts,
  };
}

interface CriterionRespondents {
  /** Records the criteria with a valid (non-NaN) answer in `answers`; `mask` has their bits (up to 31 criteria). */
  addRow(respondent: number, answers: Float64Array, mask: number): void;
  /** Undoes addRow with the same arguments. */
  removeRow(respondent: number, answers: Float64Array, mask: number): void;
  counts(): number[];
  /** Distinct respondents with any valid answer. */
  total(): number;
}

/**
 * Distinct respondents per criterion, company-wide. Up to 31 criteria, one bit mask per respondent (4 bytes,
 * see RespondentSlots); beyond, a Set per criterion. A row added here has at least one valid answer.
 */
function createCriterionRespondents(criterionCount: number): CriterionRespondents {
  if (criterionCount <= 31) {
    const masks = new RespondentSlots();
    const rows = new CriterionRows(criterionCount);
    let total = 0;
    return {
      addRow(respondent, _answers, mask) {
        rows.add(respondent, mask, 1);
        const before = masks.get(respondent);
        if ((before | mask) === before) return;
        if (before === 0) total++;
        masks.set(respondent, before | mask);
      },
      removeRow(respondent, _answers, mask) {
        const before = masks.get(respondent);
        const after = before & ~rows.add(respondent, mask, -1);
        if (after === before) return;
        if (after === 0) total--;
        masks.set(respondent, after);
      },
      counts() {
        const counts = new Array<number>(criterionCount).fill(0);
        masks.forEach((mask) => {
          for (let c = 0; c < criterionCount; c++) if ((mask & (1 << c)) !== 0) counts[c] = (counts[c] as number) + 1;
        });
        return counts;
      },
      total: () => total,
    };
  }
  // respondent → rows, per criterion and in all
  const maps = Array.from({ length: criterionCount }, () => new Map<number, number>());
  const all = new Map<number, number>();
  const change = (map: Map<number, number>, respondent: number, by: number) => {
    const rows = (map.get(respondent) ?? 0) + by;
    if (rows === 0) map.delete(respondent);
    else map.set(respondent, rows);
  };
  return {
    addRow(respondent, answers) {
      for (let c = 0; c < criterionCount; c++) if (Number.isFinite(answers[c])) change(maps[c] as Map<number, number>, respondent, 1);
      change(all, respondent, 1);
    },
    removeRow(respondent, answers) {
      for (let c = 0; c < criterionCount; c++) if (Number.isFinite(answers[c])) change(maps[c] as Map<number, number>, respondent, -1);
      change(all, respondent, -1);
    },
    counts: () => maps.map((m) => m.size),
    total: () => all.size,
  };
}

