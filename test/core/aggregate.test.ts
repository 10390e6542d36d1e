import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPeriodAggregator } from '../../src/core/aggregate.js';
import { makeConfig, NA } from './factories.js';

const config = makeConfig({ departments: ['a', 'b', 'c'], criteria: { x: 2, y: 1, z: 1 } });

const rowArb = fc.record({
  respondent: fc.integer({ min: 0, max: 40 }),
  rater: fc.integer({ min: 0, max: 2 }),
  target: fc.integer({ min: 0, max: 2 }),
  answers: fc.array(fc.constantFrom(1, 2, 3, 4, 5, 4.5, NA), { minLength: 3, maxLength: 3 }),
});

describe('createPeriodAggregator', () => {
  it('gives the same aggregate however respondents are numbered (dense ids, or any numbers at all)', () => {
    const odd = (id: number) => [-1 - id, id + 0.5, 2 ** 40 + id, 1e7 + id][id % 4] as number;
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), (rows) => {
        const dense = createPeriodAggregator(config);
        const sparse = createPeriodAggregator(config);
        for (const row of rows) {
          dense.add({ ...row, answers: Float64Array.from(row.answers) });
          sparse.add({ ...row, respondent: odd(row.respondent), answers: Float64Array.from(row.answers) });
        }
        expect(sparse.finish()).toEqual(dense.finish());
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('counts distinct respondents per rater department, also for a respondent who writes for two', () => {
    const agg = createPeriodAggregator(config);
    const answers = Float64Array.from([4, 4, NA]);
    agg.add({ respondent: 7, rater: 0, target: 1, answers });
    agg.add({ respondent: 7, rater: 0, target: 2, answers });
    agg.add({ respondent: 7, rater: 1, target: 2, answers });
    agg.add({ respondent: 8, rater: 1, target: 0, answers });
    agg.add({ respondent: 7, rater: 1, target: 0, answers });
    const result = agg.finish();
    expect(result.raterRespondents).toEqual([1, 2, 0]);
    expect(result.criterionRespondents).toEqual([2, 2, 0]);
    expect(result.respondents).toBe(2);
    expect(result.pairs.map((p) => [p.target, p.rater, p.rowScores.n])).toEqual([
      [0, 1, 2],
      [1, 0, 1],
      [2, 0, 1],
      [2, 1, 1],
    ]);
  });

  it('does not keep the rows it is given (the same row object may be reused)', () => {
    expect(createPeriodAggregator(config).keepsRows).toBe(false);
  });
});

describe('PeriodAggregator.remove (a row taken back out: the first of a duplicate pair)', () => {
  /** Every number of two aggregates equal, counts exactly, sums and moments to 1e-12 relative. */
  function expectClose(actual: unknown, expected: unknown, path = 'aggregate'): void {
    if (typeof expected === 'number' && typeof actual === 'number') {
      const scale = Math.max(1, Math.abs(expected));
      expect(Math.abs(actual - expected) / scale, `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12);
      return;
    }
    if (ArrayBuffer.isView(expected) || Array.isArray(expected)) {
      const a = Array.from(actual as ArrayLike<unknown>);
      const e = Array.from(expected as ArrayLike<unknown>);
      expect(a.length, `${path}.length`).toBe(e.length);
      e.forEach((v, i) => expectClose(a[i], v, `${path}[${i}]`));
      return;
    }
    if (typeof expected === 'object' && expected !== null) {
      expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
      for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
      return;
    }
    expect(actual, path).toEqual(expected);
  }

  const wide = makeConfig({ departments: ['a', 'b', 'c'], criteria: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 1 + (i % 3)])) });

  for (const [name, cfg, width] of [
    ['3 criteria', config, 3],
    ['33 criteria (beyond the bit masks)', wide, 33],
  ] as const) {
    it(`equals a fresh aggregation without the removed rows (${name})`, () => {
      const arb = fc.record({
        respondent: fc.integer({ min: 0, max: 12 }),
        rater: fc.integer({ min: 0, max: 2 }),
        target: fc.integer({ min: 0, max: 2 }),
        answers: fc.array(fc.constantFrom(1, 2, 3, 4, 5, 4.5, 3.7, NA), { minLength: width, maxLength: width }),
        removed: fc.boolean(),
      });
      fc.assert(
        fc.property(fc.array(arb, { maxLength: 40 }), (rows) => {
          const taken = createPeriodAggregator(cfg);
          const fresh = createPeriodAggregator(cfg);
          for (const r of rows) taken.add({ ...r, answers: Float64Array.from(r.answers) });
          for (const r of rows) if (r.removed) taken.remove({ ...r, answers: Float64Array.from(r.answers) });
          for (const r of rows) if (!r.removed) fresh.add({ ...r, answers: Float64Array.from(r.answers) });
          expectClose(taken.finish(), fresh.finish());
        }),
        { seed: 11, numRuns: 150 },
      );
    });
  }

  it('undoes the counts, sums, favorable counts, distinct respondents and row-score moments (worked by hand)', () => {
    const agg = createPeriodAggregator(config); // weights x 2, y 1, z 1; favorable >= 4
    agg.add({ respondent: 1, rater: 0, target: 1, answers: Float64Array.from([5, 3, NA]) }); // o = 13/3
    agg.add({ respondent: 2, rater: 0, target: 1, answers: Float64Array.from([2, 2, 2]) }); // o = 2
    agg.add({ respondent: 1, rater: 0, target: 2, answers: Float64Array.from([4, NA, NA]) }); // o = 4
    agg.remove({ respondent: 1, rater: 0, target: 1, answers: Float64Array.from([5, 3, NA]) });
    const result = agg.finish();
    const pair = result.pairs.find((p) => p.target === 1 && p.rater === 0)!;
    expect([...pair.answers]).toEqual([1, 1, 1]);
    expect([...pair.sums]).toEqual([2, 2, 2]);
    expect([...pair.favorable]).toEqual([0, 0, 0]);
    expect(pair.rowScores.n).toBe(1);
    expect(pair.rowScores.mean).toBeCloseTo(2, 12);
    expect(pair.rowScores.m2).toBeCloseTo(0, 12);
    // respondent 1 still has a row (about target 2): still counted, for rater a and for criterion x only
    expect(result.raterRespondents).toEqual([2, 0, 0]);
    expect(result.criterionRespondents).toEqual([2, 1, 1]);
    expect(result.respondents).toBe(2);
    expect(result.rowsUsed).toBe(2);
  });

  it('drops a pair whose last row is removed, as if it never had one', () => {
    const agg = createPeriodAggregator(config);
    const only = { respondent: 3, rater: 2, target: 0, answers: Float64Array.from([4, 4, 4]) };
    agg.add(only);
    agg.remove(only);
    const result = agg.finish();
    expect(result.pairs).toEqual([]);
    expect(result.raterRespondents).toEqual([0, 0, 0]);
    expect(result.criterionRespondents).toEqual([0, 0, 0]);
    expect([result.respondents, result.rowsUsed]).toEqual([0, 0]);
  });
});
