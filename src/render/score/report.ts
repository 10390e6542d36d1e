/** The whole `ic score` report in one format, from the computed scores. Returns a string. */
import type { ChalkInstance } from 'chalk';
import type { Config } from '../../config/types.js';
import { needsAttention } from '../../core/attention.js';
import type { PeriodScores } from '../../core/results.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';
import type { Format } from '../../domain/format.js';
import { plural } from '../problems.js';
import { legend, renderTableCsv, renderTableMarkdown, renderTableText, type TableModel } from '../table.js';
import { scoreJson } from './json.js';
import { attentionLines, criterionView, departmentView, pairListView, pairMatrixView, raterView, type View } from './views.js';

export interface ScoreReportInput {
  scores: PeriodScores;
  config: Config;
  rows: RowCounts;
  inputs: readonly string[];
}

export interface ScoreRenderOptions {
  view: View;
  format: Format;
  color: ChalkInstance;
  excel: boolean;
}

function viewModel(input: ScoreReportInput, view: View, forDisplay: boolean): TableModel {
  const { scores, config } = input;
  switch (view) {
    case 'department':
      return departmentView(scores, config);
    case 'criterion':
      return criterionView(scores, config);
    case 'pair':
      return forDisplay ? pairMatrixView(scores, config) : pairListView(scores, config);
    case 'rater':
      return raterView(scores);
  }
}

const VIEW_TITLES: Record<View, string> = {
  department: 'Departments, best first',
  criterion: 'Criteria, company-wide',
  pair: 'Client department (rater) × evaluated department',
  rater: 'How each department rates others, against the company mean (harshest first)',
};

function metaLine(input: ScoreReportInput): string {
  const { rows, scores } = input;
  const aggregation =
    scores.aggregation === 'departments' ? 'aggregation by departments (each client department counts equally)' : 'aggregation by respondents (every answer counts equally)';
  return `${plural(rows.used, 'row')} used of ${rows.read} · ${aggregation} · values from fewer than ${scores.anonymityMin} respondents are hidden`;
}

/** Departments without a score, and why: nobody is their client, or their clients sent nothing. */
function noScoreLines(input: ScoreReportInput): string[] {
  const { scores, config } = input;
  const evaluated = new Set(config.evaluates.flat());
  return scores.departments
    .filter((d) => d.reason === 'no_responses')
    .map((d) => `No score: ${d.name} (${d.id}) — ${evaluated.has(d.index) ? 'its client departments sent no answers' : 'no department is its client'}`);
}

export function renderScoreReport(input: ScoreReportInput, options: ScoreRenderOptions): string {
  const { view, format, color } = options;
  const { scores, config } = input;
  const attention = needsAttention(scores);
  if (format === 'json') return `${JSON.stringify(scoreJson(scores, config, input.rows, attention, view), null, 2)}\n`;
  if (format === 'csv') return renderTableCsv(viewModel(input, view, false), { excel: options.excel, anonymityMin: scores.anonymityMin });

  const model = viewModel(input, view, true);
  const notes = legend(model, scores.anonymityMin);
  const attentionText = attentionLines(attention, scores, config);
  const missing = noScoreLines(input);
  const sources = input.inputs.join(', ');

  if (format === 'md') {
    const out = [`# ${config.title}`, '', `${sources} — ${metaLine(input)}`, '', `## ${VIEW_TITLES[view]}`, '', renderTableMarkdown(model, { anonymityMin: scores.anonymityMin })];
    if (notes.length > 0) out.push(notes.map((n) => `- ${n}`).join('\n'), '');
    if (attentionText.length > 0) out.push('## Needs attention', '', attentionText.map((l) => `- ${l}`).join('\n'), '');
    if (missing.length > 0) out.push(missing.map((l) => `- ${l}`).join('\n'), '');
    return `${out.join('\n').trimEnd()}\n`;
  }

  const out = [
    `${color.bold(config.title)} ${color.dim('—')} ${sources}`,
    color.dim(metaLine(input)),
    '',
    color.bold(VIEW_TITLES[view]),
    renderTableText(model, { anonymityMin: scores.anonymityMin }, color).trimEnd(),
  ];
  if (notes.length > 0) out.push('', ...notes.map((n) => color.dim(n)));
  if (attentionText.length > 0) out.push('', color.bold.red('Needs attention'), ...attentionText.map((l) => `  ${l}`));
  if (missing.length > 0) out.push('', ...missing.map((l) => color.dim(l)));
  return `${out.join('\n')}\n`;
}
