/**
 * A CSV form export as a table of text cells, read whole: a form export has one line per submission (thousands,
 * not millions), and `duplicates: latest` needs every line before any row can go out. Decoding and delimiters are
 * the canonical reader's (encodings, `sep=`, quotes with line breaks), so both read a file the same way.
 */
import { decodeBytes, detectEncoding, type Encoding } from '../../../domain/decode.js';
import { problem, type Problem } from '../../../domain/problem.js';
import { CsvTokenizer, readPrologue, type Delimiter } from '../../csv.js';
import type { Table } from '../../source/xlsx.js';

export type CsvTableResult =
  | { table: Table; encoding: Encoding; delimiter: Delimiter; problems: Problem[] }
  | { table: null; problems: Problem[] };

/** The decoded header cells of the first bytes of a file, or undefined when they are not text. */
export function csvHeader(head: Uint8Array, atEnd: boolean): string[] | undefined {
  const detected = detectEncoding(head, atEnd);
  if (detected.kind !== 'text') return undefined;
  const text = stripBom(decodeBytes(head, detected.encoding));
  const prologue = readPrologue(text, true);
  if (!prologue.ready) return undefined;
  let header: string[] | undefined;
  const tokenizer = new CsvTokenizer(prologue.delimiter, (record) => {
    if (header === undefined && record.fields.some((f) => f.trim() !== '')) header = record.fields;
  });
  tokenizer.push(text.slice(prologue.skipChars));
  tokenizer.end();
  return header;
}

export function csvTable(file: string, bytes: Uint8Array): CsvTableResult {
  const detected = detectEncoding(bytes, true);
  if (detected.kind !== 'text') {
    const message = detected.kind === 'empty' ? 'the file is empty (0 bytes)' : `this is not a CSV or text file: ${detected.reason}`;
    return { table: null, problems: [problem('error', detected.kind === 'empty' ? 'file-empty' : 'file-binary', message, { file })] };
  }
  const text = stripBom(decodeBytes(bytes, detected.encoding));
  const prologue = readPrologue(text, true);
  if (!prologue.ready) return { table: null, problems: [problem('error', 'file-empty', 'the file has no header line', { file })] };
  const table: Table = { file, sheet: undefined, header: [], headerLine: 1, rows: [] };
  const problems: Problem[] = [];
  let seenHeader = false;
  // Rows are built as records come, so that the records themselves (with their raw text) are not kept.
  const tokenizer = new CsvTokenizer(prologue.delimiter, (record) => {
    if (record.unclosedQuote !== undefined) {
      problems.push(problem('error', 'bad-quote', 'a quote opened on this line is never closed; the rest of the file cannot be read', { file, line: record.line }));
      return;
    }
    if (!record.fields.some((f) => f.trim() !== '')) return;
    if (!seenHeader) {
      seenHeader = true;
      table.header = record.fields.map((f) => f.trim());
      table.headerLine = record.line;
      return;
    }
    table.rows.push({ line: record.line, cells: record.fields.map((f) => (f.trim() === '' ? null : f)) });
  }, 1 + prologue.skipLines);
  tokenizer.push(text.slice(prologue.skipChars));
  tokenizer.end();
  return { table, encoding: detected.encoding, delimiter: prologue.delimiter, problems };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
