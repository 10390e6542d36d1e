import { cutEchoes } from './echo.js';

/**
 * A problem found in the config or the data. Validation returns these; it never throws.
 * `line` is the line as a spreadsheet or editor shows it (header = line 1), 1-based.
 */

export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PROBLEM_CODES = [
  // config
  'config-not-found',
  'config-unreadable',
  'config-syntax',
  'config-invalid',
  // files
  'file-not-found',
  'file-unreadable',
  'file-empty',
  'file-binary',
  'file-undecodable',
  'no-input',
  'file-skipped',
  'same-file',
  // header
  'missing-column',
  'unknown-column',
  'duplicate-column',
  // rows
  'field-count',
  'bad-quote',
  'unknown-department',
  'unknown-criterion',
  'self-evaluation',
  'not-a-number',
  'out-of-scale',
  'duplicate-response',
  'duplicate-criterion',
  'inconsistent-rater',
  'not-a-client',
  'empty-row',
  // whole period
  'no-responses',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** The file as the user named it (relative paths stay relative), or null when not about a file. */
  file: string | null;
  line: number | null;
  /** Column header (or config path for config problems), or null. */
  column: string | null;
  /** Plain-language message, with what to do where that is not obvious. */
  message: string;
  /** The sheet of a workbook the line is on (messages name it); absent for other files. */
  sheet?: string;
}

export function problem(
  severity: Severity,
  code: ProblemCode,
  message: string,
  where: { file?: string | null; line?: number | null; column?: string | null; sheet?: string | undefined } = {},
): Problem {
  const p: Problem = {
    severity,
    code,
    file: where.file ?? null,
    line: where.line ?? null,
    column: where.column ?? null,
    // The one place every message passes: cells echoed in it are cut here (echo.ts).
    message: cutEchoes(message),
  };
  if (where.sheet !== undefined) p.sheet = where.sheet;
  return p;
}

/** The problem as found on a workbook's sheet (a source that is not a workbook has no sheet: unchanged). */
export function onSheet(p: Problem, sheet: string | undefined): Problem {
  return sheet === undefined || p.file === null || p.sheet !== undefined ? p : { ...p, sheet };
}
