/**
 * The adversary of SPEC 3.3 / issue 12, written apart from src/core/protect: it reads only what the protected
 * result shows (every view at once), writes its own model over the individual answers, and asks its own linear
 * program (HiGHS through its LP-text API) how far each hidden value can still move. For the smallest cases it
 * also tries every combination of whole-point answers. A hidden value must keep a range of at least the
 * protection width: 1 point, or a quarter of the scale's length when that is smaller.
 */
import { createRequire } from 'node:module';
import type { Highs } from 'highs';
import { describe, expect, it } from 'vitest';
import type { PeriodScores } from '../../src/core/results.js';
import type { QuestionnaireRow } from '../../src/domain/questionnaire.js';
import { makeConfig, row, score } from './factories.js';

let highsPromise: Promise<Highs> | undefined;
const getHighs = () => (highsPromise ??= (createRequire(import.meta.url)('highs') as () => Promise<Highs>)());

interface Company {
  departments: string[];
  weights: number[];
  scale: { min: number; max: number };
  favorableMin: number;
  anonymityMin: number;
  aggregation: 'departments' | 'respondents';
  rows: QuestionnaireRow[];
}

/** A linear form over the answers (variable a_i_c) and favorable indicators (f_i_c). */
type Form = Map<string, number>;
const aVar = (i: number, c: number) => `a_${i}_${c}`;
const fVar = (i: number, c: number) => `f_${i}_${c}`;

function plus(into: Form, other: Form, factor = 1): Form {
  for (const [k, v] of other) into.set(k, (into.get(k) ?? 0) + factor * v);
  return into;
}

/** What the attacker can write down about one company: a form for every number a report may show. */
function forms(co: Company) {
  const C = co.weights.length;
  const answered = (i: number, c: number) => !Number.isNaN(co.rows[i]!.answers[c]!);
  const rowsOf = (t: number, r?: number) => co.rows.flatMap((x, i) => (x.target === t && (r === undefined || x.rater === r) ? [i] : []));
  const mean = (idx: number[], c: number): Form | null => {
    const with_ = idx.filter((i) => answered(i, c));
    return with_.length === 0 ? null : new Map(with_.map((i) => [aVar(i, c), 1 / with_.length]));
  };
  const weighted = (parts: (Form | null)[]): Form | null => {
    const w = parts.reduce((s, p, c) => s + (p === null ? 0 : co.weights[c]!), 0);
    if (w === 0) return null;
    const out: Form = new Map();
    parts.forEach((p, c) => p && plus(out, p, co.weights[c]! / w));
    return out;
  };
  const raters = (t: number) => [...new Set(rowsOf(t).map((i) => co.rows[i]!.rater))];
  const criterionMean = (t: number, c: number): Form | null => {
    if (co.aggregation === 'respondents') return mean(rowsOf(t), c);
    const means = raters(t).map((r) => mean(rowsOf(t, r), c)).filter((m): m is Form => m !== null);
    if (means.length === 0) return null;
    const out: Form = new Map();
    for (const m of means) plus(out, m, 1 / means.length);
    return out;
  };
  const favorable = (idx: number[], cs: number[]): Form | null => {
    const cells = idx.flatMap((i) => cs.filter((c) => answered(i, c)).map((c) => fVar(i, c)));
    return cells.length === 0 ? null : new Map(cells.map((v) => [v, 1 / cells.length]));
  };
  const rowScore = (i: number): Form => weighted(Array.from({ length: C }, (_, c) => (answered(i, c) ? new Map([[aVar(i, c), 1]]) : null)))!;
  const meanRowScore = (idx: number[]): Form | null => {
    if (idx.length === 0) return null;
    const out: Form = new Map();
    for (const i of idx) plus(out, rowScore(i), 1 / idx.length);
    return out;
  };
  const all = co.rows.map((_, i) => i);
  const allCriteria = Array.from({ length: C }, (_, c) => c);
  return {
    answered,
    rowsOf,
    pairMean: (t: number, r: number, c: number) => mean(rowsOf(t, r), c),
    pairScore: (t: number, r: number) => weighted(allCriteria.map((c) => mean(rowsOf(t, r), c))),
    criterionMean,
    score: (t: number) => weighted(allCriteria.map((c) => criterionMean(t, c))),
    departmentFavorable: (t: number) => favorable(rowsOf(t), allCriteria),
    companyMean: (c: number) => {
      if (co.aggregation === 'respondents') return mean(all, c);
      const ms = co.departments.map((_, t) => criterionMean(t, c)).filter((m): m is Form => m !== null);
      if (ms.length === 0) return null;
      const out: Form = new Map();
      for (const m of ms) plus(out, m, 1 / ms.length);
      return out;
    },
    companyFavorable: (c: number) => favorable(all, [c]),
    meanRowScore,
  };
}

interface Equation {
  form: Form;
  value: number;
}
interface Secret {
  what: string;
  form: Form;
  width: number;
}

/** Every shown number as an equation, and every hidden small-group value as a secret. */
function readReport(co: Company, s: PeriodScores): { equations: Equation[]; secrets: Secret[] } {
  const f = forms(co);
  const k = co.anonymityMin;
  const width = Math.min(1, (co.scale.max - co.scale.min) / 4);
  const equations: Equation[] = [];
  const secrets: Secret[] = [];
  const shown = (form: Form | null, value: number | null) => {
    if (form !== null && value !== null) equations.push({ form, value });
  };
  const secret = (what: string, form: Form | null, w = width) => {
    if (form !== null) secrets.push({ what, form, width: w });
  };
  for (const d of s.departments) {
    shown(f.score(d.index), d.score);
    shown(f.departmentFavorable(d.index), d.favorablePct === null ? null : d.favorablePct / 100);
    if (d.reason === 'fewer_than_k') {
      secret(`score of ${d.id}`, f.score(d.index));
      secret(`favorable share of ${d.id}`, f.departmentFavorable(d.index), 0.25);
    }
    for (const c of d.criteria) {
      shown(f.criterionMean(d.index, c.criterion), c.mean);
      if (c.reason === 'fewer_than_k') secret(`M(${d.id},${c.id})`, f.criterionMean(d.index, c.criterion));
    }
  }
  for (const p of s.pairs) {
    if (p.respondents === 0) continue;
    shown(f.pairScore(p.target, p.rater), p.score);
    if (p.reason === 'fewer_than_k') secret(`P(${p.targetId},${p.raterId})`, f.pairScore(p.target, p.rater));
    const n = p.respondents;
    co.weights.forEach((_, c) => {
      const answers = f.rowsOf(p.target, p.rater).filter((i) => f.answered(i, c)).length;
      if (answers > 0 && answers < k && answers < n) secret(`m(${p.targetId},${p.raterId},${c})`, f.pairMean(p.target, p.rater, c));
    });
  }
  for (const c of s.criteria) {
    shown(f.companyMean(c.index), c.mean);
    shown(f.companyFavorable(c.index), c.favorablePct === null ? null : c.favorablePct / 100);
    if (c.reason === 'fewer_than_k') secret(`company ${c.id}`, f.companyMean(c.index));
  }
  // given(r) and the company mean are over the rows of the pairs the pair view shows, except pairs where a
  // criterion was answered by fewer than k of their people (the method says so; the attacker knows it).
  const inView = (t: number, r: number) =>
    co.weights.every((_, c) => {
      const n = f.rowsOf(t, r).filter((i) => f.answered(i, c)).length;
      return n === 0 || n >= k;
    });
  const shownPair = new Set(s.pairs.filter((p) => p.score !== null && inView(p.target, p.rater)).map((p) => `${p.target}<${p.rater}`));
  const shownRows = co.rows.flatMap((x, i) => (shownPair.has(`${x.target}<${x.rater}`) ? [i] : []));
  for (const r of s.raters) {
    shown(f.meanRowScore(shownRows.filter((i) => co.rows[i]!.rater === r.index)), r.givenMean);
    if (r.reason === 'fewer_than_k') secret(`given(${r.id})`, f.meanRowScore(co.rows.flatMap((x, i) => (x.rater === r.index ? [i] : []))));
  }
  shown(f.meanRowScore(shownRows), s.company.mean);
  return { equations, secrets };
}

const term = (v: number, name: string) => `${v >= 0 ? '+' : '-'} ${Math.abs(v).toPrecision(17)} ${name}`;

/** min and max of each secret by LP over the answers, with favorable indicators relaxed to [0, 1]. */
async function lpRanges(co: Company, equations: Equation[], secrets: Secret[]): Promise<{ what: string; range: number; width: number }[]> {
  const highs = await getHighs();
  const { min, max } = co.scale;
  const fav = co.favorableMin;
  const constraints: string[] = [];
  const bounds: string[] = [];
  co.rows.forEach((x, i) =>
    x.answers.forEach((a, c) => {
      if (Number.isNaN(a)) return;
      bounds.push(`${min} <= ${aVar(i, c)} <= ${max}`, `0 <= ${fVar(i, c)} <= 1`);
      // favorable (f = 1): fav <= a <= max; not (f = 0): min <= a <= fav
      constraints.push(`${aVar(i, c)} ${term(-(fav - min), fVar(i, c))} >= ${min}`);
      constraints.push(`${aVar(i, c)} ${term(-(max - fav), fVar(i, c))} <= ${fav}`);
    }),
  );
  for (const e of equations) {
    const lhs = [...e.form].map(([n, v]) => term(v, n)).join(' ');
    const slack = 1e-9 * Math.max(1, Math.abs(e.value));
    constraints.push(`${lhs} >= ${(e.value - slack).toPrecision(17)}`, `${lhs} <= ${(e.value + slack).toPrecision(17)}`);
  }
  const body = ['Subject To', ...constraints.map((c, i) => ` c${i}: ${c}`), 'Bounds', ...bounds.map((b) => ` ${b}`), 'End'].join('\n');
  return secrets.map((s) => {
    const objective = [...s.form].map(([n, v]) => term(v, n)).join(' ');
    const solve = (sense: string) => {
      const result = highs.solve(`${sense}\n obj: ${objective}\n${body}`, { output_flag: false } as never);
      expect(result.Status).toBe('Optimal');
      return result.ObjectiveValue;
    };
    return { what: s.what, range: solve('Maximize') - solve('Minimize'), width: s.width };
  });
}

/** Every combination of whole-point answers that reproduces every shown number: the span of each secret. */
function exhaustiveRanges(co: Company, equations: Equation[], secrets: Secret[]): { what: string; range: number; width: number }[] {
  const cells = co.rows.flatMap((x, i) => [...x.answers].flatMap((a, c) => (Number.isNaN(a) ? [] : [[i, c] as const])));
  const points = Array.from({ length: co.scale.max - co.scale.min + 1 }, (_, j) => co.scale.min + j);
  const lo = secrets.map(() => Infinity);
  const hi = secrets.map(() => -Infinity);
  const values = new Map<string, number>();
  const at = (form: Form) => [...form].reduce((s, [n, v]) => s + v * (values.get(n) as number), 0);
  const visit = (j: number) => {
    if (j === cells.length) {
      if (!equations.every((e) => Math.abs(at(e.form) - e.value) <= 1e-7)) return;
      secrets.forEach((s, q) => {
        const v = at(s.form);
        lo[q] = Math.min(lo[q]!, v);
        hi[q] = Math.max(hi[q]!, v);
      });
      return;
    }
    const [i, c] = cells[j]!;
    for (const p of points) {
      values.set(aVar(i, c), p);
      values.set(fVar(i, c), p >= co.favorableMin ? 1 : 0);
      visit(j + 1);
    }
  };
  visit(0);
  return secrets.map((s, q) => ({ what: s.what, range: hi[q]! - lo[q]!, width: s.width }));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small made-up company: 2–6 departments, 1–4 raters per pair, N/A answers, extreme values now and then. */
function generate(seed: number, size: { departments: [number, number]; criteria: number; raters: number }): Company {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const yesNo = rnd() < 0.4;
  const scale = yesNo ? { min: 0, max: 1 } : { min: 1, max: 5 };
  const D = int(...size.departments);
  const departments = Array.from({ length: D }, (_, d) => `d${d}`);
  const weights = Array.from({ length: size.criteria }, () => int(1, 3));
  const extreme = rnd() < 0.3 ? (rnd() < 0.5 ? scale.max : scale.min) : null;
  const rows: QuestionnaireRow[] = [];
  let respondent = 0;
  for (let t = 0; t < D; t++) {
    for (let r = 0; r < D; r++) {
      if (r === t || rnd() < 0.3) continue;
      const people = int(1, size.raters);
      for (let p = 0; p < people; p++) {
        const answers = weights.map(() => (rnd() < 0.15 ? Number.NaN : extreme ?? int(scale.min, scale.max)));
        if (answers.every(Number.isNaN)) answers[0] = extreme ?? scale.max;
        rows.push(row(respondent++, r, t, answers));
      }
    }
  }
  return {
    departments,
    weights,
    scale,
    favorableMin: yesNo ? 1 : 4,
    anonymityMin: int(2, 3),
    aggregation: rnd() < 0.7 ? 'departments' : 'respondents',
    rows,
  };
}

async function protectedReport(co: Company): Promise<PeriodScores> {
  const config = makeConfig({
    departments: co.departments,
    criteria: Object.fromEntries(co.weights.map((w, c) => [`c${c}`, w])),
    anonymityMin: co.anonymityMin,
    favorableMin: co.favorableMin,
    aggregation: co.aggregation,
  });
  return score({ ...config, scale: co.scale }, co.rows);
}

const narrow = (ranges: { what: string; range: number; width: number }[]) =>
  ranges.filter((r) => r.range < r.width - 1e-6).map((r) => `${r.what}: ${r.range.toFixed(4)} < ${r.width}`);

describe('an independent adversary with everything one report shows', () => {
  it('by linear programming: every hidden value keeps a range of at least the protection width (10 companies)', { timeout: 120_000 }, async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const co = generate(seed, { departments: [2, 6], criteria: 3, raters: 4 });
      const s = await protectedReport(co);
      const { equations, secrets } = readReport(co, s);
      expect(narrow(await lpRanges(co, equations, secrets)), `seed ${seed}`).toEqual([]);
    }
  });

  it('by trying every whole-point answer on the smallest companies', { timeout: 120_000 }, async () => {
    let checked = 0;
    for (let seed = 100; seed < 160 && checked < 12; seed++) {
      const co = generate(seed, { departments: [2, 3], criteria: 1, raters: 2 });
      const combinations = (co.scale.max - co.scale.min + 1) ** co.rows.length;
      if (combinations > 20000) continue;
      const s = await protectedReport(co);
      const { equations, secrets } = readReport(co, s);
      if (secrets.length === 0) continue;
      checked++;
      expect(narrow(exhaustiveRanges(co, equations, secrets)), `seed ${seed}`).toEqual([]);
    }
    expect(checked).toBeGreaterThan(5);
  });
});
