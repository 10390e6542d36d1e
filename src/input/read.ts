/**
 * The one way in: files and directories named by the user → questionnaire rows in a sink.
 * Every problem (missing file, empty folder, unreadable, binary, bad header, ...) goes to the sink too;
 * nothing here throws for bad input.
 */
import type { Dirent } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { didYouMean } from '../domain/didYouMean.js';
import { problem, type Problem } from '../domain/problem.js';
import { ResponseFileReader } from './file.js';
import { readTableFile } from './layout/form/read.js';
import type { ReadSink } from './types.js';

/**
 * How much of a file is read at once. Larger reads save little once reading overlaps with the work (see
 * readResponseFile), and text decoded from larger chunks lives longer in the heap.
 */
const READ_BYTES = 64 * 1024;

/** Files a directory contributes (case ignored). Other files in it, and hidden ones, are left alone. */
export const INPUT_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

export interface ExpandedInput {
  /** Paths to read, as the user named them (a directory's files joined to the directory as given). */
  files: string[];
  problems: Problem[];
}

/**
 * Reads every input in order and pushes its rows into `sink`. A directory contributes its `*.csv`, `*.tsv`
 * and `*.txt` files sorted by name, not those of its subdirectories.
 */
export async function readResponses(inputs: string[], config: Config, sink: ReadSink): Promise<void> {
  for (const input of inputs) {
    const { files, problems } = await expandInput(input);
    for (const p of problems) sink.fileProblem(p, []);
    for (const file of files) await readResponseFile(file, config, sink);
  }
}

/** All inputs expanded, for commands that need the list of files before reading (labels, overwrite checks). */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInput> {
  const all: ExpandedInput = { files: [], problems: [] };
  for (const input of inputs) {
    const { files, problems } = await expandInput(input);
    all.files.push(...files);
    all.problems.push(...problems);
  }
  return all;
}

export async function expandInput(input: string): Promise<ExpandedInput> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch (error) {
    return { files: [], problems: [await openProblem(input, error)] };
  }
  if (!isDirectory) return { files: [input], problems: [] }; // files, but also pipes such as <(...)

  let entries: Dirent[];
  try {
    entries = await readdir(input, { withFileTypes: true });
  } catch (error) {
    return { files: [], problems: [await openProblem(input, error)] };
  }
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !isInputName(entry.name)) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path.join(input, entry.name))))) names.push(entry.name);
  }
  if (names.length === 0) {
    const message = `the folder has no ${INPUT_EXTENSIONS.join(', ')} files to read (subfolders are not searched)`;
    return { files: [], problems: [problem('error', 'no-input', message, { file: input })] };
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: names.map((name) => path.join(input, name)), problems: [] };
}

export function isInputName(name: string): boolean {
  const lower = name.toLowerCase();
  return INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Reads one file (not a directory) into `sink`. */
export async function readResponseFile(file: string, config: Config, sink: ReadSink): Promise<void> {
  // Workbooks and form exports (SPEC 2.4) have their own layout; a canonical CSV goes on to the streaming reader.
  if (await readTableFile(file, config, sink)) return;
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    sink.fileProblem(await openProblem(file, error), []);
    return;
  }
  const reader = new ResponseFileReader(file, config, sink);
  // Two buffers in turn: the next chunk is read (on libuv's threads) into one while the other is decoded, parsed
  // and scored. The reader keeps nothing of a chunk once push() returns (decoders copy what they hold over).
  const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)] as const;
  let turn = 0;
  const read = (): Promise<Buffer> => {
    const buffer = buffers[turn++ % 2] as Buffer;
    return handle.read(buffer, 0, READ_BYTES, null).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  };
  let next: Promise<Buffer> | undefined = read();
  try {
    for (;;) {
      let chunk: Buffer;
      try {
        chunk = await next;
      } catch (error) {
        next = undefined;
        reader.fail(`reading the file failed (${errorText(error)})`, null);
        return;
      }
      if (chunk.length === 0) {
        next = undefined;
        break;
      }
      next = read();
      reader.push(chunk);
      if (reader.finished) return;
    }
    reader.end();
  } finally {
    // A read still under way must finish before the file is closed; its result (or error) is not needed.
    if (next !== undefined) await next.catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function errorText(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}

async function openProblem(file: string, error: unknown): Promise<Problem> {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return problem('error', 'file-not-found', `file not found${await nearbyName(file)}`, { file });
  }
  return problem('error', 'file-unreadable', `the file cannot be read (${errorText(error)})`, { file });
}

/** " (did you mean "data/q1.csv"?)" when the folder holds a file with a close name. */
async function nearbyName(file: string): Promise<string> {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return '';
  }
  const base = path.basename(file);
  const name = didYouMean(base, names);
  if (name === undefined) return '';
  return ` (did you mean ${JSON.stringify(file === base ? name : path.join(dir, name))}?)`;
}
