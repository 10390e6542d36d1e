/**
 * What every report of several periods says about how each was read (SPEC 2.5): the config each period used,
 * how the method changed between consecutive periods, and which departments were matched under another id.
 * The same facts as notes for people and as JSON keys for machines.
 */
import type { Config } from '../config/types.js';
import type { Matched } from '../core/match.js';
import { methodChange, type MethodChange } from '../core/method.js';
import type { ReportPhrases } from './phrases/types.js';

/** A period as the reports name it: its label, and its config (the file as the user would write it). */
export interface PeriodSource {
  label: string;
  config: Config;
  configFile: string;
}

export interface PeriodsJson {
  /** Every period with the config it was read with, oldest first (`periods` is taken: trend's labels). */
  configs: { label: string; config: string }[];
  /** One entry per pair of consecutive periods whose method differs. */
  method_changes: {
    from: string;
    to: string;
    criteria_added: string[];
    criteria_removed: string[];
    weights_changed: { criterion: string; a: number; b: number }[];
    scale: { a: { min: number; max: number }; b: { min: number; max: number } } | null;
    aggregation: { a: string; b: string } | null;
    favorable_min: { a: number; b: number } | null;
  }[];
  /** Departments matched to earlier ones under another id (renamed_from). */
  matched: { period: string; id: string; from: { period: string; id: string }[] }[];
}

/** The method changes between consecutive periods: [i] is from period i to i + 1. */
export function methodChanges(periods: readonly PeriodSource[]): (MethodChange | null)[] {
  return periods.slice(1).map((b, i) => methodChange(periods[i]!.config, b.config));
}

/** The criteria of period B that period A has too, in B's order: the only ones compared criterion by criterion. */
export function sharedCriteria(a: Config, b: Config): Config['criteria'] {
  const inA = new Set(a.criteria.map((c) => c.id));
  return b.criteria.filter((c) => inA.has(c.id));
}

export function periodsJson(periods: readonly PeriodSource[], matched: readonly Matched[]): PeriodsJson {
  const changes = methodChanges(periods);
  return {
    configs: periods.map((p) => ({ label: p.label, config: p.configFile })),
    method_changes: changes.flatMap((c, i) =>
      c === null
        ? []
        : [
            {
              from: periods[i]!.label,
              to: periods[i + 1]!.label,
              criteria_added: c.criteriaAdded.map((x) => x.id),
              criteria_removed: c.criteriaRemoved.map((x) => x.id),
              weights_changed: c.weightsChanged.map((w) => ({ criterion: w.id, a: w.a, b: w.b })),
              scale: c.scale,
              aggregation: c.aggregation,
              favorable_min: c.favorableMin,
            },
          ],
    ),
    matched: matched.map((m) => ({
      period: periods[m.period]?.label ?? '',
      id: m.id,
      from: m.from.map((f) => ({ period: periods[f.period]?.label ?? '', id: f.id })),
    })),
  };
}

/** The config each period used: one line when they all used the same file. */
export function configLines(periods: readonly PeriodSource[], p: ReportPhrases): string[] {
  const files = new Set(periods.map((s) => s.configFile));
  return files.size === 1 ? [p.periods.sameConfig(periods[0]!.configFile)] : periods.map((s) => p.periods.configOf(s.label, s.configFile));
}

/** Every change of method between consecutive periods, every match under another id: one line each. */
export function changeNotes(periods: readonly PeriodSource[], matched: readonly Matched[], p: ReportPhrases): string[] {
  const out: string[] = [];
  methodChanges(periods).forEach((c, i) => {
    if (c !== null) out.push(p.periods.methodChanged(periods[i]!.label, periods[i + 1]!.label, describeChange(c, p)));
  });
  for (const m of matched) {
    const byPeriod = new Map<number, string[]>();
    for (const f of m.from) byPeriod.set(f.period, [...(byPeriod.get(f.period) ?? []), `${f.name} (${f.id})`]);
    for (const [period, names] of byPeriod) {
      out.push(p.periods.matched(`${m.name} (${m.id})`, periods[m.period]?.label ?? '', names.join(', '), periods[period]?.label ?? '', m.merged));
    }
  }
  return out;
}

function describeChange(c: MethodChange, p: ReportPhrases): string {
  const named = (list: readonly { id: string; name: string }[]): string => list.map((x) => (x.name === x.id ? x.id : `${x.name} (${x.id})`)).join(', ');
  const parts: string[] = [];
  if (c.criteriaAdded.length > 0) parts.push(p.periods.criteriaAdded(named(c.criteriaAdded)));
  if (c.criteriaRemoved.length > 0) parts.push(p.periods.criteriaRemoved(named(c.criteriaRemoved)));
  for (const w of c.weightsChanged) parts.push(p.periods.weightChanged(w.name, w.a, w.b));
  if (c.scale !== null) parts.push(p.periods.scaleChanged(`${c.scale.a.min}–${c.scale.a.max}`, `${c.scale.b.min}–${c.scale.b.max}`));
  if (c.aggregation !== null) parts.push(p.periods.aggregationChanged(c.aggregation.a, c.aggregation.b));
  if (c.favorableMin !== null) parts.push(p.periods.favorableMinChanged(c.favorableMin.a, c.favorableMin.b));
  return parts.join('; ');
}
