/** The chart inputs both pages share, taken from the core results (selection and wording only). */
import { matchedName } from '../../report/diff/views.js';
import type { DepartmentDiff } from '../../core/diff.js';
import type { DepartmentScore, PeriodScores } from '../../core/results.js';
import type { DumbbellRow } from './charts/dumbbell.js';
import type { HeatMap } from './charts/heatmap.js';
import type { IntervalRow } from './charts/intervals.js';
import type { Words } from './phrases.js';
import { formatValue } from './cells.js';

export function intervalRows(departments: readonly DepartmentScore[], words: Words): IntervalRow[] {
  return departments
    .filter((d) => d.respondents > 0)
    .map((d) => ({
      label: d.name,
      value: d.score,
      low: d.ci95?.[0] ?? null,
      high: d.ci95?.[1] ?? null,
      flagged: d.flags.includes('below_alert'),
      missing: d.score === null ? words.reason(d.reason) : null,
    }));
}

/** "4,05 → 3,71, Δ −0,34, z −2,40, p 0,016: значимое снижение". */
export function changeSentence(d: DepartmentDiff, words: Words): string {
  const parts: string[] = [];
  if (d.a.score !== null && d.b.score !== null) parts.push(`${words.score(d.a.score)} → ${words.score(d.b.score)}`);
  if (d.delta !== null) parts.push(`Δ ${d.delta > 0 ? '+' : ''}${words.num(d.delta)}`);
  if (d.z !== null) parts.push(`z ${words.num(d.z)}`);
  if (d.p !== null) parts.push(`p ${formatValue(words, d.p, 'p')}`);
  return `${parts.join(', ')}: ${changeWords(d, words)}`;
}

export function changeWords(d: DepartmentDiff, words: Words): string {
  switch (d.change) {
    case 'improved':
      return words.t('improved');
    case 'declined':
      return words.t('declined');
    case 'not_significant':
      return words.t('notSignificant');
    case 'new':
      return words.t('newDepartment');
    case 'gone':
      return words.t('goneDepartment');
    default:
      return words.notTestable(d.reason);
  }
}

export function dumbbellRows(departments: readonly DepartmentDiff[], words: Words): DumbbellRow[] {
  return departments.flatMap((d) =>
    d.a.score === null || d.b.score === null ? [] : [{ label: matchedName(d), before: d.a.score, after: d.b.score, significant: d.significant, tooltip: `${matchedName(d)}: ${changeSentence(d, words)}` }],
  );
}

/** Rows: the departments rated (with a pair that has respondents); columns: the client departments; numbered by config order. */
export function heatMapOf(scores: PeriodScores, words: Words, title: string, min: number, max: number): { map: HeatMap; legend: { number: number; name: string }[] } {
  const withRows = scores.pairs.filter((p) => p.respondents > 0);
  const targets = [...new Set(withRows.map((p) => p.target))].sort((a, b) => a - b);
  const raters = [...new Set(withRows.map((p) => p.rater))].sort((a, b) => a - b);
  const numberOf = (index: number): number => index + 1;
  const name = (index: number): string => scores.departments[index]?.name ?? String(index);
  const column = new Map(raters.map((r, j) => [r, j]));
  const rows = targets.map((t) => ({
    label: `${numberOf(t)} ${name(t)}`,
    cells: withRows
      .filter((p) => p.target === t)
      .map((p) => {
        const who = `${name(p.rater)} → ${name(p.target)}`;
        const n = `${words.t('respondents').toLowerCase()}: ${p.respondents}`;
        return {
          column: column.get(p.rater) as number,
          value: p.score,
          hidden: p.score === null,
          tooltip: p.score === null ? `${who}: ${words.reason(p.reason)} (${n})` : `${who}: ${words.score(p.score)} (${n})`,
        };
      }),
  }));
  const legendIndices = [...new Set([...targets, ...raters])].sort((a, b) => a - b);
  return {
    map: { title, columns: raters.map((r) => String(numberOf(r))), rows, min, max, format: (v) => words.num(v, 1) },
    legend: legendIndices.map((i) => ({ number: numberOf(i), name: name(i) })),
  };
}
