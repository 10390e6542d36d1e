/**
 * Which department of one period is which department of another (SPEC 2.5): the same id, or a later config's
 * `renamed_from` naming the earlier id. Two earlier departments merged into one both lead to it. Pure: no I/O.
 */
import type { Config } from '../config/types.js';

/** A period's renames: each department id → the earlier ids it lists in `renamed_from`. */
export type Renames = ReadonlyMap<string, readonly string[]>;

export const NO_RENAMES: Renames = new Map();

/** A config's `renamed_from`, as the functions below take it. */
export function renamesOf(config: Pick<Config, 'departments'>): Renames {
  return new Map(config.departments.filter((d) => d.renamedFrom.length > 0).map((d) => [d.id, d.renamedFrom]));
}

/** old id → the department that claims it, per period. */
function claims(renames: Renames): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, earlier] of renames) for (const old of earlier) out.set(old, id);
  return out;
}

/** An id of the period before, as the next period calls it (its renames applied). */
export function forwardId(renames: Renames): (id: string) => string {
  const claimed = claims(renames);
  return (id) => claimed.get(id) ?? id;
}

/**
 * Lineages across periods, oldest first: each is one entry per period, the department it is in that period, or
 * undefined when absent. A department follows its id forward through every later period's renames, to the
 * first later period that has a department of that id. Lineages start at departments that nothing earlier
 * leads to, in period order then config order; a merged department ends two (or more) lineages, which share
 * its part from there on.
 */
export function lineages<T extends { id: string }>(periods: readonly (readonly T[])[], renames: readonly Renames[]): (T | undefined)[][] {
  const claimed = periods.map((_, i) => claims(renames[i] ?? NO_RENAMES));
  const byId = periods.map((p) => new Map(p.map((d) => [d.id, d])));
  const next = (period: number, department: T): { period: number; department: T } | undefined => {
    let id = department.id;
    for (let j = period + 1; j < periods.length; j++) {
      id = claimed[j]!.get(id) ?? id;
      const found = byId[j]!.get(id);
      if (found !== undefined) return { period: j, department: found };
    }
    return undefined;
  };
  const led = periods.map(() => new Set<T>());
  for (const [i, period] of periods.entries()) {
    for (const d of period) {
      const to = next(i, d);
      if (to !== undefined) led[to.period]!.add(to.department);
    }
  }
  const out: (T | undefined)[][] = [];
  for (const [i, period] of periods.entries()) {
    for (const d of period) {
      if (led[i]!.has(d)) continue;
      const line: (T | undefined)[] = periods.map(() => undefined);
      let at: { period: number; department: T } | undefined = { period: i, department: d };
      while (at !== undefined) {
        line[at.period] = at.department;
        at = next(at.period, at.department);
      }
      out.push(line);
    }
  }
  return out;
}

/** What the reports say was matched: a department of a later period and the earlier ids that lead to it. */
export interface Matched {
  /** Index of the later period (in the periods given). */
  period: number;
  id: string;
  name: string;
  /** The departments of the earlier period under another id that lead to this one. */
  from: { period: number; id: string; name: string }[];
  /** Several departments of the earlier period lead to it (the same id among them or not). */
  merged: boolean;
}

/** Every lineage step where the id changes, grouped by the department it leads to. */
export function renamedMatches<T extends { id: string; name: string }>(lines: readonly (readonly (T | undefined)[])[]): Matched[] {
  const steps = new Map<string, { period: number; to: T; from: Map<string, { period: number; department: T }> }>();
  for (const line of lines) {
    let previous: { period: number; department: T } | undefined;
    for (const [i, d] of line.entries()) {
      if (d === undefined) continue;
      if (previous !== undefined) {
        const key = `${i}\u0000${d.id}`;
        const step = steps.get(key) ?? { period: i, to: d, from: new Map() };
        step.from.set(`${previous.period}\u0000${previous.department.id}`, previous);
        steps.set(key, step);
      }
      previous = { period: i, department: d };
    }
  }
  const out: Matched[] = [];
  for (const step of steps.values()) {
    const renamed = [...step.from.values()].filter((f) => f.department.id !== step.to.id);
    if (renamed.length === 0) continue;
    out.push({
      period: step.period,
      id: step.to.id,
      name: step.to.name,
      from: renamed.map((f) => ({ period: f.period, id: f.department.id, name: f.department.name })),
      merged: step.from.size > 1,
    });
  }
  return out;
}
