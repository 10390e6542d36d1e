/** `ic score --format json`: the declared, stable shape of SPEC 4.1 (more keys may be added, none removed). */
import type { Config } from '../../config/types.js';
import type { NeedsAttention } from '../../core/attention.js';
import type { NullReason, PeriodScores } from '../../core/results.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';
import { hiddenCounts, type HiddenCounts } from '../hidden.js';
import { responseRatePct, type View } from './views.js';

export interface ScoreJson {
  title: string;
  aggregation: string;
  anonymity_min: number;
  rows: { read: number; used: number; rejected: number };
  /** How many values (department scores, criterion means, pair scores) are null, by reason. */
  hidden: HiddenCounts;
  departments: {
    id: string;
    name: string;
    /** null when suppressed or nobody evaluated the department (see `reason`). */
    score: number | null;
    se: number | null;
    ci95: [number, number] | null;
    favorable_pct: number | null;
    respondents: number;
    raters: number;
    rank: number | null;
    criteria: Record<string, number | null>;
    /** Why a criterion mean is null, for those that are. */
    criteria_reasons: Record<string, NullReason>;
    suppressed: boolean;
    reason: NullReason | null;
    flags: string[];
  }[];
  needs_attention: { departments: { id: string; score: number; weakest_criteria: { id: string; mean: number }[] }[]; lowest_pairs: { rater: string; target: string; score: number }[] };
  pairs?: { rater: string; target: string; score: number | null; respondents: number; suppressed: boolean; reason: NullReason | null; expected: boolean }[];
  raters?: {
    id: string;
    given_mean: number | null;
    company_mean: number | null;
    difference: number | null;
    respondents: number;
    rows: number;
    suppressed: boolean;
    reason: NullReason | null;
    /** The department's `headcount` and respondents / headcount in percent (0–100); null when the config gives none. */
    headcount: number | null;
    response_rate_pct: number | null;
  }[];
  criteria?: { id: string; mean: number | null; favorable_pct: number | null; answers: number; respondents: number; suppressed: boolean; reason: NullReason | null }[];
}

/** Criterion ids are config ids ([a-z0-9_-]); a null-prototype object keeps `__proto__` an ordinary key. */
function record<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

export function scoreJson(scores: PeriodScores, config: Config, rows: RowCounts, attention: NeedsAttention, view: View): ScoreJson {
  const json: ScoreJson = {
    title: config.title,
    aggregation: scores.aggregation,
    anonymity_min: scores.anonymityMin,
    rows: { read: rows.read, used: rows.used, rejected: rows.rejected },
    hidden: hiddenCounts(scores),
    departments: scores.departments.map((d) => ({
      id: d.id,
      name: d.name,
      score: d.score,
      se: d.se,
      ci95: d.ci95 === null ? null : [d.ci95[0], d.ci95[1]],
      favorable_pct: d.favorablePct,
      respondents: d.respondents,
      raters: d.raters,
      rank: d.rank,
      criteria: record(d.criteria.map((c) => [c.id, c.mean])),
      criteria_reasons: record(d.criteria.flatMap((c): [string, NullReason][] => (c.mean === null && c.reason !== null ? [[c.id, c.reason]] : []))),
      suppressed: d.suppressed,
      reason: d.reason,
      flags: [...d.flags],
    })),
    needs_attention: {
      departments: attention.departments.map((a) => ({
        id: a.department.id,
        score: a.department.score!,
        weakest_criteria: a.weakestCriteria.map((c) => ({ id: c.id, mean: c.mean! })),
      })),
      lowest_pairs: attention.lowestPairs.map((p) => ({ rater: p.raterId, target: p.targetId, score: p.score! })),
    },
  };
  if (view === 'pair') {
    json.pairs = scores.pairs.map((p) => ({ rater: p.raterId, target: p.targetId, score: p.score, respondents: p.respondents, suppressed: p.suppressed, reason: p.reason, expected: p.expected }));
  }
  if (view === 'rater') {
    json.raters = scores.raters.map((r) => ({
      id: r.id,
      given_mean: r.givenMean,
      company_mean: r.companyMean,
      difference: r.difference,
      respondents: r.respondents,
      rows: r.rows,
      suppressed: r.suppressed,
      reason: r.reason,
      headcount: config.departments[r.index]?.headcount ?? null,
      response_rate_pct: responseRatePct(config, r.index, r.respondents),
    }));
  }
  if (view === 'criterion') {
    json.criteria = scores.criteria.map((c) => ({ id: c.id, mean: c.mean, favorable_pct: c.favorablePct, answers: c.answers, respondents: c.respondents, suppressed: c.suppressed, reason: c.reason }));
  }
  return json;
}
