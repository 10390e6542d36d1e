/**
 * A form's rating cell → the answer text validation understands (SPEC 2.4): a number stays a number, a label of
 * `import.values` becomes its number (or blank for n/a), a label that starts with a number on the scale
 * (`5 — отлично`) becomes that number; anything else is an error that lists the labels seen in the column.
 */
import type { Config } from '../../../config/types.js';
import { normalizeName, parseScore } from '../../../domain/values.js';
import { cellText, type Cell } from '../../source/xlsx.js';

/** `5 — отлично`, `4 - хорошо`, `1: плохо`, `3 (нормально)`: a number, a separator, then words. */
const LEADING_NUMBER = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:[—–\-:.)(]|\s)\s*\S/u;

export type Answer = { text: string } | { unknown: string };

export interface AnswerReader {
  read(cell: Cell): Answer;
}

export function answerReader(config: Config): AnswerReader {
  const values = config.import?.values ?? new Map<string, number | null>();
  const na = new Set(config.naValues.map(normalizeName));
  const { min, max } = config.scale;
  return {
    read(cell) {
      if (cell === null) return { text: '' };
      if (typeof cell === 'number') return { text: cellText(cell) };
      const text = cellText(cell).trim();
      if (text === '') return { text: '' };
      const key = normalizeName(text);
      const value = values.get(key);
      if (value !== undefined) return { text: value === null ? '' : String(value) };
      if (na.has(key)) return { text: '' };
      if (cell instanceof Date || typeof cell === 'boolean') return { unknown: text };
      if (!Number.isNaN(parseScore(text))) return { text };
      const lead = LEADING_NUMBER.exec(text);
      const n = lead === null ? Number.NaN : parseScore(lead[1] as string);
      if (n >= min && n <= max) return { text: String(n) };
      return { unknown: text };
    },
  };
}

/** Distinct labels of a column as written (trimmed), in order of first appearance; numbers left out unless asked for. */
export function labelsSeen(cells: Iterable<Cell>, options: { numbers?: boolean } = {}, limit = 30): string[] {
  const seen = new Map<string, string>();
  for (const cell of cells) {
    if (cell === null || (typeof cell === 'number' && options.numbers !== true)) continue;
    const text = cellText(cell).trim();
    if (text === '' || (options.numbers !== true && !Number.isNaN(parseScore(text)))) continue;
    const key = normalizeName(text);
    if (!seen.has(key)) seen.set(key, text);
    if (seen.size >= limit) break;
  }
  return [...seen.values()];
}
