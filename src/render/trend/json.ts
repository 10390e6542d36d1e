/** `ic trend --format json`: a declared, stable shape (more keys may be added, none removed). */
import type { ChangeKind, DiffStatus, NotTestableReason } from '../../core/diff.js';
import type { NullReason, PeriodScores } from '../../core/results.js';
import type { PeriodTrend } from '../../core/trend.js';
import type { Config } from '../../config/types.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';

export interface TrendJson {
  title: string;
  aggregation: string;
  anonymity_min: number;
  significance_z: number;
  /** Period labels, oldest first; every per-period array below is aligned with it. */
  periods: string[];
  inputs: string[][];
  rows: { read: number; used: number; rejected: number }[];
  /** Counts of the latest change (the last two periods), as `ic diff` counts them. */
  latest_summary: { improved: number; declined: number; not_significant: number; not_testable: number; new: number; gone: number };
  /** Departments that fell significantly in the latest period first. */
  departments: {
    id: string;
    name: string;
    /** Shown score per period; null when hidden or no responses (see reasons). */
    scores: (number | null)[];
    reasons: (NullReason | null)[];
    se: (number | null)[];
    ranks: (number | null)[];
    respondents: number[];
    /** The change between the last two periods, with the z test of `ic diff`; null when in neither of them. */
    latest: {
      status: DiffStatus;
      change: ChangeKind;
      delta: number | null;
      z: number | null;
      p: number | null;
      significant: boolean;
      testable: boolean;
      reason: NotTestableReason | null;
    } | null;
  }[];
  /** Departments nobody evaluated in any period. */
  not_evaluated: { id: string; name: string }[];
}

export interface TrendInput {
  config: Config;
  scores: readonly PeriodScores[];
  trend: PeriodTrend;
  labels: readonly string[];
  inputs: readonly (readonly string[])[];
  rows: readonly RowCounts[];
}

export function trendJson(input: TrendInput, significanceZ: number): TrendJson {
  const { trend } = input;
  const last = input.scores[input.scores.length - 1]!;
  const s = trend.latest;
  return {
    title: input.config.title,
    aggregation: last.aggregation,
    anonymity_min: last.anonymityMin,
    significance_z: significanceZ,
    periods: [...input.labels],
    inputs: input.inputs.map((i) => [...i]),
    rows: input.rows.map((r) => ({ read: r.read, used: r.used, rejected: r.rejected })),
    latest_summary: { improved: s.improved, declined: s.declined, not_significant: s.notSignificant, not_testable: s.notTestable, new: s.new, gone: s.gone },
    departments: trend.departments.map((d) => ({
      id: d.id,
      name: d.name,
      scores: [...d.scores],
      reasons: [...d.reasons],
      se: [...d.se],
      ranks: [...d.ranks],
      respondents: [...d.respondents],
      latest:
        d.latest === null
          ? null
          : {
              status: d.latest.status,
              change: d.latest.change,
              delta: d.latest.delta,
              z: d.latest.z,
              p: d.latest.p,
              significant: d.latest.significant,
              testable: d.latest.testable,
              reason: d.latest.reason,
            },
    })),
    not_evaluated: trend.notEvaluated.map((d) => ({ id: d.id, name: d.name })),
  };
}
