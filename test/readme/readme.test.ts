/**
 * The README as a new user follows it (issue 16): `ic` installed as a command into a temporary prefix
 * (`npm install -g --prefix TMP .`, as the README says, with a prefix so nothing global changes), then every
 * shell block that types bare `ic` run as written, with bash -e, in a fresh copy of the files it names.
 * Blocks that run npm (install, test, bench) are the commands that brought us here and are not re-run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The ```sh blocks of a Markdown text, in order. */
export function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

const blocks = shellBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const runnable = blocks.filter((block) => /^\s*ic\s/m.test(block) && !/^\s*npm\s/m.test(block));

describe('README', () => {
  let bin = '';
  beforeAll(() => {
    const prefix = mkdtempSync(join(tmpdir(), 'ic-readme-prefix-'));
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', ROOT], { encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    bin = join(prefix, 'bin');
  });

  it('starts with the two commands a new user needs, and makes ic a command before any bare `ic`', () => {
    expect(blocks[0]).toContain('npm ci && npx ic score examples/2026-q1.csv');
    expect(blocks[0]).toContain('npm test');
    expect(blocks[1]).toMatch(/npm install -g \.|npm link/);
    const firstBareIc = blocks.findIndex((b) => /^\s*ic\s/m.test(b));
    expect(firstBareIc).toBeGreaterThan(1);
    expect(runnable.length).toBeGreaterThanOrEqual(2);
  });

  it.each(runnable.map((block, i) => [i, block] as const))('shell block %i runs as written', (_, block) => {
    const work = mkdtempSync(join(tmpdir(), 'ic-readme-'));
    for (const path of ['examples', 'test/fixtures/forms']) cpSync(join(ROOT, path), join(work, path), { recursive: true });
    const result = spawnSync('bash', ['-e', '-c', block], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' },
    });
    expect(result.stderr).not.toContain('internal error');
    expect(result.status, `${block}\n${result.stderr}`).toBe(0);
  });
});
