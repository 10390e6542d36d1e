/** The `ic score` report document, from the computed scores: the chosen view, what needs attention, the JSON contract. */
import type { Config } from '../../config/types.js';
import { needsAttention } from '../../core/attention.js';
import type { PeriodScores } from '../../core/results.js';
import type { RowCounts } from '../../pipeline/loadPeriod.js';
import type { ReportDocument, Section } from '../document.js';
import { hiddenCounts } from '../hidden.js';
import type { ReportPhrases } from '../phrases/types.js';
import { hiddenMarkers, legend, type TableModel } from '../table.js';
import { scoreJson } from './json.js';
import { attentionLines, criterionView, departmentView, pairListView, pairMatrixView, raterView, type View } from './views.js';

export interface ScoreReportInput {
  scores: PeriodScores;
  config: Config;
  rows: RowCounts;
  inputs: readonly string[];
}

/** The view for people (`forDisplay`: the pair matrix) or for machines (one pair per row). */
function viewModel(input: ScoreReportInput, view: View, forDisplay: boolean, p: ReportPhrases): TableModel {
  const { scores, config } = input;
  switch (view) {
    case 'department':
      return departmentView(scores, config, p);
    case 'criterion':
      return criterionView(scores, config, p);
    case 'pair':
      return forDisplay ? pairMatrixView(scores, config, p) : pairListView(scores, config);
    case 'rater':
      return raterView(scores, config, p);
  }
}

/** Departments without a score, and why: nobody is their client, or their clients sent nothing. */
function noScoreLines(input: ScoreReportInput, p: ReportPhrases): string[] {
  const { scores, config } = input;
  const evaluated = new Set(config.evaluates.flat());
  return scores.departments
    .filter((d) => d.reason === 'no_responses')
    .map((d) => p.score.noScore(`${d.name} (${d.id})`, evaluated.has(d.index) ? 'no_answers' : 'no_clients'));
}

export function buildScoreDocument(input: ScoreReportInput, view: View, p: ReportPhrases): ReportDocument {
  const { scores, config, rows } = input;
  const attention = needsAttention(scores);
  const model = viewModel(input, view, true, p);
  const notes = legend(model, scores.anonymityMin, p).map((text) => ({ text }));
  const sections: Section[] = [{ kind: 'table', heading: p.score.viewTitle[view], table: model, notes }];
  const attentionText = attentionLines(attention, scores, config, p);
  if (attentionText.length > 0) sections.push({ kind: 'attention', heading: p.score.needsAttention, items: attentionText });
  const missing = noScoreLines(input, p);
  if (missing.length > 0) sections.push({ kind: 'notes', notes: missing });
  return {
    title: config.title,
    covers: { kind: 'files', text: input.inputs.join(', ') },
    meta: [p.score.meta(rows.used, rows.read, scores.aggregation, scores.anonymityMin), p.hidden(hiddenCounts(scores), scores.anonymityMin)],
    sections,
    language: p.language,
    leftOutNote: p.leftOut,
    hiddenMarkers: hiddenMarkers(p, scores.anonymityMin),
    anonymityMin: scores.anonymityMin,
    records: viewModel(input, view, false, p),
    machine: scoreJson(scores, config, input.rows, attention, view),
  };
}
