/** `ic explain` as Markdown, to print or send. */
import type { Config } from '../../config/types.js';
import { explainDocument } from './document.js';
import type { Language } from '../../domain/language.js';
import { oneLine, type Block, type Text } from './model.js';

/** User text can hold any character: nothing in it may turn into Markdown or HTML. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function markdown(text: Text): string {
  return text
    .map((part) => (typeof part === 'string' ? part : 'code' in part ? codeSpan(part.code) : 'strong' in part ? `**${escapeMarkdown(part.strong)}**` : escapeMarkdown(part.user)))
    .join('');
}

function markdownBlock(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [markdown(block.text)];
    case 'formula':
      return [codeSpan(block.text)];
    case 'list':
      return block.items.map((item) => `- ${markdown(item)}`);
    case 'table':
      return [
        `| ${block.header.join(' | ')} |`,
        `|${block.align.map((a) => (a === 'right' ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((cell) => markdown(cell)).join(' | ')} |`),
      ];
  }
}

export function renderExplainMarkdown(config: Config, lang: Language): string {
  const doc = explainDocument(config, lang);
  const out: string[] = [`# ${markdown(doc.title)}`, ''];
  for (const block of doc.intro) out.push(...markdownBlock(block), '');
  for (const section of doc.sections) {
    out.push(`## ${section.heading}`, '');
    for (const block of section.blocks) out.push(...markdownBlock(block), '');
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
