/**
 * A CSV form export as a table of text cells, read whole: a form export has one line per submission (thousands,
 * not millions), and `duplicates: latest` needs every line before any row can go out. Decoding and delimiters are
 * the canonical reader's (encodings, `sep=`, quotes with line breaks), so both read a file the same way.
 */
import { decodeBytes, detectEncoding, type Encoding } from '../../../domain/decode.js';
import { problem, type Problem } from '../../../domain/problem.js';
import { CsvTokenizer, readPrologue, type CsvRecord, type Delimiter } from '../../csv.js';
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
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(prologue.delimiter, (record) => records.push(record), 1 + prologue.skipLines);
  tokenizer.push(text.slice(prologue.skipChars));
  tokenizer.end();
  const filled = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [head, ...data] = filled;
  const table: Table = {
    file,
    sheet: undefined,
    header: (head?.fields ?? []).map((f) => f.trim()),
    headerLine: head?.line ?? 1,
    rows: data.map((r) => ({ line: r.line, cells: r.fields.map((f) => (f.trim() === '' ? null : f)) })),
  };
  const problems = data
    .filter((r) => r.unclosedQuote !== undefined)
    .map((r) => problem('error', 'bad-quote', `a quote opened on this line is never closed`, { file, line: r.line }));
  return { table, encoding: detected.encoding, delimiter: prologue.delimiter, problems };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
