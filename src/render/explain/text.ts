/** `ic explain` as plain text for the terminal, word-wrapped. */
import type { ChalkInstance } from 'chalk';
import type { Config } from '../../config/types.js';
import { explainDocument } from './document.js';
import type { Language } from '../../domain/language.js';
import { oneLine, type Block, type Text } from './model.js';

export interface ExplainTextOptions {
  /** Wrap paragraphs at this many characters (default 80). */
  width?: number;
  /** Headings in bold when colours are on. */
  color?: ChalkInstance;
}

function plain(text: Text): string {
  return text.map((part) => (typeof part === 'string' ? part : 'code' in part ? part.code : 'strong' in part ? oneLine(part.strong) : oneLine(part.user))).join('');
}

/** Stands for a space that must not break a line while wrapping; becomes a plain space again after. */
const GLUE = '\uE000';

/** Like plain(), but formulas stay on one line and a dash never starts one. */
function wrappable(text: Text): string {
  return text
    .map((part) => (typeof part === 'object' && 'code' in part ? part.code.replace(/ /g, GLUE) : plain([part])))
    .join('')
    .replace(/ (?=[—–])/g, GLUE);
}

/** Greedy word wrap; words longer than the line stay whole. No-break spaces never split. */
function wrap(text: string, width: number, first: string, rest: string): string[] {
  return wrapWords(text, width, first, rest).map((line) => line.replaceAll(GLUE, ' '));
}

function wrapWords(text: string, width: number, first: string, rest: string): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function textTable(block: Extract<Block, { kind: 'table' }>): string[] {
  const cells = [block.header.map((h) => h), ...block.rows.map((row) => row.map(plain))];
  const widths = block.header.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const render = (row: readonly string[]): string =>
    `  ${row
      .map((cell, col) => (block.align[col] === 'right' ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0)))
      .join('   ')
      .trimEnd()}`;
  const [header, ...body] = cells;
  return [render(header ?? []), `  ${widths.map((w) => '-'.repeat(w)).join('   ')}`, ...body.map(render)];
}

function textBlock(block: Block, width: number): string[] {
  switch (block.kind) {
    case 'paragraph':
      return wrap(wrappable(block.text), width, '', '');
    case 'formula':
      return [`    ${block.text}`];
    case 'list':
      return block.items.flatMap((item) => wrap(wrappable(item), width, '  - ', '    '));
    case 'table':
      return textTable(block);
  }
}

export function renderExplainText(config: Config, lang: Language, options: ExplainTextOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const bold = (s: string): string => (options.color ? options.color.bold(s) : s);
  const doc = explainDocument(config, lang);
  const title = plain(doc.title);
  const out: string[] = [bold(title), '='.repeat(Math.min(title.length, width)), ''];
  for (const block of doc.intro) out.push(...textBlock(block, width), '');
  for (const section of doc.sections) {
    out.push(bold(section.heading), '-'.repeat(Math.min(section.heading.length, width)), '');
    for (const block of section.blocks) out.push(...textBlock(block, width), '');
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
