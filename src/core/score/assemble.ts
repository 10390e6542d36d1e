/**
 * The result objects of `scorePeriod`, from the protected cells: a hidden value is null and its number is
 * not copied anywhere (results.ts).
 */
import type { Config } from '../../config/types.js';
import type { PairAccumulator } from '../aggregate.js';
import type {
  CompanyCriterion,
  CriterionCell,
  DepartmentFlag,
  DepartmentScore,
  HiddenCounts,
  HiddenSummary,
  NullReason,
  PairScore,
} from '../results.js';
import { guard, isHidden, shownValue, type Guarded } from '../suppress.js';
import type { CompanyCriterionRaw, DepartmentRaw } from './department.js';

/** Two-sided 95% normal quantile, as SPEC 3.2 writes it. */
export const Z95 = 1.96;

export function departmentScores(
  config: Config,
  raw: readonly DepartmentRaw[],
  cells: readonly Guarded[],
  criterionCells: readonly (readonly Guarded[])[],
  seHidden: readonly boolean[],
): DepartmentScore[] {
  const shownScores = cells.map(shownValue);
  const ranks = competitionRanks(shownScores);
  const alertBelow = config.alertBelow ?? null;
  return config.departments.map((department, t) => {
    const d = raw[t] as DepartmentRaw;
    const cell = cells[t] as Guarded;
    const score = shownScores[t] ?? null;
    const seReason: NullReason | null = score !== null && seHidden[t] === true ? 'protection' : null;
    const se = score === null || seReason !== null ? null : d.se;
    const flags: DepartmentFlag[] = [];
    if (cell.reason === 'no_responses') flags.push('no_responses');
    if (isHidden(cell)) flags.push('suppressed');
    if (score !== null && alertBelow !== null && score < alertBelow) flags.push('below_alert');
    const criteria: CriterionCell[] = config.criteria.map((criterion, c) => {
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
      seReason,
      ci95: score === null || se === null ? null : ([score - Z95 * se, score + Z95 * se] as const),
      favorablePct: score === null || d.answers === 0 ? null : (100 * d.favorable) / d.answers,
      respondents: d.rows,
      raters: d.raters,
      answers: d.answers,
      rank: ranks[t] ?? null,
      criteria,
      suppressed: isHidden(cell),
      reason: cell.reason,
      flags,
    };
  });
}

/** Every pair with rows, and every pair the config expects (with no rows: no_responses), by target then rater. */
export function pairScores(config: Config, pairs: readonly PairAccumulator[], cells: readonly Guarded[]): PairScore[] {
  const count = config.departments.length;
  const cellByKey = new Map(pairs.map((p, i) => [p.target * count + p.rater, cells[i] as Guarded]));
  const expected = new Set<number>();
  config.evaluates.forEach((targets, r) => {
    for (const t of targets) expected.add(t * count + r);
  });
  const ids = config.departments.map((d) => d.id);
  const out: PairScore[] = [];
  for (let t = 0; t < count; t++) {
    for (let r = 0; r < count; r++) {
      const key = t * count + r;
      const found = cellByKey.get(key);
      const isExpected = expected.has(key);
      if (found === undefined && !isExpected) continue;
      const cell = found ?? guard(null, 0, config.anonymityMin);
      out.push({
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
  return out;
}

export function companyCriteria(config: Config, raw: readonly CompanyCriterionRaw[], cells: readonly Guarded[]): CompanyCriterion[] {
  return config.criteria.map((criterion, c) => {
    const cc = raw[c] as CompanyCriterionRaw;
    const cell = cells[c] as Guarded;
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
}

export function hiddenSummary(views: {
  department: readonly (NullReason | null)[];
  criterion: readonly (NullReason | null)[];
  pair: readonly (NullReason | null)[];
  rater: readonly (NullReason | null)[];
}): HiddenSummary {
  const count = (reasons: readonly (NullReason | null)[]): HiddenCounts => {
    const counts: HiddenCounts = { fewer_than_k: 0, secondary: 0, protection: 0 };
    for (const reason of reasons) if (reason !== null && reason !== 'no_responses') counts[reason]++;
    return counts;
  };
  const all = [views.department, views.criterion, views.pair, views.rater].flat();
  return {
    department: count(views.department),
    criterion: count(views.criterion),
    pair: count(views.pair),
    rater: count(views.rater),
    total: count(all),
  };
}

/**
 * 1 + the number of strictly higher scores: ties share a rank and the next rank skips (1, 2, 2, 4).
 * Scores are compared exactly, unrounded: two departments that print the same rounded score may
 * get different ranks, and a tie means the same number, not the same display. Only shown scores take part,
 * so a rank says nothing about a hidden score.
 */
function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}
