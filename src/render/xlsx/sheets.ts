/** The sheets of report.xlsx, one per view, built from the same protected results as the pages. */
import type { NullReason } from '../../core/results.js';
import { changeWords } from '../html/views.js';
import { hiddenValueCount, latestScores, shownComments, type ReportInput } from '../html/input.js';
import { methodFacts } from '../html/method.js';
import { matchedName } from '../../report/diff/views.js';
import { lineageName } from '../../report/trend/views.js';
import type { Words } from '../html/phrases.js';
import { column, safeSheetName, type SheetSpec, type SheetValue } from './sheet.js';

const pct = (value: number | null): number | null => (value === null ? null : value / 100);

/** The reasons of the row's empty cells, "score: fewer than 3 respondents; speed: …", or null when nothing is hidden. */
function whyHidden(words: Words, hidden: readonly (readonly [string, NullReason | null, number | null])[]): string | null {
  const parts = hidden.filter(([, reason, value]) => value === null && reason !== null).map(([what, reason]) => `${what}: ${words.reason(reason)}`);
  return parts.length === 0 ? null : parts.join('; ');
}

export function departmentsSheet(input: ReportInput, words: Words): SheetSpec {
  const scores = latestScores(input);
  const criteria = input.config.criteria;
  const rows = scores.departments.map((d): SheetValue[] => [
    d.id,
    d.name,
    d.score,
    d.se,
    d.ci95?.[0] ?? null,
    d.ci95?.[1] ?? null,
    pct(d.favorablePct),
    d.respondents,
    d.raters,
    d.rank,
    ...d.criteria.map((c) => c.mean),
    d.flags.includes('below_alert') ? words.t('belowAlert') : null,
    whyHidden(words, [[words.t('score'), d.reason, d.score], ...d.criteria.map((c) => [criteria[c.criterion]?.name ?? c.id, c.reason, c.mean] as const)]),
  ]);
  return {
    name: safeSheetName(words.t('departments')),
    columns: [
      column('id', 'id', 'text', 14),
      column('name', words.t('department'), 'text', 34),
      column('score', words.t('score'), 'score'),
      column('se', 'SE', 'stat'),
      column('ci95_low', `${words.t('ci95')} −`, 'score'),
      column('ci95_high', `${words.t('ci95')} +`, 'score'),
      column('favorable_pct', words.t('favorable'), 'pct'),
      column('respondents', words.t('respondents'), 'count'),
      column('raters', words.t('raters'), 'count'),
      column('rank', words.t('rank'), 'count'),
      ...criteria.map((c) => column(`criteria.${c.id}`, c.name, 'score')),
      column('flags', words.t('flags'), 'text', 18),
      column('reason', words.t('reason'), 'text', 40),
    ],
    rows,
    colourKeys: ['score', ...criteria.map((c) => `criteria.${c.id}`)],
  };
}

export function pairsSheet(input: ReportInput, words: Words): SheetSpec {
  const scores = latestScores(input);
  const name = (i: number): string => scores.departments[i]?.name ?? '';
  const rows = scores.pairs
    .filter((p) => p.respondents > 0)
    .map((p): SheetValue[] => [p.raterId, name(p.rater), p.targetId, name(p.target), p.score, p.respondents, p.score === null ? words.reason(p.reason) : null]);
  return {
    name: safeSheetName(words.t('pair')),
    columns: [
      column('rater', 'id', 'text', 14),
      column('rater_name', words.t('clientDepartment'), 'text', 30),
      column('target', 'id', 'text', 14),
      column('target_name', words.t('target'), 'text', 30),
      column('score', words.t('score'), 'score'),
      column('respondents', words.t('respondents'), 'count'),
      column('reason', words.t('reason'), 'text', 40),
    ],
    rows,
    colourKeys: ['score'],
  };
}

export function ratersSheet(input: ReportInput, words: Words): SheetSpec {
  const headcounts = input.headcounts;
  const rows = latestScores(input)
    .raters.filter((r) => r.rows > 0)
    .map((r): SheetValue[] => {
      const headcount = headcounts?.get(r.id);
      const rate = headcounts === undefined ? [] : [headcount ?? null, headcount === undefined ? null : r.respondents / headcount];
      return [r.id, r.name, r.givenMean, r.companyMean, r.difference, r.respondents, r.rows, ...rate, r.givenMean === null ? words.reason(r.reason) : null];
    });
  return {
    name: safeSheetName(words.t('rater')),
    columns: [
      column('id', 'id', 'text', 14),
      column('name', words.t('rater'), 'text', 30),
      column('given_mean', words.t('given'), 'score'),
      column('company_mean', words.t('companyMean'), 'score'),
      column('difference', words.t('difference'), 'score'),
      column('respondents', words.t('respondents'), 'count'),
      column('rows', words.t('rows'), 'count'),
      ...(headcounts === undefined ? [] : [column('headcount', words.t('headcount'), 'count'), column('response_rate', words.t('responseRate'), 'pct')]),
      column('reason', words.t('reason'), 'text', 40),
    ],
    rows,
  };
}

export function criteriaSheet(input: ReportInput, words: Words): SheetSpec {
  const rows = latestScores(input).criteria.map((c): SheetValue[] => [c.id, c.name, c.weight, c.mean, pct(c.favorablePct), c.answers, c.respondents, c.mean === null ? words.reason(c.reason) : null]);
  return {
    name: safeSheetName(words.t('criteriaTitle')),
    columns: [
      column('id', 'id', 'text', 14),
      column('name', words.t('criterion'), 'text', 30),
      column('weight', words.t('weight'), 'stat'),
      column('mean', words.t('mean'), 'score'),
      column('favorable_pct', words.t('favorable'), 'pct'),
      column('answers', words.t('answers'), 'count'),
      column('respondents', words.t('respondents'), 'count'),
      column('reason', words.t('reason'), 'text', 40),
    ],
    rows,
    colourKeys: ['mean'],
  };
}

export function changesSheet(input: ReportInput, words: Words): SheetSpec | null {
  if (input.diff === null) return null;
  const rows = input.diff.departments.map((d): SheetValue[] => [
    d.id,
    matchedName(d),
    d.status,
    d.a.score,
    d.b.score,
    d.delta,
    d.z,
    d.p,
    d.testable ? (d.significant ? words.t('yes') : words.t('no')) : null,
    d.a.rank,
    d.b.rank,
    changeWords(d, words),
  ]);
  const [a, b] = input.labels.slice(-2) as [string, string];
  return {
    name: safeSheetName(words.t('changeTitle')),
    columns: [
      column('id', 'id', 'text', 14),
      column('name', words.t('department'), 'text', 30),
      column('status', words.t('status'), 'text', 8),
      column('score_a', `${words.t('score')} ${a}`, 'score'),
      column('score_b', `${words.t('score')} ${b}`, 'score'),
      column('delta', words.t('delta'), 'score'),
      column('z', 'z', 'stat'),
      column('p', 'p', 'stat'),
      column('significant', words.t('significant'), 'text', 10),
      column('rank_a', `${words.t('rank')} ${a}`, 'count'),
      column('rank_b', `${words.t('rank')} ${b}`, 'count'),
      column('change', words.t('significance'), 'text', 30),
    ],
    rows,
    colourKeys: ['score_a', 'score_b'],
  };
}

export function trendSheet(input: ReportInput, words: Words): SheetSpec | null {
  if (input.trend === null) return null;
  const rows = input.trend.departments.map((d): SheetValue[] => [d.id, lineageName(d), ...d.scores, d.latest === null ? null : changeWords(d.latest, words)]);
  return {
    name: safeSheetName(words.t('trendTitle')),
    columns: [
      column('id', 'id', 'text', 14),
      column('name', words.t('department'), 'text', 30),
      ...input.labels.map((l, i) => column(`score_${i}`, l, 'score')),
      column('latest', words.t('latestChange'), 'text', 24),
    ],
    rows,
    colourKeys: input.labels.map((_, i) => `score_${i}`),
  };
}

export function attentionSheet(input: ReportInput, words: Words): SheetSpec {
  const scores = latestScores(input);
  const criterionName = (i: number): string => input.config.criteria[i]?.name ?? '';
  const rows: SheetValue[][] = input.attention.departments.map(({ department: d, weakestCriteria }) => [
    d.name,
    d.score,
    weakestCriteria.map((c) => `${criterionName(c.criterion)} ${words.score(c.mean as number)}`).join(', '),
  ]);
  for (const p of input.attention.lowestPairs) rows.push([`${scores.departments[p.rater]?.name ?? ''} → ${scores.departments[p.target]?.name ?? ''}`, p.score, null]);
  return {
    name: safeSheetName(words.t('needsAttention')),
    columns: [column('name', words.t('department'), 'text', 50), column('score', words.t('score'), 'score'), column('weakest', words.t('weakestCriteria'), 'text', 50)],
    rows,
    colourKeys: ['score'],
  };
}

export function commentsSheet(input: ReportInput, words: Words): SheetSpec {
  const rows: SheetValue[][] = [];
  if (input.comments === undefined) rows.push([null, words.t('commentsNotRead')]);
  else {
    for (const d of latestScores(input).departments) {
      const shown = shownComments(input, d);
      if (Array.isArray(shown)) for (const c of shown) rows.push([d.name, c]);
    }
  }
  return { name: safeSheetName(words.t('comments')), columns: [column('department', words.t('department'), 'text', 30), column('comment', words.t('comments'), 'text', 80)], rows };
}

export function methodSheet(input: ReportInput, words: Words): SheetSpec {
  const rows: SheetValue[][] = [
    [words.t('method'), words.t('methodText', { k: latestScores(input).anonymityMin })],
    ...methodFacts(input, words),
    ...(input.periodNotes ?? []).map((n): SheetValue[] => [words.t('periodsCompared'), n]),
  ];
  return { name: safeSheetName(words.t('method')), columns: [column('setting', words.t('setting'), 'text', 36), column('value', words.t('value'), 'text', 80)], rows };
}

export function qualitySheet(input: ReportInput, words: Words): SheetSpec {
  const rows = input.labels.map((label, i): SheetValue[] => {
    const r = input.rows[i]!;
    return [label, r.read, r.used, r.rejected, hiddenValueCount(input.periods[i]!), ...(input.configFiles === undefined ? [] : [input.configFiles[i] ?? ''])];
  });
  return {
    name: safeSheetName(words.t('dataQuality')),
    columns: [
      column('period', words.t('period'), 'text', 20),
      column('read', words.t('rowsRead'), 'count'),
      column('used', words.t('rowsUsed'), 'count'),
      column('rejected', words.t('rowsRejected'), 'count'),
      column('hidden', words.t('hiddenValues'), 'count'),
      ...(input.configFiles === undefined ? [] : [column('config', words.t('config'), 'text', 40)]),
    ],
    rows,
  };
}

export function workbookSheets(input: ReportInput, words: Words): SheetSpec[] {
  const sheets = [
    departmentsSheet(input, words),
    pairsSheet(input, words),
    ratersSheet(input, words),
    criteriaSheet(input, words),
    changesSheet(input, words),
    trendSheet(input, words),
    attentionSheet(input, words),
    commentsSheet(input, words),
    methodSheet(input, words),
    qualitySheet(input, words),
  ];
  return sheets.filter((s): s is SheetSpec => s !== null);
}
