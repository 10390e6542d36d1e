/** The `ic diff` report document, from the computed diff: the chosen view, the summary, notes, the JSON contract. */
import { SIGNIFICANCE_Z } from '../../core/diff.js';
import type { ReportDocument, Section } from '../document.js';
import { plural } from '../language.js';
import { legend, type TableModel } from '../table.js';
import { diffJson, type DiffJsonInput } from './json.js';
import { criterionDiffView, departmentDiffView, notEvaluatedLines, pairDiffView, significanceNote, summaryLine, type DiffView } from './views.js';

const VIEW_TITLES: Record<DiffView, string> = {
  department: 'Change by department, biggest significant drops first',
  criterion: 'Change of each criterion mean (Δ; no significance test per criterion: there is no per-criterion SE)',
  pair: 'Change by pair, client → department, biggest drop first (Δ; no significance test per pair)',
};

function viewModel(input: DiffJsonInput, view: DiffView, forDisplay: boolean): TableModel {
  switch (view) {
    case 'department':
      return departmentDiffView(input.diff, input.labels, forDisplay);
    case 'criterion':
      return criterionDiffView(input.diff, input.criteria ?? [], input.config, input.labels, forDisplay);
    case 'pair':
      return pairDiffView(input.pairs ?? [], input.config, input.labels, forDisplay);
  }
}

/** "q1: q1.csv (120 rows used of 124)": a period, its files and its rows. */
export function periodLine(label: string, inputs: readonly string[], rows: { used: number; read: number } | undefined): string {
  return `${label}: ${inputs.join(', ')} (${plural(rows?.used ?? 0, 'row')} used of ${rows?.read ?? 0})`;
}

function metaLine(input: DiffJsonInput): string {
  const s = input.scores.b;
  const aggregation = s.aggregation === 'departments' ? 'aggregation by departments' : 'aggregation by respondents';
  return `${aggregation} · values from fewer than ${s.anonymityMin} respondents are hidden, and no change is computed from them`;
}

function notes(input: DiffJsonInput, model: TableModel): string[] {
  const { diff, labels } = input;
  const out = legend(model, input.scores.b.anonymityMin);
  const tested = diff.departments.filter((d) => d.testable).length;
  out.push(significanceNote(tested));
  if (diff.summary.new > 0 || diff.summary.gone > 0) out.push(`new: evaluated in ${labels.b} only; gone: evaluated in ${labels.a} only`);
  return out;
}

export function buildDiffDocument(input: DiffJsonInput, view: DiffView): ReportDocument {
  const { config, diff, labels } = input;
  const model = viewModel(input, view, true);
  const sections: Section[] = [
    {
      kind: 'table',
      heading: VIEW_TITLES[view],
      table: model,
      summary: `${labels.a} → ${labels.b}: ${summaryLine(diff.summary)}`,
      notes: notes(input, model).map((text) => ({ text })),
    },
  ];
  const missing = notEvaluatedLines(diff.notEvaluated, config, 'either period');
  if (missing.length > 0) sections.push({ kind: 'notes', notes: missing });
  return {
    title: config.title,
    covers: { kind: 'periods', text: `${labels.a} → ${labels.b}` },
    meta: [periodLine(labels.a, input.inputs.a, input.rows.a), periodLine(labels.b, input.inputs.b, input.rows.b), metaLine(input)],
    sections,
    anonymityMin: input.scores.b.anonymityMin,
    records: viewModel(input, view, false),
    machine: diffJson(input, view, SIGNIFICANCE_Z),
  };
}
