/**
 * Cell suppression verified by linear programming (SPEC 3.3; τ-ARGUS's method): after the primary
 * suppressions (fewer than anonymity_min respondents) and the cheap secondary rule, every sensitive value —
 * a hidden value of a small group, or a latent one such as a pair's criterion mean after N/A — gets the
 * smallest and largest value it can take given all that the report shows; while a range is narrower than the
 * protection width, one more value is hidden: among the shown values whose equations hold that range in
 * (nonzero duals at the optimum), the one from the fewest respondents, since it costs the least information.
 * Then the same check with whole-point answers (integer sums and favorable counts of the small groups).
 */
import type { Config } from '../../config/types.js';
import type { PairAccumulator } from '../aggregate.js';
import { inRaterView } from '../raterView.js';
import type { Guarded } from '../suppress.js';
import { createAtoms, type Atoms, type Expression } from './linear.js';
import { createFormulas, type Formulas } from './published.js';
import { createRangeSolver, loadHighs, type Constraint } from './solver.js';

/** The values of one period on their way to the result; protection sets `reason` on more of them. */
export interface ProtectionCells {
  /** aggregate.pairs; pairCells[p] is the pair score of pairs[p]. */
  readonly pairs: readonly PairAccumulator[];
  readonly pairCells: readonly Guarded[];
  readonly departments: readonly Guarded[];
  /** criteria[t][c] = M(t,c). */
  readonly criteria: readonly (readonly Guarded[])[];
  readonly companyCriteria: readonly Guarded[];
  readonly raters: readonly Guarded[];
  readonly company: Guarded;
}

interface Published {
  readonly cell: Guarded;
  readonly expression: Expression;
}

interface Sensitive {
  readonly expression: Expression;
  readonly width: number;
}

/** Hidden parts narrower than this give a value away (SPEC 3.3): 1 point, or a quarter of the scale's length. */
export function protectionWidth(scale: { min: number; max: number }): number {
  return Math.min(1, (scale.max - scale.min) / 4);
}

/** A favorable share runs from 0 to 1: the same quarter of its length. */
const SHARE_WIDTH = 0.25;
const TOLERANCE = 1e-7;
/** Small cells (pair × criterion answered by fewer than anonymity_min) up to which whole points are searched. */
const WHOLE_POINT_CELLS = 8;

export async function protect(cells: ProtectionCells, config: Config): Promise<void> {
  const { pairs } = cells;
  const k = config.anonymityMin;
  const criterionCount = config.criteria.length;
  const anySmall = pairs.some((pair) => pair.answers.some((n) => n > 0 && n < k));
  const anyHidden = [cells.departments, cells.pairCells, cells.raters, cells.companyCriteria, cells.criteria.flat()].some((list) =>
    list.some((cell) => cell.reason === 'fewer_than_k'),
  );
  if (!anySmall && !anyHidden && cells.company.reason !== 'fewer_than_k') return;

  const highs = await loadHighs();
  const atoms = createAtoms(pairs, criterionCount, config.scale, k);
  const formulas = createFormulas(pairs, config.criteria.map((c) => c.weight), config.aggregation, atoms);
  const byTarget = indexBy(pairs, config.departments.length, (p) => p.target);
  const byRater = indexBy(pairs, config.departments.length, (p) => p.rater);
  const structure = structuralConstraints(pairs, criterionCount, config, atoms);
  const sensitive = sensitiveValues(cells, config, formulas, byTarget, byRater);
  // Whole-point search (a MIP per end of every range) is what an attacker does to a small company; it costs
  // seconds once there are more than a few dozen small cells, so it runs up to WHOLE_POINT_CELLS of them. Beyond,
  // only the whole-point link of the LP (unfavorable answers at most favorable_min − 1) holds: a known limit.
  const wholePoints =
    atoms.small.length > 0 &&
    atoms.small.length <= 2 * WHOLE_POINT_CELLS &&
    atoms.small.every((column) => Number.isInteger(atoms.truth[column]));

  // Hiding a value only removes an equation, so a range that was wide enough stays so — except that the rater
  // view is recomputed over fewer pairs. Rounds therefore re-check only what failed, and the loop ends only
  // after a round that checked every sensitive value and found nothing to hide.
  let pending = sensitive;
  for (;;) {
    const published = publishedValues(cells, formulas, byTarget, byRater, criterionCount, k);
    const solver = createRangeSolver(highs, atoms, structure, published.map((p) => p.expression));
    const victims = new Set<Guarded>();
    const failed: Sensitive[] = [];
    const linked = linkedColumns(atoms.lower.length, structure, published);
    try {
      for (const s of pending) {
        // Not linked to any shown value: only the scale's bounds hold it, at least a full scale (or share) wide.
        if (![...s.expression.keys()].some((column) => linked[column] === 1)) continue;
        const range = solver.range(s.expression);
        if (range === null || range.max - range.min >= s.width - TOLERANCE) continue;
        failed.push(s);
        const victim = cheapest(solver.binding(s.expression).map((i) => (published[i] as Published).cell)) ?? fallback(s, published, atoms, pairs.length);
        if (victim !== undefined) victims.add(victim);
      }
    } finally {
      solver.dispose();
    }
    if (victims.size === 0 && pending !== sensitive) {
      pending = sensitive; // nothing left failing: one full round to confirm
      continue;
    }
    if (victims.size === 0 && wholePoints) {
      const mip = createRangeSolver(highs, atoms, structure, published.map((p) => p.expression), atoms.small);
      try {
        for (const s of sensitive) {
          if (!touchesAny(s.expression, atoms.small)) continue;
          const range = mip.range(s.expression);
          if (range === null) break; // the shown values have no whole-point solution: nothing to try
          if (range.max - range.min >= s.width - TOLERANCE) continue;
          failed.push(s);
          const victim = fallback(s, published, atoms, pairs.length);
          if (victim !== undefined) victims.add(victim);
        }
      } finally {
        mip.dispose();
      }
    }
    if (victims.size === 0) return;
    for (const victim of victims) victim.reason = 'protection';
    pending = failed;
  }
}

/**
 * What holds for any data: sums within the scale given the favorable counts, row scores tied to sums without N/A.
 * Favorable answers lie in [favorable_min, max], the others in [min, highest unfavorable]: favorable_min − 1
 * when answers are whole points (then on a 0–1 scale S = F exactly), else favorable_min (an LP cannot say "<").
 */
function structuralConstraints(pairs: readonly PairAccumulator[], criterionCount: number, config: Config, atoms: Atoms): Constraint[] {
  const { min, max } = config.scale;
  const favorableMin = Math.min(Math.max(config.favorableMin, min), max);
  const wholePoints = [min, max, favorableMin].every(Number.isInteger) && favorableMin > min;
  const links = (unfavorableMax: number) =>
    pairs.flatMap((pair, p) =>
      Array.from({ length: criterionCount }, (_, c) => c)
        .filter((c) => (pair.answers[c] as number) > 0)
        .flatMap((c): Constraint[] => {
          const n = pair.answers[c] as number;
          const s = atoms.sum(p, c);
          const f = atoms.favorable(p, c);
          // S ≥ F·favorable_min + (n − F)·min  and  S ≤ F·max + (n − F)·unfavorableMax
          return [
            { expression: new Map([[s, 1], [f, min - favorableMin]]), lower: n * min, upper: Infinity },
            { expression: new Map([[s, 1], [f, unfavorableMax - max]]), lower: -Infinity, upper: n * unfavorableMax },
          ];
        }),
    );
  let constraints = links(wholePoints ? favorableMin - 1 : favorableMin);
  // Whole-point bounds are only an attacker's knowledge when the data keeps them (answers may be 4.5).
  if (wholePoints && !constraints.every((k) => holds(k, atoms.truth))) constraints = links(favorableMin);
  const weights = config.criteria.map((c) => c.weight);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  pairs.forEach((pair, p) => {
    const rows = pair.rowScores.n;
    if (!pair.answers.every((n) => n === rows)) return;
    // Every row answered every criterion: each row score is Σ w_c·a_c / Σ w_c, so O = Σ w_c·S_c / Σ w_c.
    const e: Expression = new Map([[atoms.rowScores(p), -1]]);
    weights.forEach((w, c) => e.set(atoms.sum(p, c), w / weightSum));
    constraints.push({ expression: e, lower: 0, upper: 0 });
  });
  return constraints;
}

function holds(constraint: Constraint, values: Float64Array): boolean {
  let sum = 0;
  for (const [column, coefficient] of constraint.expression) sum += coefficient * (values[column] as number);
  const slack = 1e-9 * Math.max(1, Math.abs(sum));
  return sum >= constraint.lower - slack && sum <= constraint.upper + slack;
}

function sensitiveValues(
  cells: ProtectionCells,
  config: Config,
  formulas: Formulas,
  byTarget: readonly number[][],
  byRater: readonly number[][],
): Sensitive[] {
  const width = protectionWidth(config.scale);
  const criteria = config.criteria.map((_, c) => c);
  const all = cells.pairs.map((_, p) => p);
  const out: Sensitive[] = [];
  const add = (expression: Expression | null, w = width) => {
    if (expression !== null && expression.size > 0) out.push({ expression, width: w });
  };
  const small = (cell: Guarded) => cell.reason === 'fewer_than_k';
  cells.departments.forEach((cell, t) => {
    if (!small(cell)) return;
    add(formulas.score(byTarget[t] as number[]));
    add(formulas.favorableShare(byTarget[t] as number[], criteria), SHARE_WIDTH);
  });
  cells.criteria.forEach((row, t) =>
    row.forEach((cell, c) => {
      if (small(cell)) add(formulas.criterionMean(byTarget[t] as number[], c));
    }),
  );
  cells.pairCells.forEach((cell, p) => {
    if (small(cell)) add(formulas.pairScore(p));
    const pair = cells.pairs[p] as PairAccumulator;
    // Latent: a pair's criterion mean from fewer than k answers (the others said N/A), shown or not.
    criteria.forEach((c) => {
      const n = pair.answers[c] as number;
      if (n > 0 && n < config.anonymityMin && n < pair.rowScores.n) add(formulas.pairCriterionMean(p, c));
    });
  });
  cells.companyCriteria.forEach((cell, c) => {
    if (!small(cell)) return;
    add(formulas.companyCriterionMean(byTarget, c));
    add(formulas.favorableShare(all, [c]), SHARE_WIDTH);
  });
  cells.raters.forEach((cell, r) => {
    if (small(cell)) add(formulas.meanRowScore(byRater[r] as number[]));
  });
  if (small(cells.company)) add(formulas.meanRowScore(all));
  return out;
}

function publishedValues(
  cells: ProtectionCells,
  formulas: Formulas,
  byTarget: readonly number[][],
  byRater: readonly number[][],
  criterionCount: number,
  anonymityMin: number,
): Published[] {
  const criteria = Array.from({ length: criterionCount }, (_, c) => c);
  const shownPairs = (list: readonly number[]) =>
    list.filter((p) => inRaterView(cells.pairs[p] as PairAccumulator, cells.pairCells[p] as Guarded, anonymityMin));
  const out: Published[] = [];
  const add = (cell: Guarded, expression: Expression | null) => {
    if (cell.reason === null && expression !== null && expression.size > 0) out.push({ cell, expression });
  };
  cells.departments.forEach((cell, t) => {
    add(cell, formulas.score(byTarget[t] as number[]));
    add(cell, formulas.favorableShare(byTarget[t] as number[], criteria));
  });
  cells.criteria.forEach((row, t) => row.forEach((cell, c) => add(cell, formulas.criterionMean(byTarget[t] as number[], c))));
  cells.pairCells.forEach((cell, p) => add(cell, formulas.pairScore(p)));
  const all = cells.pairs.map((_, p) => p);
  cells.companyCriteria.forEach((cell, c) => {
    add(cell, formulas.companyCriterionMean(byTarget, c));
    add(cell, formulas.favorableShare(all, [c]));
  });
  // The rater view and the company mean are computed over the rows of some shown pairs only (raterView.ts).
  cells.raters.forEach((cell, r) => add(cell, formulas.meanRowScore(shownPairs(byRater[r] as number[]))));
  add(cells.company, formulas.meanRowScore(shownPairs(all)));
  return out;
}

/**
 * 1 for every column connected (through structural constraints and shared columns) to a published equation:
 * union–find over the constraints, then the roots that some published equation reaches.
 */
function linkedColumns(columns: number, structure: readonly Constraint[], published: readonly Published[]): Uint8Array {
  const parent = Int32Array.from({ length: columns }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const join = (e: Expression) => {
    let first = -1;
    for (const column of e.keys()) {
      if (first < 0) first = find(column);
      else parent[find(column)] = first;
    }
  };
  for (const s of structure) join(s.expression);
  for (const p of published) join(p.expression);
  const reached = new Uint8Array(columns);
  for (const p of published) for (const column of p.expression.keys()) reached[find(column)] = 1;
  const linked = new Uint8Array(columns);
  for (let i = 0; i < columns; i++) linked[i] = reached[find(i)] as number;
  return linked;
}

function cheapest(candidates: readonly Guarded[]): Guarded | undefined {
  let best: Guarded | undefined;
  for (const cell of candidates) if (cell.reason === null && (best === undefined || cell.respondents < best.respondents)) best = cell;
  return best;
}

/**
 * When the solver names no binding value (a whole-point check): the cheapest shown value over any atom of the
 * same pairs; failing that, the cheapest shown value at all. Either way one more value is hidden, so the
 * loop ends.
 */
function fallback(s: Sensitive, published: readonly Published[], atoms: Atoms, pairCount: number): Guarded | undefined {
  const stride = atoms.lower.length / Math.max(1, pairCount);
  const pairsOf = (e: Expression) => new Set([...e.keys()].map((column) => Math.floor(column / stride)));
  const mine = pairsOf(s.expression);
  const near = published.filter((p) => [...pairsOf(p.expression)].some((pair) => mine.has(pair)));
  return cheapest(near.map((p) => p.cell)) ?? cheapest(published.map((p) => p.cell));
}

function touchesAny(expression: Expression, columns: readonly number[]): boolean {
  return columns.some((column) => expression.has(column));
}

function indexBy(pairs: readonly PairAccumulator[], length: number, key: (pair: PairAccumulator) => number): number[][] {
  const out: number[][] = Array.from({ length }, () => []);
  pairs.forEach((pair, p) => (out[key(pair)] as number[]).push(p));
  return out;
}
