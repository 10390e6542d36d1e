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
