/** The report of `ic validate`: problems, counts and coverage, in every format. Returns strings. */
import type { ChalkInstance } from 'chalk';
import type { PeriodLoad } from '../pipeline/loadPeriod.js';
import type { Problem } from '../domain/problem.js';
import { renderCsv } from './csv.js';
import { countBySeverity, location, plural, renderProblems } from './problems.js';

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

export function renderValidationText(report: ValidationReport, color: ChalkInstance, maxPerKind: number): string {
  const out: string[] = [];
  const listed = renderProblems(report.problems, { color, maxPerKind });
  if (listed !== '') out.push(listed);
  const load = report.load;
  if (load !== null) {
    for (const f of load.files) {
      out.push(`${color.dim('file')} ${f.file}: ${f.encoding}, ${DELIMITER_NAMES.get(f.delimiter) ?? f.delimiter}-separated, ${f.shape} shape, ${plural(f.records, 'row')}\n`);
    }
    const r = load.rows;
    out.push(`Rows read: ${r.read} · valid: ${r.read - r.withErrors} · with errors: ${r.withErrors} · with warnings: ${r.withWarnings}\n`);
    if (load.missingPairs.length > 0) {
      const shown = load.missingPairs.slice(0, 20).map((p) => `${p.rater} → ${p.target}`);
      const rest = load.missingPairs.length - shown.length;
      out.push(`Coverage: ${plural(load.missingPairs.length, 'expected client → department pair')} got no answer: ${shown.join(', ')}${rest > 0 ? `, … and ${rest} more` : ''}\n`);
    } else if (r.read > 0) {
      out.push('Coverage: every expected client → department pair got answers\n');
    }
  }
  const { errors, warnings } = countBySeverity(report.problems);
  if (errors === 0 && warnings === 0) out.push(color.green('✔ No problems found.\n'));
  else {
    const verdict = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    if (report.ok) out.push(color.yellow(`✔ Usable: ${verdict}.\n`));
    else out.push(color.red(`✖ ${verdict}${report.strict && errors === 0 ? ' (--strict: warnings count as errors)' : ''}.\n`));
  }
  return out.join('');
}

export function renderValidationCsv(report: ValidationReport, excel: boolean): string {
  return renderCsv(
    ['severity', 'code', 'file', 'line', 'column', 'message'],
    report.problems.map((p) => [p.severity, p.code, p.file, p.line, p.column, p.message]),
    { excel },
  );
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderValidationMarkdown(report: ValidationReport): string {
  const lines = ['# Validation', ''];
  const r = report.load?.rows;
  if (r) lines.push(`Rows read: ${r.read} · valid: ${r.read - r.withErrors} · with errors: ${r.withErrors} · with warnings: ${r.withWarnings}`, '');
  if (report.problems.length === 0) lines.push('No problems found.');
  else {
    lines.push('| severity | code | where | message |', '|---|---|---|---|');
    for (const p of report.problems) lines.push(`| ${p.severity} | ${p.code} | ${mdCell(location(p))} | ${mdCell(p.message)} |`);
  }
  return `${lines.join('\n')}\n`;
}
