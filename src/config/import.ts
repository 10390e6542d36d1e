/**
 * The `import:` block of ic.yaml (SPEC 2.4): how a form export or a shared spreadsheet maps onto questionnaire
 * rows. Its structure (zod), the checks that need the rest of the config (aliases name real ids, values are on
 * the scale), and the resolved settings the form layout reads.
 */
import * as z from 'zod';
import { didYouMeanSuffix } from '../domain/didYouMean.js';
import { normalizeName } from '../domain/values.js';

export const DUPLICATE_RULES = ['error', 'latest'] as const;
export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

export const IMPORT_KEYS = ['sheet', 'rater_column', 'respondent_columns', 'ratings', 'comments', 'values', 'aliases', 'duplicates'] as const;

/** The label value meaning "not applicable" (the person did not deal with that department). */
export const NA_LABEL = 'n/a';

// Parsed once per run, like the rest of the config: see schema.ts for why zod's JIT is off.
z.config({ jitless: true });

const text = z.string().trim().min(1);

export const importSchema = z.strictObject({
  sheet: text.optional(),
  rater_column: text.optional(),
  respondent_columns: z.array(text).optional(),
  ratings: text.optional(),
  comments: text.optional(),
  // A label's number is checked against the scale in checkImport; 'n/a' is the only text allowed.
  values: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  aliases: z.record(z.string(), z.string()).optional(),
  duplicates: z.enum(DUPLICATE_RULES).default('error'),
});

export type ImportFile = z.output<typeof importSchema>;

/** What an alias stands for. */
export interface AliasTarget {
  kind: 'department' | 'criterion';
  index: number;
}

/** The resolved `import:` block. Keys the user left out are undefined: the layout detects them. */
export interface ImportSettings {
  sheet: string | undefined;
  raterColumn: string | undefined;
  /** Undefined: not given (each form line is then its own respondent). */
  respondentColumns: readonly string[] | undefined;
  ratings: string | undefined;
  comments: string | undefined;
  /** normalized label → number on the scale, or null for "not applicable". */
  values: ReadonlyMap<string, number | null>;
  /** normalized spelling → department or criterion. */
  aliases: ReadonlyMap<string, AliasTarget>;
  duplicates: DuplicateRule;
}

/** What the checks need to know of the rest of the config (read defensively: parts of it may be broken). */
export interface ImportContext {
  departments: readonly { id: string | undefined; name: string | undefined }[];
  criteria: readonly { id: string | undefined; name: string | undefined }[];
  scale: { min: number; max: number } | null;
}

type Report = (path: readonly (string | number)[], message: string) => void;

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks of the block that need the departments, criteria and scale. Runs on the raw document even when other
 * parts failed, so that the user sees every problem at once.
 */
export function checkImport(raw: unknown, context: ImportContext, report: Report): void {
  if (!isDict(raw)) return;
  const values = raw['values'];
  if (isDict(values)) {
    for (const [label, value] of Object.entries(values)) {
      const path = ['import', 'values', label];
      if (label.trim() === '') report(path, 'a label must not be empty');
      if (typeof value === 'string' && normalizeName(value) !== NA_LABEL) {
        report(path, `${JSON.stringify(value)} is not a number; write a number on the scale, or n/a for "did not deal with them"`);
      } else if (typeof value === 'number' && context.scale !== null && (!Number.isFinite(value) || value < context.scale.min || value > context.scale.max)) {
        report(path, `${value} is outside the scale ${context.scale.min}–${context.scale.max}`);
      }
    }
  }
  const aliases = raw['aliases'];
  if (!isDict(aliases)) return;
  const ids = [...context.departments, ...context.criteria].map((item) => item.id).filter((id): id is string => id !== undefined);
  const owners = labelOwners(context);
  for (const [spelling, id] of Object.entries(aliases)) {
    const path = ['import', 'aliases', spelling];
    if (typeof id !== 'string') continue; // the structure check already said so
    if (!ids.includes(id)) {
      report(path, `${JSON.stringify(id)} is not a department or criterion id${didYouMeanSuffix(id, ids)}`);
      continue;
    }
    const owner = owners.get(normalizeName(spelling));
    if (owner !== undefined && owner !== id) {
      report(path, `${JSON.stringify(spelling)} already names "${owner}", so it cannot also stand for "${id}"`);
    }
  }
}

/** normalized id or name → the id it belongs to, departments and criteria together. */
function labelOwners(context: ImportContext): Map<string, string> {
  const owners = new Map<string, string>();
  for (const item of [...context.departments, ...context.criteria]) {
    if (item.id === undefined) continue;
    owners.set(normalizeName(item.id), item.id);
    if (item.name !== undefined) owners.set(normalizeName(item.name), item.id);
  }
  return owners;
}

/** The checked block → settings; `departments` and `criteria` are the resolved lists (ids → indices). */
export function resolveImport(
  file: ImportFile,
  departments: readonly { id: string; index: number }[],
  criteria: readonly { id: string; index: number }[],
): ImportSettings {
  const values = new Map<string, number | null>();
  for (const [label, value] of Object.entries(file.values ?? {})) values.set(normalizeName(label), typeof value === 'number' ? value : null);
  const aliases = new Map<string, AliasTarget>();
  for (const [spelling, id] of Object.entries(file.aliases ?? {})) {
    const department = departments.find((d) => d.id === id);
    const criterion = criteria.find((c) => c.id === id);
    if (department !== undefined) aliases.set(normalizeName(spelling), { kind: 'department', index: department.index });
    else if (criterion !== undefined) aliases.set(normalizeName(spelling), { kind: 'criterion', index: criterion.index });
  }
  return {
    sheet: file.sheet,
    raterColumn: file.rater_column,
    respondentColumns: file.respondent_columns,
    ratings: file.ratings,
    comments: file.comments,
    values,
    aliases,
    duplicates: file.duplicates,
  };
}
