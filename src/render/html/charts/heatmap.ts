/**
 * The rater × target heat map: rows are the departments rated, columns the client departments rating them.
 * Departments carry a number (row label "3 Отдел закупок", column head "3") so fifteen columns fit a phone.
 * A hidden cell is hatched and carries NO number — its reason is only in the `<title>` tooltip.
 */
import { escapeXml, px, svgRoot, text, type NumberFormat } from './svg.js';

export interface HeatCell {
  /** Index into `columns`. */
  column: number;
  value: number | null;
  /** The cell's tooltip (who rates whom, respondents); for a hidden cell, also why it is hidden. */
  tooltip: string;
  hidden: boolean;
}

export interface HeatRow {
  label: string;
  cells: readonly HeatCell[];
}

export interface HeatMap {
  title: string;
  /** Column heads (short: a number or an id). */
  columns: readonly string[];
  /** Row labels are prefixed with these numbers when given (the same numbering as the columns). */
  rows: readonly HeatRow[];
  min: number;
  max: number;
  format: NumberFormat;
}

export const HEAT_LAYOUT = { label: 190, cell: 30, head: 20 } as const;

/** Row labels longer than this are cut with "…" (the full name stays in each cell's tooltip). */
export const HEAT_LABEL_CHARS = 27;

export function cutLabel(label: string, max = HEAT_LABEL_CHARS): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** Red (low) → yellow → green (high) on the scale, in 5 steps; the class names map to colours in the page CSS. */
export function heatClass(value: number, min: number, max: number): string {
  const t = max === min ? 1 : (value - min) / (max - min);
  return `h${Math.max(0, Math.min(4, Math.floor(t * 5 - 1e-9)))}`;
}

export function heatMap(map: HeatMap): string {
  const L = HEAT_LAYOUT;
  const width = L.label + map.columns.length * L.cell + 2;
  const height = L.head + map.rows.length * L.cell + 2;
  const parts: string[] = [];
  map.columns.forEach((c, j) => parts.push(text(L.label + j * L.cell + L.cell / 2, L.head - 6, c, { anchor: 'middle', className: 'tick' })));
  map.rows.forEach((row, i) => {
    const y = L.head + i * L.cell;
    parts.push(text(L.label - 6, y + L.cell / 2 + 4, cutLabel(row.label), { anchor: 'end', className: 'label' }));
    for (const cell of row.cells) {
      const x = L.label + cell.column * L.cell;
      const rect = `x="${px(x + 1)}" y="${px(y + 1)}" width="${L.cell - 2}" height="${L.cell - 2}"`;
      if (cell.hidden || cell.value === null) {
        parts.push(`<g class="cell ${cell.hidden ? 'hidden' : 'empty'}"><title>${escapeXml(cell.tooltip)}</title><rect ${rect}/></g>`);
        continue;
      }
      parts.push(
        `<g class="cell ${heatClass(cell.value, map.min, map.max)}"><title>${escapeXml(cell.tooltip)}</title><rect ${rect}/>` +
          `${text(x + L.cell / 2, y + L.cell / 2 + 4, map.format(cell.value), { anchor: 'middle', className: 'cell-value' })}</g>`,
      );
    }
  });
  return svgRoot(width, height, map.title, parts.join(''), 'chart heatmap');
}
