/** Runs the built CLI (bin/ic.js) as a user would, in a folder of our choosing. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'bin/ic.js');
export const FIXTURES = join(REPO, 'test/fixtures');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function ic(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throw-away copy of a fixture folder (or an empty folder), so tests may write into it. */
export function workdir(fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ic-test-'));
  if (fixture !== undefined) cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}
