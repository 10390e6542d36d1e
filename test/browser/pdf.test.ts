/** `ic report --pdf`: a PDF per page printed by the local Chromium; without one, a message naming the package, and nothing written. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ic, workdir } from '../helpers/cli.js';

const CHROMIUM = process.env['IC_CHROMIUM'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.log(`test/browser/pdf: printing skipped — no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);

const SMALL = join(FIXTURES, 'score-small/responses.csv');

describe('ic report --pdf', () => {
  it('without Chromium: exit 1, the Debian package to install, and no folder or file written', () => {
    const dir = workdir();
    const out = join(dir, 'report');
    const run = ic(['report', SMALL, '--out', out, '--pdf'], { env: { IC_CHROMIUM: join(dir, 'no-chromium-here') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!available)('prints every page to a PDF beside its HTML', () => {
    const out = join(workdir(), 'report');
    const run = ic(['report', SMALL, '--out', out, '--pdf', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out).sort();
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(1);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual(html.map((f) => f.replace(/\.html$/, '.pdf')));
    for (const f of files.filter((x) => x.endsWith('.pdf'))) expect(readFileSync(join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
