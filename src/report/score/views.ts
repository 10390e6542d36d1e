/** The views of `ic score` as format-neutral tables (SPEC 4: --by department|criterion|pair|rater). */
import type { Config } from '../../config/types.js';
import type { NeedsAttention } from '../../core/attention.js';
import type { DepartmentScore, PeriodScores } from '../../core/results.js';
import type { ReportPhrases } from '../phrases/types.js';
import { decimalsKeepingSide, HEADER_WRAP, maybe, num, text, type CellValue, type Column, type TableModel, type Tone } from '../table.js';

export const VIEWS = ['department', 'criterion', 'pair', 'rater'] as const;
export type View = (typeof VIEWS)[number];

/** Traffic light of a score: under alert_below bad, at or over favorable_min good. */
export function scoreTone(score: number, scores: PeriodScores): Tone | undefined {
  if (scores.alertBelow !== null && score < scores.alertBelow) return 'bad';
  if (score >= scores.favorableMin) return 'good';
  return undefined;
}

/** Decimals of a score in the score views: kept on its side of alert_below and favorable_min. */
function scoreDecimals(value: number, scores: PeriodScores): number {
  return decimalsKeepingSide(value, [scores.alertBelow, scores.favorableMin]);
}

/** A score as the tables show it: coloured by scoreTone (or `tone`), with scoreDecimals. */
function scoreCell(value: number | null, reason: DepartmentScore['reason'], scores: PeriodScores, tone = scoreTone): CellValue {
  if (value === null) return maybe(null, reason, 'score');
  return maybe(value, reason, 'score', tone(value, scores), scoreDecimals(value, scores));
}

/** A score in a sentence, with the decimals of scoreCell. */
function scoreText(value: number, scores: PeriodScores, p: ReportPhrases): string {
  return p.number(value, scoreDecimals(value, scores));
}

/** Best first; departments without a shown score last, in config order. */
export function byRank(departments: readonly DepartmentScore[]): DepartmentScore[] {
  return [...departments].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index);
}

export function departmentView(scores: PeriodScores, config: Config, p: ReportPhrases): TableModel {
  const t = p.score.columns;
  const columns: Column[] = [
    { key: 'rank', title: t.rank, align: 'right' },
    { key: 'department', title: t.department, cut: true },
    { key: 'id', title: t.id, priority: 1 },
    { key: 'score', title: t.score, align: 'right' },
    { key: 'ci95_low', title: t.ci95, align: 'right', priority: 4 },
    { key: 'ci95_high', title: '', align: 'left', priority: 4 },
    { key: 'favorable_pct', title: t.favorable, align: 'right', priority: 6 },
    { key: 'respondents', title: t.respondents, align: 'right', priority: 5 },
    { key: 'raters', title: t.raters, align: 'right', priority: 2 },
    ...config.criteria.map((c): Column => ({ key: c.id, title: c.name, wrap: HEADER_WRAP, align: 'right', priority: 3 })),
    { key: 'flags', title: t.flags },
  ];
  const rows = byRank(scores.departments).map((d): CellValue[] => [
    num(d.rank, 'int'),
    text(d.name),
    text(d.id, 'dim'),
    scoreCell(d.score, d.reason, scores),
    num(d.ci95?.[0] ?? null, 'score', 'dim'),
    num(d.ci95?.[1] ?? null, 'score', 'dim'),
    maybe(d.favorablePct, d.score === null ? d.reason : null, 'pct'),
    num(d.respondents, 'int'),
    num(d.raters, 'int'),
    ...d.criteria.map((c) => scoreCell(c.mean, c.reason, scores)),
    text(d.flags.map((f) => p.score.flags[f]).join(', '), d.flags.includes('below_alert') ? 'bad' : undefined),
  ]);
  return { columns, rows };
}

export function criterionView(scores: PeriodScores, config: Config, p: ReportPhrases): TableModel {
  const t = p.score.columns;
  const totalWeight = config.criteria.reduce((s, c) => s + c.weight, 0);
  return {
    columns: [
      { key: 'criterion', title: t.criterion, cut: true },
      { key: 'id', title: t.id, priority: 1 },
      { key: 'weight_pct', title: t.weight, align: 'right', priority: 3 },
      { key: 'mean', title: t.mean, align: 'right' },
      { key: 'favorable_pct', title: t.favorable, align: 'right', priority: 4 },
      { key: 'answers', title: t.answers, align: 'right', priority: 2 },
      { key: 'respondents', title: t.respondents, align: 'right', priority: 2 },
    ],
    rows: scores.criteria.map((c) => [
      text(c.name),
      text(c.id, 'dim'),
      num((100 * c.weight) / totalWeight, 'pct'),
      scoreCell(c.mean, c.reason, scores),
      maybe(c.favorablePct, c.mean === null ? c.reason : null, 'pct'),
      num(c.answers, 'int'),
      num(c.respondents, 'int'),
    ]),
  };
}

/** The rater × target matrix: one row per evaluated department, one column per rater department (ids). */
export function pairMatrixView(scores: PeriodScores, config: Config, p: ReportPhrases): TableModel {
  const raters = [...new Set(scores.pairs.map((p) => p.rater))].sort((a, b) => a - b);
  const targets = [...new Set(scores.pairs.map((p) => p.target))].sort((a, b) => a - b);
  const cell = new Map(scores.pairs.map((p) => [`${p.target}:${p.rater}`, p]));
  return {
    heat: true,
    columns: [
      { key: 'target', title: p.score.columns.pairCorner, cut: true },
      // On a narrow terminal the rightmost raters go first; the note names them.
      ...raters.map((r): Column => ({ key: config.departments[r]!.id, title: config.departments[r]!.name, wrap: HEADER_WRAP, align: 'right', priority: 1 })),
    ],
    rows: targets.map((t) => [
      text(config.departments[t]!.name),
      ...raters.map((r): CellValue => {
        const pair = cell.get(`${t}:${r}`);
        if (pair === undefined) return { kind: 'empty' };
        return scoreCell(pair.score, pair.reason, scores, pairTone);
      }),
    ]),
  };
}

function pairTone(score: number, scores: PeriodScores): Tone {
  return scoreTone(score, scores) ?? 'warn';
}

/** The pairs as a long table (CSV and JSON readers want one pair per row, not a matrix). */
export function pairListView(scores: PeriodScores, config: Config): TableModel {
  return {
    columns: [
      { key: 'rater', title: 'Rater' },
      { key: 'rater_name', title: 'Rater name' },
      { key: 'target', title: 'Department' },
      { key: 'target_name', title: 'Department name' },
      { key: 'score', title: 'Score', align: 'right' },
      { key: 'respondents', title: 'Resp.', align: 'right' },
      { key: 'expected', title: 'Client of' },
    ],
    rows: scores.pairs.map((p) => [
      text(p.raterId),
      text(config.departments[p.rater]!.name),
      text(p.targetId),
      text(config.departments[p.target]!.name),
      maybe(p.score, p.reason, 'score'),
      num(p.respondents, 'int'),
      text(p.expected ? 'yes' : 'no'),
    ]),
  };
}

/**
 * Response rate of a rater department (SPEC 2.5): its distinct respondents / `headcount`, in percent; null when
 * the config gives no headcount. Above 100 when more people answered than the headcount says: shown as is.
 */
export function responseRatePct(config: Config, raterIndex: number, respondents: number): number | null {
  const headcount = config.departments[raterIndex]?.headcount;
  return headcount === undefined ? null : (100 * respondents) / headcount;
}

export function raterView(scores: PeriodScores, config: Config, p: ReportPhrases): TableModel {
  const t = p.score.columns;
  const raters = [...scores.raters]
    .filter((r) => r.rows > 0)
    .sort((a, b) => (a.difference ?? Infinity) - (b.difference ?? Infinity) || a.index - b.index);
  const withHeadcount = config.departments.some((d) => d.headcount !== undefined);
  return {
    columns: [
      { key: 'rater', title: t.rater, cut: true },
      { key: 'id', title: t.id, priority: 1 },
      { key: 'given_mean', title: t.gives, align: 'right' },
      { key: 'company_mean', title: t.company, align: 'right', priority: 2 },
      { key: 'difference', title: t.difference, align: 'right' },
      { key: 'respondents', title: t.respondents, align: 'right', priority: 3 },
      { key: 'rows', title: t.rows, align: 'right', priority: 2 },
      ...(withHeadcount
        ? [
            { key: 'headcount', title: t.headcount, align: 'right', priority: 3 } satisfies Column,
            { key: 'response_rate_pct', title: t.responseRate, align: 'right', priority: 2 } satisfies Column,
          ]
        : []),
      { key: 'tendency', title: '' },
    ],
    rows: raters.map((r) => [
      text(r.name),
      text(r.id, 'dim'),
      maybe(r.givenMean, r.reason, 'score'),
      maybe(r.companyMean, scores.company.reason, 'score', 'dim'),
      maybe(r.difference, r.givenMean === null ? r.reason : scores.company.reason, 'delta'),
      num(r.respondents, 'int'),
      num(r.rows, 'int'),
      ...(withHeadcount ? [num(config.departments[r.index]?.headcount ?? null, 'int'), num(responseRatePct(config, r.index, r.respondents), 'pct')] : []),
      // No word for a difference that shows as ±0.00.
      text(r.difference === null || Math.abs(r.difference) < 0.005 ? '' : r.difference < 0 ? p.score.harsher : p.score.moreLenient, 'dim'),
    ]),
  };
}

/** "Needs attention" after the table: plain lines (the renderers style them). */
export function attentionLines(attention: NeedsAttention, scores: PeriodScores, config: Config, p: ReportPhrases): string[] {
  const lines: string[] = [];
  for (const { department, weakestCriteria } of attention.departments) {
    const weakest = weakestCriteria.map((c) => `${config.criteria[c.criterion]!.name} ${scoreText(c.mean!, scores, p)}`).join(', ');
    lines.push(p.score.attentionDepartment(`${department.name} (${department.id})`, scoreText(department.score!, scores, p), scores.alertBelow!, weakest));
  }
  if (attention.lowestPairs.length > 0) {
    const name = (d: number) => config.departments[d]!.name;
    const pairs = attention.lowestPairs.map((pair) => `${name(pair.rater)} → ${name(pair.target)} ${scoreText(pair.score!, scores, p)}`).join(', ');
    lines.push(p.score.lowestPairs(pairs));
  }
  return lines;
}
