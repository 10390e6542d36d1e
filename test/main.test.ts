/**
 * The entry point, run from the built CLI: what happens around a command rather than in it — empty paths,
 * a full disk on stdout, signals while writing, targets that must not be replaced.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ic, workdir } from './helpers/cli.js';

describe('empty file names are usage errors before any work', () => {
  it.each([
    [['score', 'missing.csv', '--out', ''], '--out'],
    [['score', 'missing.csv', '--rejects', ''], '--rejects'],
    [['score', 'missing.csv', '--config', ''], '--config'],
    [['score', 'missing.csv', '--out= '], '--out'],
    [['validate', 'missing.csv', '--out', ''], '--out'],
    [['explain', '--config', ''], '--config'],
  ])('ic %j: exit 2, names the option', (args, flag) => {
    const dir = workdir('company');
    // missing.csv would be exit 1 (a missing input) if any work had started.
    const run = ic(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ic: ${flag} needs a file name, and was given an empty one${args.includes('--out= ') ? ' (only spaces)' : ''}\n`);
    expect(run.stdout).toBe('');
  });
});

describe('a full disk on stdout', () => {
  it('ic score … > /dev/full: one line, no stack trace, exit 1', () => {
    const dir = workdir('company');
    // The shell's `> /dev/full`, without a shell: the device is only opened as stdout.
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'score', 'good.csv', '--format', 'json'], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('ic: cannot write the output: the disk is full (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('targets ic never replaces (run from the CLI)', () => {
  it('a FIFO as --out: exit 2 before any work, the FIFO stays a FIFO', () => {
    const dir = workdir('company');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const run = ic(['score', 'good.csv', '--out', 'pipe'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out pipe is a named pipe (FIFO)');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it('a 600 rejects file stays 600 when rewritten', () => {
    const dir = workdir('company');
    writeFileSync(join(dir, 'bad.csv'), 'respondent_id,rater_department,target_department,speed,quality,comment\nr9,sales,nowhere,4,5,\n');
    writeFileSync(join(dir, 'rejects.csv'), '');
    chmodSync(join(dir, 'rejects.csv'), 0o600);
    const run = ic(['score', 'good.csv', 'bad.csv', '--skip-invalid', '--rejects', 'rejects.csv', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'rejects.csv')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toContain('r9,sales,nowhere');
  });

  it('a read-only --out: exit 2, its content kept', () => {
    const dir = workdir('company');
    writeFileSync(join(dir, 'report.txt'), 'last year');
    chmodSync(join(dir, 'report.txt'), 0o444);
    const run = ic(['score', 'good.csv', '--out', 'report.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out report.txt is read-only');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('last year');
  });
});

/**
 * Sends `signal` while the report is half-written: IC_TEST_PAUSE_WRITE makes ic stop there and say so on
 * stderr, so the signal comes at that moment without any timing guess.
 */
function interruptWhileWriting(dir: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; paused: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'score', 'good.csv', '--format', 'json', '--out', 'report.json'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', IC_TEST_PAUSE_WRITE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (!sent && stderr.includes('ic-test: writing ')) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ code, signal: sig, paused: stderr }));
  });
}

describe('a signal while writing', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: exit %d, no temporary file left, the old report untouched', async (signal, exit) => {
    const dir = workdir('company');
    writeFileSync(join(dir, 'report.json'), 'the old report');
    const before = readdirSync(dir).sort();
    const run = await interruptWhileWriting(dir, signal);
    // It was paused half-way through a temporary file beside the target.
    expect(run.paused).toMatch(/ic-test: writing \.report\.json\.\d+\.[a-z0-9]+\.tmp/);
    expect(run.code).toBe(exit);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('the old report');
  });

  it('a new target is not created at all', async () => {
    const dir = workdir('company');
    const run = await interruptWhileWriting(dir, 'SIGTERM');
    expect(run.code).toBe(143);
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['good.csv', 'ic.yaml']);
  });
});
