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
 * indexOf, is split at its delimiters directly (lineSplit.ts); only lines with a quote go through the state
 * machine, which skips runs of ordinary characters with indexOf too. `plainLines: false` sends every line
 * through the state machine (tests show that the fast lane changes nothing but speed).
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

import type { Delimiter } from './delimiter.js';
import { splitPlainLine } from './lineSplit.js';
import { CR, LF, QUOTE, SPACE, TAB, afterLineBreak, findLineBreak, indexOrEnd } from './lines.js';

export interface CsvRecord {
  /** Physical line (1-based) the record starts on. */
  line: number;
  /** Physical line the record ends on (> line when a quoted field holds line breaks). */
  endLine: number;
  cells: string[];
  /** The record's source text without its line ending. */
  raw: string;
  /** Set when a quote opened on this line (the value) is never closed; `cells` is then empty. */
  unclosedQuote?: number;
}

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

  constructor(
    delimiter: Delimiter,
    private readonly onRecord: (record: CsvRecord) => void,
    firstLine = 1,
    private readonly plainLines = true,
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
    if (this.nextQuote < end || !this.plainLines) return -1; // the state machine reads it
    const line = this.line;
    const fields = splitPlainLine(s, i, end, this.delim, this.width);
    this.width = fields.length;
    const next = this.lineTaken(s, end);
    this.onRecord({ line, endLine: line, cells: fields, raw: s.slice(i, end) });
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
          return this.recordEnds(s, i, c);
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
          return this.recordEnds(s, i, c);
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
        return this.recordEnds(s, i, c);
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

  /** The record ends at the line break `c` at `i` (its last field with it); returns where the next line starts. */
  private recordEnds(s: string, i: number, c: number): number {
    this.endField();
    this.endRecord(s, i);
    this.lineBreak(c);
    return i + 1;
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
    const record: CsvRecord = { line: this.recordLine, endLine: this.line, cells: this.fields, raw };
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
      cells: [],
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

