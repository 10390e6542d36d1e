/**
 * A department's score over the periods as a small line: gaps where a period has no shown score (hidden or
 * not evaluated — a line drawn across would invent a value), a dot on the latest point.
 */
import { px, scaleLinear, svgRoot } from './svg.js';

export interface Sparkline {
  title: string;
  values: readonly (number | null)[];
  min: number;
  max: number;
  width?: number;
  height?: number;
}

/** The runs of consecutive shown values, as point lists. */
export function sparklineSegments(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): [number, number][][] {
  const segments: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push([x(i), y(v)]);
  });
  if (current.length > 0) segments.push(current);
  return segments;
}

export function sparkline(chart: Sparkline): string {
  const width = chart.width ?? 96;
  const height = chart.height ?? 24;
  const pad = 3;
  const x = scaleLinear(0, Math.max(1, chart.values.length - 1), pad, width - pad);
  const y = scaleLinear(chart.min, chart.max, height - pad, pad);
  const parts: string[] = [];
  for (const segment of sparklineSegments(chart.values, x, y)) {
    if (segment.length === 1) parts.push(`<circle class="point" cx="${px(segment[0]![0])}" cy="${px(segment[0]![1])}" r="1.5"/>`);
    else parts.push(`<polyline class="trend" points="${segment.map(([a, b]) => `${px(a)},${px(b)}`).join(' ')}"/>`);
  }
  const last = chart.values.length - 1;
  const lastValue = chart.values[last];
  if (lastValue !== null && lastValue !== undefined) parts.push(`<circle class="last" cx="${px(x(last))}" cy="${px(y(lastValue))}" r="2.5"/>`);
  return svgRoot(width, height, chart.title, parts.join(''), 'chart sparkline');
}
