/** Where a command's result may go: never over an input, never over anything but a writable regular file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/cli/errors.js';
import { checkOutPath, writeResult } from '../../src/cli/output.js';
import { workdir } from '../helpers/cli.js';

describe('checkOutPath', () => {
  it('an empty name is a usage error', () => {
    expect(() => checkOutPath('', [], '--rejects')).toThrow(new UsageError('--rejects needs a file name, not an empty one'));
  });

  it('an input, or a CSV inside an input folder, is refused (exit 1, as before)', () => {
    const dir = workdir();
    mkdirSync(join(dir, 'q1'));
    writeFileSync(join(dir, 'a.csv'), 'x');
    expect(() => checkOutPath(join(dir, 'a.csv'), [join(dir, 'a.csv')])).toThrow(UserError);
    expect(() => checkOutPath(join(dir, 'q1', 'r.csv'), [join(dir, 'q1')])).toThrow(/inside the input folder/);
    expect(() => checkOutPath(join(dir, 'q1', 'r.json'), [join(dir, 'q1')])).not.toThrow();
  });

  it('a device is refused by looking at it, before anything is written', () => {
    expect(() => checkOutPath('/dev/null', [])).toThrow(new UsageError('--out /dev/null is a device, and ic replaces only regular files. Choose another file name, or leave out --out and redirect standard output'));
  });
});

describe('writeResult', () => {
  it('a folder as target: the usage error, not "cannot write"', async () => {
    const dir = workdir();
    await expect(writeResult('x', dir, [])).rejects.toThrow(UsageError);
  });

  it('a write into a folder that does not exist: a UserError naming the folder and what to do', async () => {
    const dir = workdir();
    const missing = join(dir, 'missing');
    await expect(writeResult('x', join(missing, 'r.txt'), [])).rejects.toThrow(
      new UserError(`cannot write ${join(missing, 'r.txt')}: the folder ${missing} does not exist; create it first (mkdir -p ${missing}) or write elsewhere`),
    );
  });

  it('a write under a file used as a folder: a UserError saying so', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'plain'), 'x');
    await expect(writeResult('x', join(dir, 'plain', 'r.txt'), [])).rejects.toThrow(/: a part of .*plain is a file, not a folder; write elsewhere$/);
  });
});
