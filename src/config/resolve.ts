/** The checked config file → `Config`: defaults that depend on other fields, indices, who evaluates whom. */
import type { ConfigFile } from './schema.js';
import type { Config, Criterion, Department } from './types.js';
import { resolveImport } from './import.js';

export function resolveConfig(file: ConfigFile, path: string | null): Config {
  const { min, max } = file.scale;
  const departments: Department[] = file.departments.map((d, index) => ({
    id: d.id,
    name: d.name,
    index,
    clientsOf: d.clients_of === undefined ? undefined : [...d.clients_of],
    renamedFrom: [...(d.renamed_from ?? [])],
    headcount: d.headcount,
  }));
  const criteria: Criterion[] = file.criteria.map((c, index) => ({
    id: c.id,
    name: c.name,
    weight: c.weight,
    description: c.description ?? undefined,
    index,
  }));
  const indexById = new Map(departments.map((d) => [d.id, d.index]));
  const anyClientsOf = departments.some((d) => d.clientsOf !== undefined);
  const evaluates = departments.map((d) =>
    anyClientsOf
      ? (d.clientsOf ?? []).map((id) => indexById.get(id) as number)
      : departments.filter((other) => other.index !== d.index).map((other) => other.index),
  );
  return {
    path,
    version: 1,
    title: file.title,
    scale: { min, max },
    naValues: [...file.na_values],
    // "The top two points": on a scale that has only two, that is all of it.
    favorableMin: file.favorable_min ?? Math.max(min, max - 1),
    anonymityMin: file.anonymity_min,
    aggregation: file.aggregation,
    language: file.language,
    alertBelow: file.alert_below ?? undefined,
    departments,
    criteria,
    evaluates,
    import: file.import === undefined ? undefined : resolveImport(file.import, departments, criteria),
  };
}
