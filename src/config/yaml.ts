/**
 * Config text → plain JS, with every YAML-level problem located: syntax errors (line, column), warnings,
 * alias bombs. Numbers and booleans in text fields are put back as written.
 */
import { LineCounter, parseDocument, visit } from 'yaml';
import type { Document } from 'yaml';
import { problem } from '../domain/problem.js';
import type { Problem } from '../domain/problem.js';
import { MAX_CONFIG_BYTES, MAX_CONFIG_SIZE_TEXT, MAX_NESTING } from './limits.js';
import { Locator } from './locator.js';
import { findTooDeep } from './nesting.js';
import { asList, isDict, own } from './raw.js';
import type { ConfigPath, Dict } from './raw.js';
import { excerpt, plainSyntaxMessage } from './syntax.js';

/**
 * Alias expansion budget (yaml's `maxAliasCount`): far more than a hand-written config needs,
 * far less than a "billion laughs" document expanding to millions of nodes.
 */
export const MAX_ALIAS_COUNT = 100;
/** yaml resolves each alias by scanning the document, so the number of aliases is bounded too. */
const MAX_ALIAS_NODES = 1000;

export type YamlResult =
  | { ok: true; raw: unknown; where: Locator; problems: Problem[] }
  | { ok: false; problems: Problem[] }
  /** Only comments or directives: nothing to check. */
  | { ok: false; blank: true; problems: Problem[] };

/** Reads YAML text (without BOM, not blank). Never throws. */
export function readYaml(source: string, file: string | null): YamlResult {
  const problems: Problem[] = [];
  if (source.length > MAX_CONFIG_BYTES) {
    return { ok: false, problems: [problem('error', 'config-invalid', tooLarge(), { file })] };
  }
  // Before parsing: the parser recurses, and a deep enough document takes it minutes and gigabytes.
  const deep = findTooDeep(source, MAX_NESTING);
  if (deep !== null) {
    const message =
      `lists and mappings are nested more than ${MAX_NESTING} levels deep here (a config needs 4: ` +
      'departments, a department, its clients_of); check the indentation and the brackets';
    return { ok: false, problems: [syntaxProblem(file, deep.line, deep.column, message + excerpt(source, deep.line, deep.column))] };
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'silent' });
  } catch (err) {
    // The parser recurses; absurdly deep nesting can exhaust the stack.
    return { ok: false, problems: [syntaxProblem(file, null, null, errorText(err))] };
  }

  const linesWithError = new Set<number>();
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    // One error on a line leads the parser to more there; the first says what is wrong.
    if (linesWithError.has(pos.line)) continue;
    linesWithError.add(pos.line);
    problems.push(syntaxProblem(file, pos.line, pos.col, plainSyntaxMessage(err) + excerpt(source, pos.line, pos.col)));
  }
  for (const warning of doc.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    problems.push(
      problem('warning', 'config-syntax', `YAML warning at line ${pos.line}, column ${pos.col}: ${warning.message}`, {
        file,
        line: pos.line,
        column: String(pos.col),
      }),
    );
  }
  // A document with syntax errors is a guess; checking its structure would mostly report noise.
  if (doc.errors.length > 0) return { ok: false, problems };
  if (doc.contents === null) return { ok: false, blank: true, problems: [] };

  let aliases = 0;
  let firstAliasLine: number | null = null;
  // An alias is written *name: a text without '*' has none, and walking the document is not free.
  if (source.includes('*')) {
    visit(doc, {
      Alias(_key, node) {
        aliases++;
        if (firstAliasLine === null && node.range) firstAliasLine = lineCounter.linePos(node.range[0]).line;
      },
    });
  }
  const tooManyAliases = (): YamlResult => ({
    ok: false,
    problems: [
      ...problems,
      problem(
        'error',
        'config-invalid',
        'the config repeats YAML aliases (*name) so often that it would expand into a huge document; ' +
          'write the values out instead of using anchors and aliases',
        { file, line: firstAliasLine },
      ),
    ],
  });
  if (aliases > MAX_ALIAS_NODES) return tooManyAliases();

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      if (/excessive/i.test(err.message)) return tooManyAliases();
      return {
        ok: false,
        problems: [...problems, problem('error', 'config-invalid', `YAML alias problem: ${err.message}`, { file, line: firstAliasLine })],
      };
    }
    return { ok: false, problems: [...problems, syntaxProblem(file, null, null, errorText(err))] };
  }
  const where = new Locator(doc, lineCounter);
  writtenAsText(raw, where);
  return { ok: true, raw, where, problems };
}

function syntaxProblem(file: string | null, line: number | null, col: number | null, message: string): Problem {
  const at = line === null ? '' : ` at line ${line}, column ${col ?? 1}`;
  return problem('error', 'config-syntax', `YAML syntax error${at}: ${message}`, {
    file,
    line,
    column: col === null ? null : String(col),
  });
}

/** The message for a config over the size limit; the loader says the same when reading the file. */
export function tooLarge(): string {
  return `the config is larger than ${MAX_CONFIG_SIZE_TEXT}; a config of thousands of departments is far smaller — is this the right file?`;
}

function errorText(err: unknown): string {
  if (err instanceof RangeError) return 'the document is nested too deeply to read';
  return err instanceof Error ? err.message : String(err);
}

/**
 * YAML reads `id: 101` or `name: 2024` as numbers and `name: true` as a boolean; in text fields
 * the user meant the text as written, so it is put back (from the source: "010" stays "010").
 */
function writtenAsText(raw: unknown, where: Locator): void {
  if (!isDict(raw)) return;
  const fix = (container: Dict | unknown[], key: string | number, path: ConfigPath): void => {
    const value: unknown = Array.isArray(container) ? container[key as number] : own(container as Dict, key as string);
    if (typeof value !== 'number' && typeof value !== 'boolean') return;
    const text = where.sourceAt(path) ?? String(value);
    if (Array.isArray(container)) container[key as number] = text;
    else (container as Dict)[key as string] = text;
  };
  fix(raw, 'title', ['title']);
  const naValues = own(raw, 'na_values');
  if (Array.isArray(naValues)) naValues.forEach((_, i) => fix(naValues, i, ['na_values', i]));
  for (const listKey of ['departments', 'criteria'] as const) {
    asList(own(raw, listKey)).forEach((item, i) => {
      if (!isDict(item)) return;
      for (const field of ['id', 'name', 'description']) {
        if (Object.hasOwn(item, field)) fix(item, field, [listKey, i, field]);
      }
      const clientsOf = own(item, 'clients_of');
      if (listKey === 'departments' && Array.isArray(clientsOf)) {
        clientsOf.forEach((_, k) => fix(clientsOf, k, [listKey, i, 'clients_of', k]));
      }
    });
  }
}

