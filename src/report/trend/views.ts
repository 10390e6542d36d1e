/** `ic trend` as a format-neutral table: department × period scores and the latest change. */
import type { Config } from '../../config/types.js';
import type { DepartmentTrend, PeriodTrend } from '../../core/trend.js';
import { changeText, moveTone } from '../diff/views.js';
import type { ReportPhrases } from '../phrases/types.js';
import { maybe, num, text, type CellValue, type Column, type TableModel } from '../table.js';

const FIXED_KEYS = new Set(['id', 'department', 'latest_delta', 'latest_z', 'latest_p', 'latest_significant', 'latest_testable', 'latest_change', 'latest_reason', 'trend']);

/**
 * "Логистика ← Доставка": a row whose department had another id in an earlier period (renamed or merged); two
 * departments merged into one have a row each, told apart by the earlier names.
 */
export function lineageName(d: Pick<DepartmentTrend, 'name' | 'id' | 'ids' | 'names'>): string {
  const earlier = [...new Set(d.names.filter((n, i) => n !== null && d.ids[i] !== d.id))].reverse();
  return earlier.length === 0 ? d.name : `${d.name} ← ${earlier.join(' ← ')}`;
}

/** A period's CSV column is its label, unless that is one of the fixed column names. */
function periodKey(label: string): string {
  return FIXED_KEYS.has(label) ? `score_${label}` : label;
}

/**
 * Display: name, a score per period, the sparkline (a terminal-only column), and the latest change with
 * its test; arrows and colours for significant moves only. Data (CSV): the same with machine columns.
 */
export function trendView(trend: PeriodTrend, labels: readonly string[], config: Config, options: { forDisplay: boolean }, p: ReportPhrases): TableModel {
  const last = { a: labels[labels.length - 2] ?? '', b: labels[labels.length - 1] ?? '' };
  if (!options.forDisplay) {
    return {
      columns: [
        'id', 'department', ...labels.map(periodKey), 'latest_delta', 'latest_z', 'latest_p', 'latest_significant', 'latest_testable', 'latest_change', 'latest_reason',
      ].map((key): Column => ({ key, title: key })),
      rows: trend.departments.map((d) => [
        text(d.id),
        text(lineageName(d)),
        ...d.scores.map((s, i) => maybe(s, d.reasons[i] ?? null, 'score')),
        num(d.latest?.delta ?? null, 'delta'),
        num(d.latest?.z ?? null, 'z'),
        num(d.latest?.p ?? null, 'p'),
        text(d.latest === null ? '' : d.latest.significant ? 'yes' : 'no'),
        text(d.latest === null ? '' : d.latest.testable ? 'yes' : 'no'),
        text(d.latest?.change ?? ''),
        text(d.latest?.reason ?? ''),
      ]),
    };
  }
  const columns: Column[] = [
    { key: 'department', title: p.diff.columns.department, cut: true },
    { key: 'id', title: p.diff.columns.id, priority: 1 },
    // On a narrow terminal the oldest periods go first (the sparkline still shows them); the last two stay.
    ...labels.map((l, i): Column => ({ key: periodKey(l), title: l, align: 'right', ...(i < labels.length - 2 ? { priority: 3 + i / labels.length } : {}) })),
    { key: 'trend', title: p.trend.columns.trend, terminalOnly: true, priority: 5 },
    { key: 'latest_delta', title: p.trend.columns.lastDelta, align: 'right' },
    { key: 'latest_z', title: 'z', align: 'right', priority: 2 },
    { key: 'latest_p', title: 'p', align: 'right', priority: 4 },
    { key: 'latest_change', title: `${last.a} → ${last.b}` },
  ];
  return {
    columns,
    rows: trend.departments.map((d): CellValue[] => {
      const tone = d.latest === null ? undefined : moveTone(d.latest);
      return [
        text(lineageName(d)),
        text(d.id, 'dim'),
        ...d.scores.map((s, i) => maybe(s, d.reasons[i] ?? null, 'score')),
        { kind: 'spark', values: d.scores, scale: config.scale },
        num(d.latest?.delta ?? null, 'delta', tone),
        num(d.latest?.z ?? null, 'z', tone),
        num(d.latest?.p ?? null, 'p', tone),
        text(d.latest === null ? p.trend.notIn(last.a, last.b) : changeText(d.latest, last, p), tone ?? 'dim'),
      ];
    }),
  };
}
