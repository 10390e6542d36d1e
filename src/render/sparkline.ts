/** A sparkline of scores for the terminal: one block per period, on the config's scale. */

export const SPARK_BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
/** A period without a shown score (hidden, or no responses). */
export const SPARK_GAP = '·';

/**
 * Scaled to the whole answer scale (min..max), not to the department's own range: a move of 0.1 looks
 * small, as it is, and lines of different departments compare. The scale is cut into 8 equal bins.
 */
export function sparkline(values: readonly (number | null)[], scale: { min: number; max: number }): string {
  const span = scale.max - scale.min;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return SPARK_GAP;
      const share = span > 0 ? (v - scale.min) / span : 0;
      const bin = Math.min(SPARK_BLOCKS.length - 1, Math.max(0, Math.floor(share * SPARK_BLOCKS.length)));
      return SPARK_BLOCKS[bin];
    })
    .join('');
}
