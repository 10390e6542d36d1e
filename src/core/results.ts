/**
 * What `scorePeriod` returns: the period's scores with anonymity already applied (SPEC 3.2, 3.3).
 *
 * Every renderer (table, CSV, JSON, Markdown) works from these objects. A suppressed value is
 * `null` here and the unsuppressed number is not kept anywhere in the result, so no renderer can
 * leak it by accident. Respondent counts stay: the anonymity rule hides values, not counts.
 * Numbers are unrounded.
 */
import type { Aggregation } from '../config/types.js';

/**
 * fewer_than_k: computed from fewer than anonymity_min distinct respondents; secondary: hidden by the cheap
 * first rule (one hidden cell of a margin takes one more with it); protection: hidden because, with it shown,
 * a linear program could narrow a hidden value to less than the protection width (SPEC 3.3).
 */
export type SuppressionReason = 'fewer_than_k' | 'secondary' | 'protection';

/** Why a value is null: hidden for anonymity, or nothing to compute it from. */
export type NullReason = SuppressionReason | 'no_responses';

/** below_alert: a shown score under alert_below (a hidden score is never flagged, that would leak it). */
export type DepartmentFlag = 'below_alert' | 'suppressed' | 'no_responses';

/**
 * How SE(t) was computed, for `explain` and for readers:
 * - respondents: sd(o)/√n over t's rows;
 * - departments: √(Σ_r s_r²/n_r)/R, every rater department had 2+ rows;
 * - departments_pooled: same, the rater departments with 1 row used the pooled within-department variance;
 * - departments_all_rows: same, but no rater department had 2+ rows, so every one used the
 *   sample variance of all of t's row scores (our decision, not in SPEC 3.2).
 */
export type SeMethod = 'respondents' | 'departments' | 'departments_pooled' | 'departments_all_rows';

/** M(t, c): one criterion mean of one department. */
export interface CriterionCell {
  /** Criterion index (Config.criteria). */
  criterion: number;
  id: string;
  mean: number | null;
  /** Distinct respondents who answered c about t (= valid answers on c about t). */
  respondents: number;
  /** Rater departments that answered c about t. */
  raters: number;
  suppressed: boolean;
  reason: NullReason | null;
}

export interface DepartmentScore {
  /** Department index (Config.departments). */
  index: number;
  id: string;
  name: string;
  /** S(t). */
  score: number | null;
  /** Null when the score is hidden or missing, or t has fewer than 2 rows (then a diff is "not testable"). */
  se: number | null;
  seMethod: SeMethod | null;
  /**
   * Why `se` (and ci95) is null while the score is shown: 'protection' when a part of t is hidden (SE mixes
   * the spread inside every pair, which would narrow a hidden pair); null otherwise.
   */
  seReason: NullReason | null;
  /** [S − 1.96·SE, S + 1.96·SE]; null when se is null. */
  ci95: readonly [number, number] | null;
  /** 0–100: share of t's valid answers >= favorable_min. */
  favorablePct: number | null;
  /** Distinct respondents with at least one valid answer about t. */
  respondents: number;
  /** Distinct rater departments among them. */
  raters: number;
  /** Valid answers about t (the base of favorablePct). */
  answers: number;
  /** 1 = highest among shown scores; competition ranking (1, 2, 2, 4); null when the score is not shown. */
  rank: number | null;
  /** criteria[c] for criterion index c. */
  criteria: readonly CriterionCell[];
  /** The score (and with it se, ci95, favorablePct, rank) is hidden. */
  suppressed: boolean;
  /** Why `score` is null: 'fewer_than_k' or 'no_responses' (nobody evaluated t). */
  reason: NullReason | null;
  flags: readonly DepartmentFlag[];
}

/** P(t, r): one cell of the rater × target matrix. */
export interface PairScore {
  target: number;
  rater: number;
  targetId: string;
  raterId: string;
  score: number | null;
  /** Distinct respondents of r about t. */
  respondents: number;
  /** r is a client of t in the config (pairs with rows but not expected are listed too; validation warned). */
  expected: boolean;
  suppressed: boolean;
  reason: NullReason | null;
}

/** given(r) against the company mean (SPEC 3.2 rater view). */
export interface RaterView {
  /** Department index of the rater. */
  index: number;
  id: string;
  name: string;
  /** Mean row score o over every row written by r. */
  givenMean: number | null;
  /** The company mean (same in every RaterView; null when hidden). */
  companyMean: number | null;
  /** givenMean − companyMean (negative: harsh rater); null when either is null. */
  difference: number | null;
  /** Distinct respondents among r's rows. */
  respondents: number;
  /** Rows written by r. */
  rows: number;
  suppressed: boolean;
  reason: NullReason | null;
}

/** Company-wide view of one criterion (`--by criterion`). */
export interface CompanyCriterion {
  index: number;
  id: string;
  name: string;
  weight: number;
  /** departments: mean over departments t of M(t, c); respondents: mean of all valid answers on c. */
  mean: number | null;
  /** 0–100; hidden together with the mean. */
  favorablePct: number | null;
  /** Valid answers on c. */
  answers: number;
  /** Distinct respondents with a valid answer on c. */
  respondents: number;
  suppressed: boolean;
  reason: NullReason | null;
}

export interface CompanySummary {
  /** Mean row score o over all rows. */
  mean: number | null;
  respondents: number;
  rows: number;
  suppressed: boolean;
  reason: NullReason | null;
}

/** Hidden values of one view, by reason. */
export type HiddenCounts = Record<SuppressionReason, number>;

/**
 * How many values each view hides and why, so that every output can say so (SPEC 3.3). department: scores
 * (with their favorable %, rank), their criterion means and SE/CI hidden while the score shows; criterion:
 * company criterion means (with their favorable %); pair: pair scores; rater: given means and the company mean.
 */
export interface HiddenSummary {
  department: HiddenCounts;
  criterion: HiddenCounts;
  pair: HiddenCounts;
  rater: HiddenCounts;
  total: HiddenCounts;
}

export interface PeriodScores {
  aggregation: Aggregation;
  anonymityMin: number;
  favorableMin: number;
  alertBelow: number | null;
  /** Rows aggregated. */
  rowsUsed: number;
  /** Rows without any valid answer that reached the core anyway (normally 0: validation drops them). */
  rowsIgnored: number;
  company: CompanySummary;
  /** Every department of the config, in config order (index = position). */
  departments: readonly DepartmentScore[];
  /** Pairs with rows or expected by the config, sorted by target, then rater. */
  pairs: readonly PairScore[];
  /** Every department of the config as a rater, in config order. */
  raters: readonly RaterView[];
  /** Company-wide per criterion, in config order. */
  criteria: readonly CompanyCriterion[];
  /** Hidden values per view and reason. */
  hidden: HiddenSummary;
}
