/**
 * The text of rows used so far, for `--rejects`: when the second row of a duplicate pair shows up, the first was
 * already used, and its records must still be written to the rejects, unchanged. A row of a regular file is
 * not kept: its line is read again at the end (only the lines needed). A row of a pipe, a FIFO or standard
 * input cannot be read again, so its records are kept (memory then grows with such rows, only with --rejects);
 * so are rows of several records (long layout), whose lines are not one.
 */
import { rereadLines } from '../input/source/reread.js';
import type { InputFile } from '../input/source/bytes.js';
import type { RawQuestionnaire, SourceRecord } from '../input/types.js';
import type { Retraction } from '../validate/rows.js';
import type { Reject } from './reject.js';

export class FirstRowTexts {
  private readonly inputs = new Map<string, { input: InputFile; rereadable: boolean }>();
  private readonly kept = new Map<number, SourceRecord[]>();
  /**
   * file → the rows taken back out, by first line: their reason, and their records when kept (else the line is
   * read again). Written at the end, in the order files were read and by line, whatever the kind of input.
   */
  private readonly pending = new Map<string, Map<number, { reason: string; records: SourceRecord[] | undefined }>>();

  fileStart(input: InputFile, rereadable: boolean): void {
    this.inputs.set(input.name, { input, rereadable });
  }

  used(entry: number, raw: RawQuestionnaire): void {
    if (raw.records.length === 1 && this.inputs.get(raw.file)?.rereadable === true) return;
    this.kept.set(entry, raw.records.map((r) => ({ line: r.line, raw: r.raw })));
  }

  retracted(late: Retraction): void {
    const records = this.kept.get(late.entry);
    this.kept.delete(late.entry);
    let lines = this.pending.get(late.file);
    if (lines === undefined) this.pending.set(late.file, (lines = new Map()));
    lines.set(late.line, { reason: late.reason, records });
  }

  /** Every row taken back out, to `emit`; the lines not kept are read again now (each file once, if it has some). */
  async finish(emit: (reject: Reject) => void): Promise<void> {
    for (const [file, { input }] of this.inputs) {
      const lines = this.pending.get(file);
      if (lines === undefined) continue;
      const reread = [...lines].filter(([, row]) => row.records === undefined).map(([line]) => line);
      const texts = reread.length === 0 ? new Map<number, string>() : await rereadLines(input, new Set(reread));
      for (const [line, { reason, records }] of [...lines].sort((a, b) => a[0] - b[0])) {
        for (const r of records ?? [{ line, raw: texts.get(line) ?? '' }]) emit({ file, line: r.line, reason, raw: r.raw });
      }
    }
    this.pending.clear();
  }
}
