/** The `ic diff` report document, from the computed diff: the chosen view, the summary, notes, the JSON contract. */
import { SIGNIFICANCE_Z } from '../../core/diff.js';
import type { ReportDocument, Section } from '../document.js';
import { hiddenCounts } from '../hidden.js';
import { changeNotes, configLines, sharedCriteria } from '../periods.js';
import type { ReportPhrases } from '../phrases/types.js';
import { hiddenMarkers, legend, type TableModel } from '../table.js';
import { diffJson, type DiffJsonInput } from './json.js';
import { criterionDiffView, departmentDiffView, notEvaluatedLines, pairDiffView, significanceNote, type DiffView } from './views.js';

function viewModel(input: DiffJsonInput, view: DiffView, forDisplay: boolean, p: ReportPhrases): TableModel {
  switch (view) {
    case 'department':
      return departmentDiffView(input.diff, input.labels, forDisplay, p);
    case 'criterion':
      return criterionDiffView(input.diff, input.criteria ?? [], sharedCriteria(input.sources[0].config, input.sources[1].config), input.labels, forDisplay, p);
    case 'pair':
      return pairDiffView(input.pairs ?? [], input.config, input.labels, forDisplay, p);
  }
}

/** "q1: q1.csv (120 rows used of 124)": a period, its files and its rows. */
export function periodLine(label: string, inputs: readonly string[], rows: { used: number; read: number } | undefined, p: ReportPhrases): string {
  return p.diff.periodLine(label, inputs.join(', '), rows?.used ?? 0, rows?.read ?? 0);
}

function notes(input: DiffJsonInput, model: TableModel, p: ReportPhrases): string[] {
  const { diff, labels } = input;
  const out = legend(model, input.scores.b.anonymityMin, p);
  const tested = diff.departments.filter((d) => d.testable).length;
  out.push(significanceNote(tested, p));
  if (diff.summary.new > 0 || diff.summary.gone > 0) out.push(p.diff.newGone(labels.a, labels.b));
  out.push(...changeNotes(input.sources, diff.matched, p));
  return out;
}

export function buildDiffDocument(input: DiffJsonInput, view: DiffView, p: ReportPhrases): ReportDocument {
  const { config, diff, labels } = input;
  const model = viewModel(input, view, true, p);
  const sections: Section[] = [
    {
      kind: 'table',
      heading: p.diff.viewTitle[view],
      table: model,
      summary: p.diff.periods(labels.a, labels.b, p.diff.summary(diff.summary)),
      notes: notes(input, model, p).map((text) => ({ text })),
    },
  ];
  const missing = notEvaluatedLines(diff.notEvaluated, config, 'either', p);
  if (missing.length > 0) sections.push({ kind: 'notes', notes: missing });
  const { aggregation, anonymityMin } = input.scores.b;
  return {
    title: config.title,
    covers: { kind: 'periods', text: `${labels.a} → ${labels.b}` },
    meta: [
      periodLine(labels.a, input.inputs.a, input.rows.a, p),
      periodLine(labels.b, input.inputs.b, input.rows.b, p),
      ...configLines(input.sources, p),
      p.diff.meta(aggregation, anonymityMin), p.hidden(hiddenCounts(input.scores.a), anonymityMin, labels.a), p.hidden(hiddenCounts(input.scores.b), anonymityMin, labels.b),
    ],
    sections,
    language: p.language,
    leftOutNote: p.leftOut,
    hiddenMarkers: hiddenMarkers(p, anonymityMin),
    anonymityMin,
    records: viewModel(input, view, false, p),
    machine: diffJson(input, view, SIGNIFICANCE_Z),
  };
}
