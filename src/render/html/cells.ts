/**
 * Table cells that carry a number: the rounded text for people, and the unrounded value in `data-value`
 * so a test (or a script) can check every number against the JSON of the same run. A hidden value is a
 * cell with its reason and no number at all — neither in the text nor in an attribute.
 */
import type { NullReason } from '../../core/results.js';
import { escapeXml } from './charts/svg.js';
import type { Words } from './phrases.js';

export type NumberKind = 'score' | 'pct' | 'z' | 'p' | 'count' | 'delta';

export function formatValue(words: Words, value: number, kind: NumberKind): string {
  switch (kind) {
    case 'pct':
      return words.pct(value);
    case 'count':
      return String(value);
    case 'p':
      return value < 0.001 ? '< 0.001'.replace('.', words.lang === 'ru' ? ',' : '.') : words.num(value, 3);
    case 'delta':
      return `${value > 0 ? '+' : ''}${words.num(value)}`;
    case 'z':
      return words.num(value);
    default:
      return words.score(value);
  }
}

export interface CellMark {
  /** What the number is ("score", "ci_low", ...); with `key`, identifies it for tests. */
  field: string;
  /** Whose number it is: a department id, "rater/target", a criterion id. */
  key: string;
}

export function numCell(words: Words, value: number | null, kind: NumberKind, mark: CellMark, reason: NullReason | null = null, missingText?: string): string {
  const attrs = `data-field="${escapeXml(mark.field)}" data-key="${escapeXml(mark.key)}"`;
  if (value === null) {
    const why = missingText ?? (reason === null ? '—' : words.reason(reason));
    return `<td class="num hidden" ${attrs}>${escapeXml(why)}</td>`;
  }
  return `<td class="num" ${attrs} data-value="${value}">${escapeXml(formatValue(words, value, kind))}</td>`;
}

export function textCell(content: string, className?: string): string {
  return `<td${className === undefined ? '' : ` class="${className}"`}>${escapeXml(content)}</td>`;
}

export function headerRow(heads: readonly (string | readonly [string, 'num'])[]): string {
  return `<tr>${heads.map((h) => (typeof h === 'string' ? `<th>${escapeXml(h)}</th>` : `<th class="num">${escapeXml(h[0])}</th>`)).join('')}</tr>`;
}

/** A table; `phoneHidden`: 1-based columns left out on a phone-wide screen (what a head reads first stays). */
export function table(head: string, rows: readonly string[], phoneHidden: readonly number[] = []): string {
  const cls = phoneHidden.length === 0 ? '' : ` class="${phoneHidden.map((n) => `ph${n}`).join(' ')}"`;
  return `<div class="scroll"><table${cls}><thead>${head}</thead><tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table></div>`;
}

/** The columns `table` can leave out on a phone. */
export const PHONE_HIDDEN_COLUMNS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export function kpi(label: string, value: string, mark?: CellMark & { value: number }, small = false): string {
  const attrs = mark === undefined ? '' : ` data-field="${escapeXml(mark.field)}" data-key="${escapeXml(mark.key)}" data-value="${mark.value}"`;
  return `<div class="kpi"><div class="k">${escapeXml(label)}</div><div class="v${small ? ' small' : ''}"${attrs}>${escapeXml(value)}</div></div>`;
}
