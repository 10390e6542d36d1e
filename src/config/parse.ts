/**
 * Config text → `Config`, or every problem with it at once. Pure: no file system, no output.
 *
 * Stages: YAML syntax (errors with line and column) → plain JS with bounded alias expansion →
 * structure (zod, messages rewritten in plain words) → checks across fields → resolution
 * (defaults that depend on other fields, indices, who evaluates whom). Structure and cross-field
 * checks both run on the same document, so a user fixing the file sees everything in one go.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { didYouMean, didYouMeanSuffix } from '../domain/didYouMean.js';
import { problem } from '../domain/problem.js';
import type { Problem } from '../domain/problem.js';
import {
  configSchema,
  CRITERION_KEYS,
  DEFAULT_SCALE,
  DEPARTMENT_KEYS,
  ID_PATTERN,
  labelKey,
  RESERVED_COLUMNS,
  ROOT_KEYS,
  SCALE_KEYS,
} from './schema.js';
import type { ConfigFile } from './schema.js';
import type { Config, Criterion, Department } from './types.js';
import { checkImport, IMPORT_KEYS, resolveImport } from './import.js';

export interface ConfigResult {
  /** Null whenever any error was found. */
  config: Config | null;
  problems: Problem[];
}

/** A location in the config: keys and list positions, e.g. ['departments', 3, 'clients_of', 1]. */
export type ConfigPath = readonly (string | number)[];

/**
 * Alias expansion budget (yaml's `maxAliasCount`): far more than a hand-written config needs,
 * far less than a "billion laughs" document expanding to millions of nodes.
 */
export const MAX_ALIAS_COUNT = 100;
/** yaml resolves each alias by scanning the document, so the number of aliases is bounded too. */
const MAX_ALIAS_NODES = 1000;

/** `departments[3].clients_of[1]`; keys that are not plain words are quoted: `["a b"]`. */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Parses and checks config text. `file` is the file as the user named it (for messages);
 * `options.path` is stored as `Config.path` (the loader passes the absolute path).
 * Never throws on any input.
 */
export function parseConfig(text: string, file: string | null, options: { path?: string | null } = {}): ConfigResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const problems: Problem[] = [];
  const empty = (): ConfigResult => ({
    config: null,
    problems: [
      problem(
        'error',
        'config-invalid',
        'the config file is empty; it needs at least "version: 1", departments and criteria ' +
          '(run "ic init" to write a commented sample)',
        { file },
      ),
    ],
  });
  if (source.trim() === '') return empty();

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'silent' });
  } catch (err) {
    // The parser recurses; absurdly deep nesting can exhaust the stack.
    return { config: null, problems: [syntaxProblem(file, null, null, errorText(err))] };
  }

  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    const message = /call stack/i.test(err.message) ? 'the document is nested too deeply to read' : err.message;
    problems.push(syntaxProblem(file, pos.line, pos.col, message));
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
  if (doc.errors.length > 0) return { config: null, problems };
  if (doc.contents === null) return empty();

  const where = new Locator(doc, lineCounter);
  const report = (path: ConfigPath, message: string): void => {
    const at = formatPath(path);
    problems.push(
      problem('error', 'config-invalid', at === '' ? message : `${at}: ${message}`, {
        file,
        line: where.lineOf(path),
        column: at === '' ? null : at,
      }),
    );
  };

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
  const tooManyAliases = (): ConfigResult => ({
    config: null,
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
        config: null,
        problems: [...problems, problem('error', 'config-invalid', `YAML alias problem: ${err.message}`, { file, line: firstAliasLine })],
      };
    }
    return { config: null, problems: [...problems, syntaxProblem(file, null, null, errorText(err))] };
  }

  writtenAsText(raw, where);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) explainIssue(issue, raw, report);
  }
  checkAcrossFields(raw, report);

  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.some((p) => p.severity === 'error') || !parsed.success) return { config: null, problems };
  return { config: resolve(parsed.data, options.path ?? null), problems };
}

function syntaxProblem(file: string | null, line: number | null, col: number | null, message: string): Problem {
  const at = line === null ? '' : ` at line ${line}, column ${col ?? 1}`;
  return problem('error', 'config-syntax', `YAML syntax error${at}: ${message}`, {
    file,
    line,
    column: col === null ? null : String(col),
  });
}

function errorText(err: unknown): string {
  if (err instanceof RangeError) return 'the document is nested too deeply to read';
  return err instanceof Error ? err.message : String(err);
}

/** Finds the YAML node of a config path, to tell the user the line. */
class Locator {
  constructor(
    readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The line of the node at `path`, or of its nearest existing parent; for a map entry, the line of its key. */
  lineOf(path: ConfigPath): number | null {
    let node: unknown = this.doc.contents;
    let line = this.lineAt(node);
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        line = this.lineAt(pair.key) ?? this.lineAt(pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined) break;
        line = this.lineAt(item) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  }

  /** The scalar at `path` as written in the file ("010", not 10), when there is one. */
  sourceAt(path: ConfigPath): string | undefined {
    const node: unknown = this.doc.getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  }

  private lineAt(node: unknown): number | null {
    if (typeof node !== 'object' || node === null || !('range' in node)) return null;
    const range = (node as { range?: readonly number[] | null }).range;
    const start = range?.[0];
    return start === undefined ? null : this.lineCounter.linePos(start).line;
  }
}

type Report = (path: ConfigPath, message: string) => void;
type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Own properties only: a key written as `__proto__` or `constructor` is data, not JS machinery. */
const own = (o: Dict, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

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

// ---------------------------------------------------------------------------------------------
// zod issues in plain words

function valueAt(raw: unknown, path: ConfigPath): unknown {
  let node = raw;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isDict(node)) node = own(node, String(segment));
    else return undefined;
  }
  return node;
}

/** A value as the user would recognise it in their file. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf';
  if (Array.isArray(value)) return 'a list';
  if (isDict(value)) return 'a mapping (key: value lines)';
  return String(value);
}

const EXPECTED: ReadonlyMap<string, string> = new Map([
  ['string', 'text'],
  ['number', 'a number'],
  ['int', 'a whole number'],
  ['array', 'a list'],
  ['object', 'a mapping (key: value lines)'],
  ['boolean', 'true or false'],
]);

/** The allowed keys of the mapping at `path`, for unknown-key suggestions. */
function knownKeys(path: ConfigPath): readonly string[] {
  if (path.length === 0) return ROOT_KEYS;
  if (path.length === 1 && path[0] === 'scale') return SCALE_KEYS;
  if (path.length === 2 && path[0] === 'departments') return DEPARTMENT_KEYS;
  if (path.length === 2 && path[0] === 'criteria') return CRITERION_KEYS;
  if (path.length === 1 && path[0] === 'import') return IMPORT_KEYS;
  return [];
}

/** Where a number was given as text, say what is wrong with it. */
function numberHint(value: unknown): string {
  if (typeof value !== 'string') return '';
  const t = value.trim();
  if (/^-?\d+,\d+$/.test(t)) return ` (write decimals with a dot: ${t.replace(',', '.')})`;
  if (t !== '' && Number.isFinite(Number(t))) return ' (remove the quotes)';
  return '';
}

function explainIssue(issue: z.core.$ZodIssue, raw: unknown, report: Report): void {
  const path: ConfigPath = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
  const value = valueAt(raw, path);
  const last = path[path.length - 1];

  if (value === undefined && path.length > 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    report(path, last === 'version' ? 'missing; add "version: 1" at the top' : 'missing (required)');
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = knownKeys(path);
      for (const key of issue.keys) {
        const guess = didYouMean(key, allowed);
        report(
          [...path, key],
          guess !== undefined ? `unknown key (did you mean "${guess}"?)` : `unknown key; allowed here: ${allowed.join(', ')}`,
        );
      }
      return;
    }
    case 'invalid_type': {
      const expected = EXPECTED.get(issue.expected) ?? issue.expected;
      if (path.length === 0) {
        report(path, `the config must be a mapping of keys (version, title, departments, criteria, ...), not ${describe(value)}`);
      } else if (value === null) {
        report(path, `is empty; it must be ${expected}`);
      } else if (issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value)) {
        report(path, `must be a whole number, not ${describe(value)}`);
      } else {
        report(path, `must be ${expected}, not ${describe(value)}${numberHint(value)}`);
      }
      return;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') {
        const found = Array.isArray(value) ? value.length : 0;
        if (last === 'departments') report(path, `at least ${min} departments are needed, found ${found}`);
        else if (last === 'criteria') report(path, `at least one criterion is needed, found none`);
        else report(path, `needs at least ${min} entries, found ${found}`);
      } else if (issue.origin === 'string') {
        report(path, 'must not be empty');
      } else if (issue.origin === 'int' || (issue.origin === 'number' && (last === 'anonymity_min' || last === 'min_pair_respondents'))) {
        report(path, `must be ${issue.inclusive ? min : min + 1} or more, not ${describe(value)}`);
      } else {
        report(path, `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}, not ${describe(value)}`);
      }
      return;
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && typeof value === 'string') {
        const slug = value.trim().toLowerCase().replace(/\s+/g, '_');
        const example = slug !== value && ID_PATTERN.test(slug) ? ` (for example "${slug}")` : '';
        report(
          path,
          `${describe(value)} is not a valid id: use only lowercase latin letters, digits, "_" and "-"${example}`,
        );
        return;
      }
      break;
    }
    case 'invalid_value': {
      if (last === 'version') {
        report(path, `must be 1 (the only config version so far), not ${describe(value)}`);
        return;
      }
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const guess = typeof value === 'string' ? didYouMeanSuffix(value, issue.values.map(String)) : '';
      report(path, `must be ${allowed.join(' or ')}, not ${describe(value)}${guess}`);
      return;
    }
    default:
      break;
  }
  report(path, issue.message);
}

// ---------------------------------------------------------------------------------------------
// checks that need more than one field; they read the raw document defensively, because they
// run even when parts of it failed the structure check

interface Item {
  index: number;
  id: string | undefined;
  name: string | undefined;
}

function items(list: unknown[]): Item[] {
  return list.map((entry, index) => {
    const id = isDict(entry) ? own(entry, 'id') : undefined;
    const name = isDict(entry) ? own(entry, 'name') : undefined;
    return { index, id: typeof id === 'string' ? id : undefined, name: typeof name === 'string' ? name : undefined };
  });
}

function checkAcrossFields(raw: unknown, report: Report): void {
  if (!isDict(raw)) return;
  const scale = checkScale(raw, report);

  if (scale) {
    const { min, max } = scale;
    const range = `${min}–${max}`;
    for (const key of ['favorable_min', 'alert_below'] as const) {
      const v = own(raw, key);
      if (typeof v === 'number' && Number.isFinite(v) && (v < min || v > max)) {
        report([key], `${v} is outside the scale ${range}`);
      }
    }
    asList(own(raw, 'na_values')).forEach((v, i) => {
      if (typeof v !== 'string' || v.trim() === '') return;
      const n = Number(v.trim().replace(',', '.'));
      if (Number.isFinite(n) && n >= min && n <= max) {
        report(['na_values', i], `${describe(v)} is an answer on the scale ${range}, so it cannot also mean "not applicable"`);
      }
    });
  }

  const departments = items(asList(own(raw, 'departments')));
  const criteria = items(asList(own(raw, 'criteria')));
  const departmentIds = checkLabels('departments', 'department', departments, report);
  checkLabels('criteria', 'criterion', criteria, report);
  checkReserved(criteria, report);
  checkClientsOf(raw, departments, departmentIds, report);
  checkImport(own(raw, 'import'), { departments, criteria, scale }, report);
}

/** The scale the other checks should use, or null when it is unusable (already reported). */
function checkScale(raw: Dict, report: Report): { min: number; max: number } | null {
  const scale = own(raw, 'scale');
  if (scale === undefined) return DEFAULT_SCALE;
  if (!isDict(scale)) return null;
  const min = own(scale, 'min');
  const max = own(scale, 'max');
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  if (min >= max) {
    report(['scale'], `min (${min}) must be less than max (${max})`);
    return null;
  }
  return { min, max };
}

/**
 * Unique ids, and no label (id or name, trimmed, case ignored) shared by two items: files name
 * departments and criteria by either, so a shared label could not be resolved. Returns id → index.
 */
function checkLabels(listKey: string, noun: string, list: Item[], report: Report): Map<string, number> {
  const byId = new Map<string, number>();
  for (const item of list) {
    if (item.id === undefined) continue;
    const first = byId.get(item.id);
    if (first === undefined) byId.set(item.id, item.index);
    else report([listKey, item.index, 'id'], `"${item.id}" is already the id of ${listKey}[${first}]; ids must be unique`);
  }
  const idByLabel = new Map<string, number>();
  for (const item of list) {
    if (item.id !== undefined && !idByLabel.has(labelKey(item.id))) idByLabel.set(labelKey(item.id), item.index);
  }
  const nameByLabel = new Map<string, number>();
  const ambiguous = `; files may name a ${noun} by id or by name, so this would be ambiguous`;
  for (const item of list) {
    if (item.name === undefined) continue;
    const label = labelKey(item.name);
    if (label === '') continue;
    const idOwner = idByLabel.get(label);
    const nameOwner = nameByLabel.get(label);
    if (idOwner !== undefined && idOwner !== item.index && (item.id === undefined || labelKey(item.id) !== label)) {
      report([listKey, item.index, 'name'], `${describe(item.name)} is the id of ${listKey}[${idOwner}]${ambiguous}`);
    } else if (nameOwner !== undefined) {
      report([listKey, item.index, 'name'], `${describe(item.name)} is also the name of ${listKey}[${nameOwner}]${ambiguous}`);
    }
    if (nameOwner === undefined) nameByLabel.set(label, item.index);
  }
  return byId;
}

function checkReserved(criteria: Item[], report: Report): void {
  const reserved = new Set<string>(RESERVED_COLUMNS);
  const why = `is a column of response files (${RESERVED_COLUMNS.join(', ')}), so a criterion cannot use it`;
  for (const c of criteria) {
    const idReserved = c.id !== undefined && reserved.has(labelKey(c.id));
    if (idReserved) report(['criteria', c.index, 'id'], `${describe(c.id)} ${why}`);
    if (c.name !== undefined && reserved.has(labelKey(c.name)) && !(idReserved && labelKey(c.name) === labelKey(c.id ?? ''))) {
      report(['criteria', c.index, 'name'], `${describe(c.name)} ${why}`);
    }
  }
}

function checkClientsOf(raw: Dict, departments: Item[], ids: Map<string, number>, report: Report): void {
  // A department named where an id is expected: point to its id rather than guess by spelling.
  const byLabel = new Map<string, string>();
  for (const d of departments) {
    if (d.id === undefined) continue;
    if (!byLabel.has(labelKey(d.id))) byLabel.set(labelKey(d.id), d.id);
    if (d.name !== undefined && !byLabel.has(labelKey(d.name))) byLabel.set(labelKey(d.name), d.id);
  }
  asList(own(raw, 'departments')).forEach((entry, i) => {
    if (!isDict(entry)) return;
    const clientsOf = own(entry, 'clients_of');
    if (!Array.isArray(clientsOf)) return;
    const self = departments[i]?.id;
    const seen = new Map<string, number>();
    clientsOf.forEach((target: unknown, k) => {
      if (typeof target !== 'string') return;
      const path = ['departments', i, 'clients_of', k];
      if (target === self) {
        report(path, `"${target}" is this department itself; a department cannot be its own client`);
      } else if (!ids.has(target)) {
        const byName = byLabel.get(labelKey(target));
        const hint = byName !== undefined ? ` (did you mean "${byName}"?)` : didYouMeanSuffix(target, [...ids.keys()].filter((id) => ID_PATTERN.test(id)));
        report(path, `${describe(target)} is not a department id${hint}`);
      } else if (seen.has(target)) {
        report(path, `"${target}" is listed twice (also at clients_of[${seen.get(target)}])`);
      }
      if (!seen.has(target)) seen.set(target, k);
    });
  });
}

// ---------------------------------------------------------------------------------------------

function resolve(file: ConfigFile, path: string | null): Config {
  const { min, max } = file.scale;
  const departments: Department[] = file.departments.map((d, index) => ({
    id: d.id,
    name: d.name,
    index,
    clientsOf: d.clients_of === undefined ? undefined : [...d.clients_of],
  }));
  const criteria: Criterion[] = file.criteria.map((c, index) => ({
    id: c.id,
    name: c.name,
    weight: c.weight,
    description: c.description ?? undefined,
    index,
  }));
  const indexById = new Map(departments.map((d) => [d.id, d.index]));
  const anyClientsOf = departments.some((d) => d.clientsOf !== undefined);
  const evaluates = departments.map((d) =>
    anyClientsOf
      ? (d.clientsOf ?? []).map((id) => indexById.get(id) as number)
      : departments.filter((other) => other.index !== d.index).map((other) => other.index),
  );
  return {
    path,
    version: 1,
    title: file.title,
    scale: { min, max },
    naValues: [...file.na_values],
    // "The top two points": on a scale that has only two, that is all of it.
    favorableMin: file.favorable_min ?? Math.max(min, max - 1),
    anonymityMin: file.anonymity_min,
    aggregation: file.aggregation,
    nonClients: file.non_clients,
    minPairRespondents: file.min_pair_respondents,
    language: file.language,
    alertBelow: file.alert_below ?? undefined,
    departments,
    criteria,
    evaluates,
    import: file.import === undefined ? undefined : resolveImport(file.import, departments, criteria),
  };
}
