/** Any report document as Markdown, to print or send: headings, tables, bulleted notes. */
import type { ReportDocument, Section } from '../../report/document.js';
import { displayContext } from '../number.js';
import { location } from '../problems.js';
import { mdEscape, renderTableMarkdown } from './table.js';

const bullets = (items: readonly string[]): string => items.map((n) => `- ${n}`).join('\n');

function sectionLines(section: Section, doc: ReportDocument): string[] {
  switch (section.kind) {
    case 'table': {
      const out = [`## ${section.heading}`, '', renderTableMarkdown(section.table, displayContext(doc))];
      if (section.summary !== undefined) out.push(`**${section.summary}**`, '');
      const notes = section.notes.filter((n) => !n.terminalOnly).map((n) => n.text);
      if (notes.length > 0) out.push(bullets(notes), '');
      return out;
    }
    case 'attention':
      return section.items.length === 0 ? [] : [`## ${section.heading}`, '', bullets(section.items), ''];
    case 'notes':
      return section.notes.length === 0 ? [] : [bullets(section.notes), ''];
    case 'problems':
      if (section.problems.length === 0) return [section.none];
      return [
        `| ${Object.values(section.words.problemColumns).join(' | ')} |`,
        '|---|---|---|---|',
        ...section.problems.map((p) => `| ${p.severity} | ${p.code} | ${mdEscape(location(p, section.words))} | ${mdEscape(p.message)} |`),
      ];
    case 'lines':
      return [...section.lines.map((l) => (l.label === undefined ? l.text : `${l.label} ${l.text}`)), ''];
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const periods = doc.covers?.kind === 'periods' ? `: ${doc.covers.text}` : '';
  const out = [`# ${doc.title}${periods}`, ''];
  if (doc.covers?.kind === 'files') out.push(`${doc.covers.text} — ${doc.meta.join(' · ')}`, '');
  else if (doc.meta.length > 0) out.push(bullets(doc.meta), '');
  for (const section of doc.sections) if (section.only !== 'terminal') out.push(...sectionLines(section, doc));
  return `${out.join('\n').trimEnd()}\n`;
}
