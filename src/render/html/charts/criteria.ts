/**
 * A department's criteria against the company's: a bar per criterion for the department, a black tick at
 * the company mean. A hidden criterion mean draws no bar and no number, only its reason.
 */
import { escapeXml, px, scaleAxis, scaleLinear, svgRoot, text, type NumberFormat } from './svg.js';

export interface CriterionBar {
  label: string;
  value: number | null;
  company: number | null;
  /** The reason, in the reader's words, when value is null. */
  missing: string | null;
  /** The company mean's label in the tooltip ("company mean"). */
  tooltip: string;
}

export interface CriteriaChart {
  title: string;
  bars: readonly CriterionBar[];
  min: number;
  max: number;
  format: NumberFormat;
  /** Legend words: [department, company]. */
  legend: readonly [string, string];
}

export const CRITERIA_LAYOUT = { width: 360, left: 8, right: 48, top: 24, row: 34, axis: 22 } as const;

export function criteriaChart(chart: CriteriaChart): string {
  const L = CRITERIA_LAYOUT;
  const x = scaleLinear(chart.min, chart.max, L.left, L.width - L.right);
  const bottom = L.top + chart.bars.length * L.row;
  const parts: string[] = [];
  parts.push(`<rect class="bar" x="${L.left}" y="4" width="10" height="8"/>`, text(L.left + 14, 12, chart.legend[0], { className: 'legend' }));
  const secondX = L.left + 30 + chart.legend[0].length * 6.5;
  parts.push(`<line class="company" x1="${px(secondX)}" x2="${px(secondX)}" y1="2" y2="14"/>`, text(secondX + 6, 12, chart.legend[1], { className: 'legend' }));
  parts.push(scaleAxis(x, chart.min, chart.max, L.top, bottom, chart.format));
  chart.bars.forEach((bar, i) => {
    const y0 = L.top + i * L.row;
    const barY = y0 + 17;
    parts.push(`<g class="criterion${bar.value === null ? ' missing' : ''}"><title>${escapeXml(bar.tooltip)}</title>`);
    parts.push(text(L.left, y0 + 11, bar.label, { className: 'label' }));
    if (bar.value === null) parts.push(text(L.left, barY + 10, bar.missing ?? '', { className: 'note' }));
    else {
      const w = Math.max(0, x(bar.value) - L.left);
      parts.push(`<rect class="bar" x="${L.left}" y="${px(barY)}" width="${px(w)}" height="12"/>`);
      parts.push(text(L.width - 4, barY + 10, chart.format(bar.value), { anchor: 'end', className: 'value' }));
    }
    if (bar.company !== null) {
      const cx = x(bar.company);
      parts.push(`<line class="company" x1="${px(cx)}" x2="${px(cx)}" y1="${px(barY - 3)}" y2="${px(barY + 15)}"/>`);
    }
    parts.push('</g>');
  });
  return svgRoot(L.width, bottom + L.axis, chart.title, parts.join(''), 'chart criteria');
}
