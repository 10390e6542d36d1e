import { describe, expect, it } from 'vitest';
import { trendPeriods, type DepartmentTrend } from '../../src/core/trend.js';
import { sparkline } from '../../src/render/sparkline.js';
import { makeConfig, row, score } from './factories.js';

/*
 * Three periods, one criterion q, one rater department r, anonymity_min 3. S = mean, SE = s/√n.
 *
 *          P1                    P2                     P3
 *   t1  3 3 2 4 3 3 2 4 (3)   4 4 3 5 4 4 3 5 (4)    3 3 2 4 3 3 2 4 (3)
 *   t2  4 4 3 5 (4)           4 4 3 5 (4)            5 5 4 4 5 5 4 4 (4.5)
 *   t3  3 4 5 (4)             4 5 (hidden: 2 < 3)    3 4 5 (4)
 *   t4  4 4 4 (4)             —                      —
 *   t5  —                     —                      4 4 4 (4, new)
 *   n   never evaluated
 *
 * Latest change (P2 → P3):
 *   t1: Δ = −1, SE² = 1/14 each (SS 4, s² 4/7, /8), z = −1/√(1/7) = −√7 = −2.6457513, p = 0.0081510 → fell significantly.
 *   t2: P2 SE² = (2/3)/4 = 1/6; P3 SS = 8·0.25 = 2, s² = 2/7, SE² = 2/7/8 = 1/28;
 *       Δ = 0.5, z = 0.5/√(1/6 + 1/28) = 0.5/√0.2023810 = 1.1114379, p = 0.2663799 → not significant.
 *   t3: hidden in P2 → not testable (suppressed).   t4: in neither P2 nor P3 → no latest change.   t5: new.
 */
const config = makeConfig({ departments: ['t1', 't2', 't3', 't4', 't5', 'r', 'n'], criteria: { q: 1 }, anonymityMin: 3 });
const R = 5;
let id = 0;
const rows = (target: number, answers: number[]) => answers.map((v) => row(id++, R, target, [v]));
const p1 = await score(config, [...rows(0, [3, 3, 2, 4, 3, 3, 2, 4]), ...rows(1, [4, 4, 3, 5]), ...rows(2, [3, 4, 5]), ...rows(3, [4, 4, 4])]);
const p2 = await score(config, [...rows(0, [4, 4, 3, 5, 4, 4, 3, 5]), ...rows(1, [4, 4, 3, 5]), ...rows(2, [4, 5])]);
const p3 = await score(config, [...rows(0, [3, 3, 2, 4, 3, 3, 2, 4]), ...rows(1, [5, 5, 4, 4, 5, 5, 4, 4]), ...rows(2, [3, 4, 5]), ...rows(4, [4, 4, 4])]);
const trend = trendPeriods([p1, p2, p3]);

function dept(id: string): DepartmentTrend {
  const d = trend.departments.find((x) => x.id === id);
  if (d === undefined) throw new Error(`no department ${id}`);
  return d;
}

describe('trendPeriods, three hand-worked periods', async () => {
  it('a score per period, aligned with the periods; hidden and absent ones null with the reason', async () => {
    expect(dept('t1').scores.map((s) => s && Number(s.toFixed(12)))).toEqual([3, 4, 3]);
    expect(dept('t3').scores[1]).toBeNull();
    expect(dept('t3').reasons).toEqual([null, 'fewer_than_k', null]);
    expect(dept('t3').respondents).toEqual([3, 2, 3]);
    expect(dept('t4').scores.slice(1)).toEqual([null, null]);
    expect(dept('t4').reasons).toEqual([null, 'no_responses', 'no_responses']);
    expect(dept('t5').scores.slice(0, 2)).toEqual([null, null]);
  });

  it('t1 fell significantly in the latest period: z = −√7, p = 0.00815', async () => {
    const l = dept('t1').latest!;
    expect(l.delta).toBeCloseTo(-1, 12);
    expect(l.z).toBeCloseTo(-2.6457513110645907, 10);
    expect(l.p).toBeCloseTo(0.008150971593502702, 8);
    expect(l).toMatchObject({ significant: true, change: 'declined', status: 'both' });
  });

  it('t2: the latest change with unequal SEs, z = 1.1114, p = 0.2664', async () => {
    const l = dept('t2').latest!;
    expect(l.delta).toBeCloseTo(0.5, 12);
    expect(l.z).toBeCloseTo(1.1114378604524227, 10);
    expect(l.p).toBeCloseTo(0.2663799233424826, 7);
    expect(l).toMatchObject({ significant: false, change: 'not_significant' });
  });

  it('hidden in the previous period: not testable; new in the latest; absent from both: no latest change', async () => {
    expect(dept('t3').latest).toMatchObject({ delta: null, testable: false, reason: 'suppressed', change: 'not_testable' });
    expect(dept('t5').latest).toMatchObject({ status: 'new', change: 'new' });
    expect(dept('t4').latest).toBeNull();
  });

  it('significant falls in the latest period first, then as ic diff; never-evaluated departments apart', async () => {
    expect(trend.departments.map((d) => d.id)).toEqual(['t1', 't2', 't3', 't5', 't4']);
    expect(trend.notEvaluated.map((d) => d.id)).toEqual(['r', 'n']);
    expect(trend.latest).toEqual({ improved: 0, declined: 1, notSignificant: 1, notTestable: 1, new: 1, gone: 0 });
  });

  it('needs two periods', async () => {
    expect(() => trendPeriods([p1])).toThrow(RangeError);
  });
});

describe('sparkline', async () => {
  const scale = { min: 1, max: 5 };
  it('eight equal bins over the whole scale; a gap for a period without a shown score', async () => {
    // (v − 1)/4 · 8, floored: 1 → 0 ▁, 3 → 4 ▅, 4 → 6 ▇, 5 → 8 → clamped to 7 █
    expect(sparkline([1, 3, 4, 5], scale)).toBe('▁▅▇█');
    expect(sparkline([4, null, 4], scale)).toBe('▇·▇');
    expect(sparkline(dept('t1').scores, scale)).toBe('▅▇▅');
  });
  it('values outside the scale stay on the ends', async () => {
    expect(sparkline([0, 6], scale)).toBe('▁█');
  });
});
