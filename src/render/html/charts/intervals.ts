/**
 * Scores with their 95% intervals: one row per department, highest first, a dot at the score and a whisker
 * across the interval, the alert threshold as a dashed vertical line. The name sits above its line so that
 * long Russian names fit a phone screen without shrinking the plot.
 */
import { escapeXml, px, scaleAxis, scaleLinear, svgRoot, text, type NumberFormat } from './svg.js';

export interface IntervalRow {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  /** Under the alert threshold: drawn in the alert colour. */
  flagged: boolean;
  /** Why there is no value (already in the reader's words); the row then shows this text and no number. */
  missing: string | null;
}

export interface IntervalChart {
  title: string;
  rows: readonly IntervalRow[];
  /** The scale's bounds: the axis always spans the whole scale, so charts of two periods compare by eye. */
  min: number;
  max: number;
  threshold: number | null;
  thresholdLabel: string;
  format: NumberFormat;
}

export const INTERVAL_LAYOUT = { width: 360, left: 8, right: 48, top: 22, row: 34, axis: 22 } as const;

/** Shown values highest first (ties keep the given order); rows without a value after them, in the given order. */
export function sortIntervalRows(rows: readonly IntervalRow[]): IntervalRow[] {
  const shown = rows.filter((r) => r.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  return [...shown, ...rows.filter((r) => r.value === null)];
}

export function intervalChart(chart: IntervalChart): string {
  const L = INTERVAL_LAYOUT;
  const rows = sortIntervalRows(chart.rows);
  const x = scaleLinear(chart.min, chart.max, L.left, L.width - L.right);
  const height = L.top + rows.length * L.row + L.axis;
  const parts: string[] = [];
  const bottom = L.top + rows.length * L.row;
  parts.push(scaleAxis(x, chart.min, chart.max, L.top, bottom, chart.format));
  rows.forEach((row, i) => {
    const y0 = L.top + i * L.row;
    const line = y0 + 24;
    parts.push(`<g class="row${row.flagged ? ' flagged' : ''}${row.value === null ? ' missing' : ''}">`);
    parts.push(text(L.left, y0 + 11, row.label, { className: 'label' }));
    if (row.value === null) {
      parts.push(text(L.left, line + 4, row.missing ?? '', { className: 'note' }));
    } else {
      if (row.low !== null && row.high !== null) {
        const lo = x(Math.max(chart.min, row.low));
        const hi = x(Math.min(chart.max, row.high));
        parts.push(`<line class="whisker" x1="${px(lo)}" x2="${px(hi)}" y1="${px(line)}" y2="${px(line)}"/>`);
      }
      const value = chart.format(row.value);
      parts.push(`<circle class="dot" cx="${px(x(row.value))}" cy="${px(line)}" r="4"><title>${escapeXml(`${row.label}: ${value}`)}</title></circle>`);
      parts.push(text(L.width - 4, line + 4, value, { anchor: 'end', className: 'value' }));
    }
    parts.push('</g>');
  });
  if (chart.threshold !== null && chart.threshold >= chart.min && chart.threshold <= chart.max) {
    const tx = x(chart.threshold);
    parts.push(`<line class="threshold" x1="${px(tx)}" x2="${px(tx)}" y1="${L.top - 6}" y2="${px(bottom)}"/>`);
    parts.push(text(tx, L.top - 9, `${chart.thresholdLabel} ${chart.format(chart.threshold)}`, { anchor: 'middle', className: 'threshold-label' }));
  }
  return svgRoot(L.width, height, chart.title, parts.join(''), 'chart intervals');
}
