/** A table in Markdown (GitHub pipes); columns meant for the terminal only are left out. */
import type { TableModel } from '../../report/table.js';
import { displayText, type DisplayContext } from '../number.js';

export function mdEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderTableMarkdown(model: TableModel, ctx: DisplayContext): string {
  const shown = model.columns.flatMap((c, i) => (c.terminalOnly ? [] : [i]));
  const columns = shown.map((i) => model.columns[i]!);
  const head = `| ${columns.map((c) => mdEscape(c.title)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join('|')}|`;
  const body = model.rows.map((row) => `| ${shown.map((i) => mdEscape(displayText(row[i] ?? { kind: 'empty' }, ctx))).join(' | ')} |`);
  return `${[head, rule, ...body].join('\n')}\n`;
}
