/** The text of `ic explain`, one phrasebook per language (en.ts, ru.ts), and the inline helpers they share. */
import type { Department } from '../../config/types.js';
import type { Facts } from './facts.js';
import { code, user, type Block, type Inline, type Section, type Text } from './model.js';

/** Both phrasebooks follow the same sections in the same order. */
export interface Phrasebook {
  title(f: Facts): Text;
  intro(f: Facts): Block[];
  glance(f: Facts): Section;
  whoEvaluatesWhom(f: Facts): Section;
  answers(f: Facts): Section;
  criteria(f: Facts): Section;
  score(f: Facts): Section;
  favorable(f: Facts): Section;
  uncertainty(f: Facts): Section;
  rank(f: Facts): Section;
  anonymity(f: Facts): Section;
  pairs(f: Facts): Section;
  raterView(f: Facts): Section;
  alerts(f: Facts): Section;
  periods(f: Facts): Section;
}

/** "= 3.50" when the rounded value is exact, else "≈ 3.29". */
export function approx(f: Facts, value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return `${Math.abs(rounded - value) < 1e-12 ? '=' : '≈'} ${f.fixed(value, decimals)}`;
}

export function departmentLabel(d: Department): Inline[] {
  return d.name === d.id ? [code(d.id)] : [user(d.name), ' (', code(d.id), ')'];
}

function joinInlines(parts: readonly Inline[][], separator: string): Inline[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));
}

export function names(departments: readonly Department[]): Inline[] {
  return joinInlines(
    departments.map((d) => [user(d.name)]),
    ', ',
  );
}

export function quotedNaValues(f: Facts, open: string, close: string): Inline[] {
  return joinInlines(
    f.config.naValues.map((v) => [open, user(v), close]),
    ', ',
  );
}
