/**
 * The shape of `ic.yaml` (SPEC 2.1) as a zod schema. Only the structure lives here;
 * checks that need several fields at once (scale bounds, unique ids, clients_of) are in
 * parse.ts, and messages are turned into plain language there too.
 */
// A namespace import, not `import { z }`: esbuild then bundles only the parts of zod used here, instead of all
// of it (its locales, JSON Schema conversion, ...), which every run would have to load.
import * as z from 'zod';
import { normalizeName } from '../domain/values.js';
import { LANGUAGES } from '../domain/language.js';
import { MAX_MAGNITUDE } from './limits.js';
import { AGGREGATIONS } from './types.js';
import { importSchema } from './import.js';

// The config is parsed once per run: zod's JIT (a `new Function` compiled per object schema on its first parse)
// costs more than it saves. Set before the schemas below are made, which read it.
z.config({ jitless: true });

/** Department and criterion ids: they go into CSV cells and file names. */
export const ID_PATTERN = /^[a-z0-9_-]+$/;

/**
 * Response file columns that are not criteria. A criterion with one of these as id or name
 * could not be told apart from them in a header (or in the long shape's `criterion` column).
 */
export const RESERVED_COLUMNS = [
  'respondent_id',
  'rater_department',
  'target_department',
  'rater_name',
  'target_name',
  'comment',
  'criterion',
  'score',
] as const;

export const DEFAULT_SCALE = { min: 1, max: 5 } as const;
export const DEFAULT_NA_VALUES: readonly string[] = ['N/A', 'n/a', 'NA', 'н/о', '-'];
export const DEFAULT_ANONYMITY_MIN = 3;
export const DEFAULT_TITLE = 'Internal Client';

/** The keys allowed at each level, for "unknown key (did you mean ...)" messages. */
export const ROOT_KEYS = [
  'version',
  'title',
  'scale',
  'na_values',
  'favorable_min',
  'anonymity_min',
  'aggregation',
  'alert_below',
  'language',
  'departments',
  'criteria',
  'import',
] as const;
export const SCALE_KEYS = ['min', 'max'] as const;
export const DEPARTMENT_KEYS = ['id', 'name', 'clients_of', 'description', 'renamed_from', 'headcount'] as const;
export const CRITERION_KEYS = ['id', 'name', 'weight', 'description'] as const;

const id = z.string().regex(ID_PATTERN);
/** Names are matched against cells with surrounding whitespace ignored, so it is not part of the name. */
const displayName = z.string().trim().min(1);
const description = z.string().nullish();
/**
 * Numbers that enter sums (scale bounds, thresholds, weights): bounded, so that weight × answer summed over
 * every respondent cannot overflow to Infinity (zod already refuses .inf and .nan).
 */
const bounded = () => z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);

export const departmentSchema = z.strictObject({
  id,
  name: displayName,
  // Entries are checked against the department ids in parse.ts, with "did you mean".
  clients_of: z.array(z.string()).optional(),
  description,
  // Earlier ids of a department renamed or merged since (SPEC 2.5); checked against the current ids in crossField.ts.
  renamed_from: z.array(id).optional(),
  // How many people may answer for it: the base of its response rate.
  headcount: z.number().int().positive().max(MAX_MAGNITUDE).optional(),
});

export const criterionSchema = z.strictObject({
  id,
  name: displayName,
  weight: z.number().positive().max(MAX_MAGNITUDE).default(1),
  description,
});

export const configSchema = z.strictObject({
  version: z.literal(1),
  title: z.string().default(DEFAULT_TITLE),
  scale: z.strictObject({ min: bounded(), max: bounded() }).default({ ...DEFAULT_SCALE }),
  na_values: z.array(z.string()).default([...DEFAULT_NA_VALUES]),
  // Its default depends on the scale, so it is filled in when the config is resolved.
  favorable_min: bounded().optional(),
  anonymity_min: z.number().int().positive().default(DEFAULT_ANONYMITY_MIN),
  aggregation: z.enum(AGGREGATIONS).default('departments'),
  alert_below: bounded().nullish(),
  language: z.enum(LANGUAGES).optional(),
  departments: z.array(departmentSchema).min(2),
  criteria: z.array(criterionSchema).min(1),
  import: importSchema.optional(),
});

/** The config file as written, after defaults: snake_case keys, before resolution into `Config`. */
export type ConfigFile = z.output<typeof configSchema>;

/**
 * How every stage matches a cell to a department or criterion id or name (trimmed, repeated spaces and
 * case ignored): the same function the reader and validation use, so that two labels the config accepts
 * as different are never matched as the same cell.
 */
export const labelKey = normalizeName;
