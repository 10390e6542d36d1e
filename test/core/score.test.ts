import { describe, expect, it } from 'vitest';
import { createPeriodAggregator } from '../../src/core/aggregate.js';
import { needsAttention } from '../../src/core/attention.js';
import { scorePeriod } from '../../src/core/score.js';
import type { DepartmentScore, PeriodScores } from '../../src/core/results.js';
import { makeConfig, NA, row, score } from './factories.js';

/*
 * Hand-worked period. Departments a(0) b(1) c(2) d(3); criteria speed (w=2), quality (w=1);
 * favorable_min 4, alert_below 3.5, anonymity_min 1 (nothing hidden: this case checks the arithmetic).
 *
 *  respondent rater → target  speed quality   o = (2·speed + quality)/(weights of answered)
 *  1          b → a           4     2         (8+2)/3 = 10/3
 *  2          b → a           5     N/A       5
 *  3          b → a           3     4         (6+4)/3 = 10/3
 *  4          c → a           2     1         (4+1)/3 = 5/3
 *  5          a → b           5     5         5
 *  4          c → b           4     N/A       4
 *  5          a → c           1     3         (2+3)/3 = 5/3
 *  6          d → a           N/A   N/A       ignored (no valid answer)
 */
const handConfig = (aggregation: 'departments' | 'respondents') =>
  makeConfig({
    departments: ['a', 'b', 'c', 'd'],
    criteria: { speed: 2, quality: 1 },
    evaluates: [[1, 2], [0], [0, 1], [0]],
    aggregation,
    alertBelow: 3.5,
  });
const handRows = [
  row(1, 1, 0, [4, 2]),
  row(2, 1, 0, [5, NA]),
  row(3, 1, 0, [3, 4]),
  row(4, 2, 0, [2, 1]),
  row(5, 0, 1, [5, 5]),
  row(4, 2, 1, [4, NA]),
  row(5, 0, 2, [1, 3]),
  row(6, 3, 0, [NA, NA]),
];

function dept(scores: PeriodScores, id: string): DepartmentScore {
  const d = scores.departments.find((x) => x.id === id);
  if (d === undefined) throw new Error(`no department ${id}`);
  return d;
}

describe('scorePeriod, hand-worked case, aggregation: departments', () => {
  const s = score(handConfig('departments'), handRows);

  it('counts rows used and ignored', () => {
    expect(s.rowsUsed).toBe(7);
    expect(s.rowsIgnored).toBe(1);
  });

  it('department a: criterion means average the rater departments', () => {
    // m(a,b,speed) = (4+5+3)/3 = 4, m(a,c,speed) = 2  → M(a,speed) = (4+2)/2 = 3
    // m(a,b,quality) = (2+4)/2 = 3, m(a,c,quality) = 1 → M(a,quality) = (3+1)/2 = 2
    // S(a) = (2·3 + 1·2)/3 = 8/3
    const a = dept(s, 'a');
    expect(a.criteria[0]?.mean).toBeCloseTo(3, 12);
    expect(a.criteria[1]?.mean).toBeCloseTo(2, 12);
    expect(a.criteria[0]).toMatchObject({ id: 'speed', respondents: 4, raters: 2, suppressed: false, reason: null });
    expect(a.criteria[1]).toMatchObject({ id: 'quality', respondents: 3, raters: 2 });
    expect(a.score).toBeCloseTo(8 / 3, 12);
    // valid answers about a: 4,2,5,3,4,2,1 → 3 of 7 are >= 4
    expect(a.favorablePct).toBeCloseTo(300 / 7, 12);
    expect(a).toMatchObject({ respondents: 4, raters: 2, answers: 7, rank: 2, suppressed: false, reason: null });
    expect(a.flags).toEqual(['below_alert']);
  });

  it('department a: SE pools the within-department variance for the single-row rater', () => {
    // rater b: o = 10/3, 5, 10/3; mean 35/9; deviations −5/9, 10/9, −5/9; M2 = 150/81; s_b² = 75/81 = 25/27
    // rater c: one row → pooled s_p² = M2_b / (n_b − 1) = 25/27
    // SE = √(s_b²/3 + s_p²/1) / 2 = √(25/81 + 75/81) / 2 = (10/9)/2 = 5/9
    const a = dept(s, 'a');
    expect(a.se).toBeCloseTo(5 / 9, 12);
    expect(a.seMethod).toBe('departments_pooled');
    expect(a.ci95?.[0]).toBeCloseTo(8 / 3 - 1.96 * (5 / 9), 12);
    expect(a.ci95?.[1]).toBeCloseTo(8 / 3 + 1.96 * (5 / 9), 12);
  });

  it('department b: no rater department with 2+ rows falls back to the variance of all its rows', () => {
    // m(b,a,speed)=5 m(b,c,speed)=4 → M=4.5; quality only from a → M=5; S = (9+5)/3 = 14/3
    // o = 5, 4: variance of all rows = ((0.5)² + (0.5)²)/1 = 0.5; SE = √(0.5/1 + 0.5/1)/2 = 0.5
    const b = dept(s, 'b');
    expect(b.score).toBeCloseTo(14 / 3, 12);
    expect(b.criteria[0]?.mean).toBeCloseTo(4.5, 12);
    expect(b.criteria[1]?.mean).toBeCloseTo(5, 12);
    expect(b.criteria[1]).toMatchObject({ respondents: 1, raters: 1 });
    expect(b.se).toBeCloseTo(0.5, 12);
    expect(b.seMethod).toBe('departments_all_rows');
    expect(b.favorablePct).toBeCloseTo(100, 12); // 5,5,4
    expect(b).toMatchObject({ respondents: 2, raters: 2, rank: 1, flags: [] });
  });

  it('department c: one row, so SE and ci95 are undefined', () => {
    // S(c) = (2·1 + 3)/3 = 5/3; answers 1, 3: none favorable
    const c = dept(s, 'c');
    expect(c.score).toBeCloseTo(5 / 3, 12);
    expect(c.se).toBeNull();
    expect(c.seMethod).toBeNull();
    expect(c.ci95).toBeNull();
    expect(c.favorablePct).toBe(0);
    expect(c).toMatchObject({ respondents: 1, raters: 1, rank: 3, flags: ['below_alert'] });
  });

  it('department d: evaluated by nobody, listed with no score and the reason', () => {
    const d = dept(s, 'd');
    expect(d).toMatchObject({
      score: null, se: null, ci95: null, favorablePct: null, rank: null, respondents: 0, raters: 0,
      suppressed: false, reason: 'no_responses', flags: ['no_responses'],
    });
    expect(d.criteria.map((c) => c.reason)).toEqual(['no_responses', 'no_responses']);
  });

  it('pair scores, including an expected pair without rows', () => {
    // P(a,b) = (2·4 + 1·3)/3 = 11/3; P(a,c) = (2·2 + 1)/3 = 5/3; P(b,a) = 5; P(b,c) = speed only = 4;
    // P(c,a) = (2·1 + 3)/3 = 5/3; d → a was expected, its only row had no answer.
    expect(s.pairs.map((p) => [p.targetId, p.raterId, p.respondents, p.reason])).toEqual([
      ['a', 'b', 3, null],
      ['a', 'c', 1, null],
      ['a', 'd', 0, 'no_responses'],
      ['b', 'a', 1, null],
      ['b', 'c', 1, null],
      ['c', 'a', 1, null],
    ]);
    const scores = s.pairs.map((p) => p.score);
    [11 / 3, 5 / 3, null, 5, 4, 5 / 3].forEach((v, i) =>
      v === null ? expect(scores[i]).toBeNull() : expect(scores[i]).toBeCloseTo(v, 12),
    );
    expect(s.pairs.every((p) => p.expected)).toBe(true);
  });

  it('rater view against the company mean', () => {
    // given(a) = (5 + 5/3)/2 = 10/3; given(b) = (10/3 + 5 + 10/3)/3 = 35/9; given(c) = (5/3 + 4)/2 = 17/6
    // company = (10/3+5+10/3+5/3+5+4+5/3)/7 = 24/7
    expect(s.company).toMatchObject({ respondents: 5, rows: 7, suppressed: false });
    expect(s.company.mean).toBeCloseTo(24 / 7, 12);
    const [ra, rb, rc, rd] = s.raters;
    expect(ra?.givenMean).toBeCloseTo(10 / 3, 12);
    expect(ra?.difference).toBeCloseTo(10 / 3 - 24 / 7, 12); // −2/21
    expect(rb?.givenMean).toBeCloseTo(35 / 9, 12);
    expect(rb?.difference).toBeCloseTo(29 / 63, 12);
    expect(rc?.givenMean).toBeCloseTo(17 / 6, 12);
    expect(rc?.difference).toBeCloseTo(-25 / 42, 12);
    expect(rc?.companyMean).toBeCloseTo(24 / 7, 12);
    expect([ra?.respondents, rb?.respondents, rc?.respondents]).toEqual([1, 3, 1]);
    expect([ra?.rows, rb?.rows, rc?.rows]).toEqual([2, 3, 2]);
    expect(rd).toMatchObject({ givenMean: null, difference: null, rows: 0, respondents: 0, reason: 'no_responses' });
  });

  it('company per criterion: mean over departments of M(t,c)', () => {
    // speed: M = 3 (a), 4.5 (b), 1 (c) → 17/6; answers 4,5,3,2,5,4,1 → 7, favorable 4,5,5,4 → 4/7
    // quality: M = 2, 5, 3 → 10/3; answers 2,4,1,5,3 → 5, favorable 4,5 → 2/5
    const [speed, quality] = s.criteria;
    expect(speed?.mean).toBeCloseTo(17 / 6, 12);
    expect(speed?.favorablePct).toBeCloseTo(400 / 7, 12);
    expect(speed).toMatchObject({ answers: 7, respondents: 5, weight: 2 }); // respondents 1,2,3,4,5
    expect(quality?.mean).toBeCloseTo(10 / 3, 12);
    expect(quality?.favorablePct).toBeCloseTo(40, 12);
    expect(quality).toMatchObject({ answers: 5, respondents: 4 }); // 1,3,4,5 (2 said N/A)
  });
});

describe('scorePeriod, hand-worked case, aggregation: respondents', () => {
  const s = score(handConfig('respondents'), handRows);

  it('department a: criterion means pool all answers, so the bigger rater department weighs more', () => {
    // M(a,speed) = (4+5+3+2)/4 = 3.5; M(a,quality) = (2+4+1)/3 = 7/3; S = (2·3.5 + 7/3)/3 = 28/9
    const a = dept(s, 'a');
    expect(a.criteria[0]?.mean).toBeCloseTo(3.5, 12);
    expect(a.criteria[1]?.mean).toBeCloseTo(7 / 3, 12);
    expect(a.score).toBeCloseTo(28 / 9, 12);
    expect(a.score).not.toBeCloseTo(dept(score(handConfig('departments'), handRows), 'a').score as number, 3);
  });

  it('department a: SE = sd(o)/√n over all its rows', () => {
    // o = 10/3, 5, 10/3, 5/3: mean 10/3; M2 = 0 + 25/9 + 0 + 25/9 = 50/9; s² = 50/27; SE = √(50/27/4) = 5/√54
    const a = dept(s, 'a');
    expect(a.se).toBeCloseTo(5 / Math.sqrt(54), 12);
    expect(a.seMethod).toBe('respondents');
    expect(a.ci95?.[0]).toBeCloseTo(28 / 9 - 1.96 * (5 / Math.sqrt(54)), 12);
  });

  it('department b: SE over its two rows; c: undefined', () => {
    // o = 5, 4: s² = 0.5, SE = √(0.5/2) = 0.5
    expect(dept(s, 'b').se).toBeCloseTo(0.5, 12);
    expect(dept(s, 'b').score).toBeCloseTo(14 / 3, 12);
    expect(dept(s, 'c').se).toBeNull();
  });

  it('company per criterion: mean of all valid answers', () => {
    // speed: 24/7; quality: (2+4+1+5+3)/5 = 3
    expect(s.criteria[0]?.mean).toBeCloseTo(24 / 7, 12);
    expect(s.criteria[1]?.mean).toBeCloseTo(3, 12);
  });

  it('pairs and the rater view do not depend on the mode', () => {
    expect(s.pairs[0]?.score).toBeCloseTo(11 / 3, 12);
    expect(s.raters[1]?.givenMean).toBeCloseTo(35 / 9, 12);
  });
});

describe('rank', () => {
  it('ties share a rank, and a hidden score neither gets one nor moves the others', () => {
    // one criterion; k = 2; e has one respondent (hidden score 5, which would be rank 1)
    const config = makeConfig({
      departments: ['a', 'b', 'c', 'd', 'e'],
      criteria: { x: 1 },
      anonymityMin: 2,
      alertBelow: 5.5,
    });
    const s = score(config, [
      row(1, 1, 0, [4]), row(2, 2, 0, [4]), // a: 4
      row(3, 0, 1, [3]), row(4, 2, 1, [3]), // b: 3
      row(5, 0, 2, [3]), row(6, 1, 2, [3]), // c: 3
      row(7, 0, 3, [2]), row(8, 1, 3, [2]), // d: 2
      row(9, 0, 4, [5]), // e: 5, one respondent
    ]);
    expect(s.departments.map((d) => d.rank)).toEqual([1, 2, 2, 4, null]);
    const e = s.departments[4];
    expect(e).toMatchObject({ score: null, suppressed: true, reason: 'fewer_than_k', flags: ['suppressed'] });
  });

  it('compares unrounded scores: 10/3 and 3.3 print alike at one decimal but do not tie', () => {
    const config = makeConfig({ departments: ['a', 'b', 'c'], criteria: { x: 1 } });
    const rows = [row(1, 2, 0, [3]), row(2, 2, 0, [3]), row(3, 2, 0, [4])]; // a: 10/3
    [3, 3, 3, 3, 3, 3, 3, 4, 4, 4].forEach((v, i) => rows.push(row(10 + i, 2, 1, [v]))); // b: 33/10
    const s = score(config, rows);
    expect(s.departments.map((d) => d.rank)).toEqual([1, 2, null]);
  });
});

describe('aggregator guards', () => {
  const config = makeConfig({ departments: ['a', 'b'], criteria: { x: 1, y: 1 } });

  it('rejects rows that do not fit the config, and rows after finish()', () => {
    const agg = createPeriodAggregator(config);
    expect(() => agg.add(row(1, 0, 2, [1, 1]))).toThrow(RangeError);
    expect(() => agg.add(row(1, 0, 1, [1]))).toThrow(RangeError);
    agg.add(row(1, 0, 1, [1, 1]));
    agg.finish();
    expect(() => agg.add(row(2, 0, 1, [1, 1]))).toThrow();
  });

  it('refuses an aggregate built with another config', () => {
    const agg = createPeriodAggregator(config);
    agg.add(row(1, 0, 1, [1, 1]));
    const other = makeConfig({ departments: ['a', 'b'], criteria: { x: 1, y: 2 } });
    expect(() => scorePeriod(agg.finish(), other)).toThrow(/different config/);
  });
});

describe('needsAttention', () => {
  it('lists flagged departments lowest first with their weakest shown criteria, and the lowest shown pairs', () => {
    // hand case: a 8/3 and c 5/3 are below 3.5; a: quality 2 < speed 3; c: speed 1 < quality 3
    // shown pairs: a<c 5/3, c<a 5/3 (tie: target order), a<b 11/3, b<c 4, b<a 5
    const s = score(handConfig('departments'), handRows);
    const n = needsAttention(s, { criteria: 1, pairs: 3 });
    expect(n.departments.map((d) => [d.department.id, d.weakestCriteria.map((c) => c.id)])).toEqual([
      ['c', ['speed']],
      ['a', ['quality']],
    ]);
    // a<b (11/3 ≈ 3.67) is not under alert_below 3.5, so only two pairs need attention
    expect(n.lowestPairs.map((p) => `${p.targetId}<${p.raterId}`)).toEqual(['a<c', 'c<a']);
    const noAlert = needsAttention({ ...s, alertBelow: null }, { criteria: 1, pairs: 3 });
    expect(noAlert.lowestPairs.map((p) => `${p.targetId}<${p.raterId}`)).toEqual(['a<c', 'c<a', 'a<b']);
    expect(needsAttention(s).departments[1]?.weakestCriteria.map((c) => c.id)).toEqual(['quality', 'speed']);
  });
});

describe('ci95 is cut to the scale (issue 16)', () => {
  // Target a (criteria speed w=2, quality w=1), respondents mode, rows from b:
  //   (5,5) o=5 · (5,5) o=5 · (3,3) o=3 → S = 13/3; s² = ((2/3)²·2 + (4/3)²)/2 = 4/3; SE = √(4/3/3) = 2/3
  //   S ± 1.96·SE = 13/3 ± 1.30667 = [3.02667, 5.64] → the top is cut to 5, the scale's end.
  const config = makeConfig({ departments: ['a', 'b'], criteria: { speed: 2, quality: 1 }, evaluates: [[], [0]], aggregation: 'respondents' });
  const a = dept(score(config, [row(1, 1, 0, [5, 5]), row(2, 1, 0, [5, 5]), row(3, 1, 0, [3, 3])]), 'a');

  it('keeps SE and the lower bound as computed, and cuts the upper bound at 5', () => {
    expect(a.score).toBeCloseTo(13 / 3, 12);
    expect(a.se).toBeCloseTo(2 / 3, 12);
    expect(a.ci95?.[0]).toBeCloseTo(13 / 3 - 1.96 * (2 / 3), 12);
    expect(a.ci95?.[1]).toBe(5);
  });
});
