/** The views of `ic diff` as format-neutral tables (--by department|criterion|pair). */
import type { Config } from '../../config/types.js';
import type { CriterionDiff, DepartmentDiff, DiffSide, PairDiff, PeriodDiff } from '../../core/diff.js';
import type { NullReason } from '../../core/results.js';
import type { ReportPhrases, Where } from '../phrases/types.js';
import { HEADER_WRAP, maybe, num, text, type CellValue, type Column, type TableModel, type Tone } from '../table.js';

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
export function changeText(d: Pick<DepartmentDiff, 'change' | 'reason' | 'a' | 'b'>, labels: PeriodLabels, p: ReportPhrases): string {
  switch (d.change) {
    case 'declined':
      return p.diff.declined;
    case 'improved':
      return p.diff.improved;
    case 'not_significant':
      return p.diff.notSignificant;
    case 'new':
      return p.diff.newIn(labels.b);
    case 'gone':
      return p.diff.goneIn(labels.b);
    case 'not_testable':
      return p.diff.notTestable(notTestableWhy(d, labels, p));
  }
}

/** Where a condition holds: both periods, or the one it holds in. */
function where(a: boolean, b: boolean, labels: PeriodLabels): Where {
  return a && b ? { both: true } : { both: false, label: a ? labels.a : labels.b };
}

function notTestableWhy(d: Pick<DepartmentDiff, 'reason' | 'a' | 'b'>, labels: PeriodLabels, p: ReportPhrases): string {
  switch (d.reason) {
    case 'suppressed':
      return p.diff.hiddenIn(where(isHidden(d.a.reason), isHidden(d.b.reason), labels));
    case 'no_score':
      return p.diff.noScoreIn(where(d.a.score === null, d.b.score === null, labels));
    case 'se_undefined':
      return p.diff.seUndefinedIn(where(d.a.se === null, d.b.se === null, labels));
    case 'se_zero':
      return p.diff.seZero;
    case null:
      return '';
  }
}

const sideScore = (s: DiffSide, tone?: Tone): CellValue => maybe(s.score, s.reason, 'score', tone);

/** "Логистика ← Доставка": a department compared with one of another id in period A (renamed or merged). */
export function matchedName(d: Pick<DepartmentDiff, 'name' | 'a' | 'b'>): string {
  return d.a.id !== null && d.b.id !== null && d.a.id !== d.b.id ? `${d.name} ← ${d.a.name ?? d.a.id}` : d.name;
}

function arrowText(a: number | null, b: number | null): string {
  if (a === null && b === null) return '';
  return `${a ?? '–'} → ${b ?? '–'}`;
}

/** One row per department, biggest significant drops first. `forDisplay`: compact columns for people. */
export function departmentDiffView(diff: PeriodDiff, labels: PeriodLabels, forDisplay: boolean, p: ReportPhrases): TableModel {
  if (forDisplay) {
    const t = p.diff.columns;
    return {
      columns: [
        { key: 'department', title: t.department, cut: true },
        { key: 'id', title: t.id, priority: 1 },
        { key: 'score_a', title: labels.a, align: 'right' },
        { key: 'score_b', title: labels.b, align: 'right' },
        { key: 'delta', title: 'Δ', align: 'right' },
        { key: 'z', title: 'z', align: 'right', priority: 4 },
        { key: 'p', title: 'p', align: 'right', priority: 3 },
        { key: 'change', title: t.change },
        { key: 'rank', title: t.rank, align: 'right', priority: 5 },
        { key: 'favorable_pct_change', title: t.favorableDelta, align: 'right', priority: 2 },
        { key: 'respondents', title: t.respondents, align: 'right', priority: 1 },
      ],
      rows: diff.departments.map((d) => {
        const tone = moveTone(d);
        return [
          text(matchedName(d)),
          text(d.id, 'dim'),
          sideScore(d.a),
          sideScore(d.b),
          num(d.delta, 'delta', tone),
          num(d.z, 'z', tone),
          num(d.p, 'p', tone),
          text(changeText(d, labels, p), tone ?? 'dim'),
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
      'rank_a', 'rank_b', 'rank_change', 'favorable_pct_a', 'favorable_pct_b', 'favorable_pct_change', 'respondents_a', 'respondents_b', 'id_a',
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
      text(d.a.id ?? ''),
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
 * Display: department × criterion matrix of Δ, the departments in the diff's order, the criteria both
 * periods have (`shared`). Data (CSV): one row per department and criterion with both means.
 */
export function criterionDiffView(
  diff: PeriodDiff,
  criteria: readonly CriterionDiff[],
  shared: Config['criteria'],
  labels: PeriodLabels,
  forDisplay: boolean,
  p: ReportPhrases,
): TableModel {
  if (!forDisplay) {
    const names = new Map(diff.departments.map((d) => [d.id, d.name]));
    return {
      columns: ['department', 'department_name', 'criterion', 'mean_a', 'mean_b', 'delta', 'department_a'].map((key): Column => ({ key, title: key })),
      rows: criteria.map((c) => [
        text(c.departmentId),
        text(names.get(c.departmentId) ?? ''),
        text(c.criterionId),
        maybe(c.meanA, c.reasonA, 'score'),
        maybe(c.meanB, c.reasonB, 'score'),
        num(c.delta, 'delta'),
        text(c.departmentIdA),
      ]),
    };
  }
  const byDepartment = new Map<string, Map<string, CriterionDiff>>();
  for (const c of criteria) {
    const key = `${c.departmentIdA}\u0000${c.departmentId}`;
    const m = byDepartment.get(key) ?? new Map<string, CriterionDiff>();
    m.set(c.criterionId, c);
    byDepartment.set(key, m);
  }
  return {
    columns: [
      { key: 'department', title: p.diff.columns.department, cut: true },
      { key: 'id', title: p.diff.columns.id, priority: 1 },
      { key: 'delta', title: p.diff.columns.scoreDelta, align: 'right' },
      { key: 'change', title: p.diff.columns.change },
      ...shared.map((c): Column => ({ key: c.id, title: c.name, wrap: HEADER_WRAP, align: 'right', priority: 2 })),
    ],
    rows: diff.departments
      .filter((d) => d.status === 'both')
      .map((d) => {
        const tone = moveTone(d);
        const cells = byDepartment.get(`${d.a.id ?? d.id}\u0000${d.id}`);
        return [
          text(matchedName(d)),
          text(d.id, 'dim'),
          num(d.delta, 'delta', tone),
          text(changeText(d, labels, p), tone ?? 'dim'),
          ...shared.map((c): CellValue => {
            const cd = cells?.get(c.id);
            return cd === undefined ? { kind: 'empty' } : deltaCell(cd.delta, cd.reasonA, cd.reasonB);
          }),
        ];
      }),
  };
}

function pairNote(pair: PairDiff, labels: PeriodLabels, p: ReportPhrases): string {
  const earlier = pair.raterIdA === null ? '' : `${labels.a}: ${pair.raterIdA} → ${pair.targetIdA}`;
  const note = pairStatusNote(pair, labels, p);
  return earlier === '' ? note : note === '' ? earlier : `${earlier}; ${note}`;
}

function pairStatusNote(pair: PairDiff, labels: PeriodLabels, p: ReportPhrases): string {
  if (pair.status === 'new') return p.diff.newIn(labels.b);
  if (pair.status === 'gone') return p.diff.goneIn(labels.b);
  if (pair.delta === null) return p.diff.hiddenIn(where(isHidden(pair.reasonA), isHidden(pair.reasonB), labels));
  return '';
}

/** One row per client → department pair, biggest drop first. */
export function pairDiffView(pairs: readonly PairDiff[], config: Config, labels: PeriodLabels, forDisplay: boolean, p: ReportPhrases): TableModel {
  const name = (i: number): string => config.departments[i]?.name ?? '';
  if (forDisplay) {
    return {
      columns: [
        { key: 'rater', title: p.diff.columns.client },
        { key: 'target', title: p.diff.columns.department },
        { key: 'score_a', title: labels.a, align: 'right' },
        { key: 'score_b', title: labels.b, align: 'right' },
        { key: 'delta', title: 'Δ', align: 'right' },
        { key: 'respondents', title: p.diff.columns.respondents, align: 'right', priority: 1 },
        { key: 'note', title: '', cut: true },
      ],
      rows: pairs.map((pair) => [
        text(pair.raterId),
        text(pair.targetId),
        maybe(pair.scoreA, pair.reasonA, 'score'),
        maybe(pair.scoreB, pair.reasonB, 'score'),
        num(pair.delta, 'delta'),
        text(arrowText(pair.respondentsA, pair.respondentsB), 'dim'),
        text(pairNote(pair, labels, p), 'dim'),
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

/** How to read the test, and what it cannot promise. */
export function significanceNote(tested: number, p: ReportPhrases): string {
  if (tested < 2) return p.diff.significance;
  return `${p.diff.significance}; ${p.diff.byChance(p.number(tested * 0.05, 1), tested)}`;
}

/** Departments without a score in any period, and why (nobody is their client, or their clients sent nothing). */
export function notEvaluatedLines(departments: readonly { index: number; id: string; name: string }[], config: Config, when: 'either' | 'any', p: ReportPhrases): string[] {
  const evaluated = new Set(config.evaluates.flat());
  return departments.map((d) =>
    p.diff.notEvaluated(`${d.name} (${d.id})`, when, config.departments[d.index]?.id === d.id && !evaluated.has(d.index) ? 'no_clients' : 'nobody'),
  );
}
