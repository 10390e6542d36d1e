/** How many terminal columns a text takes: wide East Asian characters 2, combining marks and controls 0. */
import { eastAsianWidth } from 'get-east-asian-width';
import { stripVTControlCharacters } from 'node:util';

const ZERO_WIDTH = /[\p{M}\p{Cc}\u200B-\u200F\u2060\uFEFF]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripVTControlCharacters(text)) width += ZERO_WIDTH.test(ch) ? 0 : eastAsianWidth(ch.codePointAt(0)!);
  return width;
}

/** The text cut to at most `width` columns, ending in "…" when anything was cut. */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/**
 * A text broken into lines of at most `width` columns at spaces (a word longer than the width keeps its own
 * line whole: cutting it would lose what it says). Display widths, so Cyrillic and CJK wrap where they should.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(' ')) {
    const w = displayWidth(word);
    if (line !== '' && used + 1 + w > width) {
      lines.push(line);
      line = word;
      used = w;
    } else {
      line = line === '' ? word : `${line} ${word}`;
      used = line === word ? w : used + 1 + w;
    }
  }
  lines.push(line);
  return lines;
}
