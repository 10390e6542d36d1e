import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Utf8Checker, createDecoder, detectEncoding, type Encoding } from '../../src/domain/decode.js';

const RUSSIAN = 'respondent_id;rater_department;target_department;Скорость реакции на запрос\nr1;Отдел продаж;Отдел закупок;4,5\n';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return le.swap16();
}

describe('detectEncoding', () => {
  it('reads BOMs', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf8'), true)).toEqual({ kind: 'text', encoding: 'utf-8', bom: true });
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf16le'), true)).toEqual({ kind: 'text', encoding: 'utf-16le', bom: true });
    expect(detectEncoding(utf16be('\uFEFFa,b'), true)).toEqual({ kind: 'text', encoding: 'utf-16be', bom: true });
  });

  it('recognises UTF-16 without a BOM from where its NUL bytes are', () => {
    expect(detectEncoding(Buffer.from(RUSSIAN, 'utf16le'), true)).toMatchObject({ kind: 'text', encoding: 'utf-16le', bom: false });
    expect(detectEncoding(utf16be(RUSSIAN), true)).toMatchObject({ kind: 'text', encoding: 'utf-16be', bom: false });
  });

  it('UTF-8 when the bytes are UTF-8, Windows-1251 when they are not', () => {
    expect(detectEncoding(Buffer.from(RUSSIAN, 'utf8'), true)).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
    expect(detectEncoding(iconv.encode(RUSSIAN, 'win1251'), true)).toEqual({ kind: 'text', encoding: 'windows-1251', bom: false });
    expect(detectEncoding(Buffer.from('plain,ascii\n1,2\n'), true)).toMatchObject({ encoding: 'utf-8' });
  });

  it('a UTF-8 file with one damaged byte is still UTF-8 (the damage is reported by line, not by garbling the file)', () => {
    const bytes = Buffer.concat([Buffer.from(RUSSIAN.repeat(3)), Buffer.from([0xc0, 0x0a])]);
    expect(detectEncoding(bytes, true)).toMatchObject({ encoding: 'utf-8' });
  });

  it('a multi-byte character cut by the end of the first chunk is not held against UTF-8', () => {
    const bytes = Buffer.from('ab,Жж');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false)).toMatchObject({ encoding: 'utf-8' });
  });

  it('binary files, with what they are when that is known', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const xlsx = detectEncoding(zip, true);
    expect(xlsx.kind).toBe('binary');
    expect(xlsx.kind === 'binary' && xlsx.reason).toMatch(/Excel workbook \(\.xlsx\)/);
    expect(detectEncoding(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), true)).toMatchObject({ kind: 'binary' });
    expect(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), true)).toMatchObject({
      kind: 'binary',
    });
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(detectEncoding(controls, true)).toMatchObject({ kind: 'binary' });
  });

  it('empty', () => {
    expect(detectEncoding(new Uint8Array(0), true)).toEqual({ kind: 'empty' });
  });
});

describe('Utf8Checker', () => {
  const check = (chunks: number[][]) => {
    const c = new Utf8Checker();
    for (const chunk of chunks) c.push(Uint8Array.from(chunk));
    c.end();
    return c;
  };
  const bytes = (s: string) => [...Buffer.from(s)];

  it('accepts valid text split anywhere, and counts its multi-byte characters', () => {
    const all = bytes('Ж,€,😀\n');
    const c = check(all.map((b) => [b]));
    expect(c.invalidLines).toEqual([]);
    expect(c.validMultibyte).toBe(3);
  });

  it('names the lines of invalid sequences, counting CRLF, LF and CR as one break each', () => {
    const c = check([[...bytes('a\r\nb\n'), 0xff, ...bytes('\rc\r\n'), 0xc0, 0x80, ...bytes('\n'), 0xed, 0xa0, 0x80, 0x0a, 0xe2, 0x82]]);
    // 0xff on line 3, overlong C0 80 on line 5, a surrogate on line 6, a sequence cut by the end on line 7
    expect(c.invalidLines).toEqual([3, 5, 6, 7]);
  });
});

describe('createDecoder', () => {
  const cases: [Encoding, Buffer][] = [
    ['utf-8', Buffer.from('\uFEFF' + RUSSIAN)],
    ['utf-16le', Buffer.from('\uFEFF' + RUSSIAN, 'utf16le')],
    ['utf-16be', utf16be('\uFEFF' + RUSSIAN)],
    ['windows-1251', iconv.encode(RUSSIAN, 'win1251')],
  ];
  for (const [encoding, encoded] of cases) {
    it(`${encoding}: decodes byte by byte, BOM dropped`, () => {
      const decoder = createDecoder(encoding);
      let text = '';
      for (const b of encoded) text += decoder.write(Uint8Array.of(b));
      text += decoder.end();
      expect(text).toBe(RUSSIAN);
    });
  }
});
