/**
 * Load + validate one period: the reader streams questionnaire rows, validation checks them,
 * and every usable row goes straight to a consumer (the core's aggregator), so no array of rows is built.
 * Every source record is accounted for: read = used + rejected, always.
 */
import type { Config } from '../config/types.js';
import type { QuestionnaireRow } from '../domain/questionnaire.js';
import { readResponses } from '../input/read.js';
import type { RawQuestionnaire, SourceFileInfo, SourceRecord, WideLayout } from '../input/types.js';
import type { Problem } from '../domain/problem.js';
import { ResponseValidator, type ValidationSummary } from '../validate/rows.js';

/** A source record left out of the computation, with why. Written back unchanged by `--rejects`. */
export interface Reject {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

export interface RowCounts {
  /** Data records read (header, `sep=` and blank lines excluded). */
  read: number;
  /** Records used in the computation. */
  used: number;
  /** Records left out: errors, and rows ignored because they have no answers. */
  rejected: number;
  /** Records that belong to a row with at least one error. */
  withErrors: number;
  /** Records that belong to a row with warnings and no error. */
  withWarnings: number;
}

export interface PeriodLoad {
  inputs: readonly string[];
  files: SourceFileInfo[];
  /** Every problem found, in the order found (row problems first, then whole-period ones). */
  problems: Problem[];
  rows: RowCounts;
  /** Filled only when asked for (`collectRejects`). */
  rejects: Reject[];
  missingPairs: ValidationSummary['missingPairs'];
}

export interface RowConsumer<R> {
  add(row: QuestionnaireRow): void;
  finish(): R;
  /** False when `add` keeps nothing of the row it is given, so the same row object can be handed over each time. */
  readonly keepsRows?: boolean;
}

export interface LoadOptions<R> {
  /** Makes the consumer of usable rows; called again for a second pass when duplicates must be taken out. */
  consumer?: () => RowConsumer<R>;
  collectRejects?: boolean;
  /**
   * Sound lines of wide files go straight from the reader to validation and the consumer (ReadSink.wideLane),
   * which changes nothing but speed. On unless false, which tests use to show that it changes nothing.
   */
  fastLane?: boolean;
}

export interface LoadedPeriod<R> {
  load: PeriodLoad;
  /** The consumer's result, computed on the usable rows only; null when no consumer was given. */
  result: R | null;
}

interface Pass<R> {
  files: SourceFileInfo[];
  problems: Problem[];
  rows: RowCounts;
  rejects: Reject[];
  summary: ValidationSummary;
  result: R | null;
}

async function runPass<R>(
  inputs: readonly string[],
  config: Config,
  consumer: RowConsumer<R> | undefined,
  collectRejects: boolean,
  fastLane: boolean,
  exclude?: ReadonlySet<string>,
): Promise<Pass<R>> {
  const validator = new ResponseValidator(config);
  const files: SourceFileInfo[] = [];
  const problems: Problem[] = [];
  const rejects: Reject[] = [];
  const rows: RowCounts = { read: 0, used: 0, rejected: 0, withErrors: 0, withWarnings: 0 };

  const reject = (records: readonly SourceRecord[], file: string, reason: string): void => {
    if (!collectRejects) return;
    for (const record of records) rejects.push({ file, line: record.line, reason, raw: record.raw });
  };

  await readResponses([...inputs], config, {
    row(raw: RawQuestionnaire) {
      const n = raw.records.length;
      rows.read += n;
      const check = validator.check(raw, exclude);
      if (check.problems.length > 0) {
        for (const p of check.problems) problems.push(p);
        if (check.problems.some((p) => p.severity === 'error')) rows.withErrors += n;
        else rows.withWarnings += n;
      }
      if (check.row === null) {
        rows.rejected += n;
        reject(raw.records, raw.file, check.rejectReason ?? 'rejected');
      } else {
        rows.used += n;
        consumer?.add(check.row);
      }
    },
    fileProblem(p: Problem, records: SourceRecord[]) {
      problems.push(p);
      rows.read += records.length;
      rows.rejected += records.length;
      if (p.severity === 'error') rows.withErrors += records.length;
      else rows.withWarnings += records.length;
      reject(records, p.file ?? '', p.message);
    },
    fileDone(info: SourceFileInfo) {
      files.push(info);
    },
    // Sound rows of wide files, straight from their lines: counted and used exactly as `row` above would.
    wideLane(layout: WideLayout) {
      if (!fastLane) return undefined;
      return validator.wideLane(
        layout,
        (row) => {
          rows.read++;
          rows.used++;
          consumer?.add(row);
        },
        { exclude, reuse: consumer === undefined || consumer.keepsRows === false },
      );
    },
  });

  const summary = validator.finish();
  for (const p of summary.problems) problems.push(p);
  return { files, problems, rows, rejects, summary, result: consumer ? consumer.finish() : null };
}

export async function loadPeriod<R>(inputs: readonly string[], config: Config, options: LoadOptions<R> = {}): Promise<LoadedPeriod<R>> {
  const collectRejects = options.collectRejects ?? false;
  const fastLane = options.fastLane ?? true;
  const first = await runPass(inputs, config, options.consumer?.(), collectRejects, fastLane);
  const { summary } = first;

  // The first row of a duplicate pair was already used when the second one showed up. Both are invalid,
  // so counts move it to the rejected side, and anything computed is computed again without either.
  const rows = { ...first.rows };
  for (const late of summary.lateRejects) {
    rows.used -= late.records;
    rows.rejected += late.records;
    rows.withErrors += late.records;
    if (late.hadWarnings) rows.withWarnings -= late.records;
  }

  let result = first.result;
  let rejects = first.rejects;
  if (summary.duplicateKeys.size > 0 && (options.consumer !== undefined || collectRejects)) {
    const second = await runPass(inputs, config, options.consumer?.(), collectRejects, fastLane, summary.duplicateKeys);
    result = second.result;
    rejects = second.rejects;
  }

  return {
    load: { inputs, files: first.files, problems: first.problems, rows, rejects, missingPairs: summary.missingPairs },
    result,
  };
}
