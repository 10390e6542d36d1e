/**
 * The pages of `ic report` built in-process from a small scored company: self-contained (strict CSP, no
 * script, no external reference), every marked number equal to the core's unrounded value, hidden values
 * shown nowhere, a card per scored department, comments under the rules of SPEC 3.3.
 */
import { describe, expect, it } from 'vitest';
import { needsAttention } from '../../../src/core/attention.js';
import { diffPeriods } from '../../../src/core/diff.js';
import type { PeriodScores } from '../../../src/core/results.js';
import { trendPeriods } from '../../../src/core/trend.js';
import { shownComments, type ReportInput } from '../../../src/render/html/input.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/render/html/page.js';
import { renderHtmlPages } from '../../../src/render/html/report.js';
import { row, score } from '../../core/factories.js';
import { makeConfig } from '../../helpers/config.js';
import { all, parseXml, textOf } from './svg.js';

const config = makeConfig({
  title: 'Company <2026>',
  departments: [
    { id: 'sales', name: 'Sales' },
    { id: 'ops', name: '=HYPERLINK("http://evil.example","x")' },
    { id: 'it', name: 'IT <b>' },
    { id: 'hr', name: 'HR' },
    { id: 'legal', name: 'Legal' },
  ],
  criteria: [{ id: 'speed', weight: 2 }, { id: 'quality' }],
  anonymityMin: 3,
  alertBelow: 3.5,
});

/** Respondent ids from `first`, `n` of them, each rating `target` with the same answers. */
const group = (first: number, n: number, rater: number, target: number, answers: number[]) => Array.from({ length: n }, (_, i) => row(first + i, rater, target, answers.map((a) => a - (i % 2) * 0.0)));

function period(shift: number): PeriodScores {
  return score(config, [
    ...group(1, 3, 0, 1, [4 + shift, 5]), // sales → ops: 3 respondents
    ...group(10, 3, 2, 1, [3, 4 - shift]), // it → ops
    ...group(20, 2, 3, 1, [2, 2]), // hr → ops: 2 respondents, hidden
    ...group(30, 4, 1, 0, [5, 4]), // ops → sales
    ...group(40, 3, 2, 0, [3 + shift, 3]),
    ...group(50, 2, 0, 4, [1, 1]), // legal: 2 respondents in all, its score hidden
  ]);
}

function input(comments?: ReadonlyMap<string, readonly string[]>): ReportInput {
  const periods = [period(0), period(0.5), period(-1)];
  return {
    config,
    labels: ['Q1', 'Q2', 'Q3'],
    periods,
    rows: periods.map(() => ({ read: 20, used: 20, rejected: 0, withErrors: 0, withWarnings: 0 })),
    diff: diffPeriods(periods[1]!, periods[2]!),
    trend: trendPeriods(periods),
    attention: needsAttention(periods[2]!),
    lang: 'en',
    ...(comments === undefined ? {} : { comments }),
  };
}

const report = input(new Map([['ops', ['zeta: slow', 'alpha: <ok>']], ['legal', ['never shown']]]));
const pages = renderHtmlPages(report);
const latest = report.periods[2]!;

/** `data-field`/`data-key`/`data-value` triples of a page. */
function marked(html: string): { field: string; key: string; value: string | undefined; text: string }[] {
  return [...html.matchAll(/<(td|div|p)\b([^>]*data-field="([^"]*)"[^>]*)>([^<]*)</g)].map((m) => ({
    field: m[3] as string,
    key: /data-key="([^"]*)"/.exec(m[2] as string)?.[1] ?? '',
    value: /data-value="([^"]*)"/.exec(m[2] as string)?.[1],
    text: m[4] as string,
  }));
}

describe('ic report pages', () => {
  it('has the company page and a card for every department with a shown score, and no other', () => {
    const scored = latest.departments.filter((d) => d.score !== null).map((d) => `${d.id}.html`);
    expect(scored).toEqual(['sales.html', 'ops.html']);
    expect([...pages.keys()]).toEqual(['index.html', ...scored]);
  });

  it('every page is self-contained: strict CSP, no script, nothing fetched, links only to its own pages', () => {
    for (const [name, html] of pages) {
      expect(html, name).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
      expect(html).not.toMatch(/<script|\son\w+=|javascript:|\bsrc=|url\(|@import/i);
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(pages.has(href as string), `${name} links to ${href}`).toBe(true);
    }
  });

  it('escapes every name: a formula-looking or tag-looking name is text', () => {
    const index = pages.get('index.html')!;
    expect(index).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)');
    expect(index).toContain('IT &lt;b&gt;');
    expect(index).not.toContain('<b>');
    expect(index).toContain('<title>Company &lt;2026&gt; — Q3</title>');
  });

  it('every chart is well-formed SVG with a title', () => {
    for (const html of pages.values()) {
      for (const [svg] of html.matchAll(/<svg[\s\S]*?<\/svg>/g)) {
        const root = all(parseXml(svg), 'svg')[0]!;
        expect(textOf(all(root, 'title')[0]!).length).toBeGreaterThan(0);
      }
    }
  });

  it('every number marked on the company page equals the core value, and its text is that value rounded', () => {
    const index = pages.get('index.html')!;
    const byId = new Map(latest.departments.map((d) => [d.id, d]));
    let checked = 0;
    for (const m of marked(index)) {
      if (m.value === undefined) continue;
      const d = byId.get(m.key);
      const expected =
        m.field === 'score' ? d?.score : m.field === 'favorable_pct' ? d?.favorablePct : m.field === 'rank' ? d?.rank : m.field === 'respondents' ? d?.respondents
        : m.field === 'company_mean' ? latest.company.mean : m.field === 'score_b' ? report.diff!.departments.find((x) => x.id === m.key)?.b.score
        : m.field === 'score_2' ? report.trend!.departments.find((x) => x.id === m.key)?.scores[2] : undefined;
      if (expected === undefined) continue;
      expect(Number(m.value), `${m.field} ${m.key}`).toBe(expected);
      if (m.field === 'score') expect(m.text).toBe((expected as number).toFixed(2));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('a hidden value shows no number anywhere: the hidden pair and the hidden department', () => {
    const ops = pages.get('ops.html')!;
    const hiddenPair = marked(ops).find((m) => m.field === 'pair' && m.key === 'hr/ops')!;
    expect(hiddenPair.value).toBeUndefined();
    expect(hiddenPair.text).toBe('hidden: fewer than 3 respondents');
    // Every pair about ops: its shown score exactly, or (hidden, also by the secondary rule) no number at all.
    const pairs = latest.pairs.filter((p) => p.targetId === 'ops' && p.respondents > 0);
    expect(pairs.filter((p) => p.score !== null).length).toBeGreaterThan(0);
    for (const p of pairs) {
      const cell = marked(ops).find((m) => m.field === 'pair' && m.key === `${p.raterId}/ops`)!;
      if (p.score === null) {
        expect(cell.value).toBeUndefined();
        expect(cell.text).toMatch(/^hidden/);
      } else expect(Number(cell.value)).toBe(p.score);
    }
    const index = pages.get('index.html')!;
    const legal = marked(index).filter((m) => m.key === 'legal' && ['score', 'favorable_pct', 'ci95', 'rank'].includes(m.field));
    expect(legal).toHaveLength(4);
    for (const m of legal) {
      expect(m.value).toBeUndefined();
      expect(m.text).not.toMatch(/\d\.\d/);
    }
    // The heat map: the hidden cell has a tooltip with the reason and no text.
    const heat = all(parseXml(/<svg class="chart heatmap"[\s\S]*?<\/svg>/.exec(index)![0]), 'g', 'hidden');
    expect(heat.length).toBeGreaterThan(0);
    for (const cell of heat) {
      expect(all(cell, 'text')).toHaveLength(0);
      expect(textOf(all(cell, 'title')[0]!)).toMatch(/hidden/);
    }
  });

  it('shows comments only about a department with enough respondents, sorted by their text, never with the rater', () => {
    const ops = pages.get('ops.html')!;
    const list = /<ul class="comments">([\s\S]*?)<\/ul>/.exec(ops)![1]!;
    expect([...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1])).toEqual(['alpha: &lt;ok&gt;', 'zeta: slow']);
    const legal = latest.departments.find((d) => d.id === 'legal')!;
    expect(shownComments(report, legal)).toBe('hidden');
    for (const html of pages.values()) expect(html).not.toContain('never shown');
  });

  it('says that comments were not read when the pipeline gives none, rather than that there were none', () => {
    const card = renderHtmlPages(input()).get('ops.html')!;
    expect(card).toContain('does not read comments');
    expect(card).not.toContain('No comments this period');
  });

  it('shows the change with its test, and the trend from three periods', () => {
    const ops = pages.get('ops.html')!;
    const d = report.diff!.departments.find((x) => x.id === 'ops')!;
    const change = marked(ops).find((m) => m.field === 'delta')!;
    expect(Number(change.value)).toBe(d.delta);
    expect(ops).toContain('class="chart sparkline"');
    const index = pages.get('index.html')!;
    expect(index).toContain('id="trend"');
    expect(index).toContain('class="chart dumbbell"');
  });

  it('speaks Russian with a decimal comma when asked', () => {
    const ru = renderHtmlPages({ ...report, lang: 'ru' }).get('index.html')!;
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Отчёт по компании');
    const sales = latest.departments.find((d) => d.id === 'sales')!;
    expect(ru).toContain(`data-value="${sales.score}">${sales.score!.toFixed(2).replace('.', ',')}<`);
  });
});
