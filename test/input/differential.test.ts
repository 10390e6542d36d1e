/**
 * Differential test of our CSV reader against csv-parse (the reference parser): both get the same input, and
 * they must give the same records — fields, the lines each record starts and ends on, its raw text — or both
 * find the input broken on the same line.
 *
 * csv-parse runs strict (RFC 4180): whatever it accepts, we must read exactly as it does. Where it stops with an
 * error, we either report the record as broken too (an unclosed quote) or read it the lenient way Excel does
 * (`"4"5`, ` "2" `, `5" monitor`, see csv.ts); in both cases the record we produce there must contain the
 * line csv-parse names. csv-parse stops at its first error while we go on, so the rest of the input (after that
 * record) is compared again, with csv-parse run on the remainder: the whole file is covered either way.
 *
 * Where csv-parse 6.2.1 is known to be wrong, the comparison corrects for it (and says so):
 * - `info.lines` counts a `\r\n` inside a quoted field as two lines;
 * - `raw` holds the empty lines before a record and the record's own line break, and drops the `\n` of `\r\n`.
 *
 * Inputs: the csv-spectrum corpus, every CSV fixture of the repository and the examples, and thousands of
 * generated files (fast-check, fixed seed): quotes, escaped quotes, delimiters and line breaks inside fields,
 * Cyrillic and emoji, empty lines and blank fields, BOMs, UTF-8 and UTF-16, comma, semicolon and tab, LF, CRLF
 * and CR, with and without a final line break, fed in random byte chunks — and broken quoting (quotes added,
 * removed, or text after a closing quote).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Options } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPrologue, type Delimiter } from '../../src/input/source/csv/delimiter.js';
import { CsvTokenizer, type CsvRecord } from '../../src/input/source/csv/tokenizer.js';
import { createDecoder, detectEncoding } from '../../src/domain/decode.js';

const SEED = 20260412;
const RUNS = 3000;

interface Reference {
  fields: string[];
  line: number;
  endLine: number;
  raw: string;
}

interface ReferenceResult {
  records: Reference[];
  /** csv-parse's first error: its code and the line it names (corrected, see above). */
  error?: { code: string; line: number };
}

/** Our records of `text`, fed in pieces whose lengths cycle through `chunks`. */
function ours(text: string, delimiter: Delimiter, chunks: readonly number[] = [0]): CsvRecord[] {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (r) => records.push(r));
  feed(text.length, chunks, (from, to) => tokenizer.push(text.slice(from, to)));
  tokenizer.end();
  return records;
}

/** Our records of encoded bytes, through the same decoding as a file (encoding detected, BOM dropped). */
function oursFromBytes(bytes: Uint8Array, delimiter: Delimiter, chunks: readonly number[]): CsvRecord[] {
  const detected = detectEncoding(bytes, true);
  if (detected.kind !== 'text') throw new Error(`generated input detected as ${detected.kind}`);
  const decoder = createDecoder(detected.encoding);
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (r) => records.push(r));
  feed(bytes.length, chunks, (from, to) => tokenizer.push(decoder.write(bytes.subarray(from, to))));
  tokenizer.push(decoder.end());
  tokenizer.end();
  return records;
}

function feed(length: number, chunks: readonly number[], push: (from: number, to: number) => void): void {
  let k = 0;
  for (let at = 0; at < length; ) {
    const size = chunks[k++ % chunks.length] || length;
    push(at, Math.min(length, at + size));
    at += size;
  }
}

/** Line breaks as we count them: `\r\n`, `\n` and a lone `\r` are one each. */
function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** csv-parse, strict, on `input` (a string, or bytes with their encoding): records until its first error. */
function reference(input: string | Buffer, delimiter: Delimiter, encoding: BufferEncoding = 'utf8'): ReferenceResult {
  const records: Reference[] = [];
  // info.lines counts a CRLF inside quoted fields twice: how many such extra lines it has counted so far.
  let extra = 0;
  const add = (fields: string[], lines: number, raw: string): void => {
    extra += fields.reduce((n, f) => n + (f.match(/\r\n/g)?.length ?? 0), 0);
    const endLine = lines - extra;
    // raw: the empty lines before the record, the record, its line break (maybe without the \n of a \r\n).
    const body = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\r|\n)$/, '');
    records.push({ fields, line: endLine - countBreaks(body), endLine, raw: body });
  };
  try {
    // `info` and `raw` change what csv-parse hands to on_record, which its types do not follow.
    const options: Record<string, unknown> = {
      delimiter,
      // As we read them: each of the three is a line break, in any mix.
      record_delimiter: ['\r\n', '\r', '\n'],
      encoding,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      on_record: (record: { record: string[]; info: { lines: number }; raw: string }) => {
        add(record.record, record.info.lines, record.raw);
        return record;
      },
    };
    parse(input, options as Options);
    return { records };
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === undefined || lines === undefined) throw error;
    return { records, error: { code, line: lines - extra } };
  }
}

/** Offset in `text` where line `line` (1-based) starts; the text's length when it has fewer lines. */
function offsetOfLine(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = at;
    const found = m.exec(text);
    if (found === null) return text.length;
    at = found.index + found[0].length;
  }
  return at;
}

/** The source text of lines line..endLine of `text`, without the last line break. */
function rawOf(text: string, r: { line: number; endLine: number }): string {
  return text.slice(offsetOfLine(text, r.line), offsetOfLine(text, r.endLine + 1)).replace(/(\r\n|\r|\n)$/, '');
}

/** What the comparisons met, so that a test can check that its inputs reach every case. */
const seen = new Map<string, number>();
const count = (what: string, n = 1): void => {
  seen.set(what, (seen.get(what) ?? 0) + n);
};

const shift = (r: CsvRecord, by: number) => ({ ...r, line: r.line - by, endLine: r.endLine - by });
const plain = (r: CsvRecord | Reference) => ({ fields: 'cells' in r ? r.cells : r.fields, line: r.line, endLine: r.endLine, raw: r.raw });

/**
 * Compares our records (of the whole text) with csv-parse's, from `line` on. `text` is the whole input as text
 * (BOM removed), `first` the reference result for the text from that line.
 */
function compare(text: string, records: readonly CsvRecord[], delimiter: Delimiter, first?: ReferenceResult): void {
  let fromLine = 1;
  let index = 0;
  let ref = first ?? reference(text, delimiter);
  for (let round = 0; ; round++) {
    const offset = fromLine - 1;
    const got = records.slice(index, index + ref.records.length).map((r) => plain(shift(r, offset)));
    expect(got, `records from line ${fromLine}`).toEqual(ref.records.map(plain));
    index += ref.records.length;
    count('records', ref.records.length);
    if (ref.error === undefined) {
      expect(records.slice(index).map(plain), 'no records after the reference ended').toEqual([]);
      return;
    }
    // csv-parse found an error: so do we (unclosed quote), or we read that record the lenient way.
    count(ref.error.code);
    const bad = records[index];
    expect(bad, `a record where csv-parse stops (${ref.error.code})`).toBeDefined();
    const record = shift(bad!, offset);
    if (ref.error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse names the end of the input; the record itself must be the broken one.
      expect(record.unclosedQuote, 'an unclosed quote where csv-parse finds one').toBeDefined();
    } else {
      const tolerance = (bad!.raw.match(/\r\n/g)?.length ?? 0) + (ref.error.code === 'CSV_INVALID_CLOSING_QUOTE' ? 1 : 0);
      expect(ref.error.line, `csv-parse's ${ref.error.code} line within our record ${JSON.stringify(record)}`).toBeGreaterThanOrEqual(record.line);
      expect(ref.error.line).toBeLessThanOrEqual(record.endLine + tolerance);
    }
    index++;
    fromLine = bad!.endLine + 1;
    const rest = text.slice(offsetOfLine(text, fromLine));
    ref = reference(rest, delimiter);
    expect(round).toBeLessThan(10_000);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Generated inputs

const PIECES = ['a', 'Z', '7', '4,5', 'x y', ' ', '\t', ',', ';', '"', '""', 'Отдел', 'é', '😀', '=1+2', 'N/A', '\u0000'.slice(1)];

interface GeneratedFile {
  delimiter: Delimiter;
  /** Line breaks between records, used in turn: the same one for a whole file, or a mix. */
  eols: ('\n' | '\r\n' | '\r')[];
  rows: { value: string[]; quote: boolean }[][];
  emptyLines: number[];
  finalEol: boolean;
  bom: boolean;
  utf16: boolean;
  chunks: number[];
  damage: { kind: 'add-quote' | 'drop-quote' | 'after-quote'; at: number }[];
}

const fieldArb = fc.record({
  value: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r') }), { maxLength: 4 }),
  quote: fc.boolean(),
});

const fileArb: fc.Arbitrary<GeneratedFile> = fc.record({
  delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
  eols: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<('\n' | '\r\n' | '\r')[]>(['\n'], ['\r\n'], ['\r']) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const), { minLength: 2, maxLength: 4 }) },
  ),
  rows: fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
  emptyLines: fc.array(fc.nat(), { maxLength: 3 }),
  finalEol: fc.boolean(),
  bom: fc.boolean(),
  utf16: fc.boolean(),
  chunks: fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 6 }),
  damage: fc.oneof(
    { weight: 3, arbitrary: fc.constant<GeneratedFile['damage']>([]) },
    { weight: 2, arbitrary: fc.array(fc.record({ kind: fc.constantFrom('add-quote' as const, 'drop-quote' as const, 'after-quote' as const), at: fc.nat() }), { minLength: 1, maxLength: 2 }) },
  ),
});

/** The file's text: fields quoted when they must be (or at random), line breaks inside fields in the file's style. */
function write(file: GeneratedFile): string {
  const { delimiter, eols } = file;
  const lines = file.rows.map((row) =>
    row
      .map(({ value, quote }) => {
        const v = value.join('');
        const must = v.includes('"') || v.includes(delimiter) || v.includes('\r') || v.includes('\n');
        return must || quote ? `"${v.replace(/"/g, '""')}"` : v;
      })
      .join(delimiter),
  );
  for (const at of file.emptyLines) lines.splice(at % (lines.length + 1), 0, '');
  let text = lines.map((line, i) => (i < lines.length - 1 || file.finalEol ? line + eols[i % eols.length]! : line)).join('');
  for (const { kind, at } of file.damage) {
    if (kind === 'add-quote') {
      const i = at % (text.length + 1);
      text = `${text.slice(0, i)}"${text.slice(i)}`;
    } else {
      const quotes = [...text.matchAll(/"/g)].map((m) => m.index);
      if (quotes.length === 0) continue;
      const i = quotes[at % quotes.length]!;
      text = kind === 'drop-quote' ? text.slice(0, i) + text.slice(i + 1) : `${text.slice(0, i + 1)}x${text.slice(i + 1)}`;
    }
  }
  return text;
}

function encode(text: string, file: GeneratedFile): Buffer {
  const body = file.bom ? `\uFEFF${text}` : text;
  return file.utf16 ? Buffer.from(file.bom ? body : `\uFEFF${body}`, 'utf16le') : Buffer.from(body, 'utf8');
}

describe('differential: our CSV reader and csv-parse on the same input', () => {
  it(`agree on ${RUNS} generated files (seed ${SEED}), text fed in random chunks`, () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const text = write(file);
        compare(text, ours(text, file.delimiter, file.chunks), file.delimiter);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`agree on ${RUNS} generated files as bytes (UTF-8 or UTF-16, BOM or not), bytes fed in random chunks`, () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const text = write(file);
        // A file of a BOM and nothing else: csv-parse 6.2.1 reads the UTF-16 BOM as a record, there is nothing to compare.
        if (text === '') return;
        const bytes = encode(text, file);
        const records = oursFromBytes(bytes, file.delimiter, file.chunks);
        const first = reference(bytes, file.delimiter, file.utf16 ? 'utf16le' : 'utf8');
        // csv-parse 6.2.1's raw text of UTF-16 input is garbled (decoded byte by byte): take it from the text.
        if (file.utf16) {
          for (const r of first.records) {
            r.line = r.endLine - r.fields.reduce((n, f) => n + countBreaks(f), 0); // breaks are inside quoted fields only
            r.raw = rawOf(text, r);
          }
        }
        compare(text, records, file.delimiter, first);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('the generated inputs reach every case: valid records, unclosed quotes, text after a closing quote, quotes inside values', () => {
    expect(seen.get('records') ?? 0).toBeGreaterThan(10_000);
    expect(seen.get('CSV_QUOTE_NOT_CLOSED') ?? 0).toBeGreaterThan(200);
    expect(seen.get('CSV_INVALID_CLOSING_QUOTE') ?? 0).toBeGreaterThan(200);
    expect(seen.get('INVALID_OPENING_QUOTE') ?? 0).toBeGreaterThan(200);
  });

  it('agree on the hard cases, spelled out', () => {
    const cases: [string, Delimiter][] = [
      ['a,b\r\n"x\r\ny",2\r\n3,4\r\n', ','],
      ['\n\na,b\n\n1,2', ','],
      ['a;b\n"4,5";"say ""hi"""\n', ';'],
      ['a,b\n1,"oops\n4,5\n6,7\n', ','],
      ['a,b\n"4"5,x\n1,2\n', ','],
      ['a,b\n5" monitor,x\n', ','],
      ['a,b\n1, "2" ,3\n', ','],
      ['h\r1,"a\rb"\r2,3', ','],
      ['a,b\r\n1,2\r3,4\n5,"x\r\n\ry"\r\n', ','],
      ['""\n   \n,,\n', ','],
    ];
    for (const [text, delimiter] of cases) {
      for (const chunks of [[0], [1]]) compare(text, ours(text, delimiter, chunks), delimiter);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Files: the csv-spectrum corpus, the repository's fixtures and examples

const REPO = new URL('../../', import.meta.url).pathname;

function csvFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return csvFiles(path);
    return /\.(csv|tsv|txt)$/i.test(name) ? [path] : [];
  });
}

const FILES = [
  ...csvFiles(join(REPO, 'test/fixtures')), // csv-spectrum is among them
  ...csvFiles(join(REPO, 'examples')),
].sort();

describe('differential: files', () => {
  it('finds the corpus and the fixtures', () => {
    expect(FILES.filter((f) => f.includes('csv-spectrum')).length).toBeGreaterThanOrEqual(12);
    expect(FILES.length).toBeGreaterThan(15);
  });

  for (const path of FILES) {
    it(path.slice(REPO.length - 1), () => {
      const bytes = readFileSync(path);
      const detected = detectEncoding(bytes, true);
      if (detected.kind !== 'text') return; // binary or empty: never reaches a CSV parser
      const decoder = createDecoder(detected.encoding);
      let text = decoder.write(bytes) + decoder.end();
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const prologue = readPrologue(text, true);
      if (!prologue.ready) throw new Error('prologue not ready at the end of the text');
      const body = text.slice(prologue.skipChars);
      // Both parsers get the same text, after the `sep=` line; ours in small pieces as well as at once.
      for (const chunks of [[0], [1], [7, 3]]) compare(body, ours(body, prologue.delimiter, chunks), prologue.delimiter);
    });
  }
});
