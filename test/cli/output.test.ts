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

  it('a write that fails for another reason: a UserError with the code and what to check', async () => {
    const dir = workdir();
    await expect(writeResult('x', join(dir, 'missing', 'r.txt'), [])).rejects.toThrow(
      new UserError(`cannot write ${join(dir, 'missing', 'r.txt')} (ENOENT); check that the folder exists and is writable`),
    );
  });
});
