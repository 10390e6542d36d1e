import { describe, expect, it } from 'vitest';
import { diffCriteria, diffPairs, diffPeriods, SIGNIFICANCE_Z, testChange, type DepartmentDiff, type PeriodDiff } from '../../src/core/diff.js';
import { makeConfig, NA, row, score } from './factories.js';

function dept(diff: PeriodDiff, id: string): DepartmentDiff {
  const d = diff.departments.find((x) => x.id === id);
  if (d === undefined) throw new Error(`no department ${id} in the diff`);
  return d;
}

/*
 * The z test alone. S_A = 3.2, SE_A = 0.1; S_B = 3.5, SE_B = 0.1:
 *   Δ = 0.3, √(0.1² + 0.1²) = √0.02 = 0.141421356…, z = 0.3 / 0.141421356 = 2.121320343 (= 1.5·√2)
 *   p = 2·(1 − Φ(2.1213)) = erfc(z/√2) = erfc(1.5) = 0.033894853524689 (tables: erfc(1.5) = 0.0338949)
 */
describe('testChange: z = Δ / √(SE_A² + SE_B²), significant when |z| >= 1.96', async () => {
  const side = (score: number | null, se: number | null, suppressed = false) => ({ score, se, suppressed });

  it('a hand-worked change', async () => {
    const c = testChange(side(3.2, 0.1), side(3.5, 0.1));
    expect(c.delta).toBeCloseTo(0.3, 12);
    expect(c.z).toBeCloseTo(2.1213203435596424, 10);
    expect(c.p).toBeCloseTo(0.0338948535246893, 7);
    expect(c.significant).toBe(true);
    expect(c.testable).toBe(true);
    expect(c.reason).toBeNull();
  });

  it('the threshold: |z| = 1.96 is significant (p = 0.04999…), just under is not', async () => {
    // Δ = 1.96 with √(SE_A² + SE_B²) = 1: SE_A = 0.6, SE_B = 0.8 (0.36 + 0.64 = 1)
    const at = testChange(side(2, 0.6), side(3.96, 0.8));
    expect(at.z).toBeCloseTo(SIGNIFICANCE_Z, 12);
    expect(at.p).toBeCloseTo(0.04999579029644087, 7);
    expect(Math.abs(at.z!)).toBeGreaterThanOrEqual(1.96 - 1e-12);
    const under = testChange(side(2, 0.6), side(3.95, 0.8));
    expect(under.z).toBeCloseTo(1.95, 12);
    expect(under.significant).toBe(false);
    const down = testChange(side(3.96, 0.8), side(1.9, 0.6));
    expect(down.z).toBeCloseTo(-2.06, 12);
    expect(down.significant).toBe(true);
  });

  it('an undefined SE: Δ shown, "not testable", never significant', async () => {
    const c = testChange(side(3, null), side(5, 0.01));
    expect(c).toEqual({ delta: 2, z: null, p: null, significant: false, testable: false, reason: 'se_undefined' });
  });

  it('SE 0 in both periods: not testable rather than an infinite z', async () => {
    const c = testChange(side(4, 0), side(5, 0));
    expect(c).toEqual({ delta: 1, z: null, p: null, significant: false, testable: false, reason: 'se_zero' });
  });

  it('a hidden score: no delta at all', async () => {
    expect(testChange(side(4, 0.1), side(null, null, true))).toEqual({ delta: null, z: null, p: null, significant: false, testable: false, reason: 'suppressed' });
  });
});

/*
 * Two hand-worked periods. One criterion q (weight 1), so a row score o is the answer itself;
 * aggregation: departments; anonymity_min 3; favorable_min 4.
 * Departments: a c d e f g s (targets), b x (raters only), h (nobody evaluates it).
 *
 * Period A                               Period B
 *   a ← b: 3 3 2 4 3 3 2 4                  a ← b: 4 4 3 5 4 4 3 5
 *   c ← b: 4 4 3 5                          c ← b: 3 3 2 4
 *   d ← b: 5 5 4 4 5 5 4 4                  d ← b: 3 3 2 2 3 3 2 2
 *   e ← b: 3 5 4;  e ← x: 2 4 3             e ← b: 5 4 3;  e ← x: 5 4 3
 *   g ← b: 4 4 4           (gone in B)      f ← b: 4 5 3   (new in B)
 *   s ← b: 3 4 5                            s ← b: 4 5     (2 respondents < 3: hidden)
 *
 * One rater department: S = mean, SE = s/√n (SPEC 3.2 with R = 1).
 *   a: A mean 3, deviations 0 0 −1 1 0 0 −1 1, SS = 4, s² = 4/7, SE² = 4/7/8 = 1/14; B mean 4, SE² = 1/14.
 *      Δ = +1, z = 1/√(2/14) = √7 = 2.6457513; p = erfc(√7/√2) = 0.0081509716 → significant rise.
 *   c: A mean 4, SS = 2, s² = 2/3, SE² = 2/3/4 = 1/6; B mean 3, SE² = 1/6.
 *      Δ = −1, z = −1/√(1/3) = −√3 = −1.7320508; p = 0.0832645167 → not significant (a whole point!).
 *   d: A mean 4.5, SS = 8·0.25 = 2, s² = 2/7, SE² = 2/7/8 = 1/28; B mean 2.5, SE² = 1/28.
 *      Δ = −2, z = −2/√(1/14) = −2√14 = −7.4833148; p = 7.2471e-14 → significant drop.
 *   e (two rater departments): A: m_b = 4 (s² 1), m_x = 3 (s² 1); S = 3.5, SE = √(1/3 + 1/3)/2 = √(1/6).
 *      B: m_b = 4, m_x = 4; S = 4, SE = √(1/6). Δ = 0.5, z = 0.5/√(1/3) = √3/2 = 0.8660254; p = 0.3864762.
 * Ranks A: d 4.5 → 1; c, g, s 4 → 2; e 3.5 → 5; a 3 → 6.   Ranks B: a, e, f 4 → 1; c 3 → 4; d 2.5 → 5.
 * Favorable (>= 4) of a: A 2/8 = 25 %, B 6/8 = 75 % → +50 points.
 */
const config = makeConfig({ departments: ['a', 'b', 'x', 'c', 'd', 'e', 'f', 'g', 's', 'h'], criteria: { q: 1 }, anonymityMin: 3 });
const [A_, B_, X_, C_, D_, E_, F_, G_, S_] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
let nextRespondent = 0;
const rows = (rater: number, target: number, answers: number[]) => answers.map((v) => row(nextRespondent++, rater, target, [v]));

const periodA = await score(config, [
  ...rows(B_, A_, [3, 3, 2, 4, 3, 3, 2, 4]),
  ...rows(B_, C_, [4, 4, 3, 5]),
  ...rows(B_, D_, [5, 5, 4, 4, 5, 5, 4, 4]),
  ...rows(B_, E_, [3, 5, 4]),
  ...rows(X_, E_, [2, 4, 3]),
  ...rows(B_, G_, [4, 4, 4]),
  ...rows(B_, S_, [3, 4, 5]),
]);
const periodB = await score(config, [
  ...rows(B_, A_, [4, 4, 3, 5, 4, 4, 3, 5]),
  ...rows(B_, C_, [3, 3, 2, 4]),
  ...rows(B_, D_, [3, 3, 2, 2, 3, 3, 2, 2]),
  ...rows(B_, E_, [5, 4, 3]),
  ...rows(X_, E_, [5, 4, 3]),
  ...rows(B_, F_, [4, 5, 3]),
  ...rows(B_, S_, [4, 5]),
]);
const diff = diffPeriods(periodA, periodB);

describe('diffPeriods, hand-worked periods', async () => {
  it('a: significant rise, z = √7, p = 0.00815', async () => {
    const a = dept(diff, 'a');
    expect(a.status).toBe('both');
    expect(a.a.score).toBeCloseTo(3, 12);
    expect(a.b.score).toBeCloseTo(4, 12);
    expect(a.a.se).toBeCloseTo(Math.sqrt(1 / 14), 12);
    expect(a.delta).toBeCloseTo(1, 12);
    expect(a.z).toBeCloseTo(2.6457513110645907, 10);
    expect(a.p).toBeCloseTo(0.008150971593502702, 8);
    expect(a.significant).toBe(true);
    expect(a.change).toBe('improved');
    expect([a.a.rank, a.b.rank, a.rankChange]).toEqual([6, 1, 5]);
    expect(a.a.favorablePct).toBeCloseTo(25, 12);
    expect(a.b.favorablePct).toBeCloseTo(75, 12);
    expect(a.favorablePctChange).toBeCloseTo(50, 12);
    expect([a.a.respondents, a.b.respondents]).toEqual([8, 8]);
  });

  it('c: a whole point down is not significant on 4 answers, z = −√3, p = 0.0833', async () => {
    const c = dept(diff, 'c');
    expect(c.delta).toBeCloseTo(-1, 12);
    expect(c.z).toBeCloseTo(-1.7320508075688772, 10);
    expect(c.p).toBeCloseTo(0.08326451666355043, 7);
    expect(c.significant).toBe(false);
    expect(c.testable).toBe(true);
    expect(c.change).toBe('not_significant');
    expect([c.a.rank, c.b.rank, c.rankChange]).toEqual([2, 4, -2]);
  });

  it('d: significant drop, z = −2√14, p ≈ 7.25e-14', async () => {
    const d = dept(diff, 'd');
    expect(d.delta).toBeCloseTo(-2, 12);
    expect(d.z).toBeCloseTo(-7.483314773547883, 10);
    expect(d.p! / 7.247101964362959e-14).toBeCloseTo(1, 5);
    expect(d.change).toBe('declined');
  });

  it('e: two rater departments, SE = √(Σ s_r²/n_r)/R, z = √3/2, p = 0.386', async () => {
    const e = dept(diff, 'e');
    expect(e.a.score).toBeCloseTo(3.5, 12);
    expect(e.a.se).toBeCloseTo(Math.sqrt(1 / 6), 12);
    expect(e.b.se).toBeCloseTo(Math.sqrt(1 / 6), 12);
    expect(e.z).toBeCloseTo(0.8660254037844386, 10);
    expect(e.p).toBeCloseTo(0.3864762307712327, 7);
    expect(e.change).toBe('not_significant');
  });

  it('a score hidden in one period: no delta, not testable, reason suppressed; never computed from the hidden value', async () => {
    const s = dept(diff, 's');
    expect(s.status).toBe('both');
    expect(s.a.score).toBeCloseTo(4, 12);
    expect(s.b.score).toBeNull();
    expect(s.b.reason).toBe('fewer_than_k');
    expect(s.b.respondents).toBe(2);
    expect(s).toMatchObject({ delta: null, z: null, p: null, significant: false, testable: false, reason: 'suppressed', change: 'not_testable', rankChange: null, favorablePctChange: null });
  });

  it('new and gone departments', async () => {
    const f = dept(diff, 'f');
    expect(f).toMatchObject({ status: 'new', change: 'new', delta: null, z: null, significant: false });
    expect(f.a.respondents).toBe(0);
    expect(f.a.reason).toBe('no_responses');
    expect(f.b.score).toBeCloseTo(4, 12);
    expect(f.b.rank).toBe(1);
    const g = dept(diff, 'g');
    expect(g).toMatchObject({ status: 'gone', change: 'gone', delta: null });
    expect(g.a.score).toBeCloseTo(4, 12);
    expect(g.b.reason).toBe('no_responses');
  });

  it('departments nobody evaluated in either period are listed apart', async () => {
    expect(diff.notEvaluated.map((d) => d.id)).toEqual(['b', 'x', 'h']);
    expect(diff.departments.map((d) => d.id)).not.toContain('h');
  });

  it('order: significant drops, significant rises, the rest by Δ, not testable, new, gone', async () => {
    expect(diff.departments.map((d) => d.id)).toEqual(['d', 'a', 'c', 'e', 's', 'f', 'g']);
  });

  it('summary counts', async () => {
    expect(diff.summary).toEqual({ improved: 1, declined: 1, notSignificant: 2, notTestable: 1, new: 1, gone: 1 });
  });

  it('matches departments by id, whatever their order in each period', async () => {
    const reordered = { ...periodB, departments: [...periodB.departments].reverse() };
    const again = diffPeriods(periodA, reordered);
    expect(again.departments.map((d) => [d.id, d.z])).toEqual(diff.departments.map((d) => [d.id, d.z]));
  });
});

describe('undefined SE (anonymity_min 1, one row)', async () => {
  // t has a single row in A: S_A = 2 is shown, but SE needs 2 rows (SPEC 3.2). In B: 4 and 5, S_B = 4.5.
  const c = makeConfig({ departments: ['r', 't'], criteria: { q: 1 }, anonymityMin: 1 });
  const a = await score(c, [row(1, 0, 1, [2])]);
  const b = await score(c, [row(1, 0, 1, [4]), row(2, 0, 1, [5])]);
  const d = dept(diffPeriods(a, b), 't');

  it('Δ is shown, z and p are not, and it is never significant', async () => {
    expect(d.a.se).toBeNull();
    expect(d.delta).toBeCloseTo(2.5, 12);
    expect(d).toMatchObject({ z: null, p: null, significant: false, testable: false, reason: 'se_undefined', change: 'not_testable' });
  });
});

/*
 * Pairs (anonymity_min 3), target t; criteria q.
 *   A: r1 → t 5 respondents (all 4), r2 → t 2 respondents (hidden: fewer than 3), r3 → t 4 respondents (all 3):
 *      exactly one pair of t hidden while S(t) is shown → its smallest other pair (r3, 4 < 5) is hidden too
 *      (secondary). r3 → u 3 respondents (gone in B).
 *   B: r1 → t 5 respondents (all 3), r2 → t 3 (all 5), r3 → t 4 (all 4), r4 → t 3 (all 2; new).
 */
describe('diffPairs', async () => {
  const c = makeConfig({ departments: ['t', 'u', 'r1', 'r2', 'r3', 'r4'], criteria: { q: 1 }, anonymityMin: 3 });
  let id = 0;
  const many = (rater: number, target: number, n: number, v: number) => Array.from({ length: n }, () => row(id++, rater, target, [v]));
  const a = await score(c, [...many(2, 0, 5, 4), ...many(3, 0, 2, 3), ...many(4, 0, 4, 3), ...many(4, 1, 3, 4)]);
  const b = await score(c, [...many(2, 0, 5, 3), ...many(3, 0, 3, 5), ...many(4, 0, 4, 4), ...many(5, 0, 3, 2)]);
  const pairs = diffPairs(a, b);
  const pair = (rater: string, target: string) => pairs.find((p) => p.raterId === rater && p.targetId === target)!;

  it('a pair shown in both periods: Δ of P(t, r)', async () => {
    expect(pair('r1', 't')).toMatchObject({ status: 'both', scoreA: 4, scoreB: 3, delta: -1, suppressed: false, respondentsA: 5, respondentsB: 5 });
  });

  it('hidden in either period (under the threshold, or secondary): suppressed, no delta', async () => {
    expect(pair('r2', 't')).toMatchObject({ status: 'both', scoreA: null, delta: null, suppressed: true, reasonA: 'fewer_than_k', reasonB: null, respondentsA: 2 });
    expect(pair('r2', 't').scoreB).toBeCloseTo(5, 12);
    expect(pair('r3', 't')).toMatchObject({ status: 'both', scoreA: null, delta: null, suppressed: true, reasonA: 'secondary' });
  });

  it('new and gone pairs', async () => {
    expect(pair('r4', 't')).toMatchObject({ status: 'new', scoreA: null, scoreB: 2, delta: null, reasonA: 'no_responses' });
    expect(pair('r3', 'u')).toMatchObject({ status: 'gone', scoreA: 4, scoreB: null, delta: null, reasonB: 'no_responses' });
  });

  it('pairs without rows in either period are left out; order: deltas (drop first), hidden, new, gone', async () => {
    expect(pairs.map((p) => `${p.raterId}>${p.targetId}`)).toEqual(['r1>t', 'r2>t', 'r3>t', 'r4>t', 'r3>u']);
  });
});

/*
 * Criteria (anonymity_min 3), target t rated by r; criteria speed, quality, polite (weights 1).
 *   A: 3 respondents answer everything: speed 4 4 4, quality 3 3 3, polite 5 5 5.
 *   B: speed 5 5 5; quality answered by 2 only (3 3, third N/A: hidden, fewer than 3); polite 4 4 4.
 *      One criterion mean hidden under a shown S(t) → the other with the fewest respondents is hidden too
 *      (speed and polite tie at 3: the first, speed).
 */
describe('diffCriteria', async () => {
  const c = makeConfig({ departments: ['t', 'r'], criteria: { speed: 1, quality: 1, polite: 1 }, anonymityMin: 3 });
  const a = await score(c, [row(1, 1, 0, [4, 3, 5]), row(2, 1, 0, [4, 3, 5]), row(3, 1, 0, [4, 3, 5])]);
  const b = await score(c, [row(1, 1, 0, [5, 3, 4]), row(2, 1, 0, [5, 3, 4]), row(3, 1, 0, [5, NA, 4])]);
  const d = diffPeriods(a, b);
  const criteria = diffCriteria(a, b, d.departments);

  it('Δ of shown means only, with the reason of the hidden ones; no test', async () => {
    expect(criteria.map((x) => [x.criterionId, x.meanA, x.meanB, x.delta, x.reasonB])).toEqual([
      ['speed', 4, null, null, 'secondary'],
      ['quality', 3, null, null, 'fewer_than_k'],
      ['polite', 5, 4, -1, null],
    ]);
    expect(criteria[0]).not.toHaveProperty('z');
  });
});
