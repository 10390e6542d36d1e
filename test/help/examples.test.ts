/**
 * Every example in every command's --help runs as written in a folder made by `ic init` (issue 16; `ic init`'s own
 * examples in an empty folder):
 * `ic` is put on PATH as a command (a shim running the built bin/ic.js), each example runs in its own copy
 * of the folder through the shell, exits 0, prints no stack trace, and leaves every file it names after
 * --out, --rejects or `>`. A new command or example is checked without touching this file.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ic } from '../helpers/cli.js';
import { chromiumPath } from '../../src/render/pdf/chromium.js';

const ROOT = mkdtempSync(join(tmpdir(), 'ic-help-'));
const SHIMS = join(ROOT, 'bin');
const SAMPLE = join(ROOT, 'sample');

/** The commands `ic --help` lists. */
function commands(): string[] {
  const help = ic(['--help']).stdout;
  const section = help.slice(help.indexOf('Commands:'), help.indexOf('Examples:'));
  return [...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
}

/** The lines under "Examples:" of a command's --help (or of `ic --help` for ''), without their trailing comments. */
function examplesOf(command: string): string[] {
  const help = ic(command === '' ? ['--help'] : [command, '--help']).stdout;
  const at = help.indexOf('Examples:\n');
  if (at < 0) return [];
  return help
    .slice(at + 'Examples:\n'.length)
    .split('\n')
    .filter((l) => l.startsWith('  ic '))
    .map((l) => l.replace(/\s+#.*$/, '').trim());
}

function have(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

/** What an example needs that the machine may lack; undefined when it can run here. */
function missing(example: string): string | undefined {
  if (/\|\s*jq\b/.test(example) && !have('jq')) return 'jq is not installed (Debian: apt-get install jq)';
  if (/--pdf\b/.test(example) && chromiumPath() === null) return 'no Chromium (Debian: apt-get install chromium)';
  return undefined;
}

/** The files an example says it writes: after --out, --rejects or a shell `>`. */
function written(example: string): string[] {
  return [...example.matchAll(/(?:--out|--rejects|>)\s+("[^"]+"|\S+)/g)].map((m) => (m[1] as string).replace(/^"|"$/g, ''));
}

const ALL = ['', ...commands()].flatMap((command) => examplesOf(command).map((example) => ({ command, example })));

beforeAll(() => {
  expect(existsSync(BIN), 'npm test builds bin/ic.js first').toBe(true);
  spawnSync('mkdir', ['-p', SHIMS]);
  writeFileSync(join(SHIMS, 'ic'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(SHIMS, 'ic'), 0o755);
  expect(ic(['init', '--quiet', SAMPLE])).toMatchObject({ code: 0 });
});

describe('every --help example runs in a folder made by ic init', () => {
  it('finds the commands and their examples', () => {
    expect(commands()).toEqual(expect.arrayContaining(['init', 'validate', 'template', 'score', 'diff', 'trend', 'explain', 'inspect', 'report']));
    for (const command of commands()) expect(examplesOf(command).length, `${command} --help has examples`).toBeGreaterThan(0);
  });

  it.each(ALL)('ic $command --help: $example', ({ example }) => {
    const lacking = missing(example);
    if (lacking !== undefined) {
      console.log(`test/help: skipped "${example}": ${lacking}`);
      return;
    }
    const dir = mkdtempSync(join(ROOT, 'run-'));
    // `ic init …` begins where a new user does, in an empty folder; every other example in what `ic init` wrote
    if (!example.startsWith('ic init')) cpSync(SAMPLE, dir, { recursive: true });
    const run = spawnSync('sh', ['-c', `set -e; ${example}`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${SHIMS}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    expect(run.stderr, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect({ code: run.status, stderr: run.stderr }).toMatchObject({ code: 0 });
    // `cd X && ...` examples write inside X
    const cdInto = /\bcd\s+(\S+)/.exec(example)?.[1];
    for (const file of written(example)) expect(existsSync(join(dir, cdInto ?? '', file)), `${example} wrote ${file}`).toBe(true);
  });
});
