/**
 * Change between two periods as a dumbbell: a hollow dot at the earlier score, a filled dot at the later
 * one, joined by a line. Significant moves are drawn thick in colour (green up, red down); the rest stay
 * grey, so the eye goes only to what is more than noise.
 */
import { escapeXml, px, scaleAxis, scaleLinear, svgRoot, text, type NumberFormat } from './svg.js';

export interface DumbbellRow {
  label: string;
  before: number;
  after: number;
  significant: boolean;
  /** The row's tooltip: both scores, Δ, z, p in the reader's words. */
  tooltip: string;
}

export interface Dumbbell {
  title: string;
  rows: readonly DumbbellRow[];
  min: number;
  max: number;
  format: NumberFormat;
}

export const DUMBBELL_LAYOUT = { width: 360, left: 8, right: 56, top: 8, row: 34, axis: 22 } as const;

export function dumbbellClass(row: Pick<DumbbellRow, 'before' | 'after' | 'significant'>): string {
  if (!row.significant) return 'same';
  return row.after > row.before ? 'up' : 'down';
}

export function dumbbell(chart: Dumbbell): string {
  const L = DUMBBELL_LAYOUT;
  const x = scaleLinear(chart.min, chart.max, L.left, L.width - L.right);
  const bottom = L.top + chart.rows.length * L.row;
  const parts: string[] = [];
  parts.push(scaleAxis(x, chart.min, chart.max, L.top, bottom, chart.format));
  chart.rows.forEach((row, i) => {
    const y0 = L.top + i * L.row;
    const line = y0 + 24;
    const delta = row.after - row.before;
    parts.push(`<g class="move ${dumbbellClass(row)}"><title>${escapeXml(row.tooltip)}</title>`);
    parts.push(text(L.left, y0 + 11, row.label, { className: 'label' }));
    parts.push(`<line class="span" x1="${px(x(row.before))}" x2="${px(x(row.after))}" y1="${px(line)}" y2="${px(line)}"/>`);
    parts.push(`<circle class="before" cx="${px(x(row.before))}" cy="${px(line)}" r="3.5"/>`);
    parts.push(`<circle class="after" cx="${px(x(row.after))}" cy="${px(line)}" r="4"/>`);
    parts.push(text(L.width - 4, line + 4, `${delta >= 0 ? '+' : '−'}${chart.format(Math.abs(delta))}`, { anchor: 'end', className: 'value' }));
    parts.push('</g>');
  });
  return svgRoot(L.width, bottom + L.axis, chart.title, parts.join(''), 'chart dumbbell');
}
