/** The whole `ic trend` report in one format, from the computed trend. Returns a string. */
import type { ChalkInstance } from 'chalk';
import type { Format } from '../../domain/format.js';
import { SIGNIFICANCE_Z } from '../../core/diff.js';
import { notEvaluatedLines, significanceNote, summaryLine } from '../diff/views.js';
import { plural } from '../problems.js';
import { legend, renderTableCsv, renderTableMarkdown, renderTableText } from '../table.js';
import { trendJson, type TrendInput } from './json.js';
import { trendView } from './views.js';

export interface TrendRenderOptions {
  format: Format;
  color: ChalkInstance;
  excel: boolean;
}

const TITLE = 'Score by period; departments that fell significantly in the latest period first';

export function renderTrendReport(input: TrendInput, options: TrendRenderOptions): string {
  const { format, color } = options;
  const { config, trend, labels } = input;
  const anonymityMin = input.scores[input.scores.length - 1]!.anonymityMin;
  if (format === 'json') return `${JSON.stringify(trendJson(input, SIGNIFICANCE_Z), null, 2)}\n`;
  if (format === 'csv') return renderTableCsv(trendView(trend, labels, config, { forDisplay: false, sparklines: false }), { excel: options.excel, anonymityMin });

  const model = trendView(trend, labels, config, { forDisplay: true, sparklines: format === 'table' });
  const lastTwo = `${labels[labels.length - 2]} → ${labels[labels.length - 1]}`;
  const summary = `Latest change, ${lastTwo}: ${summaryLine(trend.latest)}`;
  const periodLines = labels.map((l, i) => `${l}: ${(input.inputs[i] ?? []).join(', ')} (${plural(input.rows[i]?.used ?? 0, 'row')} used of ${input.rows[i]?.read ?? 0})`);
  const tested = trend.departments.filter((d) => d.latest?.testable === true).length;
  const notes = [...legend(model, anonymityMin), significanceNote(tested)];
  if (format === 'table') notes.push(`trend: one block per period on the scale ${config.scale.min}–${config.scale.max} (▁ low, █ high); · no score shown`);
  const missing = notEvaluatedLines(trend.notEvaluated, config, 'any period');
  const ctx = { anonymityMin };

  if (format === 'md') {
    const out = [`# ${config.title}: ${labels.join(' → ')}`, '', ...periodLines.map((l) => `- ${l}`), '', `## ${TITLE}`, '', renderTableMarkdown(model, ctx), `**${summary}**`, '', notes.map((n) => `- ${n}`).join('\n'), ''];
    if (missing.length > 0) out.push(missing.map((l) => `- ${l}`).join('\n'), '');
    return `${out.join('\n').trimEnd()}\n`;
  }
  const out = [
    `${color.bold(config.title)} ${color.dim('—')} ${labels.join(' → ')}`,
    ...periodLines.map((l) => color.dim(l)),
    '',
    color.bold(TITLE),
    renderTableText(model, ctx, color).trimEnd(),
    '',
    color.bold(summary),
    ...notes.map((n) => color.dim(n)),
  ];
  if (missing.length > 0) out.push('', ...missing.map((l) => color.dim(l)));
  return `${out.join('\n')}\n`;
}
