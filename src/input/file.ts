/**
 * One input file, from bytes to rows: decode → prologue (`sep=` line, delimiter) → CSV records → rows.
 * Push-based and synchronous, so the same code serves a file on disk (read.ts), standard input or a test;
 * memory stays flat whatever the size of the file (see RowAssembler for the long shape).
 */
import type { Config } from '../config/types.js';
import { problem } from '../domain/problem.js';
import { CsvTokenizer, readPrologue } from './csv.js';
import { HEAD_BYTES, controlShareOfText, createDecoder, detectEncoding, type StreamDecoder } from '../domain/decode.js';
import { RowAssembler } from './rows.js';
import type { Encoding } from '../domain/decode.js';
import type { ReadSink } from './types.js';

export class ResponseFileReader {
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private encoding: Encoding | undefined;
  private decoder: StreamDecoder | undefined;
  private prologue = '';
  private tokenizer: CsvTokenizer | undefined;
  private assembler: RowAssembler | undefined;
  private stopped = false;

  constructor(
    private readonly file: string,
    private readonly config: Config,
    private readonly sink: ReadSink,
  ) {}

  /** True once the rest of the file is not needed (it was found binary or empty). */
  get finished(): boolean {
    return this.stopped;
  }

  /** The next bytes of the file; nothing of them is kept once this returns, so the caller may reuse its buffer. */
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
    this.tokenizer?.end();
    this.assembler?.finish(this.encoding as Encoding);
    this.stopped = true;
  }

  /**
   * Stops reading after an I/O error. Complete records read so far are kept (rows already went out;
   * long-shape rows and a bad header's records are handed over now); a record cut short is dropped rather
   * than read with a truncated value. Then the error is reported.
   */
  fail(message: string, line: number | null): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.assembler !== undefined && this.encoding !== undefined) this.assembler.finish(this.encoding);
    this.sink.fileProblem(problem('error', 'file-unreadable', message, { file: this.file, line }), []);
  }

  private start(atEnd: boolean): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    // Decided on the first HEAD_BYTES exactly, whatever the size of the chunks the file arrives in.
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
    this.sink.fileProblem(problem('error', code, message, { file: this.file }), []);
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
    const decoder = this.decoder as StreamDecoder;
    const assembler = new RowAssembler(this.file, this.config, this.sink, prologue.delimiter, decoder.invalidLines);
    this.assembler = assembler;
    this.tokenizer = new CsvTokenizer(prologue.delimiter, (record) => assembler.record(record), 1 + prologue.skipLines);
    if (this.sink.wideLane !== undefined) this.tokenizer.onLine = (s, start, end, line, quoted) => assembler.line(s, start, end, line, quoted);
    const rest = this.prologue.slice(prologue.skipChars);
    this.prologue = '';
    if (rest !== '') this.tokenizer.push(rest);
  }
}

/** Reads a whole file held in memory (standard input, tests). */
export function readResponseBytes(file: string, bytes: Uint8Array, config: Config, sink: ReadSink): void {
  const reader = new ResponseFileReader(file, config, sink);
  reader.push(bytes);
  reader.end();
}
