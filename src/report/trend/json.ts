/** `ic trend --format json`: a declared, stable shape (more keys may be added, none removed). */
import type { DepartmentDiff } from '../../core/diff.js';
import type { PeriodScores } from '../../core/results.js';
import type { DepartmentTrend, PeriodTrend } from '../../core/trend.js';
import type { Config } from '../../config/types.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';
import { summaryJson, type SummaryJson } from '../diff/json.js';
import { hiddenCounts, type HiddenCounts } from '../hidden.js';
import { periodsJson, type PeriodsJson, type PeriodSource } from '../periods.js';

/** The fields of the latest change in the contract, in this order. */
const LATEST_KEYS = ['status', 'change', 'delta', 'z', 'p', 'significant', 'testable', 'reason'] as const;
type LatestKey = (typeof LATEST_KEYS)[number];

export interface TrendJson extends PeriodsJson {
  title: string;
  aggregation: string;
  anonymity_min: number;
  significance_z: number;
  /** Period labels, oldest first; every per-period array below is aligned with it. */
  periods: string[];
  inputs: string[][];
  rows: { read: number; used: number; rejected: number }[];
  /** Counts of the latest change (the last two periods), as `ic diff` counts them. */
  latest_summary: SummaryJson;
  /** How many values of each period are null, by reason; aligned with `periods`. */
  hidden: HiddenCounts[];
  /** Departments that fell significantly in the latest period first; per-period arrays as core/trend.ts has them. */
  departments: (Pick<DepartmentTrend, 'id' | 'name' | 'ids' | 'scores' | 'reasons' | 'se' | 'ranks' | 'respondents'> & {
    /** The change between the last two periods, with the z test of `ic diff`; null when in neither of them. */
    latest: Pick<DepartmentDiff, LatestKey> | null;
  })[];
  /** Departments nobody evaluated in any period. */
  not_evaluated: { id: string; name: string }[];
}

export interface TrendInput {
  /** The last period's config: its names and scale are the report's. */
  config: Config;
  /** Every period with the config it was read with, oldest first. */
  sources: readonly PeriodSource[];
  scores: readonly PeriodScores[];
  trend: PeriodTrend;
  labels: readonly string[];
  inputs: readonly (readonly string[])[];
  rows: readonly RowCounts[];
}

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = from[key];
  return out;
}

export function trendJson(input: TrendInput, significanceZ: number): TrendJson {
  const { trend } = input;
  const last = input.scores[input.scores.length - 1]!;
  return {
    title: input.config.title,
    ...periodsJson(input.sources, trend.matched),
    aggregation: last.aggregation,
    anonymity_min: last.anonymityMin,
    significance_z: significanceZ,
    periods: [...input.labels],
    inputs: input.inputs.map((i) => [...i]),
    rows: input.rows.map((r) => ({ read: r.read, used: r.used, rejected: r.rejected })),
    latest_summary: summaryJson(trend.latest),
    hidden: input.scores.map(hiddenCounts),
    departments: trend.departments.map((d) => ({
      id: d.id,
      name: d.name,
      ids: [...d.ids],
      scores: [...d.scores],
      reasons: [...d.reasons],
      se: [...d.se],
      ranks: [...d.ranks],
      respondents: [...d.respondents],
      latest: d.latest === null ? null : pick(d.latest, LATEST_KEYS),
    })),
    not_evaluated: trend.notEvaluated.map((d) => ({ id: d.id, name: d.name })),
  };
}
