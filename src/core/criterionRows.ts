/** Bookkeeping that lets the aggregator take a row back out (PeriodAggregator.remove). */
/**
 * The rows of each respondent with an answer on each criterion (up to 31), so that a row can be taken back out: a
 * flat typed array indexed respondent·C + c while respondents are numbered densely (as validation numbers
 * them), a Map for any other number.
 */
export class CriterionRows {
  private static readonly DENSE_LIMIT = 1 << 22;
  private dense: Int32Array;
  private readonly sparse = new Map<number, number>();

  constructor(private readonly criteria: number) {
    this.dense = new Int32Array(1024 * criteria);
  }

  /** Adds `by` to the rows of `respondent` on each criterion of `mask`; returns the mask of those that reach 0. */
  add(respondent: number, mask: number, by: number): number {
    const C = this.criteria;
    let emptied = 0;
    if (Number.isInteger(respondent) && respondent >= 0 && respondent < CriterionRows.DENSE_LIMIT) {
      const base = respondent * C;
      if (base + C > this.dense.length) {
        let length = this.dense.length * 2;
        while (length < base + C) length *= 2;
        const grown = new Int32Array(length);
        grown.set(this.dense);
        this.dense = grown;
      }
      const dense = this.dense;
      for (let c = 0; c < C; c++) {
        if ((mask & (1 << c)) === 0) continue;
        const rows = (dense[base + c] as number) + by;
        dense[base + c] = rows;
        if (rows === 0) emptied |= 1 << c;
      }
      return emptied;
    }
    for (let c = 0; c < C; c++) {
      if ((mask & (1 << c)) === 0) continue;
      const key = respondent * C + c;
      const rows = (this.sparse.get(key) ?? 0) + by;
      if (rows === 0) this.sparse.delete(key);
      else this.sparse.set(key, rows);
      if (rows === 0) emptied |= 1 << c;
    }
    return emptied;
  }
}
