/**
 * The smallest and largest value a hidden number can take given everything a report shows: a linear program
 * solved with HiGHS (the `highs` package, HiGHS compiled to WebAssembly).
 *
 * HiGHS is loaded the first time something must be protected, not before: compiling its WebAssembly takes
 * about 0.2 s, which a report without small groups should not pay. It is loaded with a `require` made at run
 * time so that the bundler leaves it (and its .wasm file beside it) in node_modules.
 */
import { createRequire } from 'node:module';
import type { Highs, Model } from 'highs';
import { type Atoms, type Expression } from './linear.js';

let loading: Promise<Highs> | undefined;

/** Branch-and-bound nodes a whole-point range may take at each end. */
const MIP_NODES = 200;
/** HiGHS's primal_solution_status for "a feasible solution is known". */
const FEASIBLE = 2;

export function loadHighs(): Promise<Highs> {
  if (loading === undefined) {
    const load = createRequire(import.meta.url)('highs') as (options?: object) => Promise<Highs>;
    loading = load();
  }
  return loading;
}

/** A linear constraint lower ≤ expression ≤ upper. */
export interface Constraint {
  readonly expression: Expression;
  readonly lower: number;
  readonly upper: number;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface RangeSolver {
  /** null: the published equations have no solution in whole numbers (so whole-point search proves nothing). */
  range(expression: Expression): Range | null;
  /** Indices (in `published`) of the shown values whose equations hold the range in, at either end (LP only). */
  binding(expression: Expression): number[];
  dispose(): void;
}

/**
 * A solver over the atoms: the scale's bounds and `structure` (what is true of any data), and one equation
 * per published value. With `integers`, the listed columns take whole values only (a MIP).
 */
export function createRangeSolver(
  highs: Highs,
  atoms: Atoms,
  structure: readonly Constraint[],
  published: readonly Expression[],
  integers: readonly number[] = [],
): RangeSolver {
  const model: Model = highs.createModel();
  // Small sparse models solved many times, each with another objective: presolve and scaling cost more than
  // they save, and primal simplex starts from the last optimum, which stays feasible when the objective changes.
  // (A MIP must leave the solver to HiGHS: 'simplex' would drop the integrality.)
  model.options.set(
    integers.length > 0
      ? { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, mip_max_nodes: MIP_NODES }
      : { output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4, simplex_scale_strategy: 0 },
  );
  model.addVars(atoms.lower, atoms.upper);
  const add = (expression: Expression, lower: number, upper: number) => {
    const indices = [...expression.keys()].sort((a, b) => a - b);
    model.addRow(lower, upper, { indices, values: indices.map((i) => expression.get(i) as number) });
  };
  for (const s of structure) add(s.expression, s.lower, s.upper);
  for (const e of published) {
    let value = 0;
    for (const [column, coefficient] of e) value += coefficient * (atoms.truth[column] as number);
    // A hair of slack: the true values satisfy the equation only up to floating-point rounding.
    const slack = 1e-9 * Math.max(1, Math.abs(value));
    add(e, value - slack, value + slack);
  }
  if (integers.length > 0) {
    const sorted = [...integers].sort((a, b) => a - b);
    model.changeColsIntegrality({ kind: 'set', indices: sorted }, sorted.map(() => 1));
  }
  const offset = structure.length;
  const sense = highs.constants.objectiveSense;

  const optimum = (expression: Expression, direction: typeof sense.minimize | typeof sense.maximize, withDuals: boolean) => {
    const indices = [...expression.keys()].sort((a, b) => a - b);
    const selection = { kind: 'set' as const, indices };
    model.changeColsCost(selection, indices.map((i) => expression.get(i) as number));
    model.changeObjectiveSense(direction);
    let result: { value: number; binding: number[] } | null;
    if (integers.length > 0) {
      // The true answers are a whole-point solution: starting from them, the search always has one. Cut off at
      // MIP_NODES (a count, so that results never depend on the machine's speed), the best values found so far
      // lie inside the true range, so a range measured from them is never too wide: at worst more is hidden.
      model.setSolution({ colValue: atoms.truth });
      model.run();
      result = Number(model.info.get('primal_solution_status')) === FEASIBLE ? { value: model.getObjectiveValue(), binding: [] } : null;
    } else {
      const status = model.run().modelStatus;
      // getSolution copies every value out of WebAssembly (slow): only asked for when a range is too narrow.
      result =
        status === highs.constants.modelStatus.optimal
          ? { value: model.getObjectiveValue(), binding: withDuals ? bindingRows(model.getSolution().rowDual, offset) : [] }
          : null;
    }
    model.changeColsCost(selection, indices.map(() => 0));
    return result;
  };

  return {
    range(expression) {
      const low = optimum(expression, sense.minimize, false);
      const high = optimum(expression, sense.maximize, false);
      if (low === null || high === null) return null;
      return { min: low.value, max: high.value };
    },
    binding(expression) {
      if (integers.length > 0) return [];
      const low = optimum(expression, sense.minimize, true);
      const high = optimum(expression, sense.maximize, true);
      return [...new Set([...(low?.binding ?? []), ...(high?.binding ?? [])])];
    },
    dispose: () => model.dispose(),
  };
}

function bindingRows(duals: ArrayLike<number>, offset: number): number[] {
  const rows: number[] = [];
  for (let i = offset; i < duals.length; i++) if (Math.abs(duals[i] as number) > 1e-9) rows.push(i - offset);
  return rows;
}
