/**
 * Text → CSV records, streaming, with the line each record starts on and its exact source text.
 *
 * Why not csv-parse: in 6.2.1 its `raw` text drops the `\n` of a `\r\n` record delimiter (so a rejected
 * row could not be written back unchanged), `info.lines` counts the first record differently from the
 * others, auto-detected record delimiters are guessed wrong when a chunk ends between `\r` and `\n`, and
 * a quoting error stops the whole parse. Records with exact raw text and spreadsheet line numbers are the
 * point of this layer, so it is a small state machine of our own, checked against the csv-spectrum corpus
 * and against csv-parse itself on generated files (test/input/csv.test.ts, test/input/differential.test.ts).
 *
 * Speed: most lines of a questionnaire file have no quote at all. Such a line, found whole in the chunk with
 * indexOf, is split at its delimiters directly (or handed whole to `onLine`); only lines with a quote go through
 * the state machine, which skips runs of ordinary characters with indexOf too.
 *
 * Dialect: RFC 4180 plus what Excel and hand-edited files do:
 * - records end at `\r\n`, `\n` or a lone `\r` (each is one line break); inside quotes they are kept as is;
 * - a field is quoted when its first non-blank character is `"`; `""` inside is one quote; blanks before the
 *   opening quote and after the closing quote are dropped (`1, "2" ,3` is 1|2|3);
 * - a quote inside an unquoted field is an ordinary character (`5" monitor`); text after a closing quote
 *   (`"4"5`) is kept and the field continues unquoted, as Excel reads it;
 * - empty lines are skipped (but counted); a line of blanks or of delimiters only is a record
 *   (the caller decides to skip it);
 * - unquoted fields are not trimmed here: the caller trims cells.
 * - a quote that is never closed: the record is cut at the end of the line the quote is on and reported
 *   (`unclosedQuote`), and reading resumes on the next line, so one stray quote costs one record, not the
 *   rest of the file.
 */

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface CsvRecord {
  /** Physical line (1-based) the record starts on. */
  line: number;
  /** Physical line the record ends on (> line when a quoted field holds line breaks). */
  endLine: number;
  fields: string[];
  /** The record's source text without its line ending. */
  raw: string;
  /** Set when a quote opened on this line (the value) is never closed; `fields` is then empty. */
  unclosedQuote?: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

const enum State {
  /** Between records: nothing of the next record seen yet. */
  LineStart,
  /** At the start of a field (possibly after blanks, kept in `field`). */
  FieldStart,
  Unquoted,
  Quoted,
  /** Just after a quote inside a quoted field: `""` escape or the closing quote. */
  QuoteInQuoted,
  /** After the closing quote: only blanks, then a delimiter or a line break. */
  AfterQuoted,
}

export class CsvTokenizer {
  private readonly delim: number;
  private readonly delimChar: string;
  private state = State.LineStart;
  /** Current physical line. */
  private line: number;
  /** The previous character was a `\r` that ended a line; a `\n` right after belongs to the same break. */
  private afterCR = false;
  private fields: string[] = [];
  private field = '';
  /** Start (in the current chunk) of field text not yet copied into `field`. */
  private seg = 0;
  /** Raw text of the current record from previous chunks. */
  private raw = '';
  /** Start (in the current chunk) of raw text not yet copied into `raw`. */
  private rawFrom = 0;
  private recordLine = 0;
  /** For an open quoted field: its line, and its offset in the record's raw text. */
  private quoteLine = 0;
  private quoteRawOffset = 0;
  /**
   * Where the next quote, `\r`, `\n` and delimiter are in the current chunk, at or after the scan position
   * (the chunk's length when there is none). Each is searched again only once the scan has passed it, so the
   * chunk is searched once per kind of character, with the engine's fast indexOf, not character by character.
   */
  private nextQuote = -1;
  private nextCR = -1;
  private nextLF = -1;
  private nextDelim = -1;
  /** Fields in the last record read by the fast path. */
  private width = 1;

  /**
   * Offered each whole line before it becomes a record: s[start..end) is the line, without its line break,
   * `line` its number, `quoted` whether it has a quote (then it is offered only if nothing before it is left
   * open: the caller must split it as the state machine would, see splitQuotedLine). Returning true takes
   * the line (no record is made of it); false leaves it to the usual path. This is how a reader can handle
   * the common line without building its record (see RowAssembler.line).
   */
  onLine: ((s: string, start: number, end: number, line: number, quoted: boolean) => boolean) | undefined;

  constructor(
    delimiter: Delimiter,
    private readonly onRecord: (record: CsvRecord) => void,
    firstLine = 1,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.delimChar = delimiter;
    this.line = firstLine;
  }

  /** Feeds the next piece of text. Records completed by it are handed to `onRecord` before this returns. */
  push(s: string): void {
    const n = s.length;
    this.seg = 0;
    this.rawFrom = 0;
    this.nextQuote = this.nextCR = this.nextLF = this.nextDelim = -1;
    let i = 0;
    while (i < n) {
      if (this.afterCR) {
        this.afterCR = false;
        if (s.charCodeAt(i) === LF) {
          // Second half of a CRLF whose line was already counted.
          if (this.state === State.LineStart) this.rawFrom = i + 1;
          i++;
          continue;
        }
      }
      if (this.state === State.LineStart) {
        const c = s.charCodeAt(i);
        if (c === CR || c === LF) {
          this.lineBreak(c);
          i++;
          continue;
        }
        const next = this.unquotedLine(s, i);
        if (next !== -1) {
          i = next;
          continue;
        }
      }
      i = this.scan(s, i);
    }
    // Carry what is pending over to the next chunk.
    if (this.state !== State.LineStart) this.raw += s.slice(this.rawFrom);
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += s.slice(this.seg);
  }

  /** Ends the input: hands over the last record (and resumes after an unclosed quote, see above). */
  end(): void {
    while (this.state === State.Quoted) this.recoverUnclosedQuote();
    if (this.state !== State.LineStart) {
      this.endField();
      this.finishRecord(this.raw);
    }
  }

  /**
   * The fast path, for the usual record: one whole line of this chunk, starting at `i`, with no quote in it.
   * Its fields are then exactly the text between delimiters (blanks kept, as the state machine keeps them).
   * Returns where the next line starts, or -1 when the line does not qualify (the state machine reads it).
   */
  private unquotedLine(s: string, i: number): number {
    const n = s.length;
    if (this.nextLF < i) this.nextLF = indexOrEnd(s, '\n', i);
    if (this.nextCR < i) this.nextCR = indexOrEnd(s, '\r', i);
    const end = this.nextLF < this.nextCR ? this.nextLF : this.nextCR;
    if (end === n) return -1; // the line goes on in the next chunk
    if (this.nextQuote < i) this.nextQuote = indexOrEnd(s, '"', i);
    if (this.nextQuote < end) {
      // A line with quotes: offered whole (a comment with a comma in it), else read by the state machine.
      if (this.onLine === undefined || !this.onLine(s, i, end, this.line, true)) return -1;
      return this.lineTaken(s, end);
    }

    const taken = this.onLine !== undefined && this.onLine(s, i, end, this.line, false);
    // Fields are short: comparing characters beats an indexOf call per field. The array is sized like the
    // previous record's (records of a file have the same width), and one-character fields (answers) come from
    // a table instead of a new string each.
    let fields: string[] | undefined;
    if (!taken) {
      fields = new Array<string>(this.width);
      const delim = this.delim;
      let k = 0;
      let from = i;
      for (let j = i; j < end; j++) {
        if (s.charCodeAt(j) === delim) {
          fields[k++] = this.text(s, from, j);
          from = j + 1;
        }
      }
      fields[k++] = this.text(s, from, end);
      if (k !== fields.length) fields.length = k;
      this.width = k;
    }

    if (fields === undefined) return this.lineTaken(s, end);
    const line = this.line;
    const next = this.lineTaken(s, end);
    this.onRecord({ line, endLine: line, fields, raw: s.slice(i, end) });
    return next;
  }

  /** Past the line that ends at `end` (its line break there): counts it, and returns where the next line starts. */
  private lineTaken(s: string, end: number): number {
    this.line++;
    let next = end + 1;
    if (s.charCodeAt(end) === CR) {
      if (next === s.length) this.afterCR = true;
      else if (s.charCodeAt(next) === LF) next++;
    }
    this.rawFrom = next;
    return next;
  }

  /** s[from..to) as a string; one-character cells (answers) come from a table instead of a new string each. */
  private text(s: string, from: number, to: number): string {
    return to - from === 1 ? oneCharacter(s, from) : s.slice(from, to);
  }

  /**
   * The state machine, character by character (runs of ordinary characters are skipped with the positions
   * above), from `i` until the current record ends. Returns where to go on: after the record's line break,
   * or the end of the chunk.
   */
  private scan(s: string, i: number): number {
    const n = s.length;
    const delim = this.delim;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          // Second half of a CRLF whose line was already counted.
          if (this.state === State.LineStart) this.rawFrom = i + 1;
          continue;
        }
      }
      let state = this.state;
      if (state === State.LineStart) {
        if (c === CR || c === LF) {
          this.lineBreak(c);
          continue;
        }
        this.recordLine = this.line;
        this.rawFrom = i;
        this.raw = '';
        this.field = '';
        this.state = state = State.FieldStart; // the character starts the first field
      }
      if (state === State.FieldStart) {
        if (c === QUOTE) {
          this.field = '';
          this.state = State.Quoted;
          this.seg = i + 1;
          this.quoteLine = this.line;
          this.quoteRawOffset = this.raw.length + (i - this.rawFrom);
        } else if (c === delim) {
          this.endField();
        } else if (c === CR || c === LF) {
          this.endField();
          this.endRecord(s, i);
          this.lineBreak(c);
          return i + 1;
        } else if (c === SPACE || c === TAB) {
          this.field += s[i];
        } else {
          this.state = State.Unquoted;
          this.seg = i;
          i = this.beforeUnquotedStop(s, i);
        }
        continue;
      }
      if (state === State.Unquoted) {
        if (c === delim) {
          this.field += s.slice(this.seg, i);
          this.endField();
        } else if (c === CR || c === LF) {
          this.field += s.slice(this.seg, i);
          this.endField();
          this.endRecord(s, i);
          this.lineBreak(c);
          return i + 1;
        } else {
          i = this.beforeUnquotedStop(s, i);
        }
        continue;
      }
      if (state === State.Quoted) {
        if (c === QUOTE) {
          this.field += s.slice(this.seg, i);
          this.state = State.QuoteInQuoted;
        } else if (c === CR) {
          this.line++;
          this.afterCR = true;
        } else if (c === LF) {
          this.line++;
        } else {
          i = this.beforeQuotedStop(s, i);
        }
        continue;
      }
      if (state === State.QuoteInQuoted) {
        if (c === QUOTE) {
          this.state = State.Quoted;
          this.seg = i; // the second quote of `""` is the character kept
          continue;
        }
        this.state = state = State.AfterQuoted; // the character follows the closing quote
      }
      // State.AfterQuoted
      if (c === delim) {
        this.endField();
      } else if (c === CR || c === LF) {
        this.endField();
        this.endRecord(s, i);
        this.lineBreak(c);
        return i + 1;
      } else if (c !== SPACE && c !== TAB) {
        this.state = State.Unquoted;
        this.seg = i;
        i = this.beforeUnquotedStop(s, i);
      }
    }
    return n;
  }

  /** In an unquoted field at `i`: the index just before the next delimiter or line break (the loop's i++ lands on it). */
  private beforeUnquotedStop(s: string, i: number): number {
    const from = i + 1;
    if (this.nextDelim < from) this.nextDelim = indexOrEnd(s, this.delimChar, from);
    if (this.nextCR < from) this.nextCR = indexOrEnd(s, '\r', from);
    if (this.nextLF < from) this.nextLF = indexOrEnd(s, '\n', from);
    return Math.min(this.nextDelim, this.nextCR, this.nextLF) - 1;
  }

  /** In a quoted field at `i`: the index just before the next quote or line break (line breaks are counted). */
  private beforeQuotedStop(s: string, i: number): number {
    const from = i + 1;
    if (this.nextQuote < from) this.nextQuote = indexOrEnd(s, '"', from);
    if (this.nextCR < from) this.nextCR = indexOrEnd(s, '\r', from);
    if (this.nextLF < from) this.nextLF = indexOrEnd(s, '\n', from);
    return Math.min(this.nextQuote, this.nextCR, this.nextLF) - 1;
  }

  private lineBreak(c: number): void {
    this.line++;
    if (c === CR) this.afterCR = true;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRecord(s: string, i: number): void {
    this.finishRecord(this.raw + s.slice(this.rawFrom, i));
    this.rawFrom = i + 1;
  }

  private finishRecord(raw: string): void {
    const record: CsvRecord = { line: this.recordLine, endLine: this.line, fields: this.fields, raw };
    this.fields = [];
    this.field = '';
    this.raw = '';
    this.state = State.LineStart;
    this.onRecord(record);
  }

  private recoverUnclosedQuote(): void {
    const raw = this.raw;
    const breakAt = findLineBreak(raw, this.quoteRawOffset);
    const quoteLine = this.quoteLine;
    const bad: CsvRecord = {
      line: this.recordLine,
      endLine: quoteLine,
      fields: [],
      raw: breakAt === -1 ? raw : raw.slice(0, breakAt),
      unclosedQuote: quoteLine,
    };
    this.fields = [];
    this.field = '';
    this.raw = '';
    this.state = State.LineStart;
    this.afterCR = false;
    this.onRecord(bad);
    if (breakAt === -1) return;
    this.line = quoteLine + 1;
    this.push(raw.slice(afterLineBreak(raw, breakAt)));
  }
}

/**
 * Where the fields of one whole line with quotes start and end, as the state machine would split it: cuts[k]
 * is where field k starts and cuts[k + 1] - 1 where it ends (its delimiter, or `end`); quoted[k] = 1 when
 * field k is quoted (its text is then not s[cuts[k] .. cuts[k + 1] - 1) as it stands). Returns the number of
 * fields, or -1 when the line does not split on its own (a quote opened and not closed on it, so the value
 * goes on to the next line) or has more than cuts.length - 1 fields.
 */
export function splitQuotedLine(s: string, start: number, end: number, delimiter: number, cuts: Int32Array, quoted: Uint8Array): number {
  const max = cuts.length - 1;
  let k = 0;
  let j = start;
  for (;;) {
    if (k === max) return -1;
    cuts[k] = j;
    quoted[k] = 0;
    // A field is quoted when its first character other than blanks is a quote.
    let p = j;
    while (p < end && (s.charCodeAt(p) === SPACE || s.charCodeAt(p) === TAB)) p++;
    let from = j;
    if (p < end && s.charCodeAt(p) === QUOTE) {
      quoted[k] = 1;
      let q = p + 1;
      for (;;) {
        q = s.indexOf('"', q);
        if (q === -1 || q >= end) return -1; // open at the end of the line
        if (q + 1 < end && s.charCodeAt(q + 1) === QUOTE) q += 2; // "" inside
        else break;
      }
      from = q + 1; // after the closing quote the field goes on to the next delimiter
    }
    let d = from;
    while (d < end && s.charCodeAt(d) !== delimiter) d++;
    k++;
    if (d === end) {
      cuts[k] = end + 1;
      return k;
    }
    j = d + 1;
  }
}

const ASCII: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** `s[at]`, without making a new string for an ASCII character. */
function oneCharacter(s: string, at: number): string {
  const c = s.charCodeAt(at);
  return c < 128 ? (ASCII[c] as string) : s.slice(at, at + 1);
}

/** Index of `ch` in `s` at or after `from`; the length of `s` when there is none. */
function indexOrEnd(s: string, ch: string, from: number): number {
  const at = s.indexOf(ch, from);
  return at === -1 ? s.length : at;
}

/** Index just after the line break at `at` (`\r\n` counts as one). */
function afterLineBreak(s: string, at: number): number {
  return s.charCodeAt(at) === CR && s.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/** Index of the first `\r` or `\n` at or after `from`, or -1. */
function findLineBreak(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === CR || c === LF) return i;
  }
  return -1;
}

/**
 * Where a text starts, before the records: Excel's `sep=X` hint line and the header line, which is what the
 * delimiter is detected from. `ready` is false while more text is needed to see the whole header line.
 */
export type Prologue =
  | { ready: false }
  | {
      ready: true;
      delimiter: Delimiter;
      /** Characters to drop from the start of the text (the `sep=` line and its line break). */
      skipChars: number;
      /** Lines dropped with them (1 for a `sep=` line). */
      skipLines: number;
      sepLine: boolean;
    };

const SEP_LINE = /^"?sep=(.)"?[ \t]*$/i;

/** Reads the prologue of `text` (the start of a file, BOM already removed). `atEnd`: nothing more will come. */
export function readPrologue(text: string, atEnd: boolean, maxHeaderChars = 1 << 20): Prologue {
  const enough = atEnd || text.length >= maxHeaderChars;
  const firstBreak = findLineBreak(text, 0);
  // A `\r` at the very end may be the first half of a `\r\n`.
  if (!enough && (firstBreak === -1 || firstBreak === text.length - 1)) return { ready: false };

  let start = 0;
  let sepDelimiter: Delimiter | undefined;
  const sep = SEP_LINE.exec(firstBreak === -1 ? text : text.slice(0, firstBreak));
  if (sep) {
    start = firstBreak === -1 ? text.length : afterLineBreak(text, firstBreak);
    const hinted = sep[1] as string;
    if ((DELIMITERS as readonly string[]).includes(hinted)) sepDelimiter = hinted as Delimiter;
  }
  const skip = { skipChars: start, skipLines: sep ? 1 : 0, sepLine: sep !== null };
  if (sepDelimiter !== undefined) return { ready: true, delimiter: sepDelimiter, ...skip };

  const header = headerLine(text, start);
  if (header === undefined && !enough) return { ready: false };
  return { ready: true, delimiter: detectDelimiter(header ?? text.slice(start)), ...skip };
}

/** The first non-empty line from `from` on, up to its line break outside quotes; undefined if it does not end yet. */
function headerLine(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === CR || text.charCodeAt(i) === LF)) i++;
  const begin = i;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === CR || c === LF)) return text.slice(begin, i);
  }
  return undefined;
}

/**
 * The delimiter of a header line: the most frequent of tab, `;` and `,` outside quotes. Ties go to tab, then
 * `;`: a comma may sit in a criterion's display name, the other two are not typed by accident.
 * No delimiter at all (one column): comma.
 */
export function detectDelimiter(header: string): Delimiter {
  const counts = new Map<Delimiter, number>([
    ['\t', 0],
    [';', 0],
    [',', 0],
  ]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\t' || ch === ';' || ch === ',')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
