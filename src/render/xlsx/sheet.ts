/**
 * A sheet of the workbook as plain data, before any library sees it: typed columns (with a stable key, the
 * header in the reader's language, a width and a number format) and rows of values. A hidden value is
 * `null` — an empty cell — and the row's `why hidden` column says why; no number is ever written for it.
 */
export type ColumnKind = 'text' | 'count' | 'score' | 'pct' | 'stat';

export interface SheetColumn {
  /** Stable, language-independent (the JSON key where there is one): what tests and scripts look up. */
  key: string;
  header: string;
  kind: ColumnKind;
  /** In characters. */
  width: number;
}

export type SheetValue = string | number | null;

export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (Excel's rule). */
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly (readonly SheetValue[])[];
  /** Column keys whose cells get the score colours. */
  colourKeys?: readonly string[];
}

/** Number formats by column kind: 2 decimals for scores, a percentage with one decimal (stored 0–1). */
export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string | undefined>> = {
  text: undefined,
  count: '0',
  score: '0.00',
  pct: '0.0%',
  stat: '0.000',
};

export function column(key: string, header: string, kind: ColumnKind, width?: number): SheetColumn {
  return { key, header, kind, width: width ?? Math.max(kind === 'text' ? 14 : 9, Math.min(40, header.length + 2)) };
}

/** Excel refuses sheet names over 31 characters or with []:*?/\. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}
