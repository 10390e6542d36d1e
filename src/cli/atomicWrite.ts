import { realpathSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Writes through a temporary file in the same folder and a rename, so a failed run leaves no half-written file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Unique enough with the process id (no need to load node:crypto for it); 'wx' never writes over a file.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, path);
  } catch (error) {
    // EEXIST: the name was taken, and that file is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(tmp, { force: true });
    throw error;
  }
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
