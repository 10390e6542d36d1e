/** The only place that writes a command's result: stdout, or a file written atomically. */
import { statSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { INPUT_EXTENSIONS } from '../input/extensions.js';
import { checkTarget, realPathOf, writeFileAtomic } from './atomicWrite.js';
import { UsageError, UserError, writeFailed } from './errors.js';

const INPUT_EXTENSION_SET: ReadonlySet<string> = new Set(INPUT_EXTENSIONS);

/**
 * Refuses an output file (`option` names it in messages) that is one of the inputs (or the config), or a
 * CSV-like file inside an input folder, which the next run would read as responses; or anything but a
 * writable regular file (a link, a folder, a FIFO, a device: usage errors).
 */
export function checkOutPath(out: string, inputs: readonly string[], option = '--out'): void {
  checkNotAnInput(out, inputs, option);
  checkTarget(out, option);
}

/** The part of checkOutPath that an output folder (`ic report --out DIR`) must pass too. */
export function checkNotAnInput(out: string, inputs: readonly string[], option = '--out'): void {
  if (out === '') throw new UsageError(`${option} needs a file name, not an empty one`);
  const target = realPathOf(out);
  for (const input of inputs) {
    const real = realPathOf(input);
    let isDirectory = false;
    try {
      isDirectory = statSync(real).isDirectory();
    } catch {
      // a missing input is reported by the reader
    }
    if (target === real) {
      throw new UserError(`${option} ${out} is ${isDirectory ? 'an input folder' : 'one of the inputs'}; choose another file name, inputs are never overwritten`);
    }
    if (isDirectory && dirname(target) === real && INPUT_EXTENSION_SET.has(extname(target).toLowerCase())) {
      throw new UserError(`${option} ${out} is inside the input folder ${input}, where the next run would read it as responses; write it elsewhere`);
    }
  }
}

export async function writeResult(text: string | Uint8Array, out: string | undefined, inputs: readonly string[], option = '--out'): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  checkOutPath(out, inputs, option);
  try {
    await writeFileAtomic(out, text, option);
  } catch (error) {
    throw writeFailed(out, error);
  }
}

/** Notes for the person at the terminal (never the result itself): stderr, unless --quiet. */
export function note(text: string, quiet: boolean | undefined): void {
  if (!quiet) process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
