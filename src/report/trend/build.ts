/** The `ic trend` report document, from the computed trend: the department × period table, the latest change, the JSON contract. */
import { SIGNIFICANCE_Z } from '../../core/diff.js';
import { periodLine } from '../diff/build.js';
import { notEvaluatedLines, significanceNote } from '../diff/views.js';
import type { Note, ReportDocument, Section } from '../document.js';
import { hiddenCounts } from '../hidden.js';
import { changeNotes, configLines } from '../periods.js';
import type { ReportPhrases } from '../phrases/types.js';
import { hiddenMarkers, legend } from '../table.js';
import { trendJson, type TrendInput } from './json.js';
import { trendView } from './views.js';

export function buildTrendDocument(input: TrendInput, p: ReportPhrases): ReportDocument {
  const { config, trend, labels } = input;
  const anonymityMin = input.scores[input.scores.length - 1]!.anonymityMin;
  const model = trendView(trend, labels, config, { forDisplay: true }, p);
  const lastTwo = `${labels[labels.length - 2]} → ${labels[labels.length - 1]}`;
  // From the summary: lineages merged before the latest period share one test.
  const tested = trend.latest.improved + trend.latest.declined + trend.latest.notSignificant;
  const notes: Note[] = [...legend(model, anonymityMin, p), significanceNote(tested, p), ...changeNotes(input.sources, trend.matched, p)].map((text) => ({ text }));
  notes.push({ text: p.trend.sparkNote(config.scale.min, config.scale.max), terminalOnly: true });
  const sections: Section[] = [{ kind: 'table', heading: p.trend.title, table: model, summary: p.trend.latest(lastTwo, p.diff.summary(trend.latest)), notes }];
  const missing = notEvaluatedLines(trend.notEvaluated, config, 'any', p);
  if (missing.length > 0) sections.push({ kind: 'notes', notes: missing });
  return {
    title: config.title,
    covers: { kind: 'periods', text: labels.join(' → ') },
    meta: [
      ...labels.map((l, i) => periodLine(l, input.inputs[i] ?? [], input.rows[i], p)),
      ...configLines(input.sources, p),
      p.aggregation(input.scores[input.scores.length - 1]!.aggregation),
      ...input.scores.map((s, i) => p.hidden(hiddenCounts(s), s.anonymityMin, labels[i])),
    ],
    sections,
    language: p.language,
    leftOutNote: p.leftOut,
    hiddenMarkers: hiddenMarkers(p, anonymityMin),
    anonymityMin,
    records: trendView(trend, labels, config, { forDisplay: false }, p),
    machine: trendJson(input, SIGNIFICANCE_Z),
  };
}
