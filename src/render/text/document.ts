/** Any report document as terminal text: a header line, the method in dim, then each section. */
import type { ChalkInstance } from 'chalk';
import type { ReportDocument, Section } from '../../report/document.js';
import { renderProblems } from '../problems.js';
import { paintTone, renderTableText } from './table.js';

export interface TextOptions {
  color: ChalkInstance;
}

function sectionLines(section: Section, doc: ReportDocument, color: ChalkInstance): string[] {
  switch (section.kind) {
    case 'table': {
      const out = [color.bold(section.heading), renderTableText(section.table, { anonymityMin: doc.anonymityMin }, color).trimEnd()];
      if (section.summary !== undefined || section.notes.length > 0) out.push('');
      if (section.summary !== undefined) out.push(color.bold(section.summary));
      out.push(...section.notes.map((n) => color.dim(n.text)));
      return out;
    }
    case 'attention':
      return ['', color.bold.red(section.heading), ...section.items.map((l) => `  ${l}`)];
    case 'notes':
      return ['', ...section.notes.map((n) => color.dim(n))];
    case 'problems': {
      const listed = renderProblems(section.problems, { color, maxPerKind: section.maxPerKind });
      return listed === '' ? [] : [listed.trimEnd()];
    }
    case 'lines':
      return section.lines.map((l) => paintTone(l.label === undefined ? l.text : `${color.dim(l.label)} ${l.text}`, l.tone, color));
  }
}

export function renderText(doc: ReportDocument, options: TextOptions): string {
  const { color } = options;
  const out: string[] = [];
  if (doc.covers !== undefined) out.push(`${color.bold(doc.title)} ${color.dim('—')} ${doc.covers.text}`, ...doc.meta.map((m) => color.dim(m)), '');
  for (const section of doc.sections) if (section.only !== 'print') out.push(...sectionLines(section, doc, color));
  return `${out.join('\n')}\n`;
}
