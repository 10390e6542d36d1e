/** `ic trend` as a format-neutral table: department × period scores and the latest change. */
import type { Config } from '../../config/types.js';
import type { PeriodTrend } from '../../core/trend.js';
import { changeText, moveTone } from '../diff/views.js';
import { maybe, num, text, type CellValue, type Column, type TableModel } from '../table.js';

const FIXED_KEYS = new Set(['id', 'department', 'latest_delta', 'latest_z', 'latest_p', 'latest_significant', 'latest_testable', 'latest_change', 'latest_reason', 'trend']);

/** A period's CSV column is its label, unless that is one of the fixed column names. */
function periodKey(label: string): string {
  return FIXED_KEYS.has(label) ? `score_${label}` : label;
}

/**
 * Display: name, a score per period, the sparkline (a terminal-only column), and the latest change with
 * its test; arrows and colours for significant moves only. Data (CSV): the same with machine columns.
 */
export function trendView(trend: PeriodTrend, labels: readonly string[], config: Config, options: { forDisplay: boolean }): TableModel {
  const last = { a: labels[labels.length - 2] ?? '', b: labels[labels.length - 1] ?? '' };
  if (!options.forDisplay) {
    return {
      columns: [
        'id', 'department', ...labels.map(periodKey), 'latest_delta', 'latest_z', 'latest_p', 'latest_significant', 'latest_testable', 'latest_change', 'latest_reason',
      ].map((key): Column => ({ key, title: key })),
      rows: trend.departments.map((d) => [
        text(d.id),
        text(d.name),
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
    { key: 'department', title: 'Department' },
    { key: 'id', title: 'id' },
    ...labels.map((l): Column => ({ key: periodKey(l), title: l, align: 'right' })),
    { key: 'trend', title: 'Trend', terminalOnly: true },
    { key: 'latest_delta', title: 'Last Δ', align: 'right' },
    { key: 'latest_z', title: 'z', align: 'right' },
    { key: 'latest_p', title: 'p', align: 'right' },
    { key: 'latest_change', title: `${last.a} → ${last.b}` },
  ];
  return {
    columns,
    rows: trend.departments.map((d): CellValue[] => {
      const tone = d.latest === null ? undefined : moveTone(d.latest);
      return [
        text(d.name),
        text(d.id, 'dim'),
        ...d.scores.map((s, i) => maybe(s, d.reasons[i] ?? null, 'score')),
        { kind: 'spark', values: d.scores, scale: config.scale },
        num(d.latest?.delta ?? null, 'delta', tone),
        num(d.latest?.z ?? null, 'z', tone),
        num(d.latest?.p ?? null, 'p', tone),
        text(d.latest === null ? `not in ${last.a} or ${last.b}` : changeText(d.latest, last), tone ?? 'dim'),
      ];
    }),
  };
}
