/**
 * Many periods (SPEC 3.5): each department's score per period, and its latest change (the last two
 * periods) with the same z test as `ic diff`. Pure: no I/O. Works from PeriodScores, where anonymity is
 * already applied, so a hidden score stays hidden in every period and no change is computed from it.
 */
import { compareDepartmentDiffs, diffDepartment, summarizeDiff, type DepartmentDiff, type DepartmentRef, type DiffSummary } from './diff.js';
import { lineages, renamedMatches, type Matched, type Renames } from './match.js';
import type { DepartmentScore, NullReason, PeriodScores } from './results.js';

export interface DepartmentTrend {
  /** Department index in the latest period in which it appears. */
  index: number;
  id: string;
  name: string;
  /** Aligned with the periods: the department's id in each (another when it was renamed or merged), or null when absent. */
  ids: (string | null)[];
  /** Aligned with the periods: its name in each, or null when absent. */
  names: (string | null)[];
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
  /** Departments matched to departments of an earlier period under another id (renamed_from). */
  matched: Matched[];
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

/**
 * At least two periods (the caller checks: fewer is a usage error). Departments are matched by id, or through
 * a later period's `renamed_from` (`renames[i]` of period i): one row per lineage (core/match.ts), so two
 * departments merged into one give two rows that share the merged department's scores from then on.
 */
export function trendPeriods(periods: readonly PeriodScores[], renames: readonly Renames[] = []): PeriodTrend {
  if (periods.length < 2) throw new RangeError('a trend needs at least two periods');
  const departments: DepartmentTrend[] = [];
  const notEvaluated: DepartmentRef[] = [];
  const lines = lineages(periods.map((p) => p.departments), renames);
  for (const perPeriod of withoutEmptyBranches(lines)) {
    const shownIn = perPeriod.filter((d): d is DepartmentScore => d !== undefined);
    const ref = shownIn[shownIn.length - 1] as DepartmentScore;
    if (!perPeriod.some((d) => d !== undefined && d.respondents > 0)) {
      if (!notEvaluated.some((n) => n.id === ref.id)) notEvaluated.push({ index: ref.index, id: ref.id, name: ref.name });
      continue;
    }
    const last = perPeriod.length - 1;
    const latest = diffDepartment(perPeriod[last - 1], perPeriod[last]);
    departments.push({
      index: ref.index,
      id: ref.id,
      name: ref.name,
      ids: perPeriod.map((d) => d?.id ?? null),
      names: perPeriod.map((d) => d?.name ?? null),
      scores: perPeriod.map((d) => d?.score ?? null),
      reasons: perPeriod.map((d) => (d === undefined ? 'no_responses' : d.score === null ? d.reason : null)),
      se: perPeriod.map((d) => d?.se ?? null),
      ranks: perPeriod.map((d) => d?.rank ?? null),
      respondents: perPeriod.map((d) => d?.respondents ?? 0),
      latest,
    });
  }
  departments.sort(compareTrends);
  // Lineages merged before the latest period share its change: counted once.
  const counted = new Map<string, DepartmentDiff>();
  for (const d of departments) if (d.latest !== null) counted.set(`${d.ids[d.ids.length - 2] ?? ''}\u0000${d.ids[d.ids.length - 1] ?? ''}`, d.latest);
  return { departments, notEvaluated, latest: summarizeDiff([...counted.values()]), matched: renamedMatches(lines) };
}

/**
 * A department merged into another that had no rows before the merger adds nothing but a second copy of the
 * merged department's row: a lineage is left out when the departments with rows on it are all on another one
 * (of two such copies, the first stays).
 */
function withoutEmptyBranches(lines: readonly (DepartmentScore | undefined)[][]): (DepartmentScore | undefined)[][] {
  const withRows = lines.map((line) => new Set(line.filter((d): d is DepartmentScore => d !== undefined && d.respondents > 0)));
  const within = (a: Set<DepartmentScore>, b: Set<DepartmentScore>): boolean => [...a].every((d) => b.has(d));
  return lines.filter((_, i) => {
    const mine = withRows[i]!;
    if (mine.size === 0) return true; // nobody evaluated it: listed apart, as before
    return !withRows.some((other, j) => j !== i && within(mine, other) && (other.size > mine.size || j < i));
  });
}
