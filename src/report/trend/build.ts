/** The `ic trend` report document, from the computed trend: the department × period table, the latest change, the JSON contract. */
import { SIGNIFICANCE_Z } from '../../core/diff.js';
import { periodLine } from '../diff/build.js';
import { notEvaluatedLines, significanceNote, summaryLine } from '../diff/views.js';
import type { Note, ReportDocument, Section } from '../document.js';
import { legend } from '../table.js';
import { trendJson, type TrendInput } from './json.js';
import { trendView } from './views.js';

const TITLE = 'Score by period; departments that fell significantly in the latest period first';

export function buildTrendDocument(input: TrendInput): ReportDocument {
  const { config, trend, labels } = input;
  const anonymityMin = input.scores[input.scores.length - 1]!.anonymityMin;
  const model = trendView(trend, labels, config, { forDisplay: true });
  const lastTwo = `${labels[labels.length - 2]} → ${labels[labels.length - 1]}`;
  const tested = trend.departments.filter((d) => d.latest?.testable === true).length;
  const notes: Note[] = [...legend(model, anonymityMin), significanceNote(tested)].map((text) => ({ text }));
  notes.push({ text: `trend: one block per period on the scale ${config.scale.min}–${config.scale.max} (▁ low, █ high); · no score shown`, terminalOnly: true });
  const sections: Section[] = [{ kind: 'table', heading: TITLE, table: model, summary: `Latest change, ${lastTwo}: ${summaryLine(trend.latest)}`, notes }];
  const missing = notEvaluatedLines(trend.notEvaluated, config, 'any period');
  if (missing.length > 0) sections.push({ kind: 'notes', notes: missing });
  return {
    title: config.title,
    covers: { kind: 'periods', text: labels.join(' → ') },
    meta: labels.map((l, i) => periodLine(l, input.inputs[i] ?? [], input.rows[i])),
    sections,
    anonymityMin,
    records: trendView(trend, labels, config, { forDisplay: false }),
    machine: trendJson(input, SIGNIFICANCE_Z),
  };
}
