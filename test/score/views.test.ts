/**
 * Every view (--by) in every format (--format) of `ic score` on the bundled example (examples/), end to end.
 * The formats are checked against each other: the table and Markdown show the JSON numbers rounded, the CSV
 * the JSON numbers unrounded, and hidden values are hidden everywhere. Needs `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ic } from '../helpers/cli.js';
import { ANSI, EXAMPLES, EXAMPLE_Q1, EXAMPLE_Q2, byId, csvObjects, scoreJson, tableRow, type ScoreJsonOut } from './helpers.js';

const VIEWS = ['department', 'criterion', 'pair', 'rater'] as const;
const TITLE = 'Внутренний клиент — 2026';

const q1 = scoreJson([EXAMPLE_Q1, '--by', 'pair']).json;
const names = new Map(q1.departments.map((d) => [d.id, d.name]));

/** What a hidden value looks like in the table and Markdown. */
function marker(reason: string | null): string {
  return reason === 'fewer_than_k' ? 'n<3' : reason === 'secondary' ? 'hidden' : '—';
}

/** The cells of a Markdown table row that starts with `first`. */
function mdRow(md: string, first: string): string[] {
  const line = md.split('\n').find((l) => l.includes(`| ${first} |`));
  if (line === undefined) throw new Error(`no Markdown row for ${first}`);
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

describe('the JSON of each view', () => {
  it.each(VIEWS)('--by %s: the SPEC 4.1 keys, and only its own extra list', (view) => {
    const { json, run } = scoreJson([EXAMPLE_Q1, '--by', view]);
    expect(run.stderr).toBe('');
    expect(json.title).toBe(TITLE);
    expect(json.rows).toEqual({ read: 295, used: 295, rejected: 0 });
    expect(json.departments).toHaveLength(15);
    for (const d of json.departments) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'name', 'score', 'se', 'ci95', 'favorable_pct', 'respondents', 'raters', 'rank', 'criteria', 'suppressed', 'flags']));
      expect(Object.keys(d.criteria)).toEqual(['speed', 'quality', 'competence', 'politeness', 'proactivity']);
    }
    expect('pairs' in json).toBe(view === 'pair');
    expect('raters' in json).toBe(view === 'rater');
    expect('criteria' in json).toBe(view === 'criterion');
    if (view === 'pair') for (const p of json.pairs!) expect(Object.keys(p)).toEqual(expect.arrayContaining(['rater', 'target', 'score', 'respondents', 'suppressed']));
    if (view === 'rater') for (const r of json.raters!) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'given_mean', 'company_mean', 'difference', 'respondents']));
    if (view === 'criterion') for (const c of json.criteria!) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'mean', 'favorable_pct', 'answers']));
  });

  it('the departments are the same whatever the view', () => {
    const base = scoreJson([EXAMPLE_Q1]).json.departments;
    for (const view of VIEWS) expect(scoreJson([EXAMPLE_Q1, '--by', view]).json.departments).toEqual(base);
  });

  it('the scores are those examples/README.md promises (2 decimals)', () => {
    const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    const promised = readme
      .split('\n')
      .filter((l) => /^\| [a-z]+ \|/u.test(l) && !l.startsWith('| id '))
      .map((l) => l.split('|').map((c) => c.trim()))
      .map((c) => ({ id: c[1]!, q1: c[7]!, q2: c[8]! }));
    expect(promised).toHaveLength(15);
    const q2 = byId(scoreJson([EXAMPLE_Q2]).json.departments);
    const q1ById = byId(q1.departments);
    for (const p of promised) {
      const shown = (d: ScoreJsonOut['departments'][number] | undefined) => (d?.score === null || d === undefined ? '—' : d.score.toFixed(2));
      expect([p.id, shown(q1ById.get(p.id)), shown(q2.get(p.id))]).toEqual([p.id, p.q1, p.q2]);
    }
  });

  it('the story of the example: directorate has no score, legal pairs are hidden, hr/security/delivery need attention', () => {
    const d = byId(q1.departments);
    expect(d.get('directorate')).toMatchObject({ score: null, se: null, ci95: null, rank: null, suppressed: false, reason: 'no_responses', flags: ['no_responses'] });
    for (const p of q1.pairs!.filter((p) => p.rater === 'legal')) expect(p).toMatchObject({ score: null, suppressed: true, reason: 'fewer_than_k', respondents: 2 });
    expect(q1.needs_attention.departments.map((a) => a.id)).toEqual(['delivery', 'security', 'hr']);
    const ranks = q1.departments.filter((x) => x.rank !== null).map((x) => x.rank!).sort((a, b) => a - b);
    expect(ranks).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });
});

describe.each(VIEWS)('--by %s', (view) => {
  const { json } = scoreJson([EXAMPLE_Q1, '--by', view]);

  it('table: title, the view, no colour without a terminal, the JSON numbers rounded', () => {
    const run = ic(['score', EXAMPLE_Q1, '--by', view, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout.startsWith(`${TITLE} — `)).toBe(true);
    expect(run.stdout).toContain('295 rows used of 295');
    expect(run.stdout).toContain('Needs attention');
    expect(run.stdout).toContain('No score: Генеральная дирекция (directorate) — no department is its client');
    checkDisplay(run.stdout, json, view, (out, name) => tableRow(out, new RegExp(`^\\s*(\\d+\\s+)?${name}(\\s{2,}|$)`, 'u')), 'table');
  });

  it('md: a Markdown document with the same rounded numbers', () => {
    const run = ic(['score', EXAMPLE_Q1, '--by', view, '--format', 'md', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`# ${TITLE}\n`)).toBe(true);
    expect(run.stdout).toMatch(/^## .+$/mu);
    expect(run.stdout).toMatch(/^\|(:---|---:)(\|(:---|---:))+\|$/mu);
    expect(run.stdout).toContain('## Needs attention');
    expect(run.stdout).not.toMatch(ANSI);
    checkDisplay(run.stdout, json, view, mdRow, 'md');
  });

  it('csv: one header, every record the same width, the JSON numbers unrounded', () => {
    const run = ic(['score', EXAMPLE_Q1, '--by', view, '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout.charCodeAt(0)).not.toBe(0xfeff);
    const rows = csvObjects(run.stdout);
    switch (view) {
      case 'department': {
        expect(rows).toHaveLength(15);
        for (const d of json.departments) {
          const r = rows.find((x) => x['id'] === d.id)!;
          expect(r['department']).toBe(d.name);
          expect(r['score']).toBe(d.score === null ? '' : String(d.score));
          expect(r['respondents']).toBe(String(d.respondents));
          for (const [c, mean] of Object.entries(d.criteria)) expect(r[c]).toEqual(mean === null ? (d.reason === 'no_responses' ? '' : expect.stringMatching(/^suppressed/u)) : String(mean));
        }
        break;
      }
      case 'criterion':
        expect(rows.map((r) => [r['id'], Number(r['mean'])])).toEqual(json.criteria!.map((c) => [c.id, c.mean]));
        break;
      case 'pair':
        expect(rows).toHaveLength(json.pairs!.length);
        json.pairs!.forEach((p, i) => {
          expect(rows[i]).toMatchObject({ rater: p.rater, target: p.target, respondents: String(p.respondents) });
          expect(rows[i]!['score']).toEqual(p.score === null ? expect.stringMatching(/^suppressed \((secondary|fewer than 3 respondents)\)$/u) : String(p.score));
        });
        break;
      case 'rater':
        for (const r of json.raters!) {
          const row = rows.find((x) => x['id'] === r.id)!;
          expect(row['given_mean']).toEqual(r.given_mean === null ? expect.stringMatching(/^suppressed/u) : String(r.given_mean));
          expect(row['difference']).toEqual(r.difference === null ? expect.stringMatching(/^suppressed/u) : String(r.difference));
        }
        break;
    }
  });
});

/** The table or Markdown of a view shows the JSON values rounded to 2 decimals, or the marker of a hidden one. */
function checkDisplay(out: string, json: ScoreJsonOut, view: (typeof VIEWS)[number], row: (out: string, name: string) => string[], format: 'table' | 'md'): void {
  const score = (v: number | null, reason: string | null) => (v === null ? marker(reason) : v.toFixed(2));
  switch (view) {
    case 'department':
      for (const d of json.departments) {
        const cells = row(out, d.name).filter((c) => c !== '');
        const rank = d.rank === null ? [] : [String(d.rank)];
        // [#] name id score [lo hi] fav resp raters criteria... [flags]
        expect(cells.slice(0, rank.length + 3)).toEqual([...rank, d.name, d.id, score(d.score, d.reason)]);
        const criteria = Object.entries(d.criteria).map(([c, m]) => score(m, d.criteria_reasons[c] ?? null));
        const at = cells.indexOf(String(d.respondents), rank.length + 3);
        expect(cells.slice(at, at + 2 + criteria.length)).toEqual([String(d.respondents), String(d.raters), ...criteria]);
      }
      break;
    case 'criterion':
      for (const c of json.criteria!) {
        const line = out.split('\n').find((l) => new RegExp(`(\\s|\\|)${c.id}(\\s|\\|)`, 'u').test(l))!;
        const cells = line.split(/\s*\|\s*|\s{2,}/u).filter((x) => x !== '');
        // name id weight mean fav answers resp
        expect(cells.slice(1)).toEqual([c.id, expect.stringMatching(/%$/u), c.mean!.toFixed(2), `${c.favorable_pct!.toFixed(1)}%`, String(c.answers), String(c.respondents)]);
      }
      break;
    case 'pair': {
      // The matrix: a row per evaluated department, a column per rater department (in config order).
      const raters = json.departments.map((d) => d.id).filter((id) => json.pairs!.some((p) => p.rater === id));
      // Columns are titled with the raters' names; on a terminal a long name is written over two lines.
      const lines = out.split('\n');
      const at = lines.findIndex((l) => l.includes('Department ↓ / rater →'));
      const raterNames = raters.map((r) => names.get(r)!);
      if (format === 'md') {
        const columns = lines[at]!.replace(/^\|/u, '').split(/\s*\|\s*/u).filter((c) => c !== '');
        expect(columns.slice(1)).toEqual(raterNames);
      } else {
        const header = lines.slice(0, at + 1).reverse();
        const stack = header.slice(0, header.findIndex((l) => l === '') === -1 ? undefined : header.findIndex((l) => l === '')).reverse();
        for (const name of raterNames) for (const word of name.split(' ')) expect(stack.join(' '), name).toContain(word);
      }
      if (format === 'md') {
        for (const target of new Set(json.pairs!.map((p) => p.target))) {
          // below the header, which names the raters too
          const cells = row(lines.slice(at + 2).join('\n'), names.get(target)!);
          raters.forEach((r, i) => {
            const p = json.pairs!.find((x) => x.target === target && x.rater === r);
            expect(cells[i + 1], `${r} → ${target}`).toBe(p === undefined ? '' : score(p.score, p.reason));
          });
        }
      } else {
        for (const p of json.pairs!) {
          const cells = row(out, names.get(p.target)!);
          expect(cells).toContain(score(p.score, p.reason));
        }
      }
      break;
    }
    case 'rater':
      for (const r of json.raters!.filter((x) => x.rows > 0)) {
        const cells = row(out, names.get(r.id)!);
        const diff = r.difference === null ? marker(r.reason) : `${r.difference > 0 ? '+' : '−'}${Math.abs(r.difference).toFixed(2)}`;
        expect(cells.slice(0, 7)).toEqual([names.get(r.id), r.id, score(r.given_mean, r.reason), r.company_mean!.toFixed(2), diff, String(r.respondents), String(r.rows)]);
      }
      break;
  }
}
