/**
 * Many periods (SPEC 3.5): each department's score per period, and its latest change (the last two
 * periods) with the same z test as `ic diff`. Pure: no I/O. Works from PeriodScores, where anonymity is
 * already applied, so a hidden score stays hidden in every period and no change is computed from it.
 */
import { compareDepartmentDiffs, diffDepartment, summarizeDiff, type DepartmentDiff, type DepartmentRef, type DiffSummary } from './diff.js';
import type { DepartmentScore, NullReason, PeriodScores } from './results.js';

export interface DepartmentTrend {
  /** Department index in the latest period in which it appears. */
  index: number;
  id: string;
  name: string;
  /** Aligned with the periods: the shown score, or null. */
  scores: (number | null)[];
  /** Why scores[i] is null (hidden, or no responses in that period); null when shown. */
  reasons: (NullReason | null)[];
  se: (number | null)[];
  ranks: (number | null)[];
  respondents: number[];
  /** The change between the last two periods, as `ic diff` computes it; null when the department has rows in neither. */
  latest: DepartmentDiff | null;
}

export interface PeriodTrend {
  /** Departments with rows in at least one period; sorted as `compareTrends`. */
  departments: DepartmentTrend[];
  /** Departments nobody evaluated in any period. */
  notEvaluated: DepartmentRef[];
  /** Counts of the latest change, as `ic diff` counts its departments (only departments in either of the last two periods). */
  latest: DiffSummary;
}

/**
 * The order of `ic diff` applied to the latest change: departments that fell significantly in the latest
 * period first (most negative z), then significant rises, then the rest; departments absent from both of the
 * last two periods at the end, in config order.
 */
export function compareTrends(x: DepartmentTrend, y: DepartmentTrend): number {
  if (x.latest === null || y.latest === null) return (x.latest === null ? 1 : 0) - (y.latest === null ? 1 : 0) || x.index - y.index;
  return compareDepartmentDiffs(x.latest, y.latest);
}

/** At least two periods (the caller checks: fewer is a usage error). Departments are matched by id. */
export function trendPeriods(periods: readonly PeriodScores[]): PeriodTrend {
  if (periods.length < 2) throw new RangeError('a trend needs at least two periods');
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const p of periods) for (const d of p.departments) if (!seen.has(d.id)) (seen.add(d.id), ids.push(d.id));
  const lookups = periods.map((p) => new Map(p.departments.map((d) => [d.id, d])));

  const departments: DepartmentTrend[] = [];
  const notEvaluated: DepartmentRef[] = [];
  for (const id of ids) {
    const perPeriod = lookups.map((m) => m.get(id));
    const shownIn = perPeriod.filter((d): d is DepartmentScore => d !== undefined);
    const ref = shownIn[shownIn.length - 1] as DepartmentScore;
    if (!perPeriod.some((d) => d !== undefined && d.respondents > 0)) {
      notEvaluated.push({ index: ref.index, id: ref.id, name: ref.name });
      continue;
    }
    const last = perPeriod.length - 1;
    const latest = diffDepartment(perPeriod[last - 1], perPeriod[last]);
    departments.push({
      index: ref.index,
      id,
      name: ref.name,
      scores: perPeriod.map((d) => d?.score ?? null),
      reasons: perPeriod.map((d) => (d === undefined ? 'no_responses' : d.score === null ? d.reason : null)),
      se: perPeriod.map((d) => d?.se ?? null),
      ranks: perPeriod.map((d) => d?.rank ?? null),
      respondents: perPeriod.map((d) => d?.respondents ?? 0),
      latest,
    });
  }
  departments.sort(compareTrends);
  return {
    departments,
    notEvaluated,
    latest: summarizeDiff(departments.flatMap((d) => (d.latest === null ? [] : [d.latest]))),
  };
}
