/** The resolved, validated configuration that every other stage works from. */
import type { Language } from '../domain/language.js';
import type { ImportSettings } from './import.js';

export const AGGREGATIONS = ['departments', 'respondents'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface Department {
  /** `[a-z0-9_-]+`, unique; used in files and file names. */
  id: string;
  /** Display name (often Russian). */
  name: string;
  /** Position in `Config.departments`; core arrays are indexed by it. */
  index: number;
  /** Ids of the departments this one evaluates, as written in the config (undefined: not given). */
  clientsOf: readonly string[] | undefined;
  /** Its ids in earlier periods (`renamed_from`): a renamed department, or the departments merged into it. */
  renamedFrom: readonly string[];
  /** How many people may answer for it (`headcount`), the base of its response rate; undefined: not given. */
  headcount: number | undefined;
}

export interface Criterion {
  id: string;
  name: string;
  /** Positive; 1 when the config does not say. */
  weight: number;
  description: string | undefined;
  /** Position in `Config.criteria`; answer arrays are indexed by it. */
  index: number;
}

export interface Config {
  /** The file the config was read from (absolute), or null for a config built in code. */
  path: string | null;
  version: 1;
  title: string;
  scale: { min: number; max: number };
  /** Cell values (compared trimmed and case-insensitively) that mean "not applicable". Blank always does. */
  naValues: readonly string[];
  /** Answers >= this count as favorable. Default: the top two points of the scale. */
  favorableMin: number;
  /** Values from fewer distinct respondents than this are suppressed. */
  anonymityMin: number;
  aggregation: Aggregation;
  /** `language:` of the config; undefined: chosen from the department names (Cyrillic: Russian). */
  language: Language | undefined;
  /** Scores under this are flagged; undefined: no flag. */
  alertBelow: number | undefined;
  departments: readonly Department[];
  criteria: readonly Criterion[];
  /**
   * evaluates[r] = indices of the departments that department r is a client of.
   * When no department has `clients_of`, every department evaluates every other.
   */
  evaluates: readonly (readonly number[])[];
  /** The `import:` block (SPEC 2.4), for form exports; undefined when the config has none. */
  import?: ImportSettings | undefined;
}
