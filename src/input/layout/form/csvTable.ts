/**
 * A CSV file as a whole table of cells, for `ic inspect`: the same CSV source as every read (encodings, `sep=`,
 * quotes with line breaks), its records collected instead of streamed.
 */
import type { Encoding } from '../../../domain/decode.js';
import { problem, type Problem } from '../../../domain/problem.js';
import { readBytes } from '../../source/bytes.js';
import { CsvSource } from '../../source/csv/source.js';
import type { RecordSink, SourceDescription } from '../../source/types.js';
import type { Table } from '../../source/xlsx.js';

export type CsvTableResult =
  | { table: Table; encoding: Encoding; delimiter: ',' | ';' | '\t'; problems: Problem[] }
  | { table: null; problems: Problem[] };

export async function csvTable(file: string): Promise<CsvTableResult> {
  const table: Table = { file, sheet: undefined, header: [], headerLine: 1, rows: [] };
  const problems: Problem[] = [];
  let description: SourceDescription = { file, encoding: 'utf-8', delimiter: ',' };
  let seenHeader = false;
  const sink: RecordSink = {
    begin: (d) => (description = d),
    record(rec) {
      if (rec.flaw?.kind === 'unreadable') {
        problems.push(problem('error', 'bad-quote', rec.flaw.text, { file, line: rec.line }));
        return;
      }
      const cells = rec.cells.map((c) => (typeof c === 'number' ? c : c.trim() === '' ? null : c));
      if (cells.every((c) => c === null)) return;
      if (!seenHeader) {
        seenHeader = true;
        table.header = cells.map((c) => (c === null ? '' : String(c).trim()));
        table.headerLine = rec.line;
      } else table.rows.push({ line: rec.line, cells });
    },
    end: () => undefined,
    fail: (p) => problems.push(p),
  };
  try {
    await readBytes({ name: file, path: file, stdin: false }, new CsvSource(file, sink), () => undefined);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
    return { table: null, problems: [problem('error', code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', code === 'ENOENT' ? 'file not found' : `the file cannot be read (${code})`, { file })] };
  }
  if (!seenHeader) return { table: null, problems: problems.length > 0 ? problems : [problem('error', 'file-empty', 'the file is empty: no header, no rows', { file })] };
  return { table, encoding: description.encoding, delimiter: description.delimiter, problems };
}
