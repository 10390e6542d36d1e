/** The `ic validate` report document: problems, counts and coverage, and the JSON contract. */
import type { PeriodLoad } from '../pipeline/loadPeriod.js';
import type { Problem } from '../domain/problem.js';
import type { Line, ReportDocument } from './document.js';
import { plural } from './language.js';
import { keyedColumns, num, text } from './table.js';

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
  files: { file: string; encoding: string; delimiter: string; shape: string; rows: number }[];
  coverage: { missing_pairs: { rater: string; target: string }[] };
  problems: { severity: string; code: string; file: string | null; line: number | null; column: string | null; message: string }[];
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
    files: (report.load?.files ?? []).map((f) => ({ file: f.file, encoding: f.encoding, delimiter: f.delimiter, shape: f.shape, rows: f.records })),
    coverage: { missing_pairs: report.load?.missingPairs ?? [] },
    problems: report.problems.map((p) => ({ severity: p.severity, code: p.code, file: p.file, line: p.line, column: p.column, message: p.message })),
  };
}

const DELIMITER_NAMES = new Map([
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
]);

function rowsLine(rows: PeriodLoad['rows']): string {
  return `Rows read: ${rows.read} · valid: ${rows.read - rows.withErrors} · with errors: ${rows.withErrors} · with warnings: ${rows.withWarnings}`;
}

/** The files read, the rows, the expected pairs that got no answer. */
function loadLines(load: PeriodLoad): Line[] {
  const lines: Line[] = load.files.map((f) => ({
    label: 'file',
    text: `${f.file}: ${f.encoding}, ${DELIMITER_NAMES.get(f.delimiter) ?? f.delimiter}-separated, ${f.shape} shape, ${plural(f.records, 'row')}`,
  }));
  const r = load.rows;
  lines.push({ text: rowsLine(r) });
  if (load.missingPairs.length > 0) {
    const shown = load.missingPairs.slice(0, 20).map((p) => `${p.rater} → ${p.target}`);
    const rest = load.missingPairs.length - shown.length;
    lines.push({ text: `Coverage: ${plural(load.missingPairs.length, 'expected client → department pair')} got no answer: ${shown.join(', ')}${rest > 0 ? `, … and ${rest} more` : ''}` });
  } else if (r.read > 0) {
    lines.push({ text: 'Coverage: every expected client → department pair got answers' });
  }
  return lines;
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

function verdict(report: ValidationReport): Line {
  const { errors, warnings } = countBySeverity(report.problems);
  if (errors === 0 && warnings === 0) return { text: '✔ No problems found.', tone: 'good' };
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (report.ok) return { text: `✔ Usable: ${counts}.`, tone: 'warn' };
  return { text: `✖ ${counts}${report.strict && errors === 0 ? ' (--strict: warnings count as errors)' : ''}.`, tone: 'bad' };
}

export function buildValidationDocument(report: ValidationReport, maxPerKind: number): ReportDocument {
  const load = report.load;
  return {
    title: 'Validation',
    meta: [],
    sections: [
      { kind: 'problems', problems: report.problems, maxPerKind, only: 'terminal' },
      { kind: 'lines', lines: [...(load === null ? [] : loadLines(load)), verdict(report)], only: 'terminal' },
      ...(load === null ? [] : [{ kind: 'lines' as const, lines: [{ text: rowsLine(load.rows) }], only: 'print' as const }]),
      { kind: 'problems', problems: report.problems, maxPerKind: Infinity, only: 'print' },
    ],
    anonymityMin: 0,
    records: {
      columns: keyedColumns(['severity', 'code', 'file', 'line', 'column', 'message']),
      rows: report.problems.map((p) => [text(p.severity), text(p.code), text(p.file ?? ''), num(p.line, 'int'), text(p.column ?? ''), text(p.message)]),
    },
    machine: validationJson(report),
  };
}
