/** Characters and line breaks, shared by the tokenizer and the prologue reader. */

export const QUOTE = 0x22;
export const CR = 0x0d;
export const LF = 0x0a;
export const SPACE = 0x20;
export const TAB = 0x09;

/** Index of `ch` in `s` at or after `from`; the length of `s` when there is none. */
export function indexOrEnd(s: string, ch: string, from: number): number {
  const at = s.indexOf(ch, from);
  return at === -1 ? s.length : at;
}

/** Index just after the line break at `at` (`\r\n` counts as one). */
export function afterLineBreak(s: string, at: number): number {
  return s.charCodeAt(at) === CR && s.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/** Index of the first `\r` or `\n` at or after `from`, or -1. */
export function findLineBreak(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === CR || c === LF) return i;
  }
  return -1;
}
