import { describe, expect, it } from 'vitest';
import {
  emptyWelford,
  erfc,
  mean,
  normalTwoSidedP,
  sampleVariance,
  welfordAdd,
  welfordMerge,
} from '../../src/core/stats.js';

function welfordOf(values: number[]) {
  const acc = emptyWelford();
  for (const v of values) welfordAdd(acc, v);
  return acc;
}

describe('Welford', () => {
  it('gives the mean and sample variance worked out by hand', () => {
    // 2,4,4,4,5,5,7,9: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; s² = 32/7
    const acc = welfordOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(acc.n).toBe(8);
    expect(acc.mean).toBeCloseTo(5, 12);
    expect(acc.m2).toBeCloseTo(32, 12);
    expect(sampleVariance(acc)).toBeCloseTo(32 / 7, 12);
  });

  it('has no variance with fewer than 2 values', () => {
    expect(sampleVariance(emptyWelford())).toBeNull();
    expect(sampleVariance(welfordOf([3]))).toBeNull();
  });

  it('merges two accumulators into the accumulator of all values', () => {
    // a = 1,2 (mean 1.5, M2 0.5); b = 6 (mean 6, M2 0); all = 1,2,6: mean 3, M2 = 4+1+9 = 14
    const merged = welfordMerge(welfordOf([1, 2]), welfordOf([6]));
    expect(merged.n).toBe(3);
    expect(merged.mean).toBeCloseTo(3, 12);
    expect(merged.m2).toBeCloseTo(14, 12);
    expect(welfordMerge(emptyWelford(), welfordOf([4]))).toEqual({ n: 1, mean: 4, m2: 0 });
    expect(welfordMerge(welfordOf([4]), emptyWelford())).toEqual({ n: 1, mean: 4, m2: 0 });
  });

  it('does not change its inputs when merging', () => {
    const a = welfordOf([1, 2]);
    welfordMerge(a, welfordOf([10, 20]));
    expect(a).toEqual(welfordOf([1, 2]));
  });
});

describe('mean', () => {
  it('is null for no values and the arithmetic mean otherwise', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean(new Float64Array([0.5, 1.5]))).toBe(1);
  });
});

describe('normalTwoSidedP', () => {
  // Reference values: 2·(1 − Φ(|z|)) = erfc(|z|/√2) from Python's math.erfc (double precision).
  it.each([
    [1.96, 0.04999579029644087],
    [3, 0.0026997960632601913],
    [1, 0.31731050786291415],
    [2.5758293035489, 0.01],
  ])('z = %f gives p = %f', (z, p) => {
    expect(normalTwoSidedP(z)).toBeCloseTo(p, 7);
    expect(normalTwoSidedP(-z)).toBeCloseTo(p, 7);
  });

  it('is 1 at z = 0 and never above 1', () => {
    expect(normalTwoSidedP(0)).toBe(1);
  });

  it('keeps a small relative error in the far tail', () => {
    const p5 = 5.733031437583892e-7;
    const p8 = 1.2441921148543639e-15;
    expect(Math.abs(normalTwoSidedP(5) - p5) / p5).toBeLessThan(1.2e-7);
    expect(Math.abs(normalTwoSidedP(8) - p8) / p8).toBeLessThan(1.2e-7);
    expect(normalTwoSidedP(Infinity)).toBe(0);
    expect(normalTwoSidedP(Number.NaN)).toBeNaN();
  });

  it('erfc is 2 − erfc(−x)', () => {
    expect(erfc(-0.7)).toBeCloseTo(2 - erfc(0.7), 12);
    expect(erfc(-3)).toBeCloseTo(2 - 2.209049699858544e-5, 7);
  });
});
