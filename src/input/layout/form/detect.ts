/**
 * Auto-detection of a form export's header patterns (SPEC 2.4): the common shapes a grid question is exported in
 * — `{target} [{criterion}]`, `{criterion} [{target}]`, `{target}: {criterion}`, `{target} — {criterion}` — each
 * after a question text shared by the columns. The pattern that names a known (department, criterion) pair in
 * the most headers wins; whether that is enough to read the file is the mapping's call.
 */
import { normalizeName } from '../../../domain/values.js';
import type { Names } from './names.js';

/** `text` with its spacing as normalizeName leaves it, but its case kept: its length is the normalized length. */
const tidy = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** The question text before a name at the end of `left`, or undefined when `left` does not end with a name. */
function prefixBefore(left: string, labels: readonly string[]): string | undefined {
  const shown = tidy(left);
  const key = normalizeName(left);
  let best: string | undefined;
  for (const label of labels) {
    const name = normalizeName(label);
    if (name === '' || !key.endsWith(name)) continue;
    const before = key.slice(0, key.length - name.length);
    // The name must stand on its own: "Отдел закупок" is not the end of "Подотдел закупок".
    if (before !== '' && /[\p{L}\p{N}]$/u.test(before)) continue;
    if (best === undefined || name.length > normalizeName(best).length) best = label;
  }
  return best === undefined ? undefined : shown.slice(0, shown.length - normalizeName(best).length);
}

const DASHES = [' — ', ' – ', ' - '] as const;

/** Every pattern under which `header` names a known department and criterion. */
export function ratingPatternsOf(header: string, names: Names): string[] {
  const patterns: string[] = [];
  const text = tidy(header);
  const bracket = /^(.*)\[([^[\]]+)\]$/u.exec(text);
  if (bracket !== null) {
    const [, left = '', inner = ''] = bracket;
    const gap = left.endsWith(' ') ? ' ' : '';
    if (names.criterion(inner) !== undefined) {
      const prefix = prefixBefore(left, names.departmentLabels);
      if (prefix !== undefined) patterns.push(`${prefix}{target}${gap}[{criterion}]`);
    }
    if (names.department(inner) !== undefined) {
      const prefix = prefixBefore(left, names.criterionLabels);
      if (prefix !== undefined) patterns.push(`${prefix}{criterion}${gap}[{target}]`);
    }
  }
  const colon = text.lastIndexOf(':');
  if (colon > 0 && names.criterion(text.slice(colon + 1)) !== undefined) {
    const prefix = prefixBefore(text.slice(0, colon), names.departmentLabels);
    if (prefix !== undefined) patterns.push(`${prefix}{target}:${text.slice(colon + 1).startsWith(' ') ? ' ' : ''}{criterion}`);
  }
  for (const dash of DASHES) {
    const at = text.lastIndexOf(dash);
    if (at > 0 && names.criterion(text.slice(at + dash.length)) !== undefined) {
      const prefix = prefixBefore(text.slice(0, at), names.departmentLabels);
      if (prefix !== undefined) patterns.push(`${prefix}{target}${dash}{criterion}`);
    }
  }
  return patterns;
}

/** The comment pattern a header fits: a question text, then a department (`Комментарий: Отдел закупок`). */
export function commentPatternOf(header: string, names: Names): string | undefined {
  const prefix = prefixBefore(header, names.departmentLabels);
  if (prefix === undefined || prefix.trim() === '') return undefined;
  return `${prefix}{target}`;
}

/** The most frequent of the candidates each header offers (ties: the one seen first), with how many headers offer it. */
export function mostCommon(candidates: readonly (readonly string[])[]): { pattern: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const list of candidates) for (const pattern of new Set(list)) counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
  let best: { pattern: string; count: number } | undefined;
  for (const [pattern, count] of counts) if (best === undefined || count > best.count) best = { pattern, count };
  return best;
}
