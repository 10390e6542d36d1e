/**
 * `--out FILE` by extension for the data commands (SPEC 4): .html is the company page alone, .xlsx the workbook of
 * every table, .pdf the page printed by a local Chromium; the numbers are those of `--format json` of the same run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../../src/render/pdf/chromium.js';
import { ic, REPO, workdir } from '../helpers/cli.js';

const Q1 = join(REPO, 'examples/2026-q1.csv');
const Q2 = join(REPO, 'examples/2026-q2.csv');
const CONFIG = ['--config', join(REPO, 'examples/ic.yaml')];
type Json = Record<string, unknown>;
const json = (args: string[]): Json => JSON.parse(ic([...args, ...CONFIG, '--format', 'json']).stdout) as Json;

describe('ic score --out FILE.html', () => {
  const dir = workdir();
  const run = ic(['score', Q2, ...CONFIG, '--out', join(dir, 'q2.html'), '--lang', 'en']);
  const html = readFileSync(join(dir, 'q2.html'), 'utf8');

  it('writes one self-contained page whose scores are the JSON scores, and links to no card (none is written)', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const d of json(['score', Q2])['departments'] as Json[]) {
      const cell = new RegExp(`data-field="score" data-key="${d['id'] as string}" data-value="([^"]+)"`).exec(html);
      if (d['score'] === null) expect(cell).toBeNull();
      else expect(Number(cell?.[1])).toBe(d['score']);
    }
    expect(html).not.toMatch(/href="[a-z0-9_-]+\.html"/u);
  });
});

describe('ic diff --out FILE.xlsx', () => {
  it('writes the workbook; its change sheet equals `ic diff --format json`', async () => {
    const dir = workdir();
    const run = ic(['diff', Q1, Q2, ...CONFIG, '--out', join(dir, 'change.xlsx'), '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const sheets = await readXlsxFile(readFileSync(join(dir, 'change.xlsx')));
    const change = sheets.find((s) => s.sheet.startsWith('Change since'))!.data.slice(1) as unknown[][];
    const expected = json(['diff', Q1, Q2])['departments'] as Json[];
    expect(change.map((r) => [r[0], r[5]])).toEqual(expected.map((d) => [d['id'], d['delta']]));
  });
});

describe('usage', () => {
  it('--format xlsx or pdf without --out, a page format for validate, and a --format that disagrees with --out: exit 2', () => {
    const dir = workdir();
    const noOut = ic(['score', Q1, ...CONFIG, '--format', 'xlsx']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--format xlsx writes a file: give it with --out FILE.xlsx');
    const validate = ic(['validate', Q1, ...CONFIG, '--out', join(dir, 'v.html')]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('ic validate writes a table, CSV, Markdown or JSON, not html');
    expect(ic(['score', Q1, ...CONFIG, '--format', 'html', '--out', join(dir, 'x.json')]).code).toBe(2);
    expect(existsSync(join(dir, 'v.html')) || existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('--out FILE.pdf with no Chromium: exit 1 before any work, naming the package to install', () => {
    const dir = workdir();
    const run = ic(['trend', Q1, Q2, ...CONFIG, '--out', join(dir, 't.pdf')], { env: { IC_CHROMIUM: join(dir, 'no-chromium') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('apt-get install chromium');
    expect(existsSync(join(dir, 't.pdf'))).toBe(false);
  });
});

const available = chromiumPath() !== null;
if (!available) console.log('test/commands/outPages: PDF case skipped — no Chromium (Debian: apt-get install chromium)');

describe.skipIf(!available)('ic trend --out FILE.pdf', () => {
  it('prints the company page to a PDF', () => {
    const dir = workdir();
    const run = ic(['trend', Q1, Q2, ...CONFIG, '--out', join(dir, 't.pdf')]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 't.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
