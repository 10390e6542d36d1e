/** Small factories for core tests: a Config built in code and questionnaire rows. */
import type { Aggregation, Config } from '../../src/config/types.js';
import { createPeriodAggregator } from '../../src/core/aggregate.js';
import { scorePeriod } from '../../src/core/score.js';
import type { PeriodScores } from '../../src/core/results.js';
import type { QuestionnaireRow } from '../../src/core/types.js';

export const NA = Number.NaN;

export interface ConfigOptions {
  departments: string[];
  /** criterion id → weight */
  criteria: Record<string, number>;
  /** evaluates[r] = target indices; default: everyone evaluates everyone else */
  evaluates?: number[][];
  aggregation?: Aggregation;
  anonymityMin?: number;
  favorableMin?: number;
  alertBelow?: number;
}

export function makeConfig(o: ConfigOptions): Config {
  const n = o.departments.length;
  return {
    path: null,
    version: 1,
    title: 'test',
    scale: { min: 1, max: 5 },
    naValues: ['N/A'],
    favorableMin: o.favorableMin ?? 4,
    anonymityMin: o.anonymityMin ?? 1,
    aggregation: o.aggregation ?? 'departments',
    alertBelow: o.alertBelow,
    departments: o.departments.map((id, index) => ({ id, name: id.toUpperCase(), index, clientsOf: undefined })),
    criteria: Object.entries(o.criteria).map(([id, weight], index) => ({
      id,
      name: id,
      weight,
      description: undefined,
      index,
    })),
    evaluates:
      o.evaluates ?? Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, t) => t).filter((t) => t !== r)),
  };
}

export function row(respondent: number, rater: number, target: number, answers: number[]): QuestionnaireRow {
  return { respondent, rater, target, answers: Float64Array.from(answers) };
}

export function score(config: Config, rows: readonly QuestionnaireRow[]): PeriodScores {
  const aggregator = createPeriodAggregator(config);
  for (const r of rows) aggregator.add(r);
  return scorePeriod(aggregator.finish(), config);
}
