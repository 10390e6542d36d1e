import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, readPrologue, type Delimiter } from '../../src/input/source/csv/delimiter.js';
import { splitPlainLine } from '../../src/input/source/csv/lineSplit.js';
import { CsvTokenizer, type CsvRecord } from '../../src/input/source/csv/tokenizer.js';

/** All records of `text`, fed in pieces of `chunk` characters (0: all at once). */
function tokenize(text: string, delimiter: Delimiter = ',', chunk = 0, firstLine = 1): CsvRecord[] {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (r) => records.push(r), firstLine);
  if (chunk === 0) tokenizer.push(text);
  else for (let i = 0; i < text.length; i += chunk) tokenizer.push(text.slice(i, i + chunk));
  tokenizer.end();
  return records;
}

const fields = (text: string, delimiter: Delimiter = ',', chunk = 0) => tokenize(text, delimiter, chunk).map((r) => r.cells);

// The public csv-spectrum corpus, copied into the fixtures (BSD-2-Clause; see its README) so the test runs wherever the repo is cloned.
const SPECTRUM = new URL('../fixtures/csv-spectrum/', import.meta.url);
const spectrumNames = readdirSync(new URL('csvs/', SPECTRUM))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.slice(0, -4))
  .sort();

/**
 * Upstream errata of csv-spectrum 2.0.0: json/location_coordinates.json says the phone number is
 * 1234567890 (and is a bare object, not an array), while csvs/location_coordinates.csv holds 2095257564.
 * The CSV is the input, so the expectation is corrected to it; a test below checks the bytes say so.
 */
const ERRATA = new Map<string, Record<string, string>>([['location_coordinates', { 'Contact Phone Number': '2095257564' }]]);

describe('csv-spectrum corpus', () => {
  it('has the files this test expects', () => {
    expect(spectrumNames).toHaveLength(12);
    expect(spectrumNames).toContain('quotes_and_newlines');
  });

  it('erratum: the location_coordinates CSV really holds 2095257564', () => {
    const csv = readFileSync(new URL('csvs/location_coordinates.csv', SPECTRUM), 'utf8');
    expect(csv).toContain('\n2095257564,');
    expect(readFileSync(new URL('json/location_coordinates.json', SPECTRUM), 'utf8')).toContain('1234567890');
  });

  for (const name of spectrumNames) {
    for (const chunk of [0, 1, 3, 7]) {
      it(`${name}.csv parses to ${name}.json (chunks of ${chunk || 'all'})`, () => {
        const text = new TextDecoder().decode(readFileSync(new URL(`csvs/${name}.csv`, SPECTRUM)));
        const parsed = JSON.parse(readFileSync(new URL(`json/${name}.json`, SPECTRUM), 'utf8')) as unknown;
        const expected = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, string>[];
        const fix = ERRATA.get(name);
        const want = fix ? expected.map((r) => ({ ...r, ...fix })) : expected;

        const [header, ...rows] = fields(text, ',', chunk);
        const got = rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i]])));
        expect(got).toEqual(want);
      });
    }
  }
});

describe('CsvTokenizer', () => {
  it('numbers lines as an editor does: a record spanning lines 2-4 is line 2, the next line 5', () => {
    const text = 'a,b\n1,"x\ny\nz"\n2,3\n';
    const records = tokenize(text);
    expect(records.map((r) => [r.line, r.endLine])).toEqual([
      [1, 1],
      [2, 4],
      [5, 5],
    ]);
    expect(records[1]?.cells).toEqual(['1', 'x\ny\nz']);
    expect(records[1]?.raw).toBe('1,"x\ny\nz"');
  });

  it('counts skipped empty lines, with LF, CRLF and a lone CR alike', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['h', '', 'a', '', '', 'b'].join(nl) + nl;
      for (const chunk of [0, 1]) {
        const records = tokenize(text, ',', chunk);
        expect(records.map((r) => [r.line, r.raw])).toEqual([
          [1, 'h'],
          [3, 'a'],
          [6, 'b'],
        ]);
      }
    }
  });

  it('keeps a CRLF inside quotes as is and counts it as one line (chunk split between CR and LF)', () => {
    const text = 'a,b\r\n"x\r\ny",2\r\n3,4\r\n';
    for (const chunk of [0, 1, 2, 4, 5]) {
      const records = tokenize(text, ',', chunk);
      expect(records.map((r) => r.cells)).toEqual([['a', 'b'], ['x\r\ny', '2'], ['3', '4']]);
      expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
      expect(records.map((r) => r.raw)).toEqual(['a,b', '"x\r\ny",2', '3,4']);
    }
  });

  it('raw text rebuilds the source exactly', () => {
    const text = 'h1;h2\r\n"a;b";"say ""hi"""\r\n\r\n  x ; y \r\n';
    const records = tokenize(text, ';');
    expect(records.map((r) => r.raw).join('\r\n') + '\r\n').toBe(text.replace('\r\n\r\n', '\r\n'));
    expect(records[1]?.cells).toEqual(['a;b', 'say "hi"']);
    expect(records[2]?.cells).toEqual(['  x ', ' y ']);
  });

  it('splits on the given delimiter only: tab and semicolon files keep commas (decimal comma) in cells', () => {
    expect(fields('a\tb\n4,5\t3,0\n', '\t')).toEqual([['a', 'b'], ['4,5', '3,0']]);
    expect(fields('a;b\n4,5;3\n', ';')).toEqual([['a', 'b'], ['4,5', '3']]);
    expect(fields('a,b\n"4,5",3\n', ',')).toEqual([['a', 'b'], ['4,5', '3']]);
  });

  it('is lenient like Excel: blanks around quotes dropped, stray quotes in values kept', () => {
    expect(fields('1, "2" ,3\n')).toEqual([['1', '2', '3']]);
    expect(fields('5" monitor,x\n')).toEqual([['5" monitor', 'x']]);
    expect(fields('"4"5,x\n')).toEqual([['45', 'x']]);
    expect(fields(',,\n')).toEqual([['', '', '']]);
    expect(fields('last,\n')).toEqual([['last', '']]);
  });

  it('an unclosed quote costs its own line only; reading resumes on the next line', () => {
    const text = 'a,b\n1,2\n3,"oops\n4,5\n6,7\n';
    for (const chunk of [0, 1]) {
      const records = tokenize(text, ',', chunk);
      expect(records.map((r) => [r.line, r.raw, r.unclosedQuote])).toEqual([
        [1, 'a,b', undefined],
        [2, '1,2', undefined],
        [3, '3,"oops', 3],
        [4, '4,5', undefined],
        [5, '6,7', undefined],
      ]);
      expect(records[3]?.cells).toEqual(['4', '5']);
    }
  });

  it('an unclosed quote on the last line, in a record that started on an earlier line', () => {
    const records = tokenize('h\r\n1,"a\r\nb",x,"c\r\n');
    expect(records.map((r) => [r.line, r.raw, r.unclosedQuote])).toEqual([
      [1, 'h', undefined],
      [2, '1,"a\r\nb",x,"c', 3],
    ]);
  });

  it('starts counting at firstLine (after a sep= line)', () => {
    expect(tokenize('h\nv\n', ',', 0, 2).map((r) => r.line)).toEqual([2, 3]);
  });

  // Generated files: what a writer quotes correctly must come back field for field, on the right line,
  // and csv-parse (the reference parser) must agree.
  it('round-trips generated files, in random chunks, and agrees with csv-parse', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const pieces = ['a', 'Отдел', ' ', ',', ';', '"', '\n', '\r\n', '4,5', 'x y', '\t'];

    for (let round = 0; round < 300; round++) {
      const delimiter = pick([',', ';', '\t'] as const);
      const nl = pick(['\n', '\r\n']);
      const width = 1 + Math.floor(random() * 4);
      const rows: string[][] = [];
      for (let r = 0; r < 1 + Math.floor(random() * 6); r++) {
        const row: string[] = [];
        for (let f = 0; f < width; f++) {
          let value = '';
          for (let k = Math.floor(random() * 4); k > 0; k--) value += pick(pieces);
          row.push(value);
        }
        rows.push(row);
      }
      const needsQuotes = (v: string) => /["\r\n]/.test(v) || v.includes(delimiter) || /^[ \t]/.test(v) || v === '';
      const encode = (v: string) => (needsQuotes(v) || random() < 0.2 ? `"${v.replace(/"/g, '""')}"` : v);
      const lines = rows.map((row) => row.map(encode).join(delimiter));
      const text = lines.join(nl) + (random() < 0.5 ? nl : '');
      const expectedLines: number[] = [];
      let line = 1;
      for (const l of lines) {
        expectedLines.push(line);
        line += 1 + (l.match(/\r\n|\n/g)?.length ?? 0);
      }

      const records = tokenize(text, delimiter, 1 + Math.floor(random() * 9));
      expect(records.map((r) => r.cells), JSON.stringify(text)).toEqual(rows);
      expect(records.map((r) => r.line)).toEqual(expectedLines);
      expect(records.map((r) => r.raw)).toEqual(lines);
      const reference = parseSync(text, { delimiter, relax_column_count: true, record_delimiter: nl }) as string[][];
      expect(reference, JSON.stringify(text)).toEqual(rows);
    }
  });
});

describe('the fast lane for quote-free lines (splitPlainLine)', () => {
  it('splits a line at every delimiter, blanks kept, one-character cells included', () => {
    expect(splitPlainLine('>r1, a ,,5,Я\n', 1, 12, 0x2c, 1)).toEqual(['r1', ' a ', '', '5', 'Я']);
    expect(splitPlainLine('x;y', 0, 3, 0x3b, 9)).toEqual(['x', 'y']);
  });

  it('gives the records the state machine gives, on any text, in any chunks', () => {
    const piece = fc.constantFrom('a', 'b,c', ' ', '\t', '"', '""', ',', 'Я', '5" x', '"q, r"', ' "s" ', '\n', '\r\n', '\r', '4', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 7 }), (pieces, chunk) => {
        const text = pieces.join('');
        const run = (plainLines: boolean): CsvRecord[] => {
          const out: CsvRecord[] = [];
          const tokenizer = new CsvTokenizer(',', (r) => out.push(r), 1, plainLines);
          if (chunk === 0) tokenizer.push(text);
          else for (let i = 0; i < text.length; i += chunk) tokenizer.push(text.slice(i, i + chunk));
          tokenizer.end();
          return out;
        };
        expect(run(true)).toEqual(run(false));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('readPrologue', () => {
  it("honours and skips Excel's sep= line", () => {
    expect(readPrologue('sep=;\r\na;b,c\r\n', false)).toEqual({ ready: true, delimiter: ';', skipChars: 7, skipLines: 1, sepLine: true });
    expect(readPrologue('sep=\t\na,b\tc\n', false)).toMatchObject({ delimiter: '\t', skipChars: 6, skipLines: 1 });
    expect(readPrologue('"sep=,"\na;b;c\n', false)).toMatchObject({ delimiter: ',', skipLines: 1 });
  });

  it('detects the delimiter from the header when there is no hint', () => {
    expect(readPrologue('a;b;c\n1;2;3\n', false)).toEqual({ ready: true, delimiter: ';', skipChars: 0, skipLines: 0, sepLine: false });
    expect(readPrologue('\n\na\tb\n', false)).toMatchObject({ delimiter: '\t', skipChars: 0 });
  });

  it('waits for the whole header line, unless the text has ended', () => {
    expect(readPrologue('a;b', false)).toEqual({ ready: false });
    expect(readPrologue('sep=;\r', false)).toEqual({ ready: false });
    expect(readPrologue('"a\nb";c', false)).toEqual({ ready: false });
    expect(readPrologue('a;b', true)).toMatchObject({ ready: true, delimiter: ';' });
    expect(readPrologue('"a,\nb";c\n', false)).toMatchObject({ ready: true, delimiter: ';' });
  });
});

describe('detectDelimiter', () => {
  it('counts delimiters outside quotes only', () => {
    expect(detectDelimiter('respondent_id,rater_department,target_department,speed')).toBe(',');
    expect(detectDelimiter('id;"Скорость, качество, вежливость";x')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b;c;d",e,f')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });
});
