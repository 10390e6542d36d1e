/** Any report document as terminal text: a header line, the method in dim, then each section. */
import type { ChalkInstance } from 'chalk';
import type { ReportDocument, Section } from '../../report/document.js';
import { displayContext } from '../number.js';
import { renderProblems } from '../problems.js';
import { paintTone, renderTableText } from './table.js';
import { wrapWords } from './width.js';

/**
 * A sentence as lines that fit a terminal (`width`), the first after `indent`, the rest after `hanging`;
 * piped output (no width) keeps it on one line, for grep and for files.
 */
function fit(text: string, width: number | undefined, indent = '', hanging = indent): string[] {
  if (width === undefined) return [indent + text];
  return wrapWords(text, Math.max(20, width - hanging.length)).map((l, i) => (i === 0 ? indent : hanging) + l);
}

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
      if (section.summary !== undefined) out.push(...fit(section.summary, options.width).map((l) => color.bold(l)));
      out.push(...notes.flatMap((n) => fit(n, options.width)).map((l) => color.dim(l)));
      return out;
    }
    case 'attention':
      return ['', color.bold.red(section.heading), ...section.items.flatMap((l) => fit(l, options.width, '  ', '    '))];
    case 'notes':
      return ['', ...section.notes.flatMap((n) => fit(n, options.width)).map((l) => color.dim(l))];
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
  if (doc.covers !== undefined) out.push(`${color.bold(doc.title)} ${color.dim('—')} ${doc.covers.text}`, ...doc.meta.flatMap((m) => fit(m, options.width)).map((l) => color.dim(l)), '');
  for (const section of doc.sections) if (section.only !== 'print') out.push(...sectionLines(section, doc, options));
  return `${out.join('\n')}\n`;
}
