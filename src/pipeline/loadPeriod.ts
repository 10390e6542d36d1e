/**
 * Load + validate one period in one pass: source → layout → validation → the consumer (the core's aggregator),
 * each input read exactly once, so a pipe, a FIFO or standard input gives the same result as a file. No array of
 * rows is built; left-out rows can be streamed out as they come (`onReject`).
 * Every source record is accounted for: read = used + rejected, always.
 */
import type { Config } from '../config/types.js';
import type { Problem } from '../domain/problem.js';
import type { QuestionnaireRow } from '../domain/questionnaire.js';
import { readResponses } from '../input/read.js';
import type { InputFile } from '../input/source/bytes.js';
import type { RawQuestionnaire, SourceFileInfo, SourceRecord } from '../input/types.js';
import { ResponseValidator, type ValidationSummary } from '../validate/rows.js';
import { CommentCollector } from './comments.js';
import { FirstRowTexts } from './firstRowTexts.js';
import type { Reject } from './reject.js';

export type { Reject } from './reject.js';

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
  /** The comments of the rows used, by department id (SPEC 3.3: no rater, no respondent). */
  comments: Map<string, string[]>;
}

export interface RowConsumer<R> {
  add(row: QuestionnaireRow): void;
  /**
   * Takes back out a row given to `add` (the first row of a duplicate pair, found out at the second). Needed
   * whenever the data may hold duplicates: loading fails loudly on one without it.
   */
  remove?(row: QuestionnaireRow): void;
  finish(): R;
}

export interface LoadOptions<R> {
  /** Makes the consumer of usable rows. */
  consumer?: () => RowConsumer<R>;
  /** Keep every left-out row in `PeriodLoad.rejects`. */
  collectRejects?: boolean;
  /**
   * Every left-out row as soon as it is known (the first row of a duplicate pair when the second shows up, or,
   * for a regular file, read again at the end), so that `--rejects` takes no memory per row.
   */
  onReject?: (reject: Reject) => void;
  /** Quote-free CSV lines split without the tokenizer's state machine: on unless false (tests show it changes nothing). */
  fastLane?: boolean;
}

export interface LoadedPeriod<R> {
  load: PeriodLoad;
  /** The consumer's result, computed on the usable rows only; null when no consumer was given. */
  result: R | null;
}

export async function loadPeriod<R>(inputs: readonly string[], config: Config, options: LoadOptions<R> = {}): Promise<LoadedPeriod<R>> {
  const consumer = options.consumer?.();
  const validator = new ResponseValidator(config);
  const files: SourceFileInfo[] = [];
  const problems: Problem[] = [];
  const rejects: Reject[] = [];
  const rows: RowCounts = { read: 0, used: 0, rejected: 0, withErrors: 0, withWarnings: 0 };
  const emit = rejectOutput(options, rejects);
  // The text of rows used so far, for the rejects of those that a later duplicate takes back out.
  const firstRows = emit === null ? null : new FirstRowTexts();
  const comments = new CommentCollector();

  const reject = (records: readonly SourceRecord[], file: string, reason: string): void => {
    if (emit === null) return;
    for (const record of records) emit({ file, line: record.line, reason, raw: record.raw });
  };

  await readResponses(
    inputs,
    config,
    {
      fileStart(input: InputFile, rereadable: boolean) {
        firstRows?.fileStart(input, rereadable);
      },
      row(raw: RawQuestionnaire) {
        const n = raw.records.length;
        rows.read += n;
        const check = validator.check(raw);
        if (check.problems.length > 0) {
          for (const p of check.problems) problems.push(p);
          if (check.problems.some((p) => p.severity === 'error')) rows.withErrors += n;
          else rows.withWarnings += n;
        }
        const late = check.retract;
        if (late !== null) {
          if (consumer !== undefined) {
            if (consumer.remove === undefined) throw new Error('a row must be taken back out, and the consumer cannot remove rows');
            consumer.remove(late.row);
          }
          comments.retracted(late.row);
          rows.used -= late.records;
          rows.rejected += late.records;
          rows.withErrors += late.records;
          if (late.hadWarnings) rows.withWarnings -= late.records;
          firstRows?.retracted(late);
        }
        if (check.row === null) {
          rows.rejected += n;
          reject(raw.records, raw.file, check.rejectReason ?? 'rejected');
        } else {
          rows.used += n;
          // Its comment first: a consumer may keep the row object and reuse it for the next one.
          comments.used(check.row, raw.comment);
          consumer?.add(check.row);
          firstRows?.used(check.entry, raw);
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
    },
    { plainLines: options.fastLane ?? true },
  );
  if (emit !== null) await firstRows!.finish(emit);

  const summary = validator.finish();
  for (const p of summary.problems) problems.push(p);
  return {
    load: { inputs, files, problems, rows, rejects, missingPairs: summary.missingPairs, comments: comments.finish(config) },
    result: consumer ? consumer.finish() : null,
  };
}

/** Where left-out rows go: `onReject`, and `rejects` when collected; null when nobody wants them. */
function rejectOutput<R>(options: LoadOptions<R>, rejects: Reject[]): ((reject: Reject) => void) | null {
  const { onReject, collectRejects } = options;
  if (onReject === undefined && collectRejects !== true) return null;
  return (r) => {
    onReject?.(r);
    if (collectRejects === true) rejects.push(r);
  };
}
