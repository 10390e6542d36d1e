/**
 * The pages of `ic report` in a real browser (Debian's Chromium through playwright-core): each loads with no
 * request beyond itself and no console error (a CSP violation is one), the numbers on it equal the JSON of
 * `ic score`/`ic diff`, a card exists for every scored department, hidden pairs show no number, and nothing
 * is wider than a 390 px phone. Screenshots at 1280 and 390 px go to a temporary folder (printed) to look at.
 * Skipped, with a line saying so, where Chromium is absent.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ic, REPO } from '../helpers/cli.js';

const CHROMIUM = process.env['IC_CHROMIUM'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.log(`test/browser: skipped — no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);

type Json = Record<string, any>;
const CONFIG = join(REPO, 'examples/ic.yaml');
const Q1 = join(REPO, 'examples/2026-q1.csv');
const Q2 = join(REPO, 'examples/2026-q2.csv');

function json(args: string[]): Json {
  const run = ic([...args, '--format', 'json', '--config', CONFIG]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

/** What the Russian pages print for a hidden value, by reason. */
const HIDDEN_RU: Record<string, string> = {
  fewer_than_k: 'скрыто: меньше 3 респондентов',
  secondary: 'скрыто, чтобы нельзя было вычислить другие скрытые значения',
};

/** What the Russian pages print for a score: 2 decimals, a decimal comma. */
const ru = (value: number): string => value.toFixed(2).replace('.', ',');

describe.skipIf(!available)('ic report in a browser', () => {
  let browser: Browser;
  let dir: string;
  let shots: string;
  let q3: string;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'ic-browser-'));
    q3 = join(root, '2026-q3.csv');
    copyFileSync(Q1, q3);
    dir = join(root, 'report');
    shots = join(root, 'screenshots');
    mkdirSync(shots);
    const run = ic(['report', Q1, Q2, q3, '--out', dir, '--config', CONFIG]);
    expect(run.code, run.stderr).toBe(0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    console.log(`test/browser: screenshots in ${shots}`);
    // Generous, not tight: a cold Chromium start on a busy two-core machine.
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  }, 60_000);

  /** One tab per width, reused for every page: every request other than the page itself is counted and refused. */
  const tabs = new Map<number, { page: Page; external: string[]; errors: string[]; url: string }>();

  async function open(name: string, width: number) {
    let tab = tabs.get(width);
    if (tab === undefined) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const created = { page, external: [] as string[], errors: [] as string[], url: '' };
      await context.route('**/*', (route) => {
        if (route.request().url() === created.url) return route.continue();
        created.external.push(route.request().url());
        return route.abort();
      });
      page.on('console', (message) => {
        if (message.type() === 'error') created.errors.push(message.text());
      });
      page.on('pageerror', (error) => created.errors.push(error.message));
      tabs.set(width, created);
      tab = created;
    }
    tab.url = pathToFileURL(join(dir, name)).href;
    tab.external.length = 0;
    tab.errors.length = 0;
    await tab.page.goto(tab.url, { waitUntil: 'load' });
    return tab;
  }

  /** Every element that carries a number: its field, key, the number (null when there is none) and the text shown. */
  async function markedCells(page: Page): Promise<{ field: string; key: string; value: number | null; text: string }[]> {
    return page.$$eval('[data-field]', (els) =>
      els.map((e) => {
        const raw = e.getAttribute('data-value');
        return { field: e.getAttribute('data-field') ?? '', key: e.getAttribute('data-key') ?? '', value: raw === null ? null : Number(raw), text: (e as unknown as { innerText: string }).innerText };
      }),
    );
  }

  it('every page loads with no external request and no console error, fits a phone, and is photographed at 1280 and 390 px', async () => {
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(1);
    for (const name of pages) {
      for (const width of [1280, 390]) {
        const { page, external, errors } = await open(name, width);
        expect(external, name).toEqual([]);
        expect(errors, name).toEqual([]);
        // Wide tables and the heat map scroll inside their own box; the page itself never runs off the screen.
        expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth), `${name} at ${width}`).toBeLessThanOrEqual(width);
        if (name === 'index.html' || name === 'procurement.html') await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      }
    }
  }, 300_000);

  it('the company page shows the numbers of `ic score` and `ic diff`, rounded only for display', async () => {
    const score = json(['score', q3]);
    const diff = json(['diff', Q2, q3]);
    const { page } = await open('index.html', 1280);
    const cells = await markedCells(page);
    const find = (field: string, key: string) => cells.find((c) => c.field === field && c.key === key && c.value !== null);
    let checked = 0;
    for (const d of score['departments']) {
      const cell = find('score', d['id']);
      if (d['score'] === null) expect(cell).toBeUndefined();
      else {
        expect(cell?.value).toBe(d['score']);
        expect(cell?.text).toBe(ru(d['score']));
        expect(find('favorable_pct', d['id'])?.value).toBe(d['favorable_pct']);
        expect(find('rank', d['id'])?.value).toBe(d['rank']);
        checked++;
      }
    }
    for (const d of diff['departments']) {
      if (d['delta'] !== null) expect(find('delta', d['id'])?.value).toBe(d['delta']);
      if (d['z'] !== null) expect(find('z', d['id'])?.value).toBe(d['z']);
    }
    expect(checked).toBeGreaterThan(10);
  }, 120_000);

  it('a card exists for every scored department, with its score; hidden pairs show no number', async () => {
    const score = json(['score', q3, '--by', 'pair']);
    const scored = score['departments'].filter((d: Json) => d['score'] !== null);
    const files = new Set(readdirSync(dir));
    for (const d of scored) expect(files.has(`${d['id']}.html`), d['id']).toBe(true);
    expect(files.size).toBe(scored.length + 2); // + index.html and report.xlsx
    const hidden = score['pairs'].filter((p: Json) => p['score'] === null && p['respondents'] > 0);
    expect(hidden.length).toBeGreaterThan(0);
    for (const d of scored) {
      const { page } = await open(`${d['id']}.html`, 390);
      const cells = await markedCells(page);
      expect(cells.find((c) => c.field === 'score' && c.key === d['id'])?.value).toBe(d['score']);
      for (const p of score['pairs'].filter((x: Json) => x['target'] === d['id'] && x['respondents'] > 0)) {
        const cell = cells.find((c) => c.field === 'pair' && c.key === `${p['rater']}/${p['target']}`);
        expect(cell, `${p['rater']} → ${p['target']}`).toBeDefined();
        expect(cell!.value).toBe(p['score']);
        // The reason, in words, and no number (the 3 is anonymity_min, not a value).
        if (p['score'] === null) expect(cell!.text).toBe(HIDDEN_RU[p['reason'] as string]);
      }
    }
  }, 300_000);
});
