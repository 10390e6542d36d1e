/** index.html: the company report of the last period, its change since the previous one, the trend from three periods on. */
import { dumbbell } from './charts/dumbbell.js';
import { heatMap } from './charts/heatmap.js';
import { intervalChart } from './charts/intervals.js';
import { sparkline } from './charts/sparkline.js';
import { escapeXml } from './charts/svg.js';
import { headerRow, kpi, numCell, table, textCell } from './cells.js';
import { cardFile, hiddenValueCount, latestLabel, latestScores, trendRange, wordsOf, type ReportInput } from './input.js';
import { htmlPage } from './page.js';
import { matchedName } from '../../report/diff/views.js';
import { lineageName } from '../../report/trend/views.js';
import type { Words } from './phrases.js';
import { changeWords, dumbbellRows, heatMapOf, intervalRows } from './views.js';
import { methodSection } from './method.js';

const h2 = (id: string, title: string): string => `<h2 id="${id}">${escapeXml(title)}</h2>`;
const note = (text: string): string => `<p class="note">${escapeXml(text)}</p>`;

export function renderCompanyPage(input: ReportInput): string {
  const scores = latestScores(input);
  const words = wordsOf(input);
  const { scale } = input.config;
  const period = latestLabel(input);
  const title = `${input.config.title} — ${period}`;
  const body = [
    `<h1>${escapeXml(input.config.title)}</h1>`,
    `<p class="sub">${escapeXml(words.t('companyReport'))} · ${escapeXml(words.t('period'))}: ${escapeXml(period)}${input.labels.length > 1 ? ` · ${escapeXml(words.t('periods'))}: ${escapeXml(input.labels.join(', '))}` : ''}</p>`,
    summary(input, words),
    h2('scores', words.t('scoresChart')),
    `<figure>${intervalChart({ title: words.t('scoresChart'), rows: intervalRows(scores.departments, words), min: scale.min, max: scale.max, threshold: scores.alertBelow, thresholdLabel: words.t('alertLine'), format: (v) => words.score(v) })}<figcaption>${escapeXml(words.t('scoresNote'))}</figcaption></figure>`,
    departmentsTable(input, words),
    attention(input, words),
    change(input, words),
    trend(input, words),
    heat(input, words),
    criteria(input, words),
    cards(input, words),
    methodSection(input, words),
  ].join('\n');
  return htmlPage({ lang: input.lang, title, body });
}

function summary(input: ReportInput, words: Words): string {
  const scores = latestScores(input);
  const rows = input.rows[input.rows.length - 1]!;
  const scored = scores.departments.filter((d) => d.score !== null).length;
  const parts = [
    kpi(words.t('departments'), String(scored)),
    kpi(words.t('respondents'), String(scores.company.respondents), { field: 'company_respondents', key: 'company', value: scores.company.respondents }),
    kpi(words.t('rowsRead'), `${rows.used} / ${rows.read}`, undefined, true),
    kpi(words.t('hiddenCount'), String(hiddenValueCount(scores)), undefined, true),
  ];
  if (scores.company.mean !== null) parts.splice(1, 0, kpi(words.t('companyMeanTitle'), words.score(scores.company.mean), { field: 'company_mean', key: 'company', value: scores.company.mean }));
  return `<div class="kpis">${parts.join('')}</div>`;
}

function departmentsTable(input: ReportInput, words: Words): string {
  const scores = latestScores(input);
  const shown = scores.departments.filter((d) => d.respondents > 0).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.index - b.index);
  const head = headerRow([[words.t('rank'), 'num'], words.t('department'), [words.t('score'), 'num'], [words.t('ci95'), 'num'], [words.t('favorable'), 'num'], [words.t('respondents'), 'num'], [words.t('raters'), 'num'], words.t('flags')]);
  const rows = shown.map((d) => {
    const name = d.score === null || input.singlePage ? textCell(d.name) : `<td><a href="${cardFile(d.id)}">${escapeXml(d.name)}</a></td>`;
    const ci = d.ci95 === null ? numCell(words, null, 'score', { field: 'ci95', key: d.id }, d.reason, d.score === null ? undefined : '—') : `<td class="num" data-field="ci95" data-key="${d.id}" data-low="${d.ci95[0]}" data-high="${d.ci95[1]}">${words.score(d.ci95[0])} – ${words.score(d.ci95[1])}</td>`;
    const flags = d.flags.includes('below_alert') ? `<td class="flag">${escapeXml(words.t('belowAlert'))}</td>` : textCell('');
    return [
      numCell(words, d.rank, 'count', { field: 'rank', key: d.id }, d.reason, '—'),
      name,
      numCell(words, d.score, 'score', { field: 'score', key: d.id }, d.reason),
      ci,
      numCell(words, d.favorablePct, 'pct', { field: 'favorable_pct', key: d.id }, d.reason),
      numCell(words, d.respondents, 'count', { field: 'respondents', key: d.id }),
      numCell(words, d.raters, 'count', { field: 'raters', key: d.id }),
      flags,
    ].join('');
  });
  const nobody = scores.departments.filter((d) => d.respondents === 0);
  return table(head, rows, [4, 6, 7]) + (nobody.length === 0 ? '' : note(`${words.t('notEvaluated')}: ${nobody.map((d) => d.name).join(', ')}`));
}

function attention(input: ReportInput, words: Words): string {
  const { departments, lowestPairs } = input.attention;
  const scores = latestScores(input);
  const out = [h2('attention', words.t('needsAttention'))];
  if (departments.length === 0) out.push(note(words.t('nothingNeedsAttention')));
  else {
    const items = departments.map(({ department: d, weakestCriteria }) => {
      const weak = weakestCriteria.map((c) => `${input.config.criteria[c.criterion]?.name ?? c.id} ${words.score(c.mean as number)}`).join(', ');
      return `<li>${cardLink(input, d)}: <strong>${words.score(d.score as number)}</strong>${weak === '' ? '' : ` — ${escapeXml(words.t('weakestCriteria'))}: ${escapeXml(weak)}`}</li>`;
    });
    out.push(`<ul>${items.join('')}</ul>`);
  }
  if (lowestPairs.length > 0) {
    const name = (i: number): string => scores.departments[i]?.name ?? '';
    out.push(`<h3>${escapeXml(words.t('lowestPairs'))}</h3>`);
    out.push(`<ul>${lowestPairs.map((p) => `<li>${escapeXml(`${name(p.rater)} → ${name(p.target)}`)}: <strong>${words.score(p.score as number)}</strong></li>`).join('')}</ul>`);
  }
  return out.join('\n');
}

function change(input: ReportInput, words: Words): string {
  if (input.diff === null) return '';
  const { scale } = input.config;
  const rows = dumbbellRows(input.diff.departments, words);
  const previous = input.labels[input.labels.length - 2] as string;
  const head = headerRow([words.t('department'), [`${words.t('before')} (${previous})`, 'num'], [`${words.t('after')} (${latestLabel(input)})`, 'num'], [words.t('delta'), 'num'], [words.t('z'), 'num'], [words.t('p'), 'num'], words.t('significance')]);
  const body = input.diff.departments.map((d) =>
    [
      textCell(matchedName(d)),
      numCell(words, d.a.score, 'score', { field: 'score_a', key: d.id }, d.a.reason),
      numCell(words, d.b.score, 'score', { field: 'score_b', key: d.id }, d.b.reason),
      numCell(words, d.delta, 'delta', { field: 'delta', key: d.id }, null, '—'),
      numCell(words, d.z, 'z', { field: 'z', key: d.id }, null, '—'),
      numCell(words, d.p, 'p', { field: 'p', key: d.id }, null, '—'),
      `<td class="${d.change === 'improved' ? 'up' : d.change === 'declined' ? 'down' : ''}">${escapeXml(changeWords(d, words))}</td>`,
    ].join(''),
  );
  return [
    h2('change', `${words.t('changeTitle')} (${previous} → ${latestLabel(input)})`),
    rows.length === 0 ? '' : `<figure>${dumbbell({ title: words.t('changeTitle'), rows, min: scale.min, max: scale.max, format: (v) => words.score(v) })}<figcaption>${escapeXml(words.t('changeNote'))}</figcaption></figure>`,
    table(head, body, [2, 5, 6]),
  ].join('\n');
}

function trend(input: ReportInput, words: Words): string {
  if (input.trend === null) return '';
  const range = trendRange(input);
  const head = headerRow([words.t('department'), ...input.labels.map((l): [string, 'num'] => [l, 'num']), words.t('trendLine'), words.t('latestChange')]);
  const body = input.trend.departments.map((d) =>
    [
      textCell(lineageName(d)),
      ...d.scores.map((s, i) => numCell(words, s, 'score', { field: `score_${i}`, key: d.id }, d.reasons[i] ?? null)),
      `<td>${sparkline({ title: `${d.name}: ${d.scores.map((s) => (s === null ? '—' : words.score(s))).join(' → ')}`, values: d.scores, ...range })}</td>`,
      textCell(d.latest === null ? '' : changeWords(d.latest, words), d.latest?.change === 'declined' ? 'down' : d.latest?.change === 'improved' ? 'up' : undefined),
    ].join(''),
  );
  // On a phone: the latest period, the line and the verdict; the earlier periods are in the line's tooltip.
  const earlier = input.labels.slice(0, -1).map((_, i) => i + 2);
  return [h2('trend', words.t('trendTitle')), table(head, body, earlier)].join('\n');
}

function heat(input: ReportInput, words: Words): string {
  const { scale } = input.config;
  const { map, legend } = heatMapOf(latestScores(input), words, words.t('heatTitle'), scale.min, scale.max);
  if (map.rows.length === 0) return '';
  return [
    h2('pairs', words.t('heatTitle')),
    `<figure><div class="scroll">${heatMap(map)}</div><figcaption>${escapeXml(words.t('heatNote'))}</figcaption></figure>`,
    `<ol class="legend">${legend.map((l) => `<li value="${l.number}">${escapeXml(l.name)}</li>`).join('')}</ol>`,
  ].join('\n');
}

function criteria(input: ReportInput, words: Words): string {
  const scores = latestScores(input);
  const head = headerRow([words.t('criterion'), [words.t('weight'), 'num'], [words.t('mean'), 'num'], [words.t('favorable'), 'num'], [words.t('answers'), 'num']]);
  const body = scores.criteria.map((c) =>
    [
      textCell(c.name),
      numCell(words, c.weight, 'count', { field: 'weight', key: c.id }),
      numCell(words, c.mean, 'score', { field: 'criterion_mean', key: c.id }, c.reason),
      numCell(words, c.favorablePct, 'pct', { field: 'criterion_favorable_pct', key: c.id }, c.reason),
      numCell(words, c.answers, 'count', { field: 'answers', key: c.id }),
    ].join(''),
  );
  return [h2('criteria', words.t('criteriaTitle')), table(head, body, [2, 5])].join('\n');
}

/** A department's name, linked to its card when the cards are written beside this page. */
function cardLink(input: ReportInput, d: { id: string; name: string }): string {
  return input.singlePage ? escapeXml(d.name) : `<a href="${cardFile(d.id)}">${escapeXml(d.name)}</a>`;
}

function cards(input: ReportInput, words: Words): string {
  const scored = latestScores(input).departments.filter((d) => d.score !== null);
  if (scored.length === 0 || input.singlePage) return '';
  return [h2('cards', words.t('cards')), `<ul class="cards">${scored.map((d) => `<li><a href="${cardFile(d.id)}">${escapeXml(d.name)}</a></li>`).join('')}</ul>`].join('\n');
}
