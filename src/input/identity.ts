/**
 * The same input given twice (SPEC 2.2): the same path, two spellings of it, a link, a hard link, or a
 * byte-identical copy is read once, or one person's answers would count twice (and could push a pair over
 * the anonymity threshold). Regular files only: device and inode first, then size, then a hash of the
 * same-size candidates only. Pipes and standard input are never opened here (they can be read only once).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { InputFile } from './source/bytes.js';

export interface SameInput {
  /** Index (in the list given) of the input that is read. */
  first: number;
  why: 'given twice' | 'the same file under another name' | 'a byte-identical copy';
}

/** later index → the earlier input it repeats. */
export async function sameInputs(files: readonly InputFile[]): Promise<Map<number, SameInput>> {
  const same = new Map<number, SameInput>();
  const byInode = new Map<string, number>();
  const bySize = new Map<number, number[]>();
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as InputFile;
    if (file.stdin) continue;
    let info;
    try {
      info = await stat(file.path, { bigint: true });
    } catch {
      continue; // reported when it is read
    }
    if (!info.isFile()) continue;
    const inode = `${info.dev}:${info.ino}`;
    const earlier = byInode.get(inode);
    if (earlier !== undefined) {
      same.set(i, { first: earlier, why: files[earlier]?.name === file.name ? 'given twice' : 'the same file under another name' });
      continue;
    }
    byInode.set(inode, i);
    if (info.size === 0n) continue; // an empty file is reported as such, each time
    const size = Number(info.size);
    const list = bySize.get(size);
    if (list === undefined) bySize.set(size, [i]);
    else list.push(i);
  }
  for (const candidates of bySize.values()) {
    if (candidates.length < 2) continue;
    const byHash = new Map<string, number>();
    for (const i of candidates) {
      const hash = await hashOf((files[i] as InputFile).path).catch(() => undefined);
      if (hash === undefined) continue;
      const earlier = byHash.get(hash);
      if (earlier === undefined) byHash.set(hash, i);
      else same.set(i, { first: earlier, why: 'a byte-identical copy' });
    }
  }
  return same;
}

function hashOf(path: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
