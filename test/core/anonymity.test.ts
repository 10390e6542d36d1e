import { describe, expect, it } from 'vitest';
import type { PeriodScores } from '../../src/core/results.js';
import { makeConfig, NA, row, score } from './factories.js';

const reasonsOfPairs = (s: PeriodScores) =>
  Object.fromEntries(s.pairs.filter((p) => p.respondents > 0).map((p) => [`${p.targetId}<${p.raterId}`, p.reason]));
const reasonsOfRaters = (s: PeriodScores) => Object.fromEntries(s.raters.map((r) => [r.id, r.reason]));

describe('anonymity, k = 3: a small department', async () => {
  // b evaluates a (5 people); c evaluates a (2 people) → a has 7 respondents;
  // b evaluates c: only 2 people → c's score comes from 2 respondents.
  const config = makeConfig({
    departments: ['a', 'b', 'c'],
    criteria: { x: 1, y: 3 },
    anonymityMin: 3,
    alertBelow: 4.9,
  });
  const s = await score(config, [
    row(1, 1, 0, [4, 4]), row(2, 1, 0, [5, 4]), row(3, 1, 0, [4, 5]), row(4, 1, 0, [5, 5]), row(5, 1, 0, [4, 4]),
    row(6, 2, 0, [3, 4]), row(7, 2, 0, [4, 4]),
    // c's hidden score: m_x = 1, m_y = 1.5 → (1 + 4.5)/4 = 1.375
    row(1, 1, 2, [1, 2]), row(2, 1, 2, [1, 1]),
  ]);
  const c = s.departments[2];

  it('hides the score and everything computed with it, but keeps the counts', async () => {
    expect(c).toMatchObject({
      score: null, se: null, seMethod: null, ci95: null, favorablePct: null, rank: null,
      respondents: 2, raters: 1, suppressed: true, reason: 'fewer_than_k', flags: ['suppressed'],
    });
    expect(c?.criteria.map((x) => [x.mean, x.respondents, x.reason])).toEqual([
      [null, 2, 'fewer_than_k'],
      [null, 2, 'fewer_than_k'],
    ]);
  });

  it('keeps the hidden number out of the result entirely', async () => {
    expect(JSON.stringify(s)).not.toContain('1.375');
  });

  it('a department of 3+ respondents is hidden too when, shown, its numbers would narrow a hidden one (protection)', async () => {
    // With whole-point answers, a's score and favorable % together with a<b would narrow a hidden small-group
    // value below 1 point (found by the LP); its criterion means stay.
    expect(s.departments[0]).toMatchObject({ suppressed: true, reason: 'protection', rank: null, respondents: 7, score: null });
    expect(s.departments[0]?.criteria.map((c) => c.reason)).toEqual([null, null]);
    expect(s.hidden.department.protection).toBeGreaterThanOrEqual(1);
  });

  it('pairs: c<b from 2 people is hidden; a<c from 2 people is hidden and, being the only one, takes a<b with it', async () => {
    expect(reasonsOfPairs(s)).toEqual({ 'a<b': 'secondary', 'a<c': 'fewer_than_k', 'c<b': 'fewer_than_k' });
    expect(s.pairs.every((p) => p.score === null)).toBe(true);
  });
});

describe('secondary suppression, k = 3', async () => {
  it('pairs of one department and the rater view: the smallest other cell, ties to the lower index', async () => {
    // a is evaluated by b (5 people), c (3), d (2), e (3), all different people, one criterion each row.
    // pairs of a: d hidden (2 < 3); exactly one → the smallest other: c and e have 3, c has the lower index.
    // rater view: d hidden; exactly one with the company mean shown → c again (tie with e).
    const config = makeConfig({ departments: ['a', 'b', 'c', 'd', 'e'], criteria: { x: 1, y: 3 }, anonymityMin: 3 });
    const rows = [];
    let id = 1;
    for (let i = 0; i < 5; i++) rows.push(row(id++, 1, 0, [4, 5]));
    rows.push(row(id++, 2, 0, [2, 2]), row(id++, 2, 0, [3, 2]), row(id++, 2, 0, [2, 3])); // P(a,c) = 7/3
    rows.push(row(id++, 3, 0, [1, 2]), row(id++, 3, 0, [1, 1])); // P(a,d) = 1.375
    for (let i = 0; i < 3; i++) rows.push(row(id++, 4, 0, [5, 3]));
    const s = await score(config, rows);

    expect(s.departments[0]).toMatchObject({ suppressed: false, respondents: 13 });
    expect(reasonsOfPairs(s)).toEqual({ 'a<b': null, 'a<c': 'secondary', 'a<d': 'fewer_than_k', 'a<e': null });
    expect(reasonsOfRaters(s)).toEqual({ a: 'no_responses', b: null, c: 'secondary', d: 'fewer_than_k', e: null });
    expect(s.raters[2]).toMatchObject({ givenMean: null, difference: null, respondents: 3, suppressed: true });
    expect(s.company.mean).not.toBeNull();
    const json = JSON.stringify(s);
    expect(json).not.toContain('1.375');
    expect(json).not.toContain('2.333');
  });

  it('criterion means of one department, and the company criterion mean that would give them away', async () => {
    // b evaluates a, 5 people. x: all 5 answer; y: 2 answer; z: 4 answer; w: 4 answer.
    // M(a,y) hidden (2 < 3); exactly one → the smallest other: z and w have 4, z has the lower index.
    // Company means: y hidden (2 respondents); z would equal M(a,z) (a is the only department) → hidden too;
    // x stays. w is hidden by protection: shown together with a's score, a's favorable % and the company values
    // of x, the company favorable % of w pins the favorable share of the 2 answers on y (to 0, checked by LP).
    const config = makeConfig({ departments: ['a', 'b'], criteria: { x: 1, y: 1, z: 2, w: 1 }, anonymityMin: 3 });
    const s = await score(config, [
      row(1, 1, 0, [4, 2, 3, 5]),
      row(2, 1, 0, [4, 1, 3, 5]),
      row(3, 1, 0, [5, NA, 2, 4]),
      row(4, 1, 0, [5, NA, 2, 4]),
      row(5, 1, 0, [4, NA, NA, NA]),
    ]);
    const a = s.departments[0];
    expect(a?.criteria.map((c) => [c.id, c.respondents, c.reason])).toEqual([
      ['x', 5, null],
      ['y', 2, 'fewer_than_k'],
      ['z', 4, 'secondary'],
      ['w', 4, null],
    ]);
    expect(a?.criteria[0]?.mean).toBeCloseTo(22 / 5, 12); // (4+4+5+5+4)/5
    expect(a?.criteria[3]?.mean).toBeCloseTo(4.5, 12);
    expect(a?.criteria[2]?.mean).toBeNull();
    expect(s.criteria.map((c) => [c.id, c.respondents, c.reason])).toEqual([
      ['x', 5, null],
      ['y', 2, 'fewer_than_k'],
      ['z', 4, 'secondary'],
      ['w', 4, 'protection'],
    ]);
    expect(s.criteria[2]).toMatchObject({ mean: null, favorablePct: null, answers: 4 });
    expect(a?.score).not.toBeNull();
    expect(JSON.stringify(s)).not.toContain('"mean":2.5'); // M(a,z) = (3+3+2+2)/4 = 2.5
  });

  it('the rater view uses the rows of shown pairs only, so it cannot give a hidden pair away', async () => {
    // b evaluates a (people 1-5) and c (people 1-2); d evaluates a and c (people 11-14).
    // c<b hidden (2 < 3); pairs of c: exactly one → c<d (the only other) hidden.
    // Over every row, given(b), given(d) and the company mean would add equations on c<b and c<d;
    // over shown pairs only: given(b) = a<b = 4, given(d) = a<d = 3, company = (5·4 + 4·3)/9 = 32/9.
    const config = makeConfig({ departments: ['a', 'b', 'c', 'd'], criteria: { x: 1 }, anonymityMin: 3 });
    const rows = [];
    for (let p = 1; p <= 5; p++) rows.push(row(p, 1, 0, [4]));
    rows.push(row(1, 1, 2, [1]), row(2, 1, 2, [2]));
    for (let p = 11; p <= 14; p++) rows.push(row(p, 3, 0, [3]), row(p, 3, 2, [5]));
    const s = await score(config, rows);
    expect(reasonsOfPairs(s)).toEqual({ 'a<b': null, 'a<d': null, 'c<b': 'fewer_than_k', 'c<d': 'secondary' });
    expect(reasonsOfRaters(s)).toEqual({ a: 'no_responses', b: null, c: 'no_responses', d: null });
    expect(s.raters[1]).toMatchObject({ respondents: 5, rows: 7 });
    expect(s.raters[1]?.givenMean).toBeCloseTo(4, 12);
    expect(s.raters[3]?.givenMean).toBeCloseTo(3, 12);
    expect(s.company).toMatchObject({ suppressed: false, respondents: 9, rows: 15 });
    expect(s.company.mean).toBeCloseTo(32 / 9, 12);
    expect(s.departments[2]).toMatchObject({ suppressed: false, respondents: 6 });
  });

  it('a rater whose every pair is hidden shows no mean, and the company mean leaves its rows out', async () => {
    // b rates a (5 people) and c (2 of them): c<b is hidden, so given(b) = a<b = 4 and the company mean too.
    // e rates c only, with 3 people; c's pairs: c<b hidden → c<e (the only other) hidden → e has no shown pair.
    const config = makeConfig({ departments: ['a', 'b', 'c', 'd', 'e'], criteria: { x: 1 }, anonymityMin: 3 });
    const rows = [];
    for (let p = 1; p <= 5; p++) rows.push(row(p, 1, 0, [4]));
    rows.push(row(1, 1, 2, [1]), row(2, 1, 2, [2]));
    for (let p = 21; p <= 23; p++) rows.push(row(p, 4, 2, [5]));
    const s = await score(config, rows);
    expect(reasonsOfPairs(s)).toEqual({ 'a<b': null, 'c<b': 'fewer_than_k', 'c<e': 'secondary' });
    expect(s.raters[4]).toMatchObject({ givenMean: null, suppressed: true, reason: 'secondary', respondents: 3, rows: 3 });
    expect(s.raters[1]?.givenMean).toBeCloseTo(4, 12);
    expect(s.company.mean).toBeCloseTo(4, 12);
    expect(s.departments[0]?.score).toBeCloseTo(4, 12);
  });

  it('nothing secondary when two or more cells are hidden already', async () => {
    // a evaluated by b (5), c (2), d (2): two hidden pairs, nothing else hidden among a's pairs.
    const config = makeConfig({ departments: ['a', 'b', 'c', 'd'], criteria: { x: 1 }, anonymityMin: 3 });
    const rows = [];
    let id = 1;
    for (let i = 0; i < 5; i++) rows.push(row(id++, 1, 0, [4]));
    for (let i = 0; i < 2; i++) rows.push(row(id++, 2, 0, [3]), row(id++, 3, 0, [2]));
    const s = await score(config, rows);
    expect(reasonsOfPairs(s)).toEqual({ 'a<b': null, 'a<c': 'fewer_than_k', 'a<d': 'fewer_than_k' });
    expect(reasonsOfRaters(s)).toEqual({ a: 'no_responses', b: null, c: 'fewer_than_k', d: 'fewer_than_k' });
  });
});
