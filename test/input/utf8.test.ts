import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { Utf8Checker, createDecoder } from '../../src/domain/decode.js';

/** Pieces of bytes: ASCII, line breaks, valid multi-byte characters, and invalid or cut-off sequences. */
const PIECES: number[][] = [
  [0x61],
  [0x2c],
  [0x0a],
  [0x0d],
  [0x0d, 0x0a],
  [0xd0, 0x9e], // О
  [0xe2, 0x82, 0xac], // €
  [0xf0, 0x9f, 0x98, 0x80], // 😀
  [0xef, 0xbb, 0xbf], // BOM
  [0xc0, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // surrogate
  [0xcf], // Windows-1251 "п" in a UTF-8 file
  [0xe2, 0x82], // cut off
  [0x80],
  [0xff],
];

function check(bytes: Uint8Array, chunks: readonly number[], countMultibyte: boolean): Utf8Checker {
  const checker = new Utf8Checker(countMultibyte);
  let k = 0;
  for (let at = 0; at < bytes.length; ) {
    const size = chunks[k++ % chunks.length] as number;
    checker.push(bytes.subarray(at, at + size));
    at += size;
  }
  checker.end();
  return checker;
}

describe('Utf8Checker: the native fast path for whole files', () => {
  it('finds the same invalid lines as the byte-by-byte check, however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        (pieces, chunks) => {
          const bytes = Uint8Array.from(pieces.flat());
          const exact = check(bytes, [bytes.length || 1], true);
          const fast = check(bytes, chunks, false);
          expect(fast.invalidLines).toEqual(exact.invalidLines);
          expect(fast.invalidCount).toBe(exact.invalidCount);
        },
      ),
      { seed: 20260413, numRuns: 5000 },
    );
  });
});

describe('decoders keep nothing of a chunk', () => {
  const text = 'id;Отдел продаж;"4,5";😀\r\nr2;ИТ-отдел;5;€\n'.repeat(20);
  const encodings = [
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-16le', Buffer.from(`\uFEFF${text}`, 'utf16le')],
    ['utf-16be', Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()],
    ['windows-1251', Buffer.from(iconv.encode(text.replace(/[😀€]/g, '?'), 'win1251'))],
  ] as const;

  for (const [encoding, bytes] of encodings) {
    it(`${encoding}: the same text when the caller reuses one buffer for every chunk`, () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), (sizes) => {
          const decoder = createDecoder(encoding);
          const buffer = new Uint8Array(8);
          let out = '';
          let k = 0;
          for (let at = 0; at < bytes.length; ) {
            const size = Math.min(sizes[k++ % sizes.length] as number, bytes.length - at);
            buffer.set(bytes.subarray(at, at + size));
            out += decoder.write(buffer.subarray(0, size));
            buffer.fill(0xff); // what the next read would do to it
            at += size;
          }
          out += decoder.end();
          const expected = encoding === 'windows-1251' ? text.replace(/[😀€]/g, '?') : text;
          expect(out).toBe(expected);
        }),
        { seed: 7, numRuns: 200 },
      );
    });
  }
});
