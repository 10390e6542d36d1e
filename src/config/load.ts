/**
 * Finding and reading `ic.yaml` (SPEC 2.1). The only part of the config stage that touches the disk;
 * everything about the content is in parse.ts.
 */
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodeBytes } from '../domain/decode.js';
import { problem } from '../domain/problem.js';
import { MAX_CONFIG_BYTES } from './limits.js';
import { parseConfig } from './parse.js';
import { tooLarge } from './yaml.js';
import type { ConfigResult } from './parse.js';

export const CONFIG_FILE_NAMES = ['ic.yaml', 'ic.yml'] as const;

export interface ConfigLocation {
  /** `--config FILE`, as the user typed it. */
  config?: string | undefined;
  /** The first responses file or directory named on the command line ('-' is stdin and is skipped). */
  firstInput?: string | undefined;
  cwd: string;
}

export interface LoadedConfig extends ConfigResult {
  /** Absolute path of the config file used, or null when none was found. */
  path: string | null;
}

/**
 * Where to look, in order: `--config FILE` alone when given; else beside the first responses
 * file (for a directory: inside it, then beside it); else the current directory.
 */
export function configSearchDirs(opts: ConfigLocation): string[] {
  const dirs: string[] = [];
  const add = (dir: string): void => {
    if (!dirs.includes(dir)) dirs.push(dir);
  };
  if (opts.firstInput !== undefined && opts.firstInput !== '' && opts.firstInput !== '-') {
    const input = resolve(opts.cwd, opts.firstInput);
    if (isDirectory(input)) {
      add(input);
      add(dirname(input));
    } else {
      add(dirname(input));
    }
  }
  add(resolve(opts.cwd));
  return dirs;
}

/** The absolute path of the config to use, or null when none is found. `--config` is returned even if missing. */
export function findConfigPath(opts: ConfigLocation): string | null {
  if (opts.config !== undefined) return resolve(opts.cwd, opts.config);
  for (const dir of configSearchDirs(opts)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      // Anything by that name counts (even a directory): reading it then says what is wrong,
      // instead of silently falling through to another config.
      if (exists(candidate)) return candidate;
    }
  }
  return null;
}

/** Finds, reads and parses the config. Never throws; every outcome is in `problems`. */
export async function loadConfig(opts: ConfigLocation): Promise<LoadedConfig> {
  const path = findConfigPath(opts);
  if (path === null) {
    const places = configSearchDirs(opts).map((dir) => {
      const shown = displayPath(dir, opts.cwd);
      return shown === '.' ? 'the current directory' : shown.endsWith(sep) ? shown : `${shown}${sep}`;
    });
    const where = places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}`;
    const message =
      `no config file found: looked for ${CONFIG_FILE_NAMES.join(' or ')} in ${where}. ` +
      'Run "ic init" to write a sample one, or pass --config FILE';
    return { config: null, path: null, problems: [problem('error', 'config-not-found', message)] };
  }
  const file = opts.config ?? displayPath(path, opts.cwd);
  const fail = (code: 'config-not-found' | 'config-unreadable', message: string): LoadedConfig => ({
    config: null,
    path,
    problems: [problem('error', code, message, { file })],
  });

  let bytes: Buffer | null;
  try {
    bytes = await readAtMost(path, MAX_CONFIG_BYTES);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return fail('config-not-found', `config file ${file} does not exist (run "ic init" to write one)`);
    }
    if (code === 'EISDIR') return fail('config-unreadable', `${file} is a directory, not a config file`);
    if (code === 'EACCES' || code === 'EPERM') return fail('config-unreadable', `cannot read ${file}: permission denied`);
    return fail('config-unreadable', `cannot read ${file}: ${(err as Error).message}`);
  }

  if (bytes === null) return fail('config-unreadable', tooLarge());
  const text = decode(bytes);
  if (text === null) return fail('config-unreadable', `${file} is not a text file (it looks binary); the config must be YAML text`);
  const result = parseConfig(text, file, { path });
  return { ...result, path };
}

/**
 * The file's bytes, or null when there are more than `limit`: a config named by mistake (a data dump,
 * /dev/zero, a pipe that never ends) is refused after reading `limit` + 1 bytes, not read forever.
 */
async function readAtMost(path: string, limit: number): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 16, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return null;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Editors on Windows save YAML as UTF-8 (with or without BOM), "Unicode" (UTF-16) or, in a Russian
 * locale, Windows-1251; all are read. Null when the bytes are not text at all.
 */
export function decode(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeBytes(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeBytes(bytes.subarray(2), 'utf-16be');
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeBytes(bytes, 'windows-1251');
  }
}

/** A path the way the user would write it from `cwd`: relative inside it, absolute outside. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(resolve(cwd), path);
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? path : rel;
}

/** Undefined when the path cannot be seen (missing, or a parent is not a directory or not readable). */
function stat(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  return stat(path) !== undefined;
}

function isDirectory(path: string): boolean {
  return stat(path)?.isDirectory() ?? false;
}
