/** Small pure statistics helpers for the scoring core and for diff/trend. */

/**
 * Running count, mean and sum of squared deviations (Welford 1962): constant memory
 * whatever the number of values, and no catastrophic cancellation (unlike Σx² − n·mean²).
 */
export interface Welford {
  n: number;
  mean: number;
  /** Σ (x − mean)²; the sample variance is m2 / (n − 1). */
  m2: number;
}

export function emptyWelford(): Welford {
  return { n: 0, mean: 0, m2: 0 };
}

export function welfordAdd(acc: Welford, x: number): void {
  acc.n += 1;
  const delta = x - acc.mean;
  acc.mean += delta / acc.n;
  acc.m2 += delta * (x - acc.mean);
}

/** The accumulator of both inputs' values together (Chan, Golub & LeVeque 1979). Inputs are not changed. */
export function welfordMerge(a: Welford, b: Welford): Welford {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return {
    n,
    mean: a.mean + (delta * b.n) / n,
    m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n,
  };
}

/** Sample variance (divisor n − 1); null with fewer than 2 values. */
export function sampleVariance(acc: Welford): number | null {
  return acc.n < 2 ? null : acc.m2 / (acc.n - 1);
}

/** Arithmetic mean; null for no values. */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/**
 * Complementary error function, Chebyshev fit of Numerical Recipes (2nd ed., §6.2, `erfcc`):
 * fractional error below 1.2e-7 everywhere, which is ample for printing p-values.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/**
 * Two-sided p-value of a standard normal statistic: p = 2·(1 − Φ(|z|)) = erfc(|z|/√2).
 * Clamped to [0, 1]: the fit gives 1 + 3e-8 at z = 0.
 */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, Math.max(0, erfc(Math.abs(z) / Math.SQRT2)));
}
