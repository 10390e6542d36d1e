/**
 * Bytes → text. The encoding is decided once, on the first chunk of a file (HEAD_BYTES), without flags:
 * BOM first, then the NUL pattern of BOM-less UTF-16, then UTF-8 if the bytes are UTF-8, else Windows-1251
 * (what Excel writes in a Russian locale). The rest of the file is transcoded as it streams.
 *
 * A UTF-8 file can still hold invalid bytes after the first chunk (a block pasted from a Windows-1251 file):
 * they are decoded as U+FFFD and the lines they are on are remembered (`invalidLines`), so that the records
 * on those lines are rejected with their line instead of being scored with damaged text.
 */
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How much of a file the encoding is decided on. */
export const HEAD_BYTES = 64 * 1024;

export type Detection =
  | { kind: 'text'; encoding: Encoding; bom: boolean }
  | { kind: 'binary'; reason: string }
  | { kind: 'empty' };

/** Decides the encoding from the first bytes of a file. `atEnd`: `head` is the whole file. */
export function detectEncoding(head: Uint8Array, atEnd: boolean): Detection {
  if (head.length === 0) return { kind: 'empty' };
  const [b0, b1, b2] = [head[0], head[1], head[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { kind: 'text', encoding: 'utf-8', bom: true };
  if (b0 === 0xff && b1 === 0xfe) return { kind: 'text', encoding: 'utf-16le', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { kind: 'text', encoding: 'utf-16be', bom: true };

  const magic = knownBinary(head);
  if (magic !== undefined) return { kind: 'binary', reason: magic };

  if (head.indexOf(0) !== -1) {
    const utf16 = utf16FromNulPattern(head);
    if (utf16 !== undefined) return { kind: 'text', encoding: utf16, bom: false };
    return { kind: 'binary', reason: 'it contains NUL bytes, which text files do not have' };
  }
  if (controlShare(head) > 0.1) return { kind: 'binary', reason: 'most of it is not text' };

  if (validUtf8(head, atEnd)) return { kind: 'text', encoding: 'utf-8', bom: false };
  const check = new Utf8Checker();
  check.push(head);
  if (atEnd) check.end();
  // A few invalid bytes among many valid multi-byte characters: UTF-8 with a damaged spot, reported by line.
  // Windows-1251 Cyrillic almost never forms valid UTF-8 sequences by chance.
  if (check.invalidCount === 0 || check.validMultibyte > check.invalidCount) {
    return { kind: 'text', encoding: 'utf-8', bom: false };
  }
  return { kind: 'text', encoding: 'windows-1251', bom: false };
}

/**
 * What `new Utf8Checker()` over `head` would find no invalid sequence in, checked natively (buffer.isUtf8) up to
 * a last sequence that the end of the head may cut off (unless `atEnd`); that one is checked byte by byte.
 */
function validUtf8(head: Uint8Array, atEnd: boolean): boolean {
  const end = atEnd ? head.length : completeEnd(head, 0);
  if (!isUtf8(head.subarray(0, end))) return false;
  const tail = new Utf8Checker();
  tail.push(head.subarray(end));
  if (atEnd) tail.end();
  return tail.invalidCount === 0;
}

/** What a file that users mistake for CSV is, from its first bytes. */
function knownBinary(head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return 'it is a zip archive, probably an Excel workbook (.xlsx): open it in Excel and save it as "CSV UTF-8"';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'it is an old Excel workbook (.xls): open it in Excel and save it as "CSV UTF-8"';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'it is a PDF document';
  return undefined;
}

/**
 * UTF-16 without a BOM: text in Latin letters, digits and punctuation (ids, scores, delimiters) has a NUL
 * as the high byte of most characters, always on the same side. Cyrillic has none, but the ids and scores
 * of a questionnaire file are plenty.
 */
function utf16FromNulPattern(head: Uint8Array): Encoding | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs === 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (odd >= pairs * 0.2 && even <= pairs * 0.01) return 'utf-16le';
  if (even >= pairs * 0.2 && odd <= pairs * 0.01) return 'utf-16be';
  return undefined;
}

/** A control byte other than tab, line feed, form feed and carriage return (bytes read as Latin-1). */
const CONTROL_BYTE = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/** bytes[from..to] as a string of one character per byte: searching it is native and cheap. */
function latin1(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
}

/** Share of control bytes other than tab, line feed, form feed and carriage return. */
function controlShare(bytes: Uint8Array): number {
  // Most heads have none: one native search instead of a loop over every byte.
  if (!CONTROL_BYTE.test(latin1(bytes, 0, bytes.length))) return 0;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return bytes.length === 0 ? 0 : control / bytes.length;
}

/** Same for decoded text (UTF-16 files, where bytes say little). NUL counts as control. */
export function controlShareOfText(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  return text.length === 0 ? 0 : control / text.length;
}

/**
 * Streaming UTF-8 validation (the WHATWG rules: no overlongs, no surrogates, nothing above U+10FFFF) that
 * knows the physical line of every invalid sequence. Lines are counted like the CSV layer counts them:
 * `\r\n`, `\n` and a lone `\r` are one line break each.
 */
export class Utf8Checker {
  /** Lines (ascending, each once) that hold at least one invalid sequence. */
  readonly invalidLines: number[] = [];
  invalidCount = 0;
  /** Valid multi-byte sequences seen (for detection); not counted when `countMultibyte` is false. */
  validMultibyte = 0;
  private line = 1;
  private prevCR = false;
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;

  /**
   * `countMultibyte`: whether `validMultibyte` is wanted. Without it, runs of valid bytes are checked natively
   * (buffer.isUtf8) and only their line breaks are counted, which is what a whole file needs.
   */
  constructor(private readonly countMultibyte = true) {}

  push(bytes: Uint8Array): void {
    let from = 0;
    if (!this.countMultibyte) {
      // A sequence begun in the previous chunk ends here: finish it byte by byte.
      while (this.need > 0 && from < bytes.length) this.check(bytes, from, ++from);
      const end = completeEnd(bytes, from);
      if (end > from && isUtf8(bytes.subarray(from, end))) {
        this.countLines(bytes, from, end);
        from = end;
      }
    }
    this.check(bytes, from, bytes.length);
  }

  /** Lines of valid bytes from..to: `\n`, `\r` and `\r\n` are one break each, a `\r\n` may span chunks. */
  private countLines(bytes: Uint8Array, from: number, to: number): void {
    // As Latin-1 text: String.prototype.indexOf is far cheaper per call than Buffer.prototype.indexOf.
    const view = latin1(bytes, from, to);
    let breaks = 0;
    for (let at = view.indexOf('\n'); at !== -1; at = view.indexOf('\n', at + 1)) breaks++;
    if (this.prevCR && view.charCodeAt(0) === LF_BYTE) breaks--; // the \n of a \r\n whose \r ended the previous run
    for (let at = view.indexOf('\r'); at !== -1; at = view.indexOf('\r', at + 1)) {
      if (view.charCodeAt(at + 1) !== LF_BYTE) breaks++; // a \r followed by \n was counted with the \n
    }
    this.line += breaks;
    this.prevCR = view.charCodeAt(view.length - 1) === CR_BYTE;
  }

  private check(bytes: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const b = bytes[i] as number;
      if (this.need > 0) {
        if (b >= this.lo && b <= this.hi) {
          this.lo = 0x80;
          this.hi = 0xbf;
          if (--this.need === 0) this.validMultibyte++;
          continue;
        }
        // A truncated sequence; `b` starts afresh.
        this.need = 0;
        this.lo = 0x80;
        this.hi = 0xbf;
        this.invalid();
      }
      if (b < 0x80) {
        if (b === 0x0a) {
          if (!this.prevCR) this.line++;
          this.prevCR = false;
        } else if (b === 0x0d) {
          this.line++;
          this.prevCR = true;
        } else {
          this.prevCR = false;
        }
        continue;
      }
      this.prevCR = false;
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b === 0xe0) [this.need, this.lo] = [2, 0xa0];
      else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) this.need = 2;
      else if (b === 0xed) [this.need, this.hi] = [2, 0x9f];
      else if (b === 0xf0) [this.need, this.lo] = [3, 0x90];
      else if (b >= 0xf1 && b <= 0xf3) this.need = 3;
      else if (b === 0xf4) [this.need, this.hi] = [3, 0x8f];
      else this.invalid();
    }
  }

  end(): void {
    if (this.need > 0) {
      this.need = 0;
      this.invalid();
    }
  }

  private invalid(): void {
    this.invalidCount++;
    if (this.invalidLines[this.invalidLines.length - 1] !== this.line) this.invalidLines.push(this.line);
  }
}

const LF_BYTE = 0x0a;
const CR_BYTE = 0x0d;

/** The end of the last complete UTF-8 sequence in bytes[from..]: before a lead byte whose sequence is cut off. */
function completeEnd(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  for (let k = n - 1; k >= from && k >= n - 3; k--) {
    const b = bytes[k] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) return k + (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > n ? k : n;
  }
  return n;
}

export interface StreamDecoder {
  /** Text of `bytes` (a leading BOM is dropped); a character split across chunks comes out with the next one. */
  write(bytes: Uint8Array): string;
  end(): string;
  /** Lines with invalid bytes (UTF-8 only; other decoders never fail). */
  readonly invalidLines: readonly number[];
}

export function createDecoder(encoding: Encoding): StreamDecoder {
  if (encoding === 'utf-8') {
    const checker = new Utf8Checker(false);
    const decoder = new TextDecoder('utf-8');
    return {
      write(bytes) {
        checker.push(bytes);
        return decoder.decode(bytes, { stream: true });
      },
      end() {
        checker.end();
        return decoder.decode();
      },
      invalidLines: checker.invalidLines,
    };
  }
  if (encoding === 'windows-1251') {
    // Node's own decoder (full ICU). Byte 0x98 is unassigned in Windows-1251: the WHATWG table maps it to
    // U+0098 (an invisible C1 control), which is turned into U+FFFD, so that an undecodable byte shows.
    const decoder = new TextDecoder('windows-1251');
    return {
      write: (bytes) => unassigned1251(decoder.decode(bytes, { stream: true })),
      end: () => unassigned1251(decoder.decode()),
      invalidLines: [],
    };
  }
  return utf16Decoder(encoding);
}

function unassigned1251(text: string): string {
  return text.includes('\u0098') ? text.replaceAll('\u0098', '\uFFFD') : text;
}

/**
 * UTF-16 as Node's Buffer reads it ('utf16le'): code units as they are, a lone surrogate included (TextDecoder
 * would make it U+FFFD), a last odd byte dropped; a leading BOM is dropped. Big-endian bytes are swapped first.
 */
function utf16Decoder(encoding: 'utf-16le' | 'utf-16be'): StreamDecoder {
  const decoder = new StringDecoder('utf16le');
  /** utf-16be: the first byte of a code unit whose second byte is in the next chunk. */
  let carry = -1;
  let atStart = true;
  const swapped = (bytes: Uint8Array): Buffer => {
    const out = Buffer.allocUnsafe(bytes.length + 1);
    let i = 0;
    let j = 0;
    if (carry !== -1 && bytes.length > 0) {
      out[0] = bytes[0] as number;
      out[1] = carry;
      i = 1;
      j = 2;
    }
    for (; i < bytes.length - 1; i += 2, j += 2) {
      out[j] = bytes[i + 1] as number;
      out[j + 1] = bytes[i] as number;
    }
    carry = i === bytes.length - 1 ? (bytes[i] as number) : -1;
    return out.subarray(0, j);
  };
  return {
    write(bytes) {
      if (bytes.length === 0) return '';
      const text = decoder.write(encoding === 'utf-16le' ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : swapped(bytes));
      if (!atStart || text === '') return text;
      atStart = false;
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    },
    end() {
      carry = -1;
      return decoder.end();
    },
    invalidLines: [],
  };
}

/** A whole text at once, with what createDecoder does. */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  const decoder = createDecoder(encoding);
  return decoder.write(bytes) + decoder.end();
}
