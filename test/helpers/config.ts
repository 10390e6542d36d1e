/** Small factories for Config objects in tests (no YAML involved). */
import type { Aggregation, Config } from '../../src/config/types.js';
import type { Language } from '../../src/domain/language.js';

export interface ConfigSpec {
  departments: { id: string; name?: string; clientsOf?: string[]; renamedFrom?: string[]; headcount?: number }[];
  criteria: { id: string; name?: string; weight?: number }[];
  scale?: { min: number; max: number };
  naValues?: string[];
  favorableMin?: number;
  anonymityMin?: number;
  aggregation?: Aggregation;
  alertBelow?: number;
  language?: Language;
  /** evaluates[r] = target indices, instead of what clientsOf gives (core tests state the graph directly). */
  evaluates?: number[][];
  title?: string;
}

/** The one Config factory of the tests; the core and input tests' factories are shorthands for it. */
export function makeConfig(spec: ConfigSpec): Config {
  const departments = spec.departments.map((d, index) => ({
    id: d.id,
    name: d.name ?? d.id.toUpperCase(),
    index,
    clientsOf: d.clientsOf,
    renamedFrom: d.renamedFrom ?? [],
    headcount: d.headcount,
  }));
  const anyClients = departments.some((d) => d.clientsOf !== undefined);
  const indexOf = new Map(departments.map((d) => [d.id, d.index]));
  const evaluates =
    spec.evaluates ??
    departments.map((d) =>
      anyClients ? (d.clientsOf ?? []).map((id) => indexOf.get(id)!) : departments.filter((o) => o.index !== d.index).map((o) => o.index),
    );
  const scale = spec.scale ?? { min: 1, max: 5 };
  return {
    path: null,
    version: 1,
    title: spec.title ?? 'Test',
    scale,
    naValues: spec.naValues ?? ['N/A', 'н/о', '-'],
    favorableMin: spec.favorableMin ?? scale.max - 1,
    anonymityMin: spec.anonymityMin ?? 3,
    aggregation: spec.aggregation ?? 'departments',
    language: spec.language,
    alertBelow: spec.alertBelow,
    departments,
    criteria: spec.criteria.map((c, index) => ({ id: c.id, name: c.name ?? c.id, weight: c.weight ?? 1, description: undefined, index })),
    evaluates,
  };
}
