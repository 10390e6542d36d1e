/**
 * Hand-checked numbers: `ic score` on test/fixtures/score-small, worked out by hand from SPEC 3.2/3.3.
 * Needs `npm run build` (npm test does it first).
 *
 * The company (ic.yaml): speed weight 2, quality weight 1; scale 1–5, favorable_min 4, anonymity_min 2,
 * alert_below 3.5; na_values N/A and "-", blank = not answered.
 *   sales → procurement, it;  procurement → it, hr;  it → sales, hr;  hr → sales.
 *
 * responses.csv, with each row's score o = (2·speed + quality) / 3 over its valid answers:
 *   line  respondent rater       target       speed quality   o
 *    2    s1         sales       procurement  4     5         13/3
 *    3    s2         sales       procurement  3     N/A       3
 *    4    s3         sales       procurement  5     4         14/3
 *    5    s1         sales       it           2     3         7/3
 *    6    s2         sales       it           4     (blank)   4
 *    7    p1         procurement it           5     5         5
 *    8    p2         procurement it           3     4         10/3
 *    9    p3         procurement it           N/A   2         2
 *   10    p1         procurement hr           4     4         4
 *   11    p2         procurement hr           2     3         7/3
 *   12    i1         it          hr           5     4         14/3
 *   13    i2         it          hr           3     -         3
 *   14    i1         it          sales        4     3         11/3
 *   15    i2         it          sales        2     2         2
 *   16    h1         hr          sales        5     4         14/3
 *
 * Pair criterion means m(t,r,c) and pair scores P(t,r) = (2·m_speed + m_quality) / 3:
 *   procurement ← sales:       speed (4+3+5)/3 = 4,  quality (5+4)/2 = 4.5     P = 12.5/3 = 25/6
 *   it ← sales:                speed (2+4)/2 = 3,    quality 3                 P = 9/3 = 3
 *   it ← procurement:          speed (5+3)/2 = 4,    quality (5+4+2)/3 = 11/3  P = (8 + 11/3)/3 = 35/9
 *   hr ← procurement:          speed (4+2)/2 = 3,    quality (4+3)/2 = 3.5     P = 9.5/3 = 19/6
 *   hr ← it:                   speed (5+3)/2 = 4,    quality 4                 P = 12/3 = 4
 *   sales ← it:                speed (4+2)/2 = 3,    quality (3+2)/2 = 2.5     P = 8.5/3 = 17/6   (hidden, see below)
 *   sales ← hr (1 respondent): speed 5,              quality 4                 P = 14/3           (hidden, n < 2)
 */
import { describe, expect, it } from 'vitest';
import { ic } from '../helpers/cli.js';
import { SMALL_RESPONDENTS_CONFIG, SMALL_RESPONSES, byId, csvObjects, scoreJson, tableRow } from './helpers.js';

const Z = 1.96;
const PRECISION = 10;

interface Expected {
  score: number;
  se: number;
  favorable: number;
  respondents: number;
  raters: number;
  rank: number;
  speed: number;
  quality: number;
  flags: string[];
  /** The terminal table: score, ci95 low, ci95 high, favorable %, speed, quality as displayed. */
  display: [string, string, string, string, string, string];
}

/**
 * aggregation: departments. M(t,c) = mean over rater departments of m(t,r,c); S = (2·M_speed + M_quality)/3.
 * SE = √(Σ_r s_r²/n_r) / R, s_r² the sample variance of o over r's rows about t.
 */
const DEPARTMENTS: Record<string, Expected> = {
  // One rater (sales). M_speed 4, M_quality 4.5, S = (8 + 4.5)/3 = 25/6 = 4.1667.
  // o = 13/3, 3, 14/3: mean 4, deviations 1/3, −1, 2/3, Σ² = 1/9 + 1 + 4/9 = 14/9, s² = 7/9; SE = √(7/9 / 3) = √(7/27) = 0.50918.
  // ci95 = 4.1667 ± 0.99798 = [3.1687, 5.1646], cut to the 1–5 scale: [3.1687, 5]. Favorable: answers 4,3,5,5,4 → 4 of 5 = 80%.
  procurement: { score: 25 / 6, se: Math.sqrt(7 / 27), favorable: 80, respondents: 3, raters: 1, rank: 1, speed: 4, quality: 4.5, flags: [], display: ['4.17', '3.17', '5.00', '80.0%', '4.00', '4.50'] },
  // Raters it and hr. M_speed (3 + 5)/2 = 4, M_quality (2.5 + 4)/2 = 3.25, S = (8 + 3.25)/3 = 3.75.
  // it: o = 11/3, 2: mean 17/6, deviations ±5/6, s² = 2·25/36 = 25/18, n = 2 → 25/36.
  // hr: one row: the pooled within-department variance of sales' rows = (M2_it)/(2 − 1) = 25/18, n = 1 → 25/18.
  // SE = √(25/36 + 50/36) / 2 = √(75/36)/2 = 5√3/12 = 0.72169; ci95 = 3.75 ± 1.41451 = [2.3355, 5.1645], cut to [2.3355, 5].
  // Favorable: 4,3,2,2,5,4 → 3 of 6 = 50%. Respondents i1, i2, h1 = 3 ≥ 2: shown.
  sales: { score: 3.75, se: (5 * Math.sqrt(3)) / 12, favorable: 50, respondents: 3, raters: 2, rank: 2, speed: 4, quality: 3.25, flags: [], display: ['3.75', '2.34', '5.00', '50.0%', '4.00', '3.25'] },
  // Raters procurement and it. M_speed (3 + 4)/2 = 3.5, M_quality (3.5 + 4)/2 = 3.75, S = (7 + 3.75)/3 = 43/12 = 3.5833.
  // procurement: o = 4, 7/3: s² = 25/18, /2 = 25/36; it: o = 14/3, 3: s² = 25/18, /2 = 25/36.
  // SE = √(50/36)/2 = 5/(6√2) = 0.58926; ci95 = 3.5833 ± 1.15494 = [2.4284, 4.7383].
  // Favorable: 4,4,2,3,5,4,3 → 4 of 7 = 57.142857%.
  hr: { score: 43 / 12, se: 5 / (6 * Math.SQRT2), favorable: 400 / 7, respondents: 4, raters: 2, rank: 3, speed: 3.5, quality: 3.75, flags: [], display: ['3.58', '2.43', '4.74', '57.1%', '3.50', '3.75'] },
  // Raters sales and procurement. M_speed (3 + 4)/2 = 3.5, M_quality (3 + 11/3)/2 = 10/3, S = (7 + 10/3)/3 = 31/9 = 3.4444.
  // sales: o = 7/3, 4: s² = 25/18, /2 = 25/36; procurement: o = 5, 10/3, 2: mean 31/9,
  // deviations 14/9, −1/9, −13/9, Σ² = 366/81, s² = 183/81 = 61/27, /3 = 61/81.
  // SE = √(25/36 + 61/81)/2 = √(469/324)/2 = √469/36 = 0.60157; ci95 = 3.4444 ± 1.17907 = [2.2654, 4.6235].
  // Favorable: 2,3,4,5,5,3,4,2 → 4 of 8 = 50%. 3.4444 < alert_below 3.5: flagged.
  it: { score: 31 / 9, se: Math.sqrt(469) / 36, favorable: 50, respondents: 5, raters: 2, rank: 4, speed: 3.5, quality: 10 / 3, flags: ['below_alert'], display: ['3.44', '2.27', '4.62', '50.0%', '3.50', '3.33'] },
};

/**
 * aggregation: respondents. M(t,c) = mean of all valid answers about t on c; SE = sd(o)/√n over t's rows.
 * Favorable %, respondents and raters do not depend on the aggregation.
 */
const RESPONDENTS: Record<string, Expected> = {
  // One rater: the same as with departments.
  procurement: { ...DEPARTMENTS['procurement']!, display: ['4.17', '3.17', '5.00', '80.0%', '4.00', '4.50'] },
  // M_speed (4+2+5)/3 = 11/3, M_quality (3+2+4)/3 = 3, S = (22/3 + 3)/3 = 31/9 = 3.4444 (departments: 3.75).
  // o = 11/3, 2, 14/3: mean 31/9, deviations 2/9, −13/9, 11/9, Σ² = 294/81, s² = 147/81 = 49/27;
  // SE = √(49/27 / 3) = 7/9 = 0.77778; ci95 = 3.4444 ± 1.52444 = [1.9200, 4.9689]. Now under alert_below: flagged.
  sales: { score: 31 / 9, se: 7 / 9, favorable: 50, respondents: 3, raters: 2, rank: 4, speed: 11 / 3, quality: 3, flags: ['below_alert'], display: ['3.44', '1.92', '4.97', '50.0%', '3.67', '3.00'] },
  // M_speed (4+2+5+3)/4 = 3.5, M_quality (4+3+4)/3 = 11/3, S = (7 + 11/3)/3 = 32/9 = 3.5556.
  // o = 4, 7/3, 14/3, 3: mean 3.5, deviations 1/2, −7/6, 7/6, −1/2, Σ² = 29/9, s² = 29/27;
  // SE = √(29/27 / 4) = √(29/108) = 0.51819; ci95 = 3.5556 ± 1.01565 = [2.5399, 4.5712].
  hr: { score: 32 / 9, se: Math.sqrt(29 / 108), favorable: 400 / 7, respondents: 4, raters: 2, rank: 2, speed: 3.5, quality: 11 / 3, flags: [], display: ['3.56', '2.54', '4.57', '57.1%', '3.50', '3.67'] },
  // M_speed (2+4+5+3)/4 = 3.5, M_quality (3+5+4+2)/4 = 3.5, S = 3.5 (not under 3.5: no flag).
  // o = 7/3, 4, 5, 10/3, 2: mean 10/3, deviations −1, 2/3, 5/3, 0, −4/3, Σ² = 6, s² = 1.5;
  // SE = √(1.5/5) = √0.3 = 0.54772; ci95 = 3.5 ± 1.07354 = [2.4265, 4.5735].
  it: { score: 3.5, se: Math.sqrt(0.3), favorable: 50, respondents: 5, raters: 2, rank: 3, speed: 3.5, quality: 3.5, flags: [], display: ['3.50', '2.43', '4.57', '50.0%', '3.50', '3.50'] },
};

const NAMES: Record<string, string> = { sales: 'Sales', procurement: 'Procurement', it: 'IT', hr: 'HR' };

describe.each([
  { aggregation: 'departments', args: [] as string[], expected: DEPARTMENTS },
  { aggregation: 'respondents', args: ['--config', SMALL_RESPONDENTS_CONFIG], expected: RESPONDENTS },
])('ic score on score-small, aggregation: $aggregation', ({ aggregation, args, expected }) => {
  it('JSON: every department as worked out by hand', () => {
    const { json, run } = scoreJson([SMALL_RESPONSES, ...args]);
    expect(run.stderr).toBe('');
    expect(json.aggregation).toBe(aggregation);
    expect(json.anonymity_min).toBe(2);
    expect(json.rows).toEqual({ read: 15, used: 15, rejected: 0 });
    expect(json.departments.map((d) => d.id)).toEqual(['sales', 'procurement', 'it', 'hr']);
    for (const [id, e] of Object.entries(expected)) {
      const d = byId(json.departments).get(id)!;
      expect(d.score, id).toBeCloseTo(e.score, PRECISION);
      expect(d.se, id).toBeCloseTo(e.se, PRECISION);
      expect(d.ci95![0], id).toBeCloseTo(e.score - Z * e.se, PRECISION);
      expect(d.ci95![1], id).toBeCloseTo(Math.min(5, e.score + Z * e.se), PRECISION);
      expect(d.favorable_pct, id).toBeCloseTo(e.favorable, PRECISION);
      expect(d.criteria['speed'], id).toBeCloseTo(e.speed, PRECISION);
      expect(d.criteria['quality'], id).toBeCloseTo(e.quality, PRECISION);
      expect(d, id).toMatchObject({ respondents: e.respondents, raters: e.raters, rank: e.rank, suppressed: false, reason: null, flags: e.flags, criteria_reasons: {} });
    }
  });

  it('table: the same numbers, rounded to 2 decimals for display only', () => {
    const run = ic(['score', SMALL_RESPONSES, ...args]);
    expect(run.code).toBe(0);
    for (const [id, e] of Object.entries(expected)) {
      const cells = tableRow(run.stdout, new RegExp(`^\\s*\\d+\\s+${NAMES[id]}\\s+${id}\\s`, 'u'));
      // #, name, id, score, ci low, ci high, fav, resp, raters, speed, quality[, flags]
      expect(cells.slice(0, 3), id).toEqual([String(e.rank), NAMES[id], id]);
      expect([...cells.slice(3, 7), ...cells.slice(9, 11)], id).toEqual(e.display);
      expect(cells.slice(7, 9), id).toEqual([String(e.respondents), String(e.raters)]);
      expect(cells[11] ?? '', id).toBe(e.flags.includes('below_alert') ? 'below alert' : '');
    }
  });

  it('CSV: the same numbers, unrounded', () => {
    const run = ic(['score', SMALL_RESPONSES, ...args, '--format', 'csv']);
    expect(run.code).toBe(0);
    const rows = new Map(csvObjects(run.stdout).map((r) => [r['id']!, r]));
    for (const [id, e] of Object.entries(expected)) {
      const r = rows.get(id)!;
      expect(Number(r['score']), id).toBeCloseTo(e.score, PRECISION);
      expect(Number(r['ci95_low']), id).toBeCloseTo(e.score - Z * e.se, PRECISION);
      expect(Number(r['ci95_high']), id).toBeCloseTo(Math.min(5, e.score + Z * e.se), PRECISION);
      expect(Number(r['favorable_pct']), id).toBeCloseTo(e.favorable, PRECISION);
      expect(Number(r['speed']), id).toBeCloseTo(e.speed, PRECISION);
      expect(Number(r['quality']), id).toBeCloseTo(e.quality, PRECISION);
    }
  });
});

describe('--by criterion on score-small', () => {
  // Answers on speed: procurement 4,3,5; it 2,4,5,3; hr 4,2,5,3; sales 4,2,5 → 14 answers, sum 51, 8 of them >= 4.
  // Answers on quality: procurement 5,4; it 3,5,4,2; hr 4,3,4; sales 3,2,4 → 12 answers, sum 43, 7 of them >= 4.
  // Respondents with a valid answer: speed s1 s2 s3 p1 p2 i1 i2 h1 = 8 (p3 answered N/A); quality s1 s3 p1 p2 p3 i1 i2 h1 = 8.
  it('departments: the mean of the departments M(t,c); respondents: the mean of all answers', () => {
    const departments = scoreJson([SMALL_RESPONSES, '--by', 'criterion']).json.criteria!;
    // speed (4 + 3.5 + 3.5 + 4)/4 = 3.75; quality (4.5 + 10/3 + 3.75 + 3.25)/4 = (89/6)/4 = 89/24 = 3.7083.
    expect(departments[0]!.mean).toBeCloseTo(3.75, PRECISION);
    expect(departments[1]!.mean).toBeCloseTo(89 / 24, PRECISION);
    const respondents = scoreJson([SMALL_RESPONSES, '--by', 'criterion', '--config', SMALL_RESPONDENTS_CONFIG]).json.criteria!;
    // speed 51/14 = 3.6429; quality 43/12 = 3.5833.
    expect(respondents[0]!.mean).toBeCloseTo(51 / 14, PRECISION);
    expect(respondents[1]!.mean).toBeCloseTo(43 / 12, PRECISION);
    for (const criteria of [departments, respondents]) {
      expect(criteria.map((c) => c.id)).toEqual(['speed', 'quality']);
      // favorable: 8/14 = 57.142857%, 7/12 = 58.3333%.
      expect(criteria[0]!.favorable_pct).toBeCloseTo(800 / 14, PRECISION);
      expect(criteria[1]!.favorable_pct).toBeCloseTo(700 / 12, PRECISION);
      expect(criteria.map((c) => [c.answers, c.respondents, c.suppressed, c.reason])).toEqual([
        [14, 8, false, null],
        [12, 8, false, null],
      ]);
    }
  });

  it('table: weight share, mean, favorable %', () => {
    const run = ic(['score', SMALL_RESPONSES, '--by', 'criterion']);
    // weights 2 and 1: 66.7% and 33.3%.
    expect(tableRow(run.stdout, /^Speed\s/u)).toEqual(['Speed', 'speed', '66.7%', '3.75', '57.1%', '14', '8']);
    expect(tableRow(run.stdout, /^Quality\s/u)).toEqual(['Quality', 'quality', '33.3%', '3.71', '58.3%', '12', '8']);
  });
});

describe('--by pair on score-small: the hr → sales pair has one respondent', () => {
  it('JSON: shown pairs as worked out; the small pair and its secondary partner are null with their reason', () => {
    const pairs = scoreJson([SMALL_RESPONSES, '--by', 'pair']).json.pairs!;
    // Sorted by target, then rater (config order).
    expect(pairs.map((p) => `${p.rater}>${p.target}`)).toEqual(['it>sales', 'hr>sales', 'sales>procurement', 'sales>it', 'procurement>it', 'procurement>hr', 'it>hr']);
    const get = (rater: string, target: string) => pairs.find((p) => p.rater === rater && p.target === target)!;
    expect(get('sales', 'procurement').score).toBeCloseTo(25 / 6, PRECISION);
    expect(get('sales', 'it').score).toBeCloseTo(3, PRECISION);
    expect(get('procurement', 'it').score).toBeCloseTo(35 / 9, PRECISION);
    expect(get('procurement', 'hr').score).toBeCloseTo(19 / 6, PRECISION);
    expect(get('it', 'hr').score).toBeCloseTo(4, PRECISION);
    // hr → sales: 1 respondent < 2. Shown alone it would give it → sales away: S(sales) = 3.75 is the mean of
    // the two pairs, so it → sales (2 respondents) is hidden too (secondary suppression).
    expect(get('hr', 'sales')).toEqual({ rater: 'hr', target: 'sales', score: null, respondents: 1, suppressed: true, reason: 'fewer_than_k', expected: true });
    expect(get('it', 'sales')).toEqual({ rater: 'it', target: 'sales', score: null, respondents: 2, suppressed: true, reason: 'secondary', expected: true });
  });

  it('table: the matrix shows the markers and the legend, not the values', () => {
    const run = ic(['score', SMALL_RESPONSES, '--by', 'pair']);
    expect(tableRow(run.stdout, /^Sales\s/u)).toEqual(['Sales', 'hidden', 'n<2']);
    expect(tableRow(run.stdout, /^IT\s/u)).toEqual(['IT', '3.00', '3.89']);
    expect(run.stdout).toContain('n<2: fewer than 2 respondents, not shown (anonymity)');
    expect(run.stdout).toContain('hidden: not shown so that a value under the anonymity threshold cannot be worked out from the others');
  });
});

describe('--by rater on score-small', () => {
  // The rater view uses the rows of shown pairs only (so it cannot give a hidden pair away).
  // Hidden pairs: sales ← hr (1 respondent) and sales ← it (secondary), so it's rows about sales and hr's row are out.
  // given(r) = mean o over r's rows in shown pairs. sales: (13/3 + 3 + 14/3 + 7/3 + 4)/5 = (55/3)/5 = 11/3.
  // procurement: (5 + 10/3 + 2 + 4 + 7/3)/5 = (50/3)/5 = 10/3. it, about hr only: (14/3 + 3)/2 = 23/6.
  // hr: its only pair is hidden and it has 1 respondent: hidden (fewer than 2).
  // Company: (55/3 + 50/3 + 23/3)/12 = (128/3)/12 = 32/9 = 3.5556.
  it('JSON: given, company mean and difference', () => {
    const raters = byId(scoreJson([SMALL_RESPONSES, '--by', 'rater']).json.raters!);
    expect(raters.get('sales')!.given_mean).toBeCloseTo(11 / 3, PRECISION);
    expect(raters.get('sales')!.difference).toBeCloseTo(11 / 3 - 32 / 9, PRECISION); // +1/9
    expect(raters.get('procurement')!.given_mean).toBeCloseTo(10 / 3, PRECISION);
    expect(raters.get('procurement')!.difference).toBeCloseTo(-2 / 9, PRECISION);
    expect(raters.get('it')!.given_mean).toBeCloseTo(23 / 6, PRECISION);
    expect(raters.get('it')!.difference).toBeCloseTo(5 / 18, PRECISION);
    for (const r of raters.values()) expect(r.company_mean).toBeCloseTo(32 / 9, PRECISION);
    expect(raters.get('it')).toMatchObject({ respondents: 2, rows: 4, suppressed: false, reason: null });
    expect(raters.get('hr')).toMatchObject({ given_mean: null, difference: null, respondents: 1, rows: 1, suppressed: true, reason: 'fewer_than_k' });
  });

  it('table: harshest first, hidden last', () => {
    const run = ic(['score', SMALL_RESPONSES, '--by', 'rater']);
    expect(tableRow(run.stdout, /^Procurement\s/u)).toEqual(['Procurement', 'procurement', '3.33', '3.56', '−0.22', '3', '5', 'harsher']);
    expect(tableRow(run.stdout, /^Sales\s/u)).toEqual(['Sales', 'sales', '3.67', '3.56', '+0.11', '3', '5', 'more lenient']);
    expect(tableRow(run.stdout, /^IT\s/u)).toEqual(['IT', 'it', '3.83', '3.56', '+0.28', '2', '4', 'more lenient']);
    expect(tableRow(run.stdout, /^HR\s/u)).toEqual(['HR', 'hr', 'n<2', '3.56', 'n<2', '1', '1']);
    const order = ['Procurement', 'Sales', 'IT', 'HR'].map((name) => run.stdout.search(new RegExp(`^${name}\\s`, 'mu')));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('hidden values never appear, in any view or format', () => {
  // The hidden values: P(sales ← it) = 17/6 = 2.8333, P(sales ← hr) = given(hr) = 14/3 = 4.6667 (given(it) = 10/3
  // equals procurement's shown given, so it cannot be told apart by text). No shown value rounds to 2.83 or 4.67,
  // so any "2.83"/"4.67" (with point or comma, rounded or not) in an output is a leak.
  const LEAK = /(?<!\d)(?<!\d[.,])(2[.,]83|4[.,]6[67])/u;
  const views = ['department', 'criterion', 'pair', 'rater'];
  const formats = ['table', 'csv', 'json', 'md'];
  const cases = views.flatMap((view) => formats.map((format) => ({ view, format })));

  it.each(cases)('--by $view --format $format', ({ view, format }) => {
    for (const extra of [[], ['--excel']]) {
      if (extra.length > 0 && format !== 'csv') continue;
      const run = ic(['score', SMALL_RESPONSES, '--by', view, '--format', format, ...extra]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(LEAK);
    }
  });

  it('CSV writes why a value is missing, in words', () => {
    const rows = csvObjects(ic(['score', SMALL_RESPONSES, '--by', 'pair', '--format', 'csv']).stdout);
    const cell = (rater: string, target: string) => rows.find((r) => r['rater'] === rater && r['target'] === target)!;
    expect(cell('hr', 'sales')['score']).toBe('suppressed (fewer than 2 respondents)');
    expect(cell('it', 'sales')['score']).toBe('suppressed (secondary)');
    expect(cell('hr', 'sales')['respondents']).toBe('1');
  });
});
