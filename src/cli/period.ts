/**
 * What score, diff and trend do with a period's data problems (SPEC 2.3): list them, refuse to compute on
 * data with errors unless --skip-invalid, say what was left out, and write --rejects so nothing is lost.
 */
import { displayPath } from '../config/load.js';
import type { Config } from '../config/types.js';
import { nothingToScore, nothingValidLeft } from '../pipeline/nothingRead.js';
import type { Reject } from '../pipeline/loadPeriod.js';
import { scoreFiles, type ScoredPeriod } from '../pipeline/scoreFiles.js';
import { renderCsv } from '../render/csv/csv.js';
import { renderProblems } from '../render/problems.js';
import type { ReportPhrases } from '../report/phrases/types.js';
import { countBySeverity } from '../report/validate.js';
import { UsageError, UserError, writeFailed } from './errors.js';
import { checkOutPath, note, writeResult } from './output.js';
import { openFileAtomic, realPathOf, type AtomicStream } from './atomicWrite.js';
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

/** A period scored with its own config (SPEC 2.5). */
export interface ConfiguredPeriod extends ScoredPeriod {
  config: Config;
  /** The config's file as the user would write it from the current folder (reports name it). */
  configFile: string;
}

/** Every input and config path: none of them may be overwritten by an output. */
export function protectedInputs(periods: readonly PeriodInput[], configs: readonly Config[]): string[] {
  return [...periods.flatMap((p) => p.inputs), ...configs.flatMap((c) => (c.path === null ? [] : [c.path]))];
}

/**
 * Scores every period, each with its config (`configs[i]` for `periods[i]`), listing all problems first;
 * stops (exit 1) when any period has errors and --skip-invalid is not given.
 */
export async function scorePeriods(periods: readonly PeriodInput[], configs: readonly Config[], options: DataOptions, terminal: Terminal, p: ReportPhrases): Promise<ConfiguredPeriod[]> {
  const wantRejects = options.rejects !== undefined;
  // Before any work or any file written: a run that cannot write its outputs changes nothing.
  // The configs are inputs too: --rejects ic.yaml must not replace one.
  const inputs = protectedInputs(periods, configs);
  if (options.rejects !== undefined) checkOutPath(options.rejects, inputs, '--rejects');
  if (options.out !== undefined) {
    checkOutPath(options.out, inputs);
    if (options.rejects !== undefined && realPathOf(options.out) === realPathOf(options.rejects)) {
      throw new UserError(`--out and --rejects both name ${options.out}; give the report and the left-out rows different files`);
    }
  }
  const scored: ConfiguredPeriod[] = [];
  const rejects = wantRejects ? openRejects(options.rejects!, periods.length > 1) : null;
  try {
    for (const [i, period] of periods.entries()) {
      const config = configs[i]!;
      const configFile = config.path === null ? '' : displayPath(config.path, process.cwd());
      scored.push({ ...(await scoreFiles(period.inputs, config, { onReject: rejects?.onReject(period.label) })), config, configFile });
    }
  } catch (error) {
    rejects?.abort();
    throw error;
  }

  let totalErrors = 0;
  scored.forEach((s, i) => {
    const period = periods[i]!;
    const { errors, warnings } = countBySeverity(s.load.problems);
    totalErrors += errors;
    const shown = s.load.problems.filter((problem) => problem.severity === 'error' || !options.quiet);
    if (shown.length === 0) return;
    if (period.label !== null) process.stderr.write(`${terminal.color.bold(`${period.label}`)} (${period.inputs.join(', ')}): ${p.run.periodProblems(errors, warnings)}\n`);
    process.stderr.write(renderProblems(shown, { color: terminal.color, maxPerKind: options.maxProblems, indent: period.label === null ? '' : '  ', words: p.validate }));
  });

  await rejects?.close();
  const nothing = scored.map((s) => nothingToScore(s.load)).find((why) => why !== null);
  if (nothing !== undefined && nothing !== null) throw new UserError(nothing.kind === 'not-found' ? p.run.nothingFound(nothing.inputs) : p.run.noRows(nothing.inputs));

  if (totalErrors > 0 && !options.skipInvalid) {
    const rowsWithErrors = scored.reduce((n, s) => n + s.load.rows.withErrors, 0);
    // diff and trend: say which period, so the user knows which files to open.
    const failing = periods.flatMap((period, i) => (period.label !== null && countBySeverity(scored[i]!.load.problems).errors > 0 ? [period.label] : []));
    throw new UserError(p.run.refused(failing, totalErrors, rowsWithErrors, wantRejects));
  }
  const emptied = nothingValidLeft(scored.map((s, i) => ({ load: s.load, label: periods[i]!.label })));
  if (emptied !== null) throw new UserError(p.run.noValidRow(emptied));
  scored.forEach((s, i) => {
    const r = s.load.rows;
    if (r.rejected === 0) return;
    const label = periods[i]!.label;
    note(`${label === null ? '' : `${label}: `}${p.run.leftOut(r.rejected, r.read, reasonsSummary(s, p), r.used, options.rejects)}`, options.quiet);
  });
  return scored;
}

/**
 * "6 with errors (3 errors: 2 duplicate-response, 1 missing-column), 1 with no answers (empty-row)": why rows were left out.
 * Rows are counted from the row counts; the kinds are counted as problems, since one problem (a bad header)
 * can reject many rows and one row can have several problems.
 */
function reasonsSummary(s: ScoredPeriod, p: ReportPhrases): string {
  const counts = new Map<string, number>();
  for (const problem of s.load.problems) {
    if (problem.severity === 'error') counts.set(problem.code, (counts.get(problem.code) ?? 0) + 1);
  }
  const { rejected, withErrors } = s.load.rows;
  const parts: string[] = [];
  const errors = [...counts.values()].reduce((a, b) => a + b, 0);
  if (withErrors > 0) parts.push(p.run.withErrors(withErrors, errors, [...counts].map(([code, n]) => `${n} ${code}`).join(', ')));
  // Without an error, a row is left out only when it has no answers (a warning: the row is ignored).
  // ... or, from a form export with `duplicates: latest`, when a newer submission of the same person replaced it.
  const superseded = s.load.problems.some((problem) => problem.severity === 'warning' && problem.code === 'duplicate-response');
  if (rejected > withErrors) parts.push(p.run.withNoAnswers(rejected - withErrors, superseded));
  return parts.join(', ');
}

/**
 * Writes the report of score, diff or trend: to stdout, or atomically to --out, which must not be any
 * input, the config or the --rejects file (checked before any work by scorePeriods, and again here).
 */
export async function writeReport(text: string | Uint8Array, periods: readonly PeriodInput[], configs: readonly Config[], options: DataOptions): Promise<void> {
  const protectedPaths = [...protectedInputs(periods, configs), ...(options.rejects === undefined ? [] : [options.rejects])];
  await writeResult(text, options.out, protectedPaths);
}

/**
 * Every left-out row with its file, line and reason (`row` is the record's original text), written as rows come
 * (so that a million bad rows take no memory), into a temporary file renamed over `path` at the end.
 */
function openRejects(path: string, several: boolean): { onReject(label: string | null): (r: Reject) => void; close(): Promise<void>; abort(): void } {
  const header = several ? ['period', 'file', 'line', 'reason', 'row'] : ['file', 'line', 'reason', 'row'];
  let file: AtomicStream;
  try {
    file = openFileAtomic(path, '--rejects');
  } catch (error) {
    throw writeFailed(path, error);
  }
  file.write(renderCsv(header, []));
  let batch: (string | number)[][] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const text = renderCsv(header, batch);
    file.write(text.slice(text.indexOf('\n') + 1)); // without the header line, written once above
    batch = [];
  };
  return {
    onReject: (label) => (r) => {
      batch.push(several ? [label ?? '', r.file, r.line, r.reason, r.raw] : [r.file, r.line, r.reason, r.raw]);
      if (batch.length >= 1000) flush();
    },
    abort() {
      file.abort();
    },
    async close() {
      try {
        flush();
        // The path was checked against the inputs before any work (scorePeriods).
        checkOutPath(path, [], '--rejects');
        file.commit();
      } catch (error) {
        file.abort();
        throw writeFailed(path, error);
      }
    },
  };
}
