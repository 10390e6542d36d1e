/** Writing files: only a writable regular file is replaced, it keeps its mode, and nothing temporary stays behind. */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTarget, removeTemporaryFiles, writeFileAtomic } from '../../src/cli/atomicWrite.js';
import { UsageError } from '../../src/cli/errors.js';
import { workdir } from '../helpers/cli.js';

const modeOf = (path: string): number => lstatSync(path).mode & 0o777;

describe('writeFileAtomic', () => {
  it('replaces a regular file and keeps its permission bits (a 600 file stays 600)', async () => {
    const dir = workdir();
    const path = join(dir, 'rejects.csv');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    await writeFileAtomic(path, 'new rows\n', '--rejects');
    expect(readFileSync(path, 'utf8')).toBe('new rows\n');
    expect(modeOf(path)).toBe(0o600);
    chmodSync(path, 0o640);
    await writeFileAtomic(path, 'again\n');
    expect(modeOf(path)).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['rejects.csv']);
  });

  it('a new file gets the usual mode: 666 less the umask', async () => {
    const dir = workdir();
    const path = join(dir, 'report.txt');
    await writeFileAtomic(path, 'x');
    const umask = process.umask();
    expect(modeOf(path)).toBe(0o666 & ~umask);
  });

  it.each([
    ['a symbolic link', (dir: string, path: string) => symlinkSync(join(dir, 'elsewhere.txt'), path), /symbolic link/],
    ['a folder', (_dir: string, path: string) => mkdirSync(path), /is a folder/],
    ['a FIFO', (_dir: string, path: string) => execFileSync('mkfifo', [path]), /named pipe/],
    [
      'a read-only file',
      (_dir: string, path: string) => {
        writeFileSync(path, 'keep me');
        chmodSync(path, 0o444);
      },
      /read-only/,
    ],
  ])('refuses %s as target, with a usage error, and leaves it as it was', async (_what, make, message) => {
    const dir = workdir();
    const path = join(dir, 'out.txt');
    make(dir, path);
    const before = lstatSync(path);
    await expect(writeFileAtomic(path, 'data', '--out')).rejects.toThrow(UsageError);
    await expect(writeFileAtomic(path, 'data', '--out')).rejects.toThrow(message);
    const after = lstatSync(path);
    expect([after.ino, after.mode]).toEqual([before.ino, before.mode]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the refusal names the option and the file', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'sub'));
    expect(() => checkTarget(join(dir, 'sub'), '--rejects')).toThrow(`--rejects ${join(dir, 'sub')} is a folder`);
    expect(checkTarget(join(dir, 'missing.txt'))).toBeNull();
  });

  it('a failed write leaves neither a temporary file nor a target', async () => {
    const dir = workdir();
    await expect(writeFileAtomic(join(dir, 'no-such-folder', 'x.txt'), 'data')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removeTemporaryFiles with nothing being written removes nothing', () => {
    const dir = workdir();
    writeFileSync(join(dir, '.a.tmp'), '');
    removeTemporaryFiles();
    expect(readdirSync(dir)).toEqual(['.a.tmp']);
  });
});
