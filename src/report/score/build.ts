/** The `ic score` report document, from the computed scores: the chosen view, what needs attention, the JSON contract. */
import type { Config } from '../../config/types.js';
import { needsAttention } from '../../core/attention.js';
import type { PeriodScores } from '../../core/results.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';
import type { ReportDocument, Section } from '../document.js';
import { plural } from '../language.js';
import { legend, type TableModel } from '../table.js';
import { scoreJson } from './json.js';
import { attentionLines, criterionView, departmentView, pairListView, pairMatrixView, raterView, type View } from './views.js';

export interface ScoreReportInput {
  scores: PeriodScores;
  config: Config;
  rows: RowCounts;
  inputs: readonly string[];
}

/** The view for people (`forDisplay`: the pair matrix) or for machines (one pair per row). */
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

export function buildScoreDocument(input: ScoreReportInput, view: View): ReportDocument {
  const { scores, config } = input;
  const attention = needsAttention(scores);
  const model = viewModel(input, view, true);
  const sections: Section[] = [{ kind: 'table', heading: VIEW_TITLES[view], table: model, notes: legend(model, scores.anonymityMin).map((text) => ({ text })) }];
  const attentionText = attentionLines(attention, scores, config);
  if (attentionText.length > 0) sections.push({ kind: 'attention', heading: 'Needs attention', items: attentionText });
  const missing = noScoreLines(input);
  if (missing.length > 0) sections.push({ kind: 'notes', notes: missing });
  return {
    title: config.title,
    covers: { kind: 'files', text: input.inputs.join(', ') },
    meta: [metaLine(input)],
    sections,
    anonymityMin: scores.anonymityMin,
    records: viewModel(input, view, false),
    machine: scoreJson(scores, config, input.rows, attention, view),
  };
}
