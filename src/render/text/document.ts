/** Any report document as terminal text: a header line, the method in dim, then each section. */
import type { ChalkInstance } from 'chalk';
import type { ReportDocument, Section } from '../../report/document.js';
import { displayContext } from '../number.js';
import { renderProblems } from '../problems.js';
import { paintTone, renderTableText } from './table.js';

export interface TextOptions {
  color: ChalkInstance;
  /** A terminal's width to fit the tables in; undefined: never cut (a pipe, a file, --wide). */
  width?: number | undefined;
}

function sectionLines(section: Section, doc: ReportDocument, options: TextOptions): string[] {
  const { color } = options;
  switch (section.kind) {
    case 'table': {
      const table = renderTableText(section.table, displayContext(doc), color, { width: options.width });
      const notes = section.notes.map((n) => n.text);
      if (table.left.length > 0) notes.push(`${doc.leftOutNote} ${table.left.join(', ')}`);
      const out = [color.bold(section.heading), table.text.trimEnd()];
      if (section.summary !== undefined || notes.length > 0) out.push('');
      if (section.summary !== undefined) out.push(color.bold(section.summary));
      out.push(...notes.map((n) => color.dim(n)));
      return out;
    }
    case 'attention':
      return ['', color.bold.red(section.heading), ...section.items.map((l) => `  ${l}`)];
    case 'notes':
      return ['', ...section.notes.map((n) => color.dim(n))];
    case 'problems': {
      const listed = renderProblems(section.problems, { color, maxPerKind: section.maxPerKind, words: section.words });
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
  for (const section of doc.sections) if (section.only !== 'print') out.push(...sectionLines(section, doc, options));
  return `${out.join('\n')}\n`;
}
