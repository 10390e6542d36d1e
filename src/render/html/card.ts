/**
 * <department id>.html: the page a department head gets (SPEC 4.2) — its score, interval, rank, favorable %,
 * response rate, criteria against the company, each client department's rating (hidden pairs hidden), the
 * change since the previous period with its test, its weakest points, and the comments about it (SPEC 3.3).
 */
import type { DepartmentScore } from '../../core/results.js';
import { criteriaChart } from './charts/criteria.js';
import { sparkline } from './charts/sparkline.js';
import { escapeXml } from './charts/svg.js';
import { headerRow, kpi, numCell, table, textCell } from './cells.js';
import { latestLabel, latestScores, shownComments, trendRange, wordsOf, type ReportInput } from './input.js';
import { htmlPage } from './page.js';
import type { Words } from './phrases.js';
import { changeSentence, changeWords } from './views.js';
import { lineageName } from '../../report/trend/views.js';

const h2 = (title: string): string => `<h2>${escapeXml(title)}</h2>`;
const note = (text: string): string => `<p class="note">${escapeXml(text)}</p>`;

export function renderCardPage(input: ReportInput, department: DepartmentScore): string {
  const words = wordsOf(input);
  const body = [
    `<nav class="top"><a href="index.html">${escapeXml(words.t('backToReport'))}</a></nav>`,
    `<section class="card" data-department="${escapeXml(department.id)}">`,
    `<h1>${escapeXml(department.name)}</h1>`,
    `<p class="sub">${escapeXml(words.t('scoreTitle'))} · ${escapeXml(input.config.title)} · ${escapeXml(latestLabel(input))}</p>`,
    headline(input, department, words),
    criteria(input, department, words),
    clients(input, department, words),
    change(input, department, words),
    weakest(input, department, words),
    comments(input, department, words),
    '</section>',
  ].join('\n');
  return htmlPage({ lang: input.lang, title: `${department.name} — ${latestLabel(input)}`, body });
}

function headline(input: ReportInput, d: DepartmentScore, words: Words): string {
  const scores = latestScores(input);
  const ranked = scores.departments.filter((x) => x.rank !== null).length;
  const parts: string[] = [];
  if (d.score === null) parts.push(kpi(words.t('score'), words.reason(d.reason), undefined, true));
  else parts.push(kpi(words.t('score'), words.score(d.score), { field: 'score', key: d.id, value: d.score }));
  if (d.ci95 !== null) parts.push(kpi(words.t('ci95'), `${words.score(d.ci95[0])} – ${words.score(d.ci95[1])}`, undefined, true));
  if (d.rank !== null) parts.push(kpi(words.t('rank'), `${d.rank} ${words.t('rankOf')} ${ranked}`, { field: 'rank', key: d.id, value: d.rank }, true));
  if (d.favorablePct !== null) parts.push(kpi(words.t('favorable'), words.pct(d.favorablePct), { field: 'favorable_pct', key: d.id, value: d.favorablePct }));
  parts.push(kpi(words.t('respondents'), String(d.respondents), { field: 'respondents', key: d.id, value: d.respondents }));
  parts.push(kpi(words.t('raters'), String(d.raters), { field: 'raters', key: d.id, value: d.raters }));
  const headcount = input.headcounts?.get(d.id);
  const asRater = scores.raters.find((r) => r.id === d.id);
  if (headcount !== undefined && headcount > 0 && asRater !== undefined) parts.push(kpi(words.t('responseRate'), words.pct((100 * asRater.respondents) / headcount), undefined, true));
  const flag = d.flags.includes('below_alert') ? `<p class="flag">${escapeXml(words.t('belowAlert'))} (${words.num(scores.alertBelow as number)})</p>` : '';
  return `<div class="kpis">${parts.join('')}</div>${flag}`;
}

function criteria(input: ReportInput, d: DepartmentScore, words: Words): string {
  const scores = latestScores(input);
  const { scale } = input.config;
  const bars = d.criteria.map((c) => {
    const company = scores.criteria[c.criterion]?.mean ?? null;
    const name = input.config.criteria[c.criterion]?.name ?? c.id;
    return {
      label: name,
      value: c.mean,
      company,
      missing: c.mean === null ? words.reason(c.reason) : null,
      tooltip: `${name}: ${c.mean === null ? words.reason(c.reason) : words.score(c.mean)}; ${words.t('companyMean')}: ${company === null ? '—' : words.score(company)}`,
    };
  });
  const head = headerRow([words.t('criterion'), [words.t('thisDepartment'), 'num'], [words.t('companyMean'), 'num'], [words.t('delta'), 'num']]);
  const rows = d.criteria.map((c) => {
    const company = scores.criteria[c.criterion];
    const delta = c.mean !== null && company?.mean != null ? c.mean - company.mean : null;
    return [
      textCell(input.config.criteria[c.criterion]?.name ?? c.id),
      numCell(words, c.mean, 'score', { field: 'criterion', key: c.id }, c.reason),
      numCell(words, company?.mean ?? null, 'score', { field: 'company_criterion', key: c.id }, company?.reason ?? null),
      numCell(words, delta, 'delta', { field: 'criterion_vs_company', key: c.id }, null, '—'),
    ].join('');
  });
  return [
    h2(words.t('criteriaAgainstCompany')),
    `<figure>${criteriaChart({ title: words.t('criteriaAgainstCompany'), bars, min: scale.min, max: scale.max, format: (v) => words.score(v), legend: [words.t('thisDepartment'), words.t('companyMean')] })}</figure>`,
    table(head, rows),
  ].join('\n');
}

function clients(input: ReportInput, d: DepartmentScore, words: Words): string {
  const scores = latestScores(input);
  const pairs = scores.pairs.filter((p) => p.target === d.index && p.respondents > 0);
  if (pairs.length === 0) return '';
  const head = headerRow([words.t('clientDepartment'), [words.t('score'), 'num'], [words.t('respondents'), 'num']]);
  const rows = pairs.map((p) =>
    [
      textCell(scores.departments[p.rater]?.name ?? p.raterId),
      numCell(words, p.score, 'score', { field: 'pair', key: `${p.raterId}/${p.targetId}` }, p.reason),
      numCell(words, p.respondents, 'count', { field: 'pair_respondents', key: `${p.raterId}/${p.targetId}` }),
    ].join(''),
  );
  return [h2(words.t('howClientsRate')), table(head, rows)].join('\n');
}

function change(input: ReportInput, d: DepartmentScore, words: Words): string {
  if (input.diff === null) return '';
  // Two departments merged into this one since the previous period: a change against each (renamed_from).
  const diffs = input.diff.departments.filter((x) => x.id === d.id);
  const trends = input.trend?.departments.filter((x) => x.id === d.id) ?? [];
  const out = [h2(words.t('changeTitle'))];
  for (const diff of diffs) {
    const cls = diff.change === 'improved' ? 'up' : diff.change === 'declined' ? 'down' : '';
    const attrs = diff.delta === null || diffs.length > 1 ? '' : ` data-field="delta" data-key="${escapeXml(d.id)}" data-value="${diff.delta}"`;
    const earlier = diff.a.id !== null && diff.a.id !== diff.id ? `${diff.a.name ?? diff.a.id}: ` : '';
    out.push(`<p class="${cls}"${attrs}>${escapeXml(earlier + (diff.status === 'both' ? changeSentence(diff, words) : changeWords(diff, words)))}</p>`);
  }
  for (const trend of trends) {
    const values = trend.scores.map((s, i) => `${input.labels[i]}: ${s === null ? words.reason(trend.reasons[i] ?? null) : words.score(s)}`).join(' · ');
    const caption = trends.length > 1 ? `${lineageName(trend)} — ${values}` : values;
    out.push(`<figure>${sparkline({ title: values, values: trend.scores, ...trendRange(input), width: 240, height: 48 })}<figcaption>${escapeXml(caption)}</figcaption></figure>`);
  }
  return out.join('\n');
}

function weakest(input: ReportInput, d: DepartmentScore, words: Words): string {
  const scores = latestScores(input);
  const items: string[] = [];
  // Weak points are where the department falls behind the company, lowest first: not merely its lowest criteria.
  const gap = (c: (typeof d.criteria)[number]): number | null => {
    const company = scores.criteria[c.criterion]?.mean ?? null;
    return c.mean === null || company === null ? null : c.mean - company;
  };
  const weakCriteria = d.criteria
    .filter((c) => (gap(c) ?? 0) < 0)
    .sort((a, b) => (a.mean as number) - (b.mean as number) || a.criterion - b.criterion)
    .slice(0, 3);
  for (const c of weakCriteria) {
    const company = scores.criteria[c.criterion]?.mean ?? null;
    items.push(`${input.config.criteria[c.criterion]?.name ?? c.id}: ${words.score(c.mean as number)}${company === null ? '' : ` (${words.t('companyMean')} ${words.score(company)})`}`);
  }
  const lowPair = scores.pairs
    .filter((p) => p.target === d.index && p.score !== null)
    .sort((a, b) => (a.score as number) - (b.score as number) || a.rater - b.rater)[0];
  if (lowPair !== undefined) items.push(`${scores.departments[lowPair.rater]?.name ?? lowPair.raterId} (${words.t('clientDepartment').toLowerCase()}): ${words.score(lowPair.score as number)}`);
  if (items.length === 0) return '';
  return [h2(words.t('weakestPoints')), `<ul>${items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul>`].join('\n');
}

function comments(input: ReportInput, d: DepartmentScore, words: Words): string {
  const shown = shownComments(input, d);
  const out = [h2(words.t('comments'))];
  if (shown === undefined) out.push(note(words.t('commentsNotRead')));
  else if (shown === 'hidden') out.push(note(words.t('commentsHidden')));
  else if (shown.length === 0) out.push(note(words.t('noComments')));
  else out.push(`<ul class="comments">${shown.map((c) => `<li>${escapeXml(c)}</li>`).join('')}</ul>`);
  return out.join('\n');
}
