/** The whole `ic diff` report in one format, from the computed diff. Returns a string. */
import type { ChalkInstance } from 'chalk';
import type { Format } from '../../domain/format.js';
import { SIGNIFICANCE_Z } from '../../core/diff.js';
import { plural } from '../problems.js';
import { legend, renderTableCsv, renderTableMarkdown, renderTableText, type TableModel } from '../table.js';
import { diffJson, type DiffJsonInput } from './json.js';
import { criterionDiffView, departmentDiffView, notEvaluatedLines, pairDiffView, significanceNote, summaryLine, type DiffView } from './views.js';

export interface DiffRenderOptions {
  view: DiffView;
  format: Format;
  color: ChalkInstance;
  excel: boolean;
}

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

function periodLines(input: DiffJsonInput): string[] {
  const line = (label: string, inputs: readonly string[], rows: { used: number; read: number }): string =>
    `${label}: ${inputs.join(', ')} (${plural(rows.used, 'row')} used of ${rows.read})`;
  return [line(input.labels.a, input.inputs.a, input.rows.a), line(input.labels.b, input.inputs.b, input.rows.b)];
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

export function renderDiffReport(input: DiffJsonInput, options: DiffRenderOptions): string {
  const { view, format, color } = options;
  const { config, diff, labels } = input;
  if (format === 'json') return `${JSON.stringify(diffJson(input, view, SIGNIFICANCE_Z), null, 2)}\n`;
  if (format === 'csv') return renderTableCsv(viewModel(input, view, false), { excel: options.excel, anonymityMin: input.scores.b.anonymityMin });

  const model = viewModel(input, view, true);
  const summary = `${labels.a} → ${labels.b}: ${summaryLine(diff.summary)}`;
  const missing = notEvaluatedLines(diff.notEvaluated, config, 'either period');
  const noteLines = notes(input, model);
  const ctx = { anonymityMin: input.scores.b.anonymityMin };

  if (format === 'md') {
    const out = [
      `# ${config.title}: ${labels.a} → ${labels.b}`,
      '',
      ...periodLines(input).map((l) => `- ${l}`),
      `- ${metaLine(input)}`,
      '',
      `## ${VIEW_TITLES[view]}`,
      '',
      renderTableMarkdown(model, ctx),
      `**${summary}**`,
      '',
      noteLines.map((n) => `- ${n}`).join('\n'),
      '',
    ];
    if (missing.length > 0) out.push(missing.map((l) => `- ${l}`).join('\n'), '');
    return `${out.join('\n').trimEnd()}\n`;
  }

  const out = [
    `${color.bold(config.title)} ${color.dim('—')} ${labels.a} → ${labels.b}`,
    ...periodLines(input).map((l) => color.dim(l)),
    color.dim(metaLine(input)),
    '',
    color.bold(VIEW_TITLES[view]),
    renderTableText(model, ctx, color).trimEnd(),
    '',
    color.bold(summary),
    ...noteLines.map((n) => color.dim(n)),
  ];
  if (missing.length > 0) out.push('', ...missing.map((l) => color.dim(l)));
  return `${out.join('\n')}\n`;
}
