/** The views of `ic diff` as format-neutral tables (--by department|criterion|pair). */
import type { Config } from '../../config/types.js';
import type { CriterionDiff, DepartmentDiff, DiffSide, PairDiff, PeriodDiff } from '../../core/diff.js';
import type { NullReason } from '../../core/results.js';
import { plural } from '../language.js';
import { maybe, num, text, type CellValue, type Column, type TableModel, type Tone } from '../table.js';

export const DIFF_VIEWS = ['department', 'criterion', 'pair'] as const;
export type DiffView = (typeof DIFF_VIEWS)[number];

export interface PeriodLabels {
  a: string;
  b: string;
}

const isHidden = (reason: NullReason | null): boolean => reason === 'fewer_than_k' || reason === 'secondary';

/** Arrows and colours only for significant moves (SPEC 4: `ic diff`). */
export function moveTone(d: Pick<DepartmentDiff, 'change'>): Tone | undefined {
  return d.change === 'improved' ? 'up' : d.change === 'declined' ? 'down' : undefined;
}

/** The words of the Change column; the arrow only when the move is significant. */
export function changeText(d: Pick<DepartmentDiff, 'change' | 'reason' | 'a' | 'b'>, labels: PeriodLabels): string {
  switch (d.change) {
    case 'declined':
      return '▼ declined';
    case 'improved':
      return '▲ improved';
    case 'not_significant':
      return 'not significant';
    case 'new':
      return `new in ${labels.b}`;
    case 'gone':
      return `gone in ${labels.b}`;
    case 'not_testable':
      return `not testable: ${notTestableWhy(d, labels)}`;
  }
}

function where(a: boolean, b: boolean, labels: PeriodLabels): string {
  return a && b ? 'both periods' : a ? labels.a : labels.b;
}

function notTestableWhy(d: Pick<DepartmentDiff, 'reason' | 'a' | 'b'>, labels: PeriodLabels): string {
  switch (d.reason) {
    case 'suppressed':
      return `hidden in ${where(isHidden(d.a.reason), isHidden(d.b.reason), labels)}`;
    case 'no_score':
      return `no score in ${where(d.a.score === null, d.b.score === null, labels)}`;
    case 'se_undefined':
      return `SE undefined in ${where(d.a.se === null, d.b.se === null, labels)} (fewer than 2 rows)`;
    case 'se_zero':
      return 'no spread in either period (SE 0)';
    case null:
      return '';
  }
}

const sideScore = (s: DiffSide, tone?: Tone): CellValue => maybe(s.score, s.reason, 'score', tone);

function arrowText(a: number | null, b: number | null): string {
  if (a === null && b === null) return '';
  return `${a ?? '–'} → ${b ?? '–'}`;
}

/** One row per department, biggest significant drops first. `forDisplay`: compact columns for people. */
export function departmentDiffView(diff: PeriodDiff, labels: PeriodLabels, forDisplay: boolean): TableModel {
  if (forDisplay) {
    return {
      columns: [
        { key: 'department', title: 'Department' },
        { key: 'id', title: 'id' },
        { key: 'score_a', title: labels.a, align: 'right' },
        { key: 'score_b', title: labels.b, align: 'right' },
        { key: 'delta', title: 'Δ', align: 'right' },
        { key: 'z', title: 'z', align: 'right' },
        { key: 'p', title: 'p', align: 'right' },
        { key: 'change', title: 'Change' },
        { key: 'rank', title: 'Rank', align: 'right' },
        { key: 'favorable_pct_change', title: 'Fav. Δ', align: 'right' },
        { key: 'respondents', title: 'Resp.', align: 'right' },
      ],
      rows: diff.departments.map((d) => {
        const tone = moveTone(d);
        return [
          text(d.name),
          text(d.id, 'dim'),
          sideScore(d.a),
          sideScore(d.b),
          num(d.delta, 'delta', tone),
          num(d.z, 'z', tone),
          num(d.p, 'p', tone),
          text(changeText(d, labels), tone ?? 'dim'),
          text(arrowText(d.a.rank, d.b.rank)),
          num(d.favorablePctChange, 'pct_delta'),
          text(arrowText(d.a.respondents, d.b.respondents), 'dim'),
        ];
      }),
    };
  }
  return {
    columns: [
      'id', 'department', 'status', 'change', 'score_a', 'score_b', 'delta', 'se_a', 'se_b', 'z', 'p', 'significant', 'testable', 'reason',
      'rank_a', 'rank_b', 'rank_change', 'favorable_pct_a', 'favorable_pct_b', 'favorable_pct_change', 'respondents_a', 'respondents_b',
    ].map((key): Column => ({ key, title: key })),
    rows: diff.departments.map((d) => [
      text(d.id),
      text(d.name),
      text(d.status),
      text(d.change),
      sideScore(d.a),
      sideScore(d.b),
      num(d.delta, 'delta'),
      num(d.a.se, 'score'),
      num(d.b.se, 'score'),
      num(d.z, 'z'),
      num(d.p, 'p'),
      text(d.significant ? 'yes' : 'no'),
      text(d.testable ? 'yes' : 'no'),
      text(d.reason ?? ''),
      num(d.a.rank, 'int'),
      num(d.b.rank, 'int'),
      num(d.rankChange, 'int_delta'),
      maybe(d.a.favorablePct, d.a.score === null ? d.a.reason : null, 'pct'),
      maybe(d.b.favorablePct, d.b.score === null ? d.b.reason : null, 'pct'),
      num(d.favorablePctChange, 'pct_delta'),
      num(d.a.respondents, 'int'),
      num(d.b.respondents, 'int'),
    ]),
  };
}

/** A delta that is not there: hidden in a period (with that reason), or nothing to compare. */
function deltaCell(delta: number | null, reasonA: NullReason | null, reasonB: NullReason | null): CellValue {
  if (delta !== null) return num(delta, 'delta');
  const hidden = [reasonA, reasonB].find((r) => isHidden(r));
  return hidden !== undefined && hidden !== null ? { kind: 'hidden', reason: hidden } : { kind: 'hidden', reason: 'no_responses' };
}

/**
 * Display: department × criterion matrix of Δ, the departments in the diff's order. Data (CSV): one row
 * per department and criterion with both means.
 */
export function criterionDiffView(diff: PeriodDiff, criteria: readonly CriterionDiff[], config: Config, labels: PeriodLabels, forDisplay: boolean): TableModel {
  if (!forDisplay) {
    const names = new Map(diff.departments.map((d) => [d.id, d.name]));
    return {
      columns: ['department', 'department_name', 'criterion', 'mean_a', 'mean_b', 'delta'].map((key): Column => ({ key, title: key })),
      rows: criteria.map((c) => [
        text(c.departmentId),
        text(names.get(c.departmentId) ?? ''),
        text(c.criterionId),
        maybe(c.meanA, c.reasonA, 'score'),
        maybe(c.meanB, c.reasonB, 'score'),
        num(c.delta, 'delta'),
      ]),
    };
  }
  const byDepartment = new Map<string, Map<string, CriterionDiff>>();
  for (const c of criteria) {
    const m = byDepartment.get(c.departmentId) ?? new Map<string, CriterionDiff>();
    m.set(c.criterionId, c);
    byDepartment.set(c.departmentId, m);
  }
  return {
    columns: [
      { key: 'department', title: 'Department' },
      { key: 'id', title: 'id' },
      { key: 'delta', title: 'Score Δ', align: 'right' },
      { key: 'change', title: 'Change' },
      ...config.criteria.map((c): Column => ({ key: c.id, title: c.id, align: 'right' })),
    ],
    rows: diff.departments
      .filter((d) => d.status === 'both')
      .map((d) => {
        const tone = moveTone(d);
        const cells = byDepartment.get(d.id);
        return [
          text(d.name),
          text(d.id, 'dim'),
          num(d.delta, 'delta', tone),
          text(changeText(d, labels), tone ?? 'dim'),
          ...config.criteria.map((c): CellValue => {
            const cd = cells?.get(c.id);
            return cd === undefined ? { kind: 'empty' } : deltaCell(cd.delta, cd.reasonA, cd.reasonB);
          }),
        ];
      }),
  };
}

function pairNote(p: PairDiff, labels: PeriodLabels): string {
  if (p.status === 'new') return `new in ${labels.b}`;
  if (p.status === 'gone') return `gone in ${labels.b}`;
  if (p.delta === null) return `hidden in ${where(isHidden(p.reasonA), isHidden(p.reasonB), labels)}`;
  return '';
}

/** One row per client → department pair, biggest drop first. */
export function pairDiffView(pairs: readonly PairDiff[], config: Config, labels: PeriodLabels, forDisplay: boolean): TableModel {
  const name = (i: number): string => config.departments[i]?.name ?? '';
  if (forDisplay) {
    return {
      columns: [
        { key: 'rater', title: 'Client (rater)' },
        { key: 'target', title: 'Department' },
        { key: 'score_a', title: labels.a, align: 'right' },
        { key: 'score_b', title: labels.b, align: 'right' },
        { key: 'delta', title: 'Δ', align: 'right' },
        { key: 'respondents', title: 'Resp.', align: 'right' },
        { key: 'note', title: '' },
      ],
      rows: pairs.map((p) => [
        text(p.raterId),
        text(p.targetId),
        maybe(p.scoreA, p.reasonA, 'score'),
        maybe(p.scoreB, p.reasonB, 'score'),
        num(p.delta, 'delta'),
        text(arrowText(p.respondentsA, p.respondentsB), 'dim'),
        text(pairNote(p, labels), 'dim'),
      ]),
    };
  }
  return {
    columns: ['rater', 'rater_name', 'target', 'target_name', 'status', 'score_a', 'score_b', 'delta', 'respondents_a', 'respondents_b', 'suppressed'].map(
      (key): Column => ({ key, title: key }),
    ),
    rows: pairs.map((p) => [
      text(p.raterId),
      text(name(p.rater)),
      text(p.targetId),
      text(name(p.target)),
      text(p.status),
      maybe(p.scoreA, p.reasonA, 'score'),
      maybe(p.scoreB, p.reasonB, 'score'),
      num(p.delta, 'delta'),
      num(p.respondentsA, 'int'),
      num(p.respondentsB, 'int'),
      text(p.suppressed ? 'yes' : 'no'),
    ]),
  };
}

/** "3 departments improved significantly, 1 declined, 8 no significant change" (+ not testable, new, gone). */
export function summaryLine(s: { improved: number; declined: number; notSignificant: number; notTestable: number; new: number; gone: number }): string {
  const parts = [`${plural(s.improved, 'department')} improved significantly`, `${s.declined} declined`, `${s.notSignificant} no significant change`];
  if (s.notTestable > 0) parts.push(`${s.notTestable} not testable`);
  if (s.new > 0) parts.push(`${s.new} new`);
  if (s.gone > 0) parts.push(`${s.gone} gone`);
  return parts.join(', ');
}

/** How to read the test, and what it cannot promise. */
export function significanceNote(tested: number): string {
  const base = 'significant: |z| ≥ 1.96 (p < 0.05, two-sided), z = Δ / √(SE_A² + SE_B²)';
  if (tested < 2) return base;
  return `${base}; where nothing really changed, 1 test in 20 still passes by chance (${(tested * 0.05).toFixed(1)} expected among ${tested})`;
}

/** Departments without a score in any period, and why (nobody is their client, or their clients sent nothing). */
export function notEvaluatedLines(departments: readonly { index: number; id: string; name: string }[], config: Config, when: string): string[] {
  const evaluated = new Set(config.evaluates.flat());
  return departments.map(
    (d) => `No score in ${when}: ${d.name} (${d.id}) — ${config.departments[d.index]?.id === d.id && !evaluated.has(d.index) ? 'no department is its client' : 'nobody evaluated it'}`,
  );
}
