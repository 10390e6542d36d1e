/**
 * The period's scores from its aggregate: SPEC 3.2 exactly, with SPEC 3.3 anonymity applied once, before any
 * output exists — primary suppression, the cheap secondary rule, then protection checked by linear programming.
 */
import type { Config } from '../config/types.js';
import type { PairAccumulator, PeriodAggregate } from './aggregate.js';
import { inRaterView } from './raterView.js';
import type { PeriodScores, RaterView } from './results.js';
import { companyCriteria, departmentScores, hiddenSummary, pairScores } from './score/assemble.js';
import { companyCriterionRaw, computeDepartment, mergeAll, pairScore, type DepartmentRaw } from './score/department.js';
import { protect } from './protect/protect.js';
import type { Welford } from './stats.js';
import { applySecondarySuppression, guard, isHidden, shownValue, type Guarded, type SuppressionGroup } from './suppress.js';

export { Z95 } from './score/assemble.js';

export async function scorePeriod(aggregate: PeriodAggregate, config: Config): Promise<PeriodScores> {
  assertSameConfig(aggregate, config);
  const { departments, criteria, aggregation } = config;
  const k = config.anonymityMin;
  const { weights, pairs } = aggregate;
  const departmentCount = departments.length;

  const pairCells = pairs.map((pair) => guard(pairScore(pair, weights), pair.rowScores.n, k));
  // aggregate.pairs is sorted by target, then rater: byTarget lists are in rater order, byRater in target order.
  const byTarget = groupByIndex(pairs.keys(), departmentCount, (p) => (pairs[p] as PairAccumulator).target);
  const byRater = groupByIndex(pairs.keys(), departmentCount, (p) => (pairs[p] as PairAccumulator).rater);
  const pairsOf = (list: readonly number[]) => list.map((p) => pairs[p] as PairAccumulator);

  const raw = byTarget.map((list) => computeDepartment(pairsOf(list), weights, aggregation));
  const departmentCells = raw.map((d) => guard(d.score, d.rows, k));
  const criterionCells = raw.map((d) => d.criterionMeans.map((m, c) => guard(m, d.criterionAnswers[c] as number, k)));
  const companyCriteriaRaw = criteria.map((_, c) => companyCriterionRaw(c, pairs, raw, aggregation));
  const companyCriterionCells = companyCriteriaRaw.map((cc, c) => guard(cc.mean, aggregate.criterionRespondents[c] as number, k));

  // A cheap first step (the earlier rule of SPEC 3.3): a shown S(t) with its shown criterion means, or with its
  // shown pairs, would give a single hidden one away; a company criterion mean would give away a single hidden
  // M(t,c). The linear programs below would find all of these too, at a higher price.
  const groups: SuppressionGroup[] = [];
  departmentCells.forEach((margin, t) => {
    groups.push({ margin, cells: criterionCells[t] as Guarded[], hide: 'cell' });
    groups.push({ margin, cells: (byTarget[t] as number[]).map((p) => pairCells[p] as Guarded), hide: 'cell' });
  });
  criteria.forEach((_, c) => {
    groups.push({ margin: companyCriterionCells[c] as Guarded, cells: criterionCells.map((row) => row[c] as Guarded), hide: 'margin' });
  });
  applySecondarySuppression(groups);

  // The rater view (SPEC 3.2) is computed from the rows of shown pairs only (see raterView.ts). A rater with
  // such a pair has at least anonymity_min respondents (that pair alone has).
  const raterRows = byRater.map((list) => list.reduce((n, p) => n + (pairs[p] as PairAccumulator).rowScores.n, 0));
  const companyRows = raterRows.reduce((a, b) => a + b, 0);
  const shownRowScores = (list: readonly number[]) =>
    mergeAll(list.filter((p) => inRaterView(pairs[p] as PairAccumulator, pairCells[p] as Guarded, k)).map((p) => (pairs[p] as PairAccumulator).rowScores));
  const raterCells = byRater.map((list, r) => viewCell(shownRowScores(list), raterRows[r] as number, aggregate.raterRespondents[r] as number, k));
  const companyCell = viewCell(shownRowScores([...pairs.keys()]), companyRows, aggregate.respondents, k);

  await protect(
    { pairs, pairCells, departments: departmentCells, criteria: criterionCells, companyCriteria: companyCriterionCells, raters: raterCells, company: companyCell },
    config,
  );

  // Protection may have hidden pairs: the rater view is recomputed over the pairs still shown.
  const finalRaterCells = byRater.map((list, r) => afterProtection(raterCells[r] as Guarded, shownRowScores(list)));
  const finalCompanyCell = afterProtection(companyCell, shownRowScores([...pairs.keys()]));
  const seHidden = byTarget.map((list, t) => hasHiddenPart(list, pairCells, criterionCells[t] as Guarded[], pairs, k));

  const departmentResults = departmentScores(config, raw, departmentCells, criterionCells, seHidden);
  const pairResults = pairScores(config, pairs, pairCells);
  const companyMean = shownValue(finalCompanyCell);
  const raterViews: RaterView[] = departments.map((department, r) => {
    const cell = finalRaterCells[r] as Guarded;
    const givenMean = shownValue(cell);
    return {
      index: r,
      id: department.id,
      name: department.name,
      givenMean,
      companyMean,
      difference: givenMean === null || companyMean === null ? null : givenMean - companyMean,
      respondents: cell.respondents,
      rows: raterRows[r] as number,
      suppressed: isHidden(cell),
      reason: cell.reason,
    };
  });
  const criterionResults = companyCriteria(config, companyCriteriaRaw, companyCriterionCells);

  return {
    aggregation,
    anonymityMin: k,
    favorableMin: config.favorableMin,
    alertBelow: config.alertBelow ?? null,
    rowsUsed: aggregate.rowsUsed,
    rowsIgnored: aggregate.rowsIgnored,
    company: {
      mean: companyMean,
      respondents: finalCompanyCell.respondents,
      rows: companyRows,
      suppressed: isHidden(finalCompanyCell),
      reason: finalCompanyCell.reason,
    },
    departments: departmentResults,
    pairs: pairResults,
    raters: raterViews,
    criteria: criterionResults,
    hidden: hiddenSummary({
      department: departmentResults.flatMap((d) => [d.reason, d.seReason, ...d.criteria.map((c) => c.reason)]),
      criterion: criterionResults.map((c) => c.reason),
      pair: pairResults.map((p) => p.reason),
      rater: [...raterViews.map((r) => r.reason), finalCompanyCell.reason],
    }),
  };
}

/**
 * A rater-view value over the rows of shown pairs (`shown`), out of `rows` in all: no rows at all is
 * no_responses; rows but none in a shown pair is hidden (fewer_than_k, or secondary when only the
 * pairs were too small).
 */
function viewCell(shown: Welford, rows: number, respondents: number, k: number): Guarded {
  if (shown.n > 0) return guard(shown.mean, respondents, k);
  if (rows === 0) return guard(null, respondents, k);
  return { value: null, respondents, reason: respondents < k ? 'fewer_than_k' : 'secondary' };
}

/** The rater-view cell over the pairs shown after protection: hidden when protection hid all its pairs. */
function afterProtection(cell: Guarded, shown: Welford): Guarded {
  if (cell.reason !== null) return cell;
  if (shown.n === 0) return { value: null, respondents: cell.respondents, reason: 'protection' };
  return { value: shown.mean, respondents: cell.respondents, reason: null };
}

/**
 * SE (and the CI built on it) is not linear in the answers, so the linear programs cannot bound what it adds:
 * it mixes the spread inside every pair of t — a hidden pair of two people has s² = (a − b)²/2 — and with the
 * score and the shown pairs it is one more (quadratic) equation on the hidden ones. Coarsening would still
 * leak an unknown amount, so SE and CI are hidden whenever any part of t is hidden: a pair, a criterion mean,
 * or a pair's criterion answered by fewer than anonymity_min people.
 */
function hasHiddenPart(list: readonly number[], pairCells: readonly Guarded[], criterionCells: readonly Guarded[], pairs: readonly PairAccumulator[], k: number): boolean {
  if (list.some((p) => isHidden(pairCells[p] as Guarded))) return true;
  if (criterionCells.some(isHidden)) return true;
  return list.some((p) => (pairs[p] as PairAccumulator).answers.some((n) => n > 0 && n < k));
}

function groupByIndex(items: Iterable<number>, length: number, indexOf: (item: number) => number): number[][] {
  const groups: number[][] = Array.from({ length }, () => []);
  for (const item of items) (groups[indexOf(item)] as number[]).push(item);
  return groups;
}

function assertSameConfig(aggregate: PeriodAggregate, config: Config): void {
  const sameWeights =
    aggregate.weights.length === config.criteria.length &&
    config.criteria.every((c, i) => c.weight === aggregate.weights[i]);
  if (aggregate.departmentCount !== config.departments.length || !sameWeights || aggregate.favorableMin !== config.favorableMin) {
    throw new Error('scorePeriod: the aggregate was built with a different config');
  }
}
