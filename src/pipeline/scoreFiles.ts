/** Load, validate and score one period's files: the stages every scoring command shares. */
import type { Config } from '../config/types.js';
import { createPeriodAggregator } from '../core/aggregate.js';
import type { PeriodScores } from '../core/results.js';
import { scorePeriod } from '../core/score.js';
import { loadPeriod, type PeriodLoad } from './loadPeriod.js';

export interface ScoredPeriod {
  load: PeriodLoad;
  /** Computed on the usable rows only (rows with errors and duplicates left out). */
  scores: PeriodScores;
}

export async function scoreFiles(inputs: readonly string[], config: Config, options: { collectRejects?: boolean } = {}): Promise<ScoredPeriod> {
  const { load, result } = await loadPeriod(inputs, config, {
    consumer: () => createPeriodAggregator(config),
    collectRejects: options.collectRejects ?? false,
  });
  // loadPeriod always returns the consumer's result when a consumer is given.
  return { load, scores: await scorePeriod(result!, config) };
}
