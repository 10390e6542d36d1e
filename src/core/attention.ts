/** "Needs attention" after the score table (SPEC 4, `ic score`): built from shown values only. */
import type { CriterionCell, DepartmentScore, PairScore, PeriodScores } from './results.js';

export interface AttentionDepartment {
  department: DepartmentScore;
  /** Its shown criterion means, lowest first (ties: criterion order), at most `criteria`. */
  weakestCriteria: CriterionCell[];
}

export interface NeedsAttention {
  /** Departments flagged below_alert, lowest score first (ties: config order). */
  departments: AttentionDepartment[];
  /** Shown pair scores under alert_below (all, without one), lowest first (ties: target, then rater order), at most `pairs`. */
  lowestPairs: PairScore[];
}

export interface AttentionLimits {
  /** Weakest criteria per department; default 3. */
  criteria?: number;
  /** Lowest pairs; default 5. */
  pairs?: number;
}

export function needsAttention(scores: PeriodScores, limits: AttentionLimits = {}): NeedsAttention {
  const criteriaLimit = limits.criteria ?? 3;
  const pairsLimit = limits.pairs ?? 5;
  const departments = scores.departments
    .filter((d) => d.score !== null && d.flags.includes('below_alert'))
    .sort((a, b) => (a.score as number) - (b.score as number) || a.index - b.index)
    .map((department) => ({
      department,
      weakestCriteria: department.criteria
        .filter((c) => c.mean !== null)
        .sort((a, b) => (a.mean as number) - (b.mean as number) || a.criterion - b.criterion)
        .slice(0, criteriaLimit),
    }));
  // With an alert line, only pairs under it need attention; without one, the lowest are the best hint we have.
  const alert = scores.alertBelow;
  const lowestPairs = scores.pairs
    .filter((p) => p.score !== null && (alert === null || p.score < alert))
    .sort((a, b) => (a.score as number) - (b.score as number) || a.target - b.target || a.rater - b.rater)
    .slice(0, pairsLimit);
  return { departments, lowestPairs };
}
