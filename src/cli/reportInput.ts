/**
 * What the report for people (HTML pages, the workbook, PDF) is made from, the same for `ic report` and for
 * `ic score|diff|trend --out FILE.html|.xlsx|.pdf`: the scored periods, oldest first, the last one reported on,
 * with its change since the one before and, from three periods on, the trend.
 */
import type { Config } from '../config/types.js';
import { needsAttention } from '../core/attention.js';
import { diffPeriods } from '../core/diff.js';
import { renamesOf } from '../core/match.js';
import { trendPeriods } from '../core/trend.js';
import type { Language } from '../domain/language.js';
import type { ReportInput } from '../render/html/input.js';
import { changeNotes, configLines } from '../report/periods.js';
import type { ReportPhrases } from '../report/phrases/types.js';
import type { ConfiguredPeriod } from './period.js';

export function buildReportInput(scored: readonly ConfiguredPeriod[], labels: readonly string[], lang: Language, phrases: ReportPhrases, singlePage = false): ReportInput {
  const scores = scored.map((s) => s.scores);
  const last = scores[scores.length - 1]!;
  const config: Config = scored[scored.length - 1]!.config;
  const renames = scored.map((s) => renamesOf(s.config));
  const diff = scores.length >= 2 ? diffPeriods(scores[scores.length - 2]!, last, renames[renames.length - 1]) : null;
  const trend = scores.length >= 3 ? trendPeriods(scores, renames) : null;
  const sources = scored.map((s, i) => ({ label: labels[i]!, config: s.config, configFile: s.configFile }));
  const headcounts = new Map(config.departments.flatMap((d) => (d.headcount === undefined ? [] : [[d.id, d.headcount] as const])));
  return {
    config,
    labels: [...labels],
    periods: scores,
    rows: scored.map((s) => s.load.rows),
    diff,
    trend,
    attention: needsAttention(last),
    lang,
    comments: scored[scored.length - 1]!.load.comments,
    configFiles: sources.map((s) => s.configFile),
    periodNotes: scores.length < 2 ? [] : [...configLines(sources, phrases), ...changeNotes(sources, (trend ?? diff)!.matched, phrases)],
    ...(headcounts.size > 0 ? { headcounts } : {}),
    ...(singlePage ? { singlePage } : {}),
  };
}
