/**
 * The small toolkit every chart shares: escaping, rounding of coordinates, and the outer <svg> with its
 * accessible name. Charts are plain strings: no script, no external font or image, so a page that inlines
 * them passes a `default-src 'none'` Content-Security-Policy.
 */

/** Text and attribute values: the five characters XML gives meaning to. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Coordinates to 0.1 px: enough for any screen, and the markup stays short and stable in tests. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A linear map from [domainMin, domainMax] to [rangeMin, rangeMax]. */
export function scaleLinear(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number): (value: number) => number {
  const span = domainMax - domainMin;
  return (value) => (span === 0 ? (rangeMin + rangeMax) / 2 : rangeMin + ((value - domainMin) / span) * (rangeMax - rangeMin));
}

/**
 * The outer element. `role="img"` with a `<title>` names the chart for screen readers; the viewBox makes it
 * scale to its container while keeping text legible (charts are drawn for a ~360 px wide phone first).
 */
export function svgRoot(width: number, height: number, title: string, body: string, className = 'chart'): string {
  return (
    `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}

/** A text label; `anchor` start|middle|end. */
export function text(x: number, y: number, content: string, attrs: { anchor?: 'start' | 'middle' | 'end'; className?: string } = {}): string {
  const anchor = attrs.anchor === undefined || attrs.anchor === 'start' ? '' : ` text-anchor="${attrs.anchor}"`;
  const cls = attrs.className === undefined ? '' : ` class="${attrs.className}"`;
  return `<text x="${px(x)}" y="${px(y)}"${anchor}${cls}>${escapeXml(content)}</text>`;
}

/** Numbers on charts: fixed decimals, a decimal comma when the page is Russian. */
export type NumberFormat = (value: number) => string;

export const plainNumber: NumberFormat = (value) => value.toFixed(2);

/** Vertical grid lines at each whole point of the scale, labelled under the plot ("3", not "3.00"). */
export function scaleAxis(x: (value: number) => number, min: number, max: number, top: number, bottom: number, format: NumberFormat): string {
  const parts: string[] = [];
  for (let tick = Math.ceil(min); tick <= max; tick++) {
    parts.push(`<line class="grid" x1="${px(x(tick))}" x2="${px(x(tick))}" y1="${top}" y2="${px(bottom)}"/>`);
    parts.push(text(x(tick), bottom + 15, format(tick).replace(/[.,]0+$/, ''), { anchor: 'middle', className: 'tick' }));
  }
  return parts.join('');
}
