/** Small factories for core tests: a Config in the core's terms (ids, weights, an evaluates graph) and rows. */
import type { Aggregation, Config } from '../../src/config/types.js';
import { createPeriodAggregator } from '../../src/core/aggregate.js';
import { scorePeriod } from '../../src/core/score.js';
import type { PeriodScores } from '../../src/core/results.js';
import type { QuestionnaireRow } from '../../src/domain/questionnaire.js';
import { makeConfig as makeTestConfig } from '../helpers/config.js';

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
  return makeTestConfig({
    title: 'test',
    departments: o.departments.map((id) => ({ id })),
    criteria: Object.entries(o.criteria).map(([id, weight]) => ({ id, weight })),
    evaluates: o.evaluates,
    naValues: ['N/A'],
    favorableMin: o.favorableMin ?? 4,
    anonymityMin: o.anonymityMin ?? 1,
    aggregation: o.aggregation,
    alertBelow: o.alertBelow,
  });
}

export function row(respondent: number, rater: number, target: number, answers: number[]): QuestionnaireRow {
  return { respondent, rater, target, answers: Float64Array.from(answers) };
}

export function score(config: Config, rows: readonly QuestionnaireRow[]): Promise<PeriodScores> {
  const aggregator = createPeriodAggregator(config);
  for (const r of rows) aggregator.add(r);
  return scorePeriod(aggregator.finish(), config);
}
