/*
 * The streaming core against a naive reference on seeded random periods: the reference keeps every
 * row in arrays and applies the SPEC 3.2 formulas literally (two-pass variances, Sets for distinct
 * respondents), sharing no code with src/core.
 */
import { describe, expect, it } from 'vitest';
import type { Aggregation, Config } from '../../src/config/types.js';
import type { PeriodScores } from '../../src/core/results.js';
import { makeConfig, score } from './factories.js';

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlainRow {
  respondent: number;
  rater: number;
  target: number;
  answers: number[];
}

function randomPeriod(seed: number, departments: number, weights: number[]): PlainRow[] {
  const rand = prng(seed);
  const rows: PlainRow[] = [];
  let person = 0;
  for (let r = 0; r < departments; r++) {
    const people = 1 + Math.floor(rand() * 6); // 1..6 people: singletons and small groups
    const firstPerson = person;
    person += people;
    for (let t = 0; t < departments; t++) {
      if (t === r || rand() < 0.3) continue; // r is not a client of t
      for (let p = firstPerson; p < person; p++) {
        if (rand() < 0.25) continue;
        const answers = weights.map(() => (rand() < 0.2 ? Number.NaN : 1 + Math.floor(rand() * 5)));
        rows.push({ respondent: p, rater: r, target: t, answers });
      }
    }
  }
  rows.push({ respondent: person, rater: 0, target: 1, answers: weights.map(() => Number.NaN) }); // no valid answer
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as PlainRow, rows[i] as PlainRow];
  }
  return rows;
}

const valid = (a: number) => !Number.isNaN(a);
const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sampleVar = (xs: number[]) => {
  const m = avg(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};
const uniq = (xs: number[]) => [...new Set(xs)];

/** SPEC 3.2, literally. */
function naiveScores(all: PlainRow[], config: Config) {
  const w = config.criteria.map((c) => c.weight);
  const C = w.length;
  const D = config.departments.length;
  const rows = all.filter((r) => r.answers.some(valid));
  const o = (r: PlainRow) => {
    let ws = 0;
    let s = 0;
    r.answers.forEach((a, c) => {
      if (valid(a)) {
        ws += w[c] as number;
        s += (w[c] as number) * a;
      }
    });
    return s / ws;
  };
  const weighted = (means: (number | null)[]) => {
    let ws = 0;
    let s = 0;
    means.forEach((m, c) => {
      if (m !== null) {
        ws += w[c] as number;
        s += (w[c] as number) * m;
      }
    });
    return ws === 0 ? null : s / ws;
  };
  const answersOn = (rs: PlainRow[], c: number) => rs.map((r) => r.answers[c] as number).filter(valid);
  const m = (t: number, r: number, c: number) => {
    const xs = answersOn(rows.filter((x) => x.target === t && x.rater === r), c);
    return xs.length === 0 ? null : avg(xs);
  };
  const M = (t: number, c: number) => {
    const about = rows.filter((x) => x.target === t);
    if (config.aggregation === 'respondents') {
      const xs = answersOn(about, c);
      return xs.length === 0 ? null : avg(xs);
    }
    const ms = uniq(about.map((x) => x.rater))
      .map((r) => m(t, r, c))
      .filter((x): x is number => x !== null);
    return ms.length === 0 ? null : avg(ms);
  };

  const departments = config.departments.map((_, t) => {
    const about = rows.filter((x) => x.target === t);
    const raters = uniq(about.map((x) => x.rater));
    const means = w.map((_, c) => M(t, c));
    const allAnswers = about.flatMap((x) => x.answers.filter(valid));
    let se: number | null = null;
    if (about.length >= 2) {
      const os = about.map(o);
      if (config.aggregation === 'respondents') {
        se = Math.sqrt(sampleVar(os)) / Math.sqrt(os.length);
      } else {
        const groups = raters.map((r) => about.filter((x) => x.rater === r).map(o));
        const big = groups.filter((g) => g.length >= 2);
        const pooled =
          big.length > 0
            ? big.reduce((s, g) => s + (g.length - 1) * sampleVar(g), 0) / big.reduce((s, g) => s + g.length - 1, 0)
            : sampleVar(os);
        const sum = groups.reduce((s, g) => s + (g.length >= 2 ? sampleVar(g) : pooled) / g.length, 0);
        se = Math.sqrt(sum) / groups.length;
      }
    }
    return {
      score: weighted(means),
      means,
      criterionRespondents: w.map((_, c) => uniq(about.filter((x) => valid(x.answers[c] as number)).map((x) => x.respondent)).length),
      favorablePct: allAnswers.length === 0 ? null : (100 * allAnswers.filter((a) => a >= config.favorableMin).length) / allAnswers.length,
      respondents: uniq(about.map((x) => x.respondent)).length,
      raters: raters.length,
      se,
    };
  });

  const pairs = new Map<string, { score: number | null; respondents: number }>();
  for (const x of rows) {
    const key = `${x.target}<${x.rater}`;
    if (pairs.has(key)) continue;
    const of = rows.filter((y) => y.target === x.target && y.rater === x.rater);
    pairs.set(key, {
      score: weighted(w.map((_, c) => m(x.target, x.rater, c))),
      respondents: uniq(of.map((y) => y.respondent)).length,
    });
  }

  const companyMean = avg(rows.map(o));
  const raters = Array.from({ length: D }, (_, r) => {
    const by = rows.filter((x) => x.rater === r);
    return {
      given: by.length === 0 ? null : avg(by.map(o)),
      respondents: uniq(by.map((x) => x.respondent)).length,
      rows: by.length,
    };
  });

  const criteria = Array.from({ length: C }, (_, c) => {
    const xs = answersOn(rows, c);
    let mean: number | null;
    if (config.aggregation === 'respondents') mean = xs.length === 0 ? null : avg(xs);
    else {
      const ms = departments.map((d) => d.means[c] ?? null).filter((v): v is number => v !== null);
      mean = ms.length === 0 ? null : avg(ms);
    }
    return {
      mean,
      answers: xs.length,
      favorablePct: xs.length === 0 ? null : (100 * xs.filter((a) => a >= config.favorableMin).length) / xs.length,
      respondents: uniq(rows.filter((x) => valid(x.answers[c] as number)).map((x) => x.respondent)).length,
    };
  });

  return { departments, pairs, raters, companyMean, criteria, respondents: uniq(rows.map((x) => x.respondent)).length };
}

function expectClose(actual: number | null | undefined, expected: number | null | undefined) {
  if (expected === null || expected === undefined) expect(actual ?? null).toBeNull();
  else expect(actual).toBeCloseTo(expected, 10);
}

/** makeTestConfig's scale (test/helpers/config.ts). */
const SCALE_MIN = 1;
const SCALE_MAX = 5;

function compare(s: PeriodScores, naive: ReturnType<typeof naiveScores>) {
  s.departments.forEach((d, t) => {
    const n = naive.departments[t];
    expectClose(d.score, n?.score);
    expectClose(d.se, n?.se);
    expectClose(d.favorablePct, n?.favorablePct);
    expect(d.respondents).toBe(n?.respondents);
    expect(d.raters).toBe(n?.raters);
    d.criteria.forEach((cell, c) => {
      expectClose(cell.mean, n?.means[c]);
      expect(cell.respondents).toBe(n?.criterionRespondents[c]);
    });
    if (d.se !== null && d.score !== null) {
      // cut to the scale (1–5 here), issue 16
      expectClose(d.ci95?.[0], Math.max(SCALE_MIN, d.score - 1.96 * d.se));
      expectClose(d.ci95?.[1], Math.min(SCALE_MAX, d.score + 1.96 * d.se));
    }
  });
  const withRows = s.pairs.filter((p) => p.respondents > 0);
  expect(withRows.length).toBe(naive.pairs.size);
  for (const p of withRows) {
    const n = naive.pairs.get(`${p.target}<${p.rater}`);
    expectClose(p.score, n?.score);
    expect(p.respondents).toBe(n?.respondents);
  }
  expectClose(s.company.mean, naive.companyMean);
  expect(s.company.respondents).toBe(naive.respondents);
  s.raters.forEach((r, i) => {
    const n = naive.raters[i];
    expectClose(r.givenMean, n?.given);
    expect(r.respondents).toBe(n?.respondents);
    expect(r.rows).toBe(n?.rows);
    if (n?.given !== null && n?.given !== undefined) expectClose(r.difference, n.given - naive.companyMean);
  });
  s.criteria.forEach((c, i) => {
    const n = naive.criteria[i];
    expectClose(c.mean, n?.mean);
    expectClose(c.favorablePct, n?.favorablePct);
    expect(c.answers).toBe(n?.answers);
    expect(c.respondents).toBe(n?.respondents);
  });
}

const departmentIds = ['sales', 'procurement', 'delivery', 'hr', 'it', 'legal'];
const weights = [1, 2, 0.5, 3];
const seeds = [1, 7, 42, 2026, 31337, 99991];

describe.each(['departments', 'respondents'] as Aggregation[])('against the naive reference, aggregation: %s', (aggregation) => {
  const config = makeConfig({
    departments: departmentIds,
    criteria: { speed: weights[0] as number, quality: weights[1] as number, politeness: weights[2] as number, clarity: weights[3] as number },
    aggregation,
  });

  it.each(seeds)('seed %i', (seed) => {
    const rows = randomPeriod(seed, departmentIds.length, weights);
    const s = score(
      config,
      rows.map((r) => ({ ...r, answers: Float64Array.from(r.answers) })),
    );
    compare(s, naiveScores(rows, config));
    expect(s.rowsIgnored).toBeGreaterThanOrEqual(1);
  });

  it('the seeds exercise every SE rule', () => {
    const methods = new Set<string | null>();
    for (const seed of seeds) {
      const rows = randomPeriod(seed, departmentIds.length, weights);
      for (const d of score(config, rows.map((r) => ({ ...r, answers: Float64Array.from(r.answers) }))).departments) {
        methods.add(d.seMethod);
      }
    }
    const expected =
      aggregation === 'respondents'
        ? ['respondents']
        : ['departments', 'departments_pooled', 'departments_all_rows'];
    for (const m of expected) expect(methods).toContain(m);
  });
});

describe('more than 31 criteria (distinct respondents kept per criterion in Sets)', () => {
  it('matches the reference', () => {
    const manyWeights = Array.from({ length: 40 }, (_, i) => 1 + (i % 3));
    const config = makeConfig({
      departments: departmentIds,
      criteria: Object.fromEntries(manyWeights.map((w, i) => [`c${i}`, w])),
      aggregation: 'respondents',
    });
    const rows = randomPeriod(5, departmentIds.length, manyWeights);
    const s = score(config, rows.map((r) => ({ ...r, answers: Float64Array.from(r.answers) })));
    compare(s, naiveScores(rows, config));
  });
});

describe('anonymity invariants on random periods, k = 3', () => {
  it.each(seeds)('seed %i: nothing shown from fewer than k, and no group left with exactly one hidden cell', (seed) => {
    const config = makeConfig({
      departments: departmentIds,
      criteria: { speed: 1, quality: 2, politeness: 0.5, clarity: 3 },
      anonymityMin: 3,
    });
    const rows = randomPeriod(seed, departmentIds.length, weights);
    const s = score(config, rows.map((r) => ({ ...r, answers: Float64Array.from(r.answers) })));

    const hidden = (x: { suppressed: boolean }) => x.suppressed;
    for (const d of s.departments) {
      expect(d.score === null).toBe(d.respondents < 3);
      for (const c of d.criteria) if (c.respondents < 3) expect(c.mean).toBeNull();
      if (d.score !== null) {
        expect(d.criteria.filter((c) => c.respondents > 0).filter(hidden).length).not.toBe(1);
        expect(s.pairs.filter((p) => p.target === d.index && p.respondents > 0).filter(hidden).length).not.toBe(1);
      }
    }
    for (const p of s.pairs) if (p.respondents < 3) expect(p.score).toBeNull();
    for (const r of s.raters) if (r.respondents < 3) expect(r.givenMean).toBeNull();
    // the rater view is computed from the rows of shown pairs only, so it carries nothing about hidden ones
    const w = [1, 2, 0.5, 3];
    const o = (x: { answers: number[] }) => {
      let ws = 0;
      let sum = 0;
      x.answers.forEach((a, c) => {
        if (!Number.isNaN(a)) {
          ws += w[c] as number;
          sum += (w[c] as number) * a;
        }
      });
      return sum / ws;
    };
    const shownPair = new Set(s.pairs.filter((p) => p.score !== null).map((p) => `${p.target}<${p.rater}`));
    const inShown = rows.filter((x) => x.answers.some((a) => !Number.isNaN(a)) && shownPair.has(`${x.target}<${x.rater}`));
    for (const r of s.raters) {
      const mine = inShown.filter((x) => x.rater === r.index);
      if (mine.length === 0) expect(r.givenMean).toBeNull();
      else expect(r.givenMean).toBeCloseTo(avg(mine.map(o)), 10);
    }
    if (inShown.length > 0) expect(s.company.mean).toBeCloseTo(avg(inShown.map(o)), 10);
    else expect(s.company.mean).toBeNull();
    s.criteria.forEach((c, i) => {
      if (c.respondents < 3) expect(c.mean).toBeNull();
      if (c.mean !== null) expect(s.departments.filter((d) => (d.criteria[i]?.respondents ?? 0) > 0 && d.criteria[i]?.suppressed).length).not.toBe(1);
    });
    // a department's shown values come only with a shown score
    for (const d of s.departments.filter((x) => x.score === null)) {
      expect([d.se, d.ci95, d.favorablePct, d.rank]).toEqual([null, null, null, null]);
    }
  });
});
