/**
 * Writing a file so that a failed or interrupted run leaves no half-written file (SPEC 4): through a
 * temporary file in the same folder and a rename. Only a regular, writable file is ever replaced, and it
 * keeps its permission bits (a 600 rejects file, which holds raw rows, stays private).
 */
import { lstatSync, realpathSync, rmSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** Temporary files being written now: what a signal must remove before the process ends. */
const pending = new Set<string>();

/**
 * The permission bits to keep when `path` is replaced, or null for a new file (created with the usual
 * umask). Throws a UsageError naming `option` when the target is anything but a writable regular file.
 */
export function checkTarget(path: string, option = '--out'): number | null {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    // Missing (a new file), or a folder on the way that cannot be read: the write itself says which.
    return null;
  }
  const refuse = (what: string, advice: string, why = 'ic replaces only regular files'): never => {
    throw new UsageError(`${option} ${path} is ${what}, and ${why}. ${advice}`);
  };
  const elsewhere = 'Choose another file name';
  if (stats.isSymbolicLink()) refuse('a symbolic link', 'Give the path of the file it points to, or another name');
  if (stats.isDirectory()) refuse('a folder', `${elsewhere}, e.g. ${join(path, 'report.txt')}`);
  if (stats.isFIFO()) refuse('a named pipe (FIFO)', `${elsewhere}, or leave out ${option} to write to standard output`);
  if (stats.isCharacterDevice() || stats.isBlockDevice()) refuse('a device', `${elsewhere}, or leave out ${option} and redirect standard output`);
  if (!stats.isFile()) refuse('not a regular file (a socket?)', elsewhere);
  // The write bits, not access(2): run as root, access() allows writing over anything.
  if ((stats.mode & 0o222) === 0) refuse('read-only', `Make it writable first (chmod u+w ${path}) or ${elsewhere.toLowerCase()}`, 'ic leaves it as it is');
  return stats.mode & 0o7777;
}

/** Writes `data` to `path` atomically; `option` names the target in a refusal. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, option = '--out'): Promise<void> {
  const mode = checkTarget(path, option);
  // Unique enough with the process id (no need to load node:crypto for it); 'wx' never writes over a file.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  // Listed before it exists: a signal may come while open() is still under way.
  pending.add(tmp);
  try {
    // Created with the kept mode, so raw rows are never readable by others, not even for a moment.
    const handle = await open(tmp, 'wx', mode ?? 0o666);
    try {
      if (mode !== null) await handle.chmod(mode);
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      const half = bytes.length >> 1;
      await handle.write(bytes.subarray(0, half));
      await pauseForTest(tmp);
      await handle.write(bytes.subarray(half));
    } finally {
      await handle.close();
    }
    // Again just before replacing: the target may have changed while the report was written.
    checkTarget(path, option);
    await rename(tmp, path);
  } catch (error) {
    // EEXIST: the name was taken, and that file is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(tmp, { force: true });
    throw error;
  } finally {
    pending.delete(tmp);
  }
}

/** Removes every temporary file being written; for signal handlers, so synchronous. */
export function removeTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/**
 * IC_TEST_PAUSE_WRITE=1 (tests only): stop half-way through the temporary file and say so on stderr, so a
 * test can send a signal at exactly that moment instead of guessing with timers.
 */
async function pauseForTest(tmp: string): Promise<void> {
  if (process.env['IC_TEST_PAUSE_WRITE'] !== '1') return;
  process.stderr.write(`ic-test: writing ${tmp}\n`);
  await new Promise<never>(() => setInterval(() => undefined, 1 << 30));
}

/** The real path of a file that may not exist yet (its folder resolved), for "is this the same file" checks. */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
