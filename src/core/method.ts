/**
 * How the method differs between two periods' configs (SPEC 2.5): the scores are still compared, and the
 * reports say what changed, so nobody reads a change of method as a change of service. Pure: no I/O.
 */
import type { Aggregation, Config } from '../config/types.js';

export interface MethodChange {
  criteriaAdded: { id: string; name: string }[];
  criteriaRemoved: { id: string; name: string }[];
  /** Criteria of both periods whose weight differs. */
  weightsChanged: { id: string; name: string; a: number; b: number }[];
  scale: { a: { min: number; max: number }; b: { min: number; max: number } } | null;
  aggregation: { a: Aggregation; b: Aggregation } | null;
  favorableMin: { a: number; b: number } | null;
}

/** What changed from the config of period A to that of period B; null when the method is the same. */
export function methodChange(a: Config, b: Config): MethodChange | null {
  const inA = new Map(a.criteria.map((c) => [c.id, c]));
  const inB = new Set(b.criteria.map((c) => c.id));
  const change: MethodChange = {
    criteriaAdded: b.criteria.filter((c) => !inA.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
    criteriaRemoved: a.criteria.filter((c) => !inB.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
    weightsChanged: b.criteria.flatMap((c) => {
      const before = inA.get(c.id);
      return before !== undefined && before.weight !== c.weight ? [{ id: c.id, name: c.name, a: before.weight, b: c.weight }] : [];
    }),
    scale: a.scale.min !== b.scale.min || a.scale.max !== b.scale.max ? { a: { ...a.scale }, b: { ...b.scale } } : null,
    aggregation: a.aggregation !== b.aggregation ? { a: a.aggregation, b: b.aggregation } : null,
    favorableMin: a.favorableMin !== b.favorableMin ? { a: a.favorableMin, b: b.favorableMin } : null,
  };
  const same =
    change.criteriaAdded.length === 0 &&
    change.criteriaRemoved.length === 0 &&
    change.weightsChanged.length === 0 &&
    change.scale === null &&
    change.aggregation === null &&
    change.favorableMin === null;
  return same ? null : change;
}
