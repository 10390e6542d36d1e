/**
 * Inputs as the user named them → the files to read: `-` is standard input, a folder gives its files that ic
 * reads, sorted by name (not those of its subfolders), and every entry of it that is not read is listed with
 * the reason. Nothing here reads a file's content.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { didYouMean } from '../domain/didYouMean.js';
import { problem, type Problem } from '../domain/problem.js';
import { INPUT_EXTENSIONS, refuseReason, skipReason } from './extensions.js';
import { escapedName, utf8Name } from './names.js';
import type { InputFile } from './source/bytes.js';
import { errorCode, errorText } from './source/errors.js';

export interface ExpandedInput {
  files: InputFile[];
  /** Problems of the input itself (not found, a folder with nothing to read) and of entries skipped. */
  problems: Problem[];
}

export const STDIN = '-';

export async function expandInput(input: string): Promise<ExpandedInput> {
  if (input === STDIN) return { files: [{ name: STDIN, path: STDIN, stdin: true }], problems: [] };
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch (error) {
    return { files: [], problems: [await openProblem(input, error)] };
  }
  if (!isDirectory) {
    // Files, but also pipes such as <(...) and FIFOs: whatever it is, it is read once.
    const refused = refuseReason(input);
    if (refused !== undefined) return { files: [], problems: [problem('error', 'file-unreadable', refused, { file: input })] };
    return { files: [{ name: input, path: input, stdin: false }], problems: [] };
  }

  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(input, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    return { files: [], problems: [await openProblem(input, error)] };
  }
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const text = utf8Name(entry.name);
    const name = text ?? escapedName(entry.name);
    const shown = path.join(input, name);
    const opened = text === undefined ? Buffer.concat([Buffer.from(`${input}${path.sep}`), entry.name]) : shown;
    let kind: 'file' | 'folder' | 'other' = entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other';
    if (entry.isSymbolicLink()) kind = await kindOf(opened);
    // A period's folder may hold its config (SPEC 2.5): read as the config, named in the reports, not a table to skip.
    if (kind === 'file' && (CONFIG_FILE_NAMES as readonly string[]).includes(name)) continue;
    const reason = skipReason(name, kind);
    if (reason === undefined) files.push({ name: shown, path: opened, stdin: false });
    else problems.push(problem('warning', 'file-skipped', `skipped: ${reason}`, { file: shown }));
  }
  problems.sort((a, b) => compare(a.file ?? '', b.file ?? ''));
  if (files.length === 0) {
    const message = `the folder has no ${INPUT_EXTENSIONS.join(', ')} files to read (subfolders are not searched)`;
    return { files: [], problems: [problem('error', 'no-input', message, { file: input }), ...problems] };
  }
  files.sort((a, b) => compare(a.name, b.name));
  return { files, problems };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function kindOf(file: string | Buffer): Promise<'file' | 'folder' | 'other'> {
  try {
    const info = await stat(file);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'other'; // a link to nothing
  }
}

export async function openProblem(file: string, error: unknown): Promise<Problem> {
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
