/**
 * What score, diff and trend do with a period's data problems (SPEC 2.3): list them, refuse to compute on
 * data with errors unless --skip-invalid, say what was left out, and write --rejects so nothing is lost.
 */
import type { Config } from '../config/types.js';
import { scoreFiles, type ScoredPeriod } from '../pipeline/scoreFiles.js';
import { renderCsv } from '../render/csv/csv.js';
import { renderProblems } from '../render/problems.js';
import { plural } from '../report/language.js';
import { countBySeverity } from '../report/validate.js';
import { UserError } from './errors.js';
import { checkOutPath, note, writeResult } from './output.js';
import { realPathOf } from './atomicWrite.js';
import type { Terminal } from './terminal.js';

export interface DataOptions {
  /** The report's file, checked with --rejects before any work. */
  out?: string;
  skipInvalid?: boolean;
  rejects?: string;
  maxProblems: number;
  quiet?: boolean;
}

export interface PeriodInput {
  /** Shown in messages when there are several periods ("period A"); null for a single period. */
  label: string | null;
  inputs: readonly string[];
}

/** Scores every period, listing all problems first; stops (exit 1) when any period has errors and --skip-invalid is not given. */
export async function scorePeriods(periods: readonly PeriodInput[], config: Config, options: DataOptions, terminal: Terminal): Promise<ScoredPeriod[]> {
  const wantRejects = options.rejects !== undefined;
  // Before any work or any file written: a run that cannot write its outputs changes nothing.
  // The config is an input too: --rejects ic.yaml must not replace it.
  const inputs = [...periods.flatMap((p) => p.inputs), ...(config.path === null ? [] : [config.path])];
  if (options.rejects !== undefined) checkOutPath(options.rejects, inputs, '--rejects');
  if (options.out !== undefined) {
    checkOutPath(options.out, inputs);
    if (options.rejects !== undefined && realPathOf(options.out) === realPathOf(options.rejects)) {
      throw new UserError(`--out and --rejects both name ${options.out}; give the report and the left-out rows different files`);
    }
  }
  const scored: ScoredPeriod[] = [];
  for (const period of periods) scored.push(await scoreFiles(period.inputs, config, { collectRejects: wantRejects }));

  let totalErrors = 0;
  scored.forEach((s, i) => {
    const period = periods[i]!;
    const { errors, warnings } = countBySeverity(s.load.problems);
    totalErrors += errors;
    const shown = s.load.problems.filter((p) => p.severity === 'error' || !options.quiet);
    if (shown.length === 0) return;
    if (period.label !== null) process.stderr.write(`${terminal.color.bold(`${period.label}`)} (${period.inputs.join(', ')}): ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
    process.stderr.write(renderProblems(shown, { color: terminal.color, maxPerKind: options.maxProblems, indent: period.label === null ? '' : '  ' }));
  });

  if (wantRejects) await writeRejects(options.rejects!, scored, periods);

  if (totalErrors > 0 && !options.skipInvalid) {
    const rowsWithErrors = scored.reduce((n, s) => n + s.load.rows.withErrors, 0);
    // diff and trend: say which period, so the user knows which files to open.
    const failing = periods.filter((p, i) => p.label !== null && countBySeverity(scored[i]!.load.problems).errors > 0).map((p) => p.label);
    const whose = failing.length === 0 ? 'the data' : `the data of ${failing.length === 1 ? 'period' : 'periods'} ${failing.join(', ')}`;
    throw new UserError(
      `${whose} has ${plural(totalErrors, 'error')} in ${plural(rowsWithErrors, 'row')}; nothing was computed. ` +
        'Fix the rows listed above, or run again with --skip-invalid to compute on the valid rows only' +
        (wantRejects ? '' : ' (add --rejects FILE to keep the left-out rows)'),
    );
  }
  scored.forEach((s, i) => {
    const r = s.load.rows;
    if (r.rejected === 0) return;
    const label = periods[i]!.label;
    note(`${label === null ? '' : `${label}: `}left out ${plural(r.rejected, 'row')} of ${r.read}: ${reasonsSummary(s)}; computed on ${r.used}${wantRejects ? `; written to ${options.rejects}` : ''}`, options.quiet);
  });
  return scored;
}

/**
 * "6 with errors (3 errors: 2 duplicate-response, 1 missing-column), 1 with no answers (empty-row)": why rows were left out.
 * Rows are counted from the row counts; the kinds are counted as problems, since one problem (a bad header)
 * can reject many rows and one row can have several problems.
 */
function reasonsSummary(s: ScoredPeriod): string {
  const counts = new Map<string, number>();
  for (const p of s.load.problems) {
    if (p.severity === 'error') counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  }
  const { rejected, withErrors } = s.load.rows;
  const parts: string[] = [];
  const errors = [...counts.values()].reduce((a, b) => a + b, 0);
  if (withErrors > 0) parts.push(`${withErrors} with errors (${plural(errors, 'error')}: ${[...counts].map(([code, n]) => `${n} ${code}`).join(', ')})`);
  // Without an error, a row is left out only when it has no answers (a warning: the row is ignored).
  if (rejected > withErrors) parts.push(`${rejected - withErrors} with no answers (empty-row)`);
  return parts.join(', ');
}

/**
 * Writes the report of score, diff or trend: to stdout, or atomically to --out, which must not be any
 * input, the config or the --rejects file (checked before any work by scorePeriods, and again here).
 */
export async function writeReport(text: string, periods: readonly PeriodInput[], config: Config, options: DataOptions): Promise<void> {
  const protectedPaths = [...periods.flatMap((p) => p.inputs), ...(config.path === null ? [] : [config.path]), ...(options.rejects === undefined ? [] : [options.rejects])];
  await writeResult(text, options.out, protectedPaths);
}

/** Every left-out row with its file, line and reason; `row` is the record's original text. */
async function writeRejects(path: string, scored: readonly ScoredPeriod[], periods: readonly PeriodInput[]): Promise<void> {
  const several = periods.length > 1;
  const rows: (string | number)[][] = [];
  scored.forEach((s, i) => {
    for (const r of s.load.rejects) {
      const cells: (string | number)[] = [r.file, r.line, r.reason, r.raw];
      rows.push(several ? [periods[i]!.label ?? '', ...cells] : cells);
    }
  });
  const text = renderCsv(several ? ['period', 'file', 'line', 'reason', 'row'] : ['file', 'line', 'reason', 'row'], rows);
  // The path was checked against the inputs before any work (scorePeriods).
  await writeResult(text, path, [], '--rejects');
}
