/** Everything the text of `ic explain` needs from the config, in the reader's notation. */
import type { Config, Criterion, Department } from '../../config/types.js';
import type { Language } from '../../domain/language.js';
import { formatConfigNumber, formatFixed, formatPercent } from '../../report/language.js';

/** The two-sided 95% quantile used for intervals and for the significance of changes. */
export const Z95 = 1.96;

/** Each criterion's share of the score: weight / total weight × 100. */
export function weightShares(config: Config): { criterion: Criterion; share: number }[] {
  const total = config.criteria.reduce((sum, c) => sum + c.weight, 0);
  return config.criteria.map((criterion) => ({ criterion, share: total > 0 ? (criterion.weight / total) * 100 : 0 }));
}

/** Everything the text needs from the config, computed once for both languages. */
export interface Facts {
  config: Config;
  /** Numbers as in the config, in the reader's notation. */
  n: (value: number) => string;
  pct: (value: number) => string;
  fixed: (value: number, decimals: number) => string;
  totalWeight: number;
  shares: { criterion: Criterion; share: number }[];
  equalWeights: boolean;
  /** undefined: no department has clients_of, so every department evaluates every other. */
  raters: { department: Department; targets: Department[] }[] | undefined;
  /** Departments that nobody evaluates (they get no score). */
  unevaluated: Department[];
  /** A decimal answer on the scale, to show that decimals are accepted. */
  decimalAnswer: number;
  example: WeightExample | undefined;
}

/** A worked example of the weighted mean with this config's weights. */
export interface WeightExample {
  criterion: Criterion;
  high: number;
  low: number;
  restWeight: number;
  score: number;
}

export function collectFacts(config: Config, lang: Language): Facts {
  const shares = weightShares(config);
  const totalWeight = config.criteria.reduce((sum, c) => sum + c.weight, 0);
  const evaluated = new Set(config.evaluates.flat());
  const usesClientsOf = config.departments.some((d) => d.clientsOf !== undefined);
  const raters = usesClientsOf
    ? config.departments.map((department) => ({
        department,
        targets: (config.evaluates[department.index] ?? []).map((i) => config.departments[i]).filter((d): d is Department => d !== undefined),
      }))
    : undefined;
  const { min, max } = config.scale;
  return {
    config,
    n: (value) => formatConfigNumber(value, lang),
    pct: (value) => formatPercent(value, lang),
    fixed: (value, decimals) => formatFixed(value, decimals, lang),
    totalWeight,
    shares,
    equalWeights: config.criteria.every((c) => c.weight === config.criteria[0]?.weight),
    raters,
    unevaluated: config.departments.filter((d) => !evaluated.has(d.index)),
    decimalAnswer: max - 0.5 >= min ? max - 0.5 : (min + max) / 2,
    example: weightExample(config, totalWeight),
  };
}

function weightExample(config: Config, totalWeight: number): WeightExample | undefined {
  const first = config.criteria[0];
  if (first === undefined || config.criteria.length < 2 || totalWeight <= 0) return undefined;
  const { min, max } = config.scale;
  const high = max - 1 > min ? max - 1 : max;
  const low = high - 1 >= min ? high - 1 : min;
  if (high === low) return undefined;
  const restWeight = totalWeight - first.weight;
  return { criterion: first, high, low, restWeight, score: (first.weight * high + restWeight * low) / totalWeight };
}
