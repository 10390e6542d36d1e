/**
 * Two periods compared (SPEC 3.4): per department S_A, S_B, Δ, the z test of the change, ranks and
 * favorable %; per criterion and per pair the deltas of shown values.
 *
 * Works only from PeriodScores, where anonymity is already applied: a value hidden in either period is
 * null there, so no delta here can be computed from a hidden value. Pure: no I/O.
 */
import type { CriterionCell, DepartmentScore, NullReason, PairScore, PeriodScores } from './results.js';
import { forwardId, lineages, NO_RENAMES, renamedMatches, type Matched, type Renames } from './match.js';
import { normalTwoSidedP } from './stats.js';

/** |z| at or above this is significant: p < 0.05, two-sided (SPEC 3.4). */
export const SIGNIFICANCE_Z = 1.96;

/** both: has rows (respondents > 0) in both periods; new: in B only; gone: in A only. */
export type DiffStatus = 'both' | 'new' | 'gone';

/**
 * Why a department present in both periods has no test:
 * - suppressed: its score is hidden (anonymity) in A or B, so there is no delta either;
 * - no_score: its score is missing in A or B for another reason (nothing to compute it from);
 * - se_undefined: both scores are shown but an SE is undefined (fewer than 2 rows): delta, no z;
 * - se_zero: SE_A = SE_B = 0 (every row score identical in both periods): z would divide by zero.
 *   A change with no measured spread is not evidence of anything, so we do not call it significant.
 */
export type NotTestableReason = 'suppressed' | 'no_score' | 'se_undefined' | 'se_zero';

/** improved/declined: a significant move; not_significant: tested, |z| < 1.96. */
export type ChangeKind = 'improved' | 'declined' | 'not_significant' | 'not_testable' | 'new' | 'gone';

export interface ScoreChange {
  /** S_B − S_A; null when either score is not shown. */
  delta: number | null;
  /** Δ / √(SE_A² + SE_B²); null when not testable. */
  z: number | null;
  /** Two-sided p of z; null when not testable. */
  p: number | null;
  /** |z| >= 1.96; never true when not testable. */
  significant: boolean;
  testable: boolean;
  /** Null when testable. */
  reason: NotTestableReason | null;
}

/** The z test of SPEC 3.4 on two shown scores (or the reason there is none). */
export function testChange(a: { score: number | null; se: number | null; suppressed: boolean }, b: { score: number | null; se: number | null; suppressed: boolean }): ScoreChange {
  if (a.score === null || b.score === null) {
    const reason: NotTestableReason = a.suppressed || b.suppressed ? 'suppressed' : 'no_score';
    return { delta: null, z: null, p: null, significant: false, testable: false, reason };
  }
  const delta = b.score - a.score;
  if (a.se === null || b.se === null) return { delta, z: null, p: null, significant: false, testable: false, reason: 'se_undefined' };
  const spread = Math.sqrt(a.se * a.se + b.se * b.se);
  if (spread === 0) return { delta, z: null, p: null, significant: false, testable: false, reason: 'se_zero' };
  const z = delta / spread;
  return { delta, z, p: normalTwoSidedP(z), significant: Math.abs(z) >= SIGNIFICANCE_Z, testable: true, reason: null };
}

/** One period's side of a department: what that period's report shows. */
export interface DiffSide {
  /** The department's id and name in that period (another than the row's when it was renamed or merged); null when absent. */
  id: string | null;
  name: string | null;
  score: number | null;
  se: number | null;
  rank: number | null;
  favorablePct: number | null;
  respondents: number;
  /** Why score is null (hidden, or no responses); null when shown. */
  reason: NullReason | null;
}

export interface DepartmentDiff extends ScoreChange {
  /** Department index in period B's scores (A's for a gone department). */
  index: number;
  id: string;
  name: string;
  status: DiffStatus;
  change: ChangeKind;
  a: DiffSide;
  b: DiffSide;
  /** rank_A − rank_B: positive = moved up the ranking; null unless ranked in both periods. */
  rankChange: number | null;
  /** favorable %_B − favorable %_A, in percentage points; null unless shown in both. */
  favorablePctChange: number | null;
}

export interface DepartmentRef {
  index: number;
  id: string;
  name: string;
}

export interface DiffSummary {
  improved: number;
  declined: number;
  notSignificant: number;
  notTestable: number;
  new: number;
  gone: number;
}

export interface PeriodDiff {
  /** Departments with rows in either period, sorted by `compareDepartmentDiffs`. */
  departments: DepartmentDiff[];
  /** Departments nobody evaluated in either period: no score to compare, listed apart. */
  notEvaluated: DepartmentRef[];
  summary: DiffSummary;
  /** Departments of B matched to departments of A under another id (renamed_from). */
  matched: Matched[];
}

const ABSENT: DiffSide = { id: null, name: null, score: null, se: null, rank: null, favorablePct: null, respondents: 0, reason: 'no_responses' };

function side(d: DepartmentScore | undefined): DiffSide {
  if (d === undefined) return ABSENT;
  return { id: d.id, name: d.name, score: d.score, se: d.se, rank: d.rank, favorablePct: d.favorablePct, respondents: d.respondents, reason: d.reason };
}

const present = (d: DepartmentScore | undefined): d is DepartmentScore => d !== undefined && d.respondents > 0;

function changeKind(status: DiffStatus, c: ScoreChange): ChangeKind {
  if (status !== 'both') return status;
  if (!c.testable) return 'not_testable';
  if (!c.significant) return 'not_significant';
  return (c.z as number) > 0 ? 'improved' : 'declined';
}

/**
 * One department across two periods; null when it has rows in neither.
 * `a`/`b` may be undefined when the department is not in that period's config.
 */
export function diffDepartment(a: DepartmentScore | undefined, b: DepartmentScore | undefined): DepartmentDiff | null {
  const inA = present(a);
  const inB = present(b);
  if (!inA && !inB) return null;
  const status: DiffStatus = inA && inB ? 'both' : inB ? 'new' : 'gone';
  const ref = (inB ? b : a) as DepartmentScore;
  const sa = inA ? side(a) : ABSENT;
  const sb = inB ? side(b) : ABSENT;
  const change: ScoreChange =
    status === 'both'
      ? testChange(a as DepartmentScore, b as DepartmentScore)
      : { delta: null, z: null, p: null, significant: false, testable: false, reason: null };
  return {
    index: ref.index,
    id: ref.id,
    name: ref.name,
    status,
    change: changeKind(status, change),
    ...change,
    a: sa,
    b: sb,
    rankChange: sa.rank !== null && sb.rank !== null ? sa.rank - sb.rank : null,
    favorablePctChange: sa.favorablePct !== null && sb.favorablePct !== null ? sb.favorablePct - sa.favorablePct : null,
  };
}

const CHANGE_ORDER: Record<ChangeKind, number> = { declined: 0, improved: 1, not_significant: 2, not_testable: 3, new: 4, gone: 5 };

/** What the order looks at (trend sorts its latest changes the same way). */
export type Sortable = Pick<DepartmentDiff, 'change' | 'z' | 'delta' | 'index'>;

/**
 * Biggest significant drops first (most negative z), then significant rises (largest z first), then the
 * tested but not significant by Δ (most negative first), then not testable (by Δ when there is one), then
 * new, then gone; ties in config order.
 */
export function compareDepartmentDiffs(x: Sortable, y: Sortable): number {
  const group = CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change];
  if (group !== 0) return group;
  let key = 0;
  if (x.change === 'declined') key = (x.z as number) - (y.z as number);
  else if (x.change === 'improved') key = (y.z as number) - (x.z as number);
  else if (x.change === 'not_significant' || x.change === 'not_testable') key = (x.delta ?? Infinity) - (y.delta ?? Infinity);
  return (Number.isNaN(key) ? 0 : key) || x.index - y.index;
}

export function summarizeDiff(departments: readonly Pick<DepartmentDiff, 'change'>[]): DiffSummary {
  const s: DiffSummary = { improved: 0, declined: 0, notSignificant: 0, notTestable: 0, new: 0, gone: 0 };
  for (const d of departments) {
    if (d.change === 'not_testable') s.notTestable++;
    else if (d.change === 'not_significant') s.notSignificant++;
    else s[d.change]++;
  }
  return s;
}

/**
 * Departments of both periods matched by id, or through B's `renamed_from` (`renamesB`); A's order, then B's
 * departments nothing in A leads to. Two departments of A merged into one of B give two rows, one per
 * department of A, both with the same B side.
 */
export function diffPeriods(a: PeriodScores, b: PeriodScores, renamesB: Renames = NO_RENAMES): PeriodDiff {
  const departments: DepartmentDiff[] = [];
  const notEvaluated: DepartmentRef[] = [];
  const lines = lineages([a.departments, b.departments], [NO_RENAMES, renamesB]);
  for (const [da, db] of lines) {
    const d = diffDepartment(da, db);
    if (d !== null) departments.push(d);
    else {
      const ref = (db ?? da) as DepartmentScore;
      if (!notEvaluated.some((n) => n.id === ref.id)) notEvaluated.push({ index: ref.index, id: ref.id, name: ref.name });
    }
  }
  // A merged department is new only when none of the departments merged into it had rows in A.
  const compared = new Set(departments.filter((d) => d.status === 'both').map((d) => d.id));
  const shown = departments.filter((d) => d.status !== 'new' || !compared.has(d.id));
  shown.sort(compareDepartmentDiffs);
  return { departments: shown, notEvaluated, summary: summarizeDiff(shown), matched: renamedMatches(lines) };
}

/**
 * Δ of one criterion mean M(t, c) between periods. No significance test: the scores carry no
 * per-criterion SE, and we do not invent one.
 */
export interface CriterionDiff {
  /** Department index (as in the DepartmentDiff). */
  department: number;
  departmentId: string;
  /** The department's id in period A (another when it was renamed or merged since). */
  departmentIdA: string;
  criterion: number;
  criterionId: string;
  meanA: number | null;
  meanB: number | null;
  /** Null when either mean is not shown. */
  delta: number | null;
  reasonA: NullReason | null;
  reasonB: NullReason | null;
}

function criterionDelta(department: DepartmentDiff, ca: CriterionCell | undefined, cb: CriterionCell | undefined, criterion: number, criterionId: string): CriterionDiff {
  const meanA = ca?.mean ?? null;
  const meanB = cb?.mean ?? null;
  return {
    department: department.index,
    departmentId: department.id,
    departmentIdA: department.a.id ?? department.id,
    criterion,
    criterionId,
    meanA,
    meanB,
    delta: meanA !== null && meanB !== null ? meanB - meanA : null,
    reasonA: meanA === null ? (ca?.reason ?? 'no_responses') : null,
    reasonB: meanB === null ? (cb?.reason ?? 'no_responses') : null,
  };
}

/**
 * Criterion deltas of the departments in both periods, in the order of `departments` (the sorted department
 * diff), each in criterion order of period B. Criteria are matched by id; only the criteria both periods
 * have are compared (a criterion added or removed has nothing to compare with: the method change says so).
 */
export function diffCriteria(a: PeriodScores, b: PeriodScores, departments: readonly DepartmentDiff[]): CriterionDiff[] {
  const byIdA = new Map(a.departments.map((d) => [d.id, d]));
  const byIdB = new Map(b.departments.map((d) => [d.id, d]));
  const out: CriterionDiff[] = [];
  for (const d of departments) {
    if (d.status !== 'both') continue;
    const da = byIdA.get(d.a.id ?? d.id);
    const db = byIdB.get(d.b.id ?? d.id);
    if (da === undefined || db === undefined) continue;
    const criteriaA = new Map(da.criteria.map((c) => [c.id, c]));
    for (const cb of db.criteria) {
      const ca = criteriaA.get(cb.id);
      if (ca !== undefined) out.push(criterionDelta(d, ca, cb, cb.criterion, cb.id));
    }
  }
  return out;
}

/** Δ of one pair score P(t, r); no significance test (no per-pair SE in the scores). */
export interface PairDiff {
  targetId: string;
  raterId: string;
  /** The pair's ids in period A when a department of it was renamed or merged since; null when the same, or absent in A. */
  targetIdA: string | null;
  raterIdA: string | null;
  /** Department indices in period B (A for a gone pair). */
  target: number;
  rater: number;
  /** both: the pair has rows in both periods; new/gone as for departments. */
  status: DiffStatus;
  scoreA: number | null;
  scoreB: number | null;
  /** Null unless the pair is shown in both periods. */
  delta: number | null;
  respondentsA: number;
  respondentsB: number;
  /** Hidden (anonymity) in A or B: no delta. */
  suppressed: boolean;
  reasonA: NullReason | null;
  reasonB: NullReason | null;
}

/**
 * Pairs with rows in either period, matched as departments are (by id, or through B's `renamed_from`): a pair
 * of A whose departments were merged into one pair of B gives a row of its own. Sorted: shown deltas first,
 * biggest drop first; then pairs hidden in either period; then new, then gone; ties by target then rater id.
 */
export function diffPairs(a: PeriodScores, b: PeriodScores, renamesB: Renames = NO_RENAMES): PairDiff[] {
  const forward = forwardId(renamesB);
  const key = (target: string, rater: string): string => `${target}\u0000${rater}`;
  const inA = new Map<string, PairScore[]>();
  for (const p of a.pairs) {
    if (p.respondents === 0) continue;
    const k = key(forward(p.targetId), forward(p.raterId));
    inA.set(k, [...(inA.get(k) ?? []), p]);
  }
  const inB = new Map(b.pairs.filter((p) => p.respondents > 0).map((p) => [key(p.targetId, p.raterId), p]));
  const out: PairDiff[] = [];
  for (const k of new Set([...inA.keys(), ...inB.keys()])) {
    const pb = inB.get(k);
    for (const pa of inA.get(k) ?? [undefined]) out.push(pairDiff(pa, pb));
  }
  const group = (p: PairDiff): number => (p.status === 'new' ? 2 : p.status === 'gone' ? 3 : p.delta === null ? 1 : 0);
  return out.sort(
    (x, y) =>
      group(x) - group(y) ||
      (x.delta !== null && y.delta !== null ? x.delta - y.delta : 0) ||
      x.targetId.localeCompare(y.targetId) ||
      x.raterId.localeCompare(y.raterId) ||
      (x.targetIdA ?? '').localeCompare(y.targetIdA ?? '') ||
      (x.raterIdA ?? '').localeCompare(y.raterIdA ?? ''),
  );
}

function pairDiff(pa: PairScore | undefined, pb: PairScore | undefined): PairDiff {
  const ref = (pb ?? pa) as PairScore;
  const status: DiffStatus = pa && pb ? 'both' : pb ? 'new' : 'gone';
  const scoreA = pa?.score ?? null;
  const scoreB = pb?.score ?? null;
  const renamed = pa !== undefined && pb !== undefined && (pa.targetId !== pb.targetId || pa.raterId !== pb.raterId);
  return {
    targetId: ref.targetId,
    raterId: ref.raterId,
    targetIdA: renamed ? pa.targetId : null,
    raterIdA: renamed ? pa.raterId : null,
    target: ref.target,
    rater: ref.rater,
    status,
    scoreA,
    scoreB,
    delta: status === 'both' && scoreA !== null && scoreB !== null ? scoreB - scoreA : null,
    respondentsA: pa?.respondents ?? 0,
    respondentsB: pb?.respondents ?? 0,
    suppressed: (pa?.suppressed ?? false) || (pb?.suppressed ?? false),
    reasonA: pa === undefined ? 'no_responses' : pa.reason,
    reasonB: pb === undefined ? 'no_responses' : pb.reason,
  };
}
