/**
 * Some lines of a regular file, read again: `--rejects` writes the first row of a duplicate pair, found out
 * only when the second shows up, without every row's text being kept until then. Never used on a pipe or
 * standard input (those are read once; their rows' text is kept instead).
 */
import type { Problem } from '../../domain/problem.js';
import { readBytes, type InputFile } from './bytes.js';
import { CsvSource } from './csv/source.js';
import type { RecordSink, TableRecord } from './types.js';

/** line → the record's text, for the records that start on one of `lines`; a line the file no longer has is missing. */
export async function rereadLines(input: InputFile, lines: ReadonlySet<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const sink: RecordSink = {
    begin() {},
    record(record: TableRecord) {
      if (lines.has(record.line)) found.set(record.line, record.raw);
    },
    end() {},
    fail(_problem: Problem) {},
  };
  try {
    await readBytes(input, new CsvSource(input.name, sink), () => undefined);
  } catch {
    // gone since: the lines are missing, and the caller says so
  }
  return found;
}
