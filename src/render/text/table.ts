/**
 * A borderless terminal table: columns two spaces apart, numbers right-aligned, colours by tone, widths in
 * terminal columns (Cyrillic 1, CJK 2). Given a width (a terminal), it fits: the columns the document ranks
 * lowest are left out first, then the name column is cut with "…". Without one (a pipe, a file, --wide)
 * nothing is ever cut.
 */
import type { ChalkInstance } from 'chalk';
import type { CellValue, Column, TableModel, Tone } from '../../report/table.js';
import { displayText, type DisplayContext } from '../number.js';
import { cutToWidth, displayWidth, wrapWords } from './width.js';

const GAP = '  ';
/** A cut name keeps at least this many columns, "…" included. */
const MIN_CUT = 8;
/** Names are first cut to this many columns; then columns are left out; then names are cut further. */
const NAME_KEEP = 24;

function tableWidth(widths: readonly number[], kept: readonly number[]): number {
  return kept.reduce((sum, i) => sum + widths[i]!, 0) + GAP.length * (kept.length - 1);
}

/** Narrows the columns that may be cut (names) until the table fits `width`, none below `floor` or its title. */
function cutNames(columns: readonly Column[], widths: number[], kept: readonly number[], width: number, floor: number): void {
  let over = tableWidth(widths, kept) - width;
  for (const i of kept) {
    if (over <= 0 || !columns[i]!.cut) continue;
    const cut = Math.min(over, widths[i]! - Math.max(floor, displayWidth(columns[i]!.title)));
    if (cut > 0) {
      widths[i] = widths[i]! - cut;
      over -= cut;
    }
  }
}

function paint(s: string, tone: Tone | undefined, color: ChalkInstance, heat: boolean): string {
  if (tone === undefined || s === '') return s;
  // A heat map is its background colours: without colour (a pipe, NO_COLOR) its cells are plain numbers,
  // without the padding that frames a coloured cell (which would push them out of line with the others).
  if (heat && color.level > 0) {
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
  return paintTone(s, tone, color);
}

/** Text in the colour of its tone. */
export function paintTone(s: string, tone: Tone | undefined, color: ChalkInstance): string {
  switch (tone) {
    case undefined:
      return s;
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

/** A cell ready to lay out: its text, and how to colour it (again, once cut). */
interface Laid {
  text: string;
  paint: (s: string) => string;
}

function layCell(cell: CellValue, ctx: DisplayContext, color: ChalkInstance, heat: boolean): Laid {
  const text = displayText(cell, ctx);
  if (cell.kind === 'hidden') return { text, paint: (s) => color.dim(s) };
  if (cell.kind === 'text' || cell.kind === 'number') return { text, paint: (s) => paint(s, cell.tone, color, heat) };
  return { text, paint: (s) => s };
}

export interface TextTableOptions {
  /** Columns available (a terminal's width); undefined: never cut or leave out anything. */
  width?: number | undefined;
}

export interface TextTable {
  text: string;
  /** Titles of the columns left out to fit the width, in table order. */
  left: string[];
}

/** Which columns to keep so that the table fits `width`: the lowest `priority` goes first, the rightmost among equals. */
function keptColumns(columns: readonly Column[], widths: readonly number[], width: number | undefined): number[] {
  const kept = columns.map((_, i) => i);
  if (width === undefined) return kept;
  const droppable = kept.filter((i) => columns[i]!.priority !== undefined).sort((a, b) => columns[a]!.priority! - columns[b]!.priority! || b - a);
  for (const i of droppable) {
    if (tableWidth(widths, kept) <= width) break;
    kept.splice(kept.indexOf(i), 1);
  }
  return kept;
}

export function renderTableText(model: TableModel, ctx: DisplayContext, color: ChalkInstance, options: TextTableOptions = {}): TextTable {
  const heat = model.heat ?? false;
  const rows = model.rows.map((row) => row.map((cell) => layCell(cell, ctx, color, heat)));
  const cellWidth = (c: Laid): number => displayWidth(c.paint(c.text));
  const valueWidths = model.columns.map((_, i) => Math.max(0, ...rows.map((r) => (r[i] === undefined ? 0 : cellWidth(r[i]!)))));
  const titles = model.columns.map((col, i) => (col.wrap === undefined ? [col.title] : wrapWords(col.title, Math.max(col.wrap, valueWidths[i]!))));
  const widths = model.columns.map((_, i) => Math.max(valueWidths[i]!, ...titles[i]!.map(displayWidth)));
  // Names are cut to a readable width before any column is left out, and further only when that is not enough.
  if (options.width !== undefined) cutNames(model.columns, widths, model.columns.map((_, i) => i), options.width, NAME_KEEP);
  const kept = keptColumns(model.columns, widths, options.width);
  if (options.width !== undefined) cutNames(model.columns, widths, kept, options.width, MIN_CUT);

  const pad = (shown: string, plainWidth: number, i: number): string => {
    const space = ' '.repeat(Math.max(0, widths[i]! - plainWidth));
    return model.columns[i]!.align === 'right' ? space + shown : shown + space;
  };
  // A title on several lines sits on the values (bottom-aligned), like a spreadsheet's wrapped header.
  const height = Math.max(...kept.map((i) => titles[i]!.length));
  const lines: string[] = [];
  for (let line = 0; line < height; line++) {
    lines.push(
      kept
        .map((i) => {
          const title = titles[i]![line - (height - titles[i]!.length)] ?? '';
          return pad(title === '' ? '' : color.bold(title), displayWidth(title), i);
        })
        .join(GAP),
    );
  }
  for (const row of rows) {
    lines.push(
      kept
        .map((i) => {
          const cell = row[i] ?? { text: '', paint: (s: string) => s };
          const extra = cellWidth(cell) - displayWidth(cell.text);
          const text = cellWidth(cell) > widths[i]! ? cutToWidth(cell.text, widths[i]! - extra) : cell.text;
          const shown = cell.paint(text);
          return pad(shown, displayWidth(shown), i);
        })
        .join(GAP),
    );
  }
  // An untitled column continues the one before it (the interval's upper end): it is named with that one.
  const left = model.columns.flatMap((c, i) => (kept.includes(i) || c.title === '' ? [] : [c.title]));
  return { text: `${lines.map((l) => l.trimEnd()).join('\n')}\n`, left };
}
