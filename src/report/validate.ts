/** The `ic validate` report document: problems, counts and coverage, and the JSON contract. */
import type { PeriodLoad } from '../pipeline/loadPeriod.js';
import type { Problem } from '../domain/problem.js';
import type { Line, ReportDocument } from './document.js';
import type { ReportPhrases } from './phrases/types.js';
import { hiddenMarkers, keyedColumns, num, text } from './table.js';

export interface ValidationReport {
  ok: boolean;
  strict: boolean;
  load: PeriodLoad | null;
  problems: Problem[];
}

/** `ic validate --format json`: declared here, never an internal object dumped as is (SPEC 4.1). */
export interface ValidationJson {
  ok: boolean;
  strict: boolean;
  rows: { read: number; valid: number; with_errors: number; with_warnings: number };
  /** `sheet`: the sheet read when the file is a workbook (its encoding and delimiter then mean nothing), else null. */
  files: { file: string; encoding: string; delimiter: string; sheet: string | null; shape: string; rows: number }[];
  coverage: { missing_pairs: { rater: string; target: string }[] };
  /** `sheet`: the workbook sheet `line` is on; null for other files. */
  problems: { severity: string; code: string; file: string | null; sheet: string | null; line: number | null; column: string | null; message: string }[];
}

export function validationJson(report: ValidationReport): ValidationJson {
  const rows = report.load?.rows;
  return {
    ok: report.ok,
    strict: report.strict,
    rows: {
      read: rows?.read ?? 0,
      valid: rows ? rows.read - rows.withErrors : 0,
      with_errors: rows?.withErrors ?? 0,
      with_warnings: rows?.withWarnings ?? 0,
    },
    files: (report.load?.files ?? []).map((f) => ({ file: f.file, encoding: f.encoding, delimiter: f.delimiter, sheet: f.sheet ?? null, shape: f.shape, rows: f.records })),
    coverage: { missing_pairs: report.load?.missingPairs ?? [] },
    problems: report.problems.map((p) => ({ severity: p.severity, code: p.code, file: p.file, sheet: p.sheet ?? null, line: p.line, column: p.column, message: p.message })),
  };
}

function rowsLine(rows: PeriodLoad['rows'], p: ReportPhrases): string {
  return p.validate.rowsLine(rows.read, rows.read - rows.withErrors, rows.withErrors, rows.withWarnings);
}

/** The files read, the rows, the expected pairs that got no answer. */
function loadLines(load: PeriodLoad, p: ReportPhrases): Line[] {
  const v = p.validate;
  const lines: Line[] = load.files.map((f) => ({
    label: v.fileLabel,
    text: `${f.file}: ${f.sheet !== undefined ? v.workbook(f.sheet, f.shape, f.records) : v.file(f.encoding, v.delimiters[f.delimiter] ?? f.delimiter, f.shape, f.records)}`,
  }));
  const r = load.rows;
  lines.push({ text: rowsLine(r, p) });
  if (load.missingPairs.length > 0) {
    const shown = load.missingPairs.slice(0, 20).map((pair) => `${pair.rater} → ${pair.target}`);
    lines.push({ text: v.missingPairs(load.missingPairs.length, shown.join(', '), load.missingPairs.length - shown.length) });
  } else if (r.read > 0) {
    lines.push({ text: v.fullCoverage });
  }
  return lines;
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

function verdict(report: ValidationReport, p: ReportPhrases): Line {
  const { errors, warnings } = countBySeverity(report.problems);
  if (errors === 0 && warnings === 0) return { text: `✔ ${p.validate.noProblems}`, tone: 'good' };
  if (report.ok) return { text: `✔ ${p.validate.usable(errors, warnings)}`, tone: 'warn' };
  return { text: `✖ ${p.validate.notUsable(errors, warnings, report.strict && errors === 0)}`, tone: 'bad' };
}

/** `quiet`: on the terminal only what makes the data unusable (errors; warnings too with --strict) and the verdict. */
export function buildValidationDocument(report: ValidationReport, maxPerKind: number, p: ReportPhrases, quiet = false): ReportDocument {
  const load = report.load;
  const problems = { kind: 'problems', problems: report.problems, words: p.validate, none: p.validate.noProblems } as const;
  const blocking = report.problems.filter((pr) => pr.severity === 'error' || report.strict);
  return {
    title: p.validate.title,
    meta: [],
    sections: [
      { ...problems, ...(quiet ? { problems: blocking } : {}), maxPerKind, only: 'terminal' },
      { kind: 'lines', lines: [...(load === null || quiet ? [] : loadLines(load, p)), verdict(report, p)], only: 'terminal' },
      ...(load === null ? [] : [{ kind: 'lines' as const, lines: [{ text: rowsLine(load.rows, p) }], only: 'print' as const }]),
      { ...problems, maxPerKind: Infinity, only: 'print' },
    ],
    language: p.language,
    leftOutNote: p.leftOut,
    hiddenMarkers: hiddenMarkers(p, 0),
    anonymityMin: 0,
    records: {
      columns: keyedColumns(['severity', 'code', 'file', 'line', 'column', 'message']),
      rows: report.problems.map((pr) => [text(pr.severity), text(pr.code), text(pr.file ?? ''), num(pr.line, 'int'), text(pr.column ?? ''), text(pr.message)]),
    },
    machine: validationJson(report),
  };
}
