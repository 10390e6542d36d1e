/**
 * A format-neutral table, the main part of a report document: builders make one from computed results,
 * and each renderer turns it into its format. Numbers stay unrounded here; only renderers round them.
 */
import type { NullReason } from '../core/results.js';
import type { ReportPhrases } from './phrases/types.js';

/** pct_delta: a change of a percentage, in percentage points; int_delta: a signed whole number (rank change). */
export type NumberStyle = 'score' | 'pct' | 'int' | 'delta' | 'z' | 'p' | 'weight' | 'pct_delta' | 'int_delta';
/** good/warn/bad: traffic light; up/down: a significant move; dim: secondary. */
export type Tone = 'good' | 'warn' | 'bad' | 'dim' | 'up' | 'down' | 'strong';

export type CellValue =
  | { kind: 'text'; text: string; tone?: Tone | undefined }
  /** `digits`: decimals of a score other than the usual 2 (see decimalsKeepingSide). */
  | { kind: 'number'; value: number; style: NumberStyle; tone?: Tone | undefined; digits?: number | undefined }
  /** A value that is not shown: suppressed for anonymity, or nothing to compute it from. */
  | { kind: 'hidden'; reason: NullReason }
  /** Scores over periods, drawn as a sparkline on the scale (terminal only). */
  | { kind: 'spark'; values: readonly (number | null)[]; scale: { min: number; max: number } }
  | { kind: 'empty' };

/** Columns a criterion's or department's name over a column of numbers wraps to on a terminal. */
export const HEADER_WRAP = 11;

export interface Column {
  /** Machine name: the CSV header. */
  key: string;
  /** Human title: terminal and Markdown header. */
  title: string;
  align?: 'left' | 'right';
  /** Shown on a terminal only (a sparkline means nothing in a printed table). */
  terminalOnly?: boolean;
  /**
   * May be left out on a narrow terminal: the lowest first. Undefined: always shown. The note under the
   * table names what was left out, and --wide shows everything.
   */
  priority?: number;
  /** May be cut with "…" on a narrow terminal (a name). */
  cut?: boolean;
  /**
   * A long title over a short value (a criterion's name over its mean): on a terminal the title is written on
   * several lines of at most this many columns (or the values' width, when wider) instead of widening the column.
   */
  wrap?: number;
}

export interface TableModel {
  columns: Column[];
  rows: CellValue[][];
  /** Colour numbers by background (a heat map) instead of by foreground. */
  heat?: boolean;
}

export const text = (t: string, tone?: Tone): CellValue => ({ kind: 'text', text: t, tone });
export const num = (value: number | null, style: NumberStyle, tone?: Tone, digits?: number): CellValue =>
  value === null || !Number.isFinite(value) ? { kind: 'empty' } : { kind: 'number', value, style, tone, digits };
/** A value that may be hidden: shown when not null, else the reason (or empty when there is none). */
export const maybe = (value: number | null, reason: NullReason | null, style: NumberStyle, tone?: Tone, digits?: number): CellValue =>
  value !== null ? num(value, style, tone, digits) : reason !== null ? { kind: 'hidden', reason } : { kind: 'empty' };

/** A table whose columns are its machine names (CSV): the title is the key. */
export function keyedColumns(keys: readonly string[]): Column[] {
  return keys.map((key): Column => ({ key, title: key }));
}

/**
 * Decimals to show a score with so that it stays on its side of each threshold (alert_below, favorable_min):
 * 2 as a rule, more (up to 4) when 2 would round it onto or over one — 3.4957 under an alert at 3.5 is shown
 * as 3.496, not as 3.50 next to "below alert".
 */
export function decimalsKeepingSide(value: number, thresholds: readonly (number | null)[]): number {
  for (let digits = 2; digits < 4; digits++) {
    const shown = Number(value.toFixed(digits));
    if (thresholds.every((t) => t === null || shown < t === value < t)) return digits;
  }
  return 4;
}

/** Short markers for hidden values in the terminal and Markdown, in the report's language; `legend` explains those used. */
export function hiddenMarkers(p: ReportPhrases, anonymityMin: number): Record<NullReason, string> {
  return { fewer_than_k: p.markers.fewerThanK(anonymityMin), secondary: p.markers.secondary, no_responses: p.markers.noResponses };
}

/** The hidden value of a cell in CSV: the reason in words (no number). */
export function hiddenCsvText(reason: NullReason, anonymityMin: number): string {
  return reason === 'fewer_than_k' ? `suppressed (fewer than ${anonymityMin} respondents)` : reason === 'secondary' ? 'suppressed (secondary)' : '';
}

/** What the markers of the hidden values in a table mean, for those it uses. */
export function legend(model: TableModel, anonymityMin: number, p: ReportPhrases): string[] {
  const used = new Set<NullReason>();
  for (const row of model.rows) for (const cell of row) if (cell.kind === 'hidden') used.add(cell.reason);
  const lines: string[] = [];
  if (used.has('fewer_than_k')) lines.push(p.legend.fewerThanK(anonymityMin));
  if (used.has('secondary')) lines.push(p.legend.secondary);
  if (used.has('no_responses')) lines.push(p.legend.noResponses);
  return lines;
}
