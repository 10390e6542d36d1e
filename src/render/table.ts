/**
 * A format-neutral table: views (score, diff, trend) build one of these from computed results,
 * and the terminal, Markdown and CSV renderers turn it into text. Numbers stay unrounded here;
 * only the display renderers round them.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { NullReason } from '../core/results.js';
import { renderCsv, type Cell as CsvCell } from './csv.js';

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
  | { kind: 'empty' };

export interface Column {
  /** Machine name: the CSV header. */
  key: string;
  /** Human title: terminal and Markdown header. */
  title: string;
  align?: 'left' | 'right';
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

export interface DisplayContext {
  anonymityMin: number;
  /** Decimal comma (Russian locale) in Markdown/terminal numbers. */
  decimalComma?: boolean;
}

/**
 * A number with the sign of what is printed (−0.004 is "±0.00", not "−0.00"); a typographic minus.
 * `change`: a change shows its sign either way (+0.12, ±0.00); otherwise only negatives carry one.
 */
function signed(value: number, digits: number, change: boolean): string {
  const abs = Math.abs(value).toFixed(digits);
  if (Number(abs) === 0) return change ? `±${abs}` : abs;
  return `${value < 0 ? '−' : change ? '+' : ''}${abs}`;
}

export function formatNumber(value: number, style: NumberStyle, decimalComma = false, digits = 2): string {
  let out: string;
  switch (style) {
    case 'score':
      out = value.toFixed(digits);
      break;
    case 'pct':
      out = `${value.toFixed(1)}%`;
      break;
    case 'int':
      out = String(Math.round(value));
      break;
    case 'delta':
      out = signed(value, 2, true);
      break;
    case 'z':
      out = signed(value, 2, false);
      break;
    case 'pct_delta':
      out = `${signed(value, 1, true)} pp`;
      break;
    case 'int_delta':
      out = value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.abs(Math.round(value))}`;
      break;
    case 'p':
      out = value < 0.001 ? '<0.001' : value.toFixed(3);
      break;
    case 'weight':
      out = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
      break;
  }
  return decimalComma ? out.replace('.', ',') : out;
}

/** Short markers for hidden values in the terminal and Markdown; `legend` explains those used. */
export function hiddenMarker(reason: NullReason, anonymityMin: number): string {
  switch (reason) {
    case 'fewer_than_k':
      return `n<${anonymityMin}`;
    case 'secondary':
    case 'protection':
      return 'hidden';
    case 'no_responses':
      return '—';
  }
}

export function legend(model: TableModel, anonymityMin: number): string[] {
  const used = new Set<NullReason>();
  for (const row of model.rows) for (const cell of row) if (cell.kind === 'hidden') used.add(cell.reason);
  const lines: string[] = [];
  if (used.has('fewer_than_k')) lines.push(`n<${anonymityMin}: fewer than ${anonymityMin} respondents, not shown (anonymity)`);
  if (used.has('secondary') || used.has('protection')) lines.push('hidden: not shown so that a value under the anonymity threshold cannot be worked out from the others');
  if (used.has('no_responses')) lines.push('—: no responses');
  return lines;
}

function plain(cell: CellValue, ctx: DisplayContext): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return formatNumber(cell.value, cell.style, ctx.decimalComma, cell.digits);
    case 'hidden':
      return hiddenMarker(cell.reason, ctx.anonymityMin);
    case 'empty':
      return '';
  }
}

function paint(s: string, tone: Tone | undefined, color: ChalkInstance, heat: boolean): string {
  if (tone === undefined || s === '') return s;
  if (heat) {
    switch (tone) {
      case 'good':
        return color.black.bgGreen(` ${s} `);
      case 'warn':
        return color.black.bgYellow(` ${s} `);
      case 'bad':
        return color.white.bgRed(` ${s} `);
      default:
        break;
    }
  }
  switch (tone) {
    case 'good':
    case 'up':
      return color.green(s);
    case 'warn':
      return color.yellow(s);
    case 'bad':
    case 'down':
      return color.red(s);
    case 'dim':
      return color.dim(s);
    case 'strong':
      return color.bold(s);
  }
}

/** A borderless terminal table: columns separated by two spaces, numbers right-aligned. */
export function renderTableText(model: TableModel, ctx: DisplayContext, color: ChalkInstance): string {
  const heat = model.heat ?? false;
  const table = new Table({
    head: model.columns.map((c) => color.bold(c.title)),
    colAligns: model.columns.map((c) => c.align ?? 'left'),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of model.rows) {
    table.push(
      row.map((cell) => {
        const s = plain(cell, ctx);
        if (cell.kind === 'hidden') return color.dim(s);
        return cell.kind === 'text' || cell.kind === 'number' ? paint(s, cell.tone, color, heat) : s;
      }),
    );
  }
  return `${table.toString()}\n`;
}

function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderTableMarkdown(model: TableModel, ctx: DisplayContext): string {
  const head = `| ${model.columns.map((c) => mdEscape(c.title)).join(' | ')} |`;
  const rule = `|${model.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const body = model.rows.map((row) => `| ${row.map((cell) => mdEscape(plain(cell, ctx))).join(' | ')} |`);
  return `${[head, rule, ...body].join('\n')}\n`;
}

/** CSV keeps numbers unrounded; hidden values say so in words. */
export function renderTableCsv(model: TableModel, options: { excel?: boolean; anonymityMin: number }): string {
  const rows = model.rows.map((row) =>
    row.map((cell): CsvCell => {
      switch (cell.kind) {
        case 'text':
          return cell.text;
        case 'number':
          return cell.value;
        case 'hidden':
          return cell.reason === 'fewer_than_k'
            ? `suppressed (fewer than ${options.anonymityMin} respondents)`
            : cell.reason === 'secondary'
              ? 'suppressed (secondary)'
              : cell.reason === 'protection'
                ? 'suppressed (protection)'
                : '';
        case 'empty':
          return '';
      }
    }),
  );
  return renderCsv(
    model.columns.map((c) => c.key),
    rows,
    options,
  );
}
