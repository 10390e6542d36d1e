/**
 * What the HTML pages and the workbook are drawn from: the core's results of the periods of one `ic report`
 * run, already protected (anonymity applied in the core), plus the words to use. Renderers select and
 * format; they never compute a score, so no page can disagree with `ic score`/`ic diff`/`ic trend --format json`.
 */
import type { Config } from '../../config/types.js';
import type { NeedsAttention } from '../../core/attention.js';
import type { PeriodDiff } from '../../core/diff.js';
import type { DepartmentScore, PeriodScores } from '../../core/results.js';
import type { PeriodTrend } from '../../core/trend.js';
import type { Language } from '../../domain/language.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';
import { wordsFor, type Words } from './phrases.js';

export interface ReportInput {
  /** The config of the last period (its names, scale and thresholds are the report's). */
  config: Config;
  /** Period labels, oldest first; the last is the period reported on. */
  labels: readonly string[];
  /** Every period's scores, oldest first. */
  periods: readonly PeriodScores[];
  rows: readonly RowCounts[];
  /** The last period against the one before; null for a single period. */
  diff: PeriodDiff | null;
  /** From three periods on; null before. */
  trend: PeriodTrend | null;
  /** Of the last period. */
  attention: NeedsAttention;
  lang: Language;
  /**
   * Free-text comments per department id, already stripped of rater and respondent (SPEC 3.3). Undefined:
   * the pipeline did not read them, and the pages say so rather than suggesting there were none.
   */
  comments?: ReadonlyMap<string, readonly string[]>;
  /**
   * The company page written alone (`ic score --out r.html`): no department cards beside it, so no links to them.
   * Absent: `ic report`, with a card per department next to index.html.
   */
  singlePage?: boolean;
  /** headcount per department id (SPEC 2.5), for response rates; absent when the config gives none. */
  headcounts?: ReadonlyMap<string, number>;
  /** The config file each period was read with, aligned with `labels` (SPEC 2.5). */
  configFiles?: readonly string[];
  /**
   * In words, for reports of several periods: the configs used, how the method changed between periods, which
   * departments were matched under another id. Empty for a single period.
   */
  periodNotes?: readonly string[];
}

export const latestScores = (input: ReportInput): PeriodScores => input.periods[input.periods.length - 1] as PeriodScores;
/** The words of the report's language, scores shown with the decimals `ic score` uses near the thresholds. */
export function wordsOf(input: ReportInput): Words {
  const scores = latestScores(input);
  return wordsFor(input.lang, scores.anonymityMin, [scores.alertBelow, scores.favorableMin]);
}

export const latestLabel = (input: ReportInput): string => input.labels[input.labels.length - 1] as string;

/** Departments that get a card: those with a shown score in the last period. */
export function scoredDepartments(input: ReportInput): DepartmentScore[] {
  return latestScores(input).departments.filter((d) => d.score !== null);
}

/** The file name of a department's card (ids are [a-z0-9_-], so they are safe as file names). */
export const cardFile = (id: string): string => `${id}.html`;

/** Comments to show about a department: none below anonymity_min respondents, and never in an order that follows the rater. */
export function shownComments(input: ReportInput, department: DepartmentScore): readonly string[] | 'hidden' | undefined {
  if (input.comments === undefined) return undefined;
  if (department.respondents < latestScores(input).anonymityMin) return 'hidden';
  // Sorted by their text: the order of the files (and so of the raters) leaves no trace.
  return [...(input.comments.get(department.id) ?? [])].sort((a, b) => a.localeCompare(b, input.lang));
}

/** How many values the protected result hides, all views together (what every output must say). */
export function hiddenValueCount(scores: PeriodScores): number {
  const hidden = (x: { suppressed: boolean }): number => (x.suppressed ? 1 : 0);
  let n = 0;
  for (const d of scores.departments) {
    n += hidden(d);
    for (const c of d.criteria) n += hidden(c);
  }
  for (const p of scores.pairs) n += hidden(p);
  for (const r of scores.raters) n += hidden(r);
  for (const c of scores.criteria) n += hidden(c);
  return n;
}

/**
 * The vertical range of the trend lines: every shown score of every period, with a little room, within the
 * scale. One range for all departments, so lines compare across rows; narrower than the whole scale, so a
 * move of a few tenths is visible in a 24 px line.
 */
export function trendRange(input: ReportInput): { min: number; max: number } {
  const { min, max } = input.config.scale;
  const shown = (input.trend?.departments ?? []).flatMap((d) => d.scores.filter((s): s is number => s !== null));
  if (shown.length === 0) return { min, max };
  const pad = 0.1;
  return { min: Math.max(min, Math.min(...shown) - pad), max: Math.min(max, Math.max(...shown) + pad) };
}
