/** The SVG charts, parsed: marks counted, positions checked against coordinates worked out by hand. */
import { describe, expect, it } from 'vitest';
import { criteriaChart } from '../../../src/render/html/charts/criteria.js';
import { dumbbell, dumbbellClass } from '../../../src/render/html/charts/dumbbell.js';
import { heatClass, heatMap } from '../../../src/render/html/charts/heatmap.js';
import { intervalChart, type IntervalRow } from '../../../src/render/html/charts/intervals.js';
import { sparkline } from '../../../src/render/html/charts/sparkline.js';
import { all, num, parseXml, textOf } from './svg.js';

const fmt = (v: number): string => v.toFixed(2);
const row = (label: string, value: number | null, low: number | null = null, high: number | null = null, missing: string | null = null): IntervalRow => ({ label, value, low, high, flagged: value !== null && value < 3.5, missing });

describe('intervalChart', () => {
  // Plot from x = 8 to x = 360 − 48 = 312 for the scale 1..5: 76 px per point. Rows 34 px from y = 22; the line at +24.
  const svg = intervalChart({
    title: 'Scores <&>',
    rows: [row('B', 3, 2.5, 3.5), row('A', 4.5, 4, 5.5), row('Hidden', null, null, null, 'hidden: fewer than 3 respondents')],
    min: 1,
    max: 5,
    threshold: 3.5,
    thresholdLabel: 'alert',
    format: fmt,
  });
  const doc = parseXml(svg);

  it('is well-formed, named by its title, and escapes text', () => {
    const root = all(doc, 'svg')[0]!;
    expect(root.attrs['role']).toBe('img');
    expect(textOf(all(root, 'title')[0]!)).toBe('Scores <&>');
    expect(svg).toContain('Scores &lt;&amp;&gt;');
  });

  it('sorts shown scores highest first and puts a dot at each, hidden rows last with no dot and no number', () => {
    const dots = all(doc, 'circle', 'dot');
    expect(dots).toHaveLength(2);
    expect(num(dots[0]!, 'cx')).toBe(8 + 3.5 * 76); // A: 4.5 → 274
    expect(num(dots[0]!, 'cy')).toBe(22 + 24);
    expect(num(dots[1]!, 'cx')).toBe(8 + 2 * 76); // B: 3 → 160
    expect(num(dots[1]!, 'cy')).toBe(22 + 34 + 24);
    const labels = all(doc, 'text', 'label').map(textOf);
    expect(labels).toEqual(['A', 'B', 'Hidden']);
    const hidden = all(doc, 'g', 'missing')[0]!;
    expect(textOf(hidden)).toBe('Hiddenhidden: fewer than 3 respondents');
    expect(textOf(hidden)).not.toMatch(/\d\.\d/);
  });

  it('draws whiskers across the interval, cut at the scale', () => {
    const whiskers = all(doc, 'line', 'whisker');
    expect(whiskers.map((w) => [num(w, 'x1'), num(w, 'x2')])).toEqual([
      [8 + 3 * 76, 312], // A: 4 .. 5.5, cut at 5
      [8 + 1.5 * 76, 8 + 2.5 * 76],
    ]);
  });

  it('draws the alert threshold as a line at its value, and the values as text', () => {
    const threshold = all(doc, 'line', 'threshold')[0]!;
    expect(num(threshold, 'x1')).toBe(8 + 2.5 * 76);
    expect(all(doc, 'text', 'value').map(textOf)).toEqual(['4.50', '3.00']);
    expect(all(doc, 'g', 'flagged')).toHaveLength(1);
  });
});

describe('heatMap', () => {
  const svg = heatMap({
    title: 'pairs',
    columns: ['1', '2'],
    rows: [
      { label: '1 Sales', cells: [{ column: 1, value: 4.25, tooltip: 'Procurement → Sales: 4.25', hidden: false }] },
      { label: '2 Procurement', cells: [{ column: 0, value: null, tooltip: 'Sales → Procurement: hidden: fewer than 3 respondents', hidden: true }] },
    ],
    min: 1,
    max: 5,
    format: (v) => v.toFixed(1),
  });
  const doc = parseXml(svg);

  it('puts each cell in its column and row, with its value', () => {
    const cells = all(doc, 'g', 'cell');
    expect(cells).toHaveLength(2);
    const shown = all(cells[0]!, 'rect')[0]!;
    // label column 190, cell 30, head 20: column 1 of row 0 at x = 190 + 30 + 1, y = 20 + 1
    expect([num(shown, 'x'), num(shown, 'y')]).toEqual([221, 21]);
    expect(textOf(all(cells[0]!, 'text')[0]!)).toBe('4.3');
    expect(cells[0]!.attrs['class']).toBe('cell h4');
  });

  it('marks a hidden cell, gives its reason in a tooltip, and shows no number', () => {
    const hidden = all(doc, 'g', 'hidden');
    expect(hidden).toHaveLength(1);
    expect(all(hidden[0]!, 'text')).toHaveLength(0);
    expect(textOf(all(hidden[0]!, 'title')[0]!)).toContain('fewer than 3 respondents');
    const rect = all(hidden[0]!, 'rect')[0]!;
    expect([num(rect, 'x'), num(rect, 'y')]).toEqual([191, 51]);
  });

  it('colours from low to high in five steps over the scale', () => {
    expect([1, 1.79, 1.81, 3, 4.19, 4.21, 5].map((v) => heatClass(v, 1, 5))).toEqual(['h0', 'h0', 'h1', 'h2', 'h3', 'h4', 'h4']);
  });
});

describe('dumbbell', () => {
  // Plot from 8 to 360 − 56 = 304 for 1..5: 74 px per point.
  const svg = dumbbell({
    title: 'change',
    rows: [
      { label: 'Down', before: 4, after: 3, significant: true, tooltip: 'Down: −1' },
      { label: 'Noise', before: 3, after: 3.5, significant: false, tooltip: 'Noise' },
    ],
    min: 1,
    max: 5,
    format: fmt,
  });
  const doc = parseXml(svg);

  it('joins both periods, marks only significant moves, and prints Δ', () => {
    const moves = all(doc, 'g', 'move');
    expect(moves.map((m) => m.attrs['class'])).toEqual(['move down', 'move same']);
    const before = all(doc, 'circle', 'before').map((c) => num(c, 'cx'));
    const after = all(doc, 'circle', 'after').map((c) => num(c, 'cx'));
    expect(before).toEqual([8 + 3 * 74, 8 + 2 * 74]);
    expect(after).toEqual([8 + 2 * 74, 8 + 2.5 * 74]);
    expect(all(doc, 'text', 'value').map(textOf)).toEqual(['−1.00', '+0.50']);
    expect(dumbbellClass({ before: 3, after: 4, significant: true })).toBe('up');
  });
});

describe('sparkline', () => {
  it('breaks the line where a period has no shown score, and marks the latest point', () => {
    // 5 values over width 96: x = 3 + i·22.5; y for 1..5 over height 24: y = 21 − (v − 1)·4.5
    const doc = parseXml(sparkline({ title: 't', values: [3, 4, null, 5, 1], min: 1, max: 5 }));
    const lines = all(doc, 'polyline');
    expect(lines.map((l) => l.attrs['points'])).toEqual(['3,12 25.5,7.5', '70.5,3 93,21']);
    const last = all(doc, 'circle', 'last')[0]!;
    expect([num(last, 'cx'), num(last, 'cy')]).toEqual([93, 21]);
  });

  it('draws a lone shown value as a point and no latest dot when the last period is hidden', () => {
    const doc = parseXml(sparkline({ title: 't', values: [null, 2, null], min: 1, max: 5 }));
    expect(all(doc, 'polyline')).toHaveLength(0);
    expect(all(doc, 'circle', 'point')).toHaveLength(1);
    expect(all(doc, 'circle', 'last')).toHaveLength(0);
  });
});

describe('criteriaChart', () => {
  // Plot from 8 to 312 for 1..5: 76 px per point; bars from x = 8.
  const doc = parseXml(
    criteriaChart({
      title: 'criteria',
      bars: [
        { label: 'speed', value: 4, company: 3.5, missing: null, tooltip: 'speed' },
        { label: 'quality', value: null, company: 4, missing: 'hidden', tooltip: 'quality' },
      ],
      min: 1,
      max: 5,
      format: fmt,
      legend: ['this department', 'company mean'],
    }),
  );

  it('draws a bar to the department mean and a tick at the company mean; a hidden mean draws no bar and no number', () => {
    const groups = all(doc, 'g', 'criterion');
    const bars = all(groups[0]!, 'rect', 'bar');
    expect(num(bars[0]!, 'width')).toBe(3 * 76);
    expect(num(all(groups[0]!, 'line', 'company')[0]!, 'x1')).toBe(8 + 2.5 * 76);
    expect(all(groups[1]!, 'rect')).toHaveLength(0);
    expect(all(groups[1]!, 'text', 'value')).toHaveLength(0);
    expect(num(all(groups[1]!, 'line', 'company')[0]!, 'x1')).toBe(8 + 3 * 76);
  });
});
