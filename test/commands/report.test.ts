/** `ic report --out DIR` from the built CLI: the folder it writes may exist already (a second run of the same period). */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ic, REPO } from '../helpers/cli.js';

describe('ic report --out DIR', () => {
  it('writes into a folder that exists (run twice), and replaces its own files', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ic-report-')), 'report');
    const args = ['report', join(REPO, 'examples/2026-q1.csv'), '--config', join(REPO, 'examples/ic.yaml'), '--out', dir, '--quiet'];
    const first = ic(args);
    expect(first.code, first.stderr).toBe(0);
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    const second = ic(args);
    expect(second.code, second.stderr).toBe(0);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(index);
    // index.html, 14 scored departments' cards, report.xlsx; no temporary file left behind
    expect(readdirSync(dir).filter((f) => f.endsWith('.html')).length).toBe(15);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
