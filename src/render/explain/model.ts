/** The document model of `ic explain`: sections of paragraphs, lists, formulas and tables, built of inline text. */

export type Inline = string | { code: string } | { strong: string } | { user: string };
export type Text = readonly Inline[];

export type Block =
  | { kind: 'paragraph'; text: Text }
  | { kind: 'list'; items: readonly Text[] }
  | { kind: 'formula'; text: string }
  | { kind: 'table'; header: readonly string[]; align: readonly ('left' | 'right')[]; rows: readonly (readonly Text[])[] };

export interface Section {
  heading: string;
  blocks: readonly Block[];
}

export interface ExplainDocument {
  title: Text;
  intro: readonly Block[];
  sections: readonly Section[];
}

export const code = (text: string): Inline => ({ code: text });
export const strong = (text: string): Inline => ({ strong: text });
export const user = (text: string): Inline => ({ user: text });
export const para = (...text: Inline[]): Block => ({ kind: 'paragraph', text });
export const formula = (text: string): Block => ({ kind: 'formula', text });
export const list = (items: readonly Text[]): Block => ({ kind: 'list', items });

/** User text on one line, without control characters. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
}
