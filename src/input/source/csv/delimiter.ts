/** Delimiter detection: Excel's `sep=X` hint line, else the header line's most frequent candidate. */
import { CR, LF, QUOTE, afterLineBreak, findLineBreak } from './lines.js';

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

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
