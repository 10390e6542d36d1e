/** `ic diff --format json`: the declared, stable shape of SPEC 4.1 (more keys may be added, none removed). */
import type { ChangeKind, CriterionDiff, DiffStatus, DiffSummary, NotTestableReason, PairDiff, PeriodDiff } from '../../core/diff.js';
import type { NullReason, PeriodScores } from '../../core/results.js';
import type { Config } from '../../config/types.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';
import { hiddenCounts, type HiddenCounts } from '../hidden.js';
import { periodsJson, type PeriodsJson, type PeriodSource } from '../periods.js';
import type { DiffView, PeriodLabels } from './views.js';

/** The counts of a comparison as the contract names them. */
export interface SummaryJson {
  improved: number;
  declined: number;
  not_significant: number;
  not_testable: number;
  new: number;
  gone: number;
}

export function summaryJson(s: DiffSummary): SummaryJson {
  return { improved: s.improved, declined: s.declined, not_significant: s.notSignificant, not_testable: s.notTestable, new: s.new, gone: s.gone };
}

export interface DiffJson extends PeriodsJson {
  title: string;
  aggregation: string;
  anonymity_min: number;
  /** |z| at or above this is significant. */
  significance_z: number;
  labels: { a: string; b: string };
  inputs: { a: string[]; b: string[] };
  rows: { a: { read: number; used: number; rejected: number }; b: { read: number; used: number; rejected: number } };
  summary: SummaryJson;
  /** How many values of each period are null, by reason. */
  hidden: { a: HiddenCounts; b: HiddenCounts };
  /** Departments with rows in either period, biggest significant drops first. */
  departments: {
    id: string;
    name: string;
    /** The department's id in each period: another than `id` when it was renamed or merged since (renamed_from); null when absent. */
    id_a: string | null;
    id_b: string | null;
    status: DiffStatus;
    /** improved/declined: a significant move; not_significant: tested, |z| < 1.96. */
    change: ChangeKind;
    /** null when not shown in that period (hidden, or no responses: see reason_a/reason_b). */
    score_a: number | null;
    score_b: number | null;
    /** score_b − score_a; null unless both are shown. */
    delta: number | null;
    se_a: number | null;
    se_b: number | null;
    z: number | null;
    p: number | null;
    significant: boolean;
    testable: boolean;
    /** Why there is no test for a department in both periods; null otherwise. */
    reason: NotTestableReason | null;
    reason_a: NullReason | null;
    reason_b: NullReason | null;
    rank_a: number | null;
    rank_b: number | null;
    /** rank_a − rank_b: positive = moved up. */
    rank_change: number | null;
    favorable_pct_a: number | null;
    favorable_pct_b: number | null;
    /** In percentage points. */
    favorable_pct_change: number | null;
    respondents_a: number;
    respondents_b: number;
  }[];
  /** Departments nobody evaluated in either period (no score to compare). */
  not_evaluated: { id: string; name: string }[];
  /** --by criterion: Δ of each criterion mean (no significance test). */
  criteria?: { department: string; department_a: string; criterion: string; mean_a: number | null; mean_b: number | null; delta: number | null; reason_a: NullReason | null; reason_b: NullReason | null }[];
  /** --by pair: Δ of each client → department pair score (no significance test). */
  pairs?: {
    rater: string;
    target: string;
    /** The pair's ids in period A when one of its departments was renamed or merged since; null otherwise. */
    rater_a: string | null;
    target_a: string | null;
    status: DiffStatus;
    score_a: number | null;
    score_b: number | null;
    delta: number | null;
    respondents_a: number;
    respondents_b: number;
    suppressed: boolean;
    reason_a: NullReason | null;
    reason_b: NullReason | null;
  }[];
}

export interface DiffJsonInput {
  /** Period B's config: its names and criteria are the report's. */
  config: Config;
  /** Both periods with the config each was read with. */
  sources: readonly [PeriodSource, PeriodSource];
  scores: { a: PeriodScores; b: PeriodScores };
  diff: PeriodDiff;
  labels: PeriodLabels;
  inputs: { a: readonly string[]; b: readonly string[] };
  rows: { a: RowCounts; b: RowCounts };
  criteria?: readonly CriterionDiff[];
  pairs?: readonly PairDiff[];
}

const counts = (r: RowCounts): { read: number; used: number; rejected: number } => ({ read: r.read, used: r.used, rejected: r.rejected });

export function diffJson(input: DiffJsonInput, view: DiffView, significanceZ: number): DiffJson {
  const { diff, config } = input;
  const json: DiffJson = {
    title: config.title,
    ...periodsJson(input.sources, diff.matched),
    aggregation: input.scores.b.aggregation,
    anonymity_min: input.scores.b.anonymityMin,
    significance_z: significanceZ,
    labels: { a: input.labels.a, b: input.labels.b },
    inputs: { a: [...input.inputs.a], b: [...input.inputs.b] },
    rows: { a: counts(input.rows.a), b: counts(input.rows.b) },
    summary: summaryJson(diff.summary),
    hidden: { a: hiddenCounts(input.scores.a), b: hiddenCounts(input.scores.b) },
    departments: diff.departments.map((d) => ({
      id: d.id,
      name: d.name,
      id_a: d.a.id,
      id_b: d.b.id,
      status: d.status,
      change: d.change,
      score_a: d.a.score,
      score_b: d.b.score,
      delta: d.delta,
      se_a: d.a.se,
      se_b: d.b.se,
      z: d.z,
      p: d.p,
      significant: d.significant,
      testable: d.testable,
      reason: d.reason,
      reason_a: d.a.reason,
      reason_b: d.b.reason,
      rank_a: d.a.rank,
      rank_b: d.b.rank,
      rank_change: d.rankChange,
      favorable_pct_a: d.a.favorablePct,
      favorable_pct_b: d.b.favorablePct,
      favorable_pct_change: d.favorablePctChange,
      respondents_a: d.a.respondents,
      respondents_b: d.b.respondents,
    })),
    not_evaluated: diff.notEvaluated.map((d) => ({ id: d.id, name: d.name })),
  };
  if (view === 'criterion' && input.criteria !== undefined) {
    json.criteria = input.criteria.map((c) => ({
      department: c.departmentId,
      department_a: c.departmentIdA,
      criterion: c.criterionId,
      mean_a: c.meanA,
      mean_b: c.meanB,
      delta: c.delta,
      reason_a: c.reasonA,
      reason_b: c.reasonB,
    }));
  }
  if (view === 'pair' && input.pairs !== undefined) {
    json.pairs = input.pairs.map((p) => ({
      rater: p.raterId,
      target: p.targetId,
      rater_a: p.raterIdA,
      target_a: p.targetIdA,
      status: p.status,
      score_a: p.scoreA,
      score_b: p.scoreB,
      delta: p.delta,
      respondents_a: p.respondentsA,
      respondents_b: p.respondentsB,
      suppressed: p.suppressed,
      reason_a: p.reasonA,
      reason_b: p.reasonB,
    }));
  }
  return json;
}
