/**
 * The CSV source (csv, tsv, txt): bytes → decoded text → prologue (`sep=` line, delimiter) → records, pushed
 * into a RecordSink. Push-based and synchronous, so the same code serves a file, a pipe or a test; memory stays
 * flat whatever the size of the input.
 */
import { problem } from '../../../domain/problem.js';
import { HEAD_BYTES, controlShareOfText, createDecoder, detectEncoding, type Encoding, type StreamDecoder } from '../../../domain/decode.js';
import type { RecordSink, TableRecord } from '../types.js';
import { readPrologue } from './delimiter.js';
import { CsvTokenizer, type CsvRecord } from './tokenizer.js';

export class CsvSource {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private encoding: Encoding | undefined;
  private decoder: StreamDecoder | undefined;
  private prologue = '';
  private tokenizer: CsvTokenizer | undefined;
  private stopped = false;
  /** Lines with bytes that could not be decoded, ascending (the decoder appends to it), and a cursor in it. */
  private invalidLines: readonly number[] = [];
  private invalidCursor = 0;

  constructor(
    private readonly file: string,
    private readonly sink: RecordSink,
    /** False: every line goes through the tokenizer's state machine (see lineSplit.ts). */
    private readonly plainLines = true,
  ) {}

  /** True once the rest of the input is not needed (it was found binary or empty). */
  get finished(): boolean {
    return this.stopped;
  }

  /** The next bytes; nothing of them is kept once this returns, so the caller may reuse its buffer. */
  push(bytes: Uint8Array): void {
    if (this.stopped || bytes.length === 0) return;
    if (this.decoder === undefined) {
      this.head.push(Uint8Array.from(bytes)); // a copy: the caller may reuse its buffer
      this.headBytes += bytes.length;
      if (this.headBytes >= HEAD_BYTES) this.start(false);
      return;
    }
    this.text(this.decoder.write(bytes), false);
  }

  end(): void {
    if (this.stopped) return;
    if (this.decoder === undefined) {
      this.start(true);
      if (this.stopped) return;
    }
    const decoder = this.decoder as StreamDecoder;
    this.text(decoder.end(), true);
    this.stopped = true;
    this.tokenizer?.end();
    this.sink.end();
  }

  /**
   * Stops reading after an I/O error. Complete records read so far stand; a record cut short is dropped rather
   * than read with a truncated value.
   */
  fail(message: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.sink.fail(problem('error', 'file-unreadable', message, { file: this.file }));
  }

  private start(atEnd: boolean): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    // Decided on the first HEAD_BYTES exactly, whatever the size of the chunks the input arrives in.
    const detected = detectEncoding(head.subarray(0, HEAD_BYTES), atEnd && head.length <= HEAD_BYTES);
    if (detected.kind === 'empty') {
      this.stop('file-empty', 'the file is empty (0 bytes)');
      return;
    }
    if (detected.kind === 'binary') {
      this.stop('file-binary', `this is not a CSV or text file: ${detected.reason}`);
      return;
    }
    this.encoding = detected.encoding;
    this.decoder = createDecoder(detected.encoding);
    this.invalidLines = this.decoder.invalidLines;
    const text = this.decoder.write(head.subarray(0, HEAD_BYTES));
    if (detected.encoding !== 'utf-8' && controlShareOfText(text) > 0.1) {
      this.stop('file-binary', 'this is not a CSV or text file: most of it is not text');
      return;
    }
    this.text(text, false);
    if (head.length > HEAD_BYTES) this.text(this.decoder.write(head.subarray(HEAD_BYTES)), false);
  }

  private stop(code: 'file-empty' | 'file-binary', message: string): void {
    this.stopped = true;
    this.sink.fail(problem('error', code, message, { file: this.file }));
  }

  private text(text: string, atEnd: boolean): void {
    if (this.tokenizer !== undefined) {
      if (text !== '') this.tokenizer.push(text);
      return;
    }
    this.prologue += text;
    // Decoders drop the BOM at the start of a stream; a second one (files saved twice over) is dropped here.
    if (this.prologue.charCodeAt(0) === 0xfeff) this.prologue = this.prologue.slice(1);
    const prologue = readPrologue(this.prologue, atEnd);
    if (!prologue.ready) return;
    this.sink.begin({ file: this.file, encoding: this.encoding as Encoding, delimiter: prologue.delimiter });
    this.tokenizer = new CsvTokenizer(prologue.delimiter, (record) => this.record(record), 1 + prologue.skipLines, this.plainLines);
    const rest = this.prologue.slice(prologue.skipChars);
    this.prologue = '';
    if (rest !== '') this.tokenizer.push(rest);
  }

  /** A CSV record is a TableRecord already: handed on as it is, with its flaw if it has one. */
  private record(rec: CsvRecord & TableRecord): void {
    if (rec.unclosedQuote !== undefined) {
      rec.flaw = { kind: 'unreadable', line: rec.unclosedQuote, text: unclosedQuoteText(rec.unclosedQuote) };
    } else if (this.invalidLines.length > 0) {
      const bad = this.invalidLineIn(rec.line, rec.endLine);
      if (bad !== undefined) rec.flaw = { kind: 'undecodable', line: bad, text: UNDECODABLE };
    }
    this.sink.record(rec);
  }

  /** The first line from `line` to `endLine` that holds undecodable bytes, if any. */
  private invalidLineIn(line: number, endLine: number): number | undefined {
    const lines = this.invalidLines;
    while (this.invalidCursor < lines.length && (lines[this.invalidCursor] as number) < line) this.invalidCursor++;
    const next = lines[this.invalidCursor];
    return next !== undefined && next <= endLine ? next : undefined;
  }
}

const UNDECODABLE =
  'has bytes that are not valid UTF-8, unlike the rest of the file (was it pasted from a file in another encoding?); re-save the file as "CSV UTF-8"';

function unclosedQuoteText(quoteLine: number): string {
  return `the double quote that opens a value on line ${quoteLine} is never closed, so the line cannot be split into values; close the quote, or write a quote inside a value as two ("")`;
}
