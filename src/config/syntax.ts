/**
 * YAML syntax errors in plain words (issue 16): what is wrong and what to do, at a line and column, with
 * the line itself and a caret under the place — not the parser's own wording ("Unexpected scalar at node end").
 */
import type { YAMLError } from 'yaml';
import { cut } from '../domain/echo.js';

/** Characters of the offending line shown before and after the caret. */
const BEFORE = 50;
const AFTER = 30;

/** What the parser's error means, for a person editing ic.yaml. */
export function plainSyntaxMessage(error: Pick<YAMLError, 'code' | 'message'>): string {
  if (/end with an? [\]}]/.test(error.message)) {
    return 'a [list] or {mapping} is opened and never closed (or a line inside it is not indented enough); add the closing bracket';
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent this line; YAML indents with spaces only';
    case 'BAD_INDENT':
      return 'this line is indented differently from the lines it belongs with; indent the items of one list or mapping by the same number of spaces';
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) return 'a quoted value is opened and never closed; add the closing quote';
      return 'a key here has no ":" after it; write "key: value"';
    case 'UNEXPECTED_TOKEN':
      return 'unexpected text after a value; a line holds "key: value" and at most a # comment — put a value with special characters in quotes';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'a second "key:" on one line, or a line indented under a value; put each key on its own line, lined up with the others, and a value containing ": " in quotes';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a line here has no ":" after its key, or is indented differently from the lines around it; write "key: value"';
    case 'DUPLICATE_KEY':
      return 'this key is given twice in the same mapping (keys must be unique); keep one';
    case 'BAD_SCALAR_START':
      return 'a value cannot start with this character unless it is quoted; put the value in quotes';
    case 'BAD_DQ_ESCAPE':
      return 'a backslash inside "double quotes" starts an escape like \\n; write \\\\ for a backslash, or use single quotes';
    case 'BLOCK_IN_FLOW':
      return 'a "- " list item or an indented block is not allowed inside [brackets] or {braces}; use one style or the other';
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a line "---" starts another); a config is one document';
    case 'KEY_OVER_1024_CHARS':
      return 'a key longer than 1024 characters; a key is a short word such as "name"';
    case 'BAD_DIRECTIVE':
      return 'a line starting with "%" is read as a YAML directive; put a value that starts with % in quotes';
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'TAG_RESOLVE_FAILED':
      return 'an anchor (&name), alias (*name) or tag (!name) is misplaced or unknown here; a config needs none — put a value starting with &, * or ! in quotes';
    case 'NON_STRING_KEY':
      return 'a key must be a plain word, not a list or mapping';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is too large or too deeply nested to read';
    default:
      if (/call stack/i.test(error.message)) return 'the document is nested too deeply to read';
      return `this cannot be read as YAML (the parser says: ${firstLine(error.message)})`;
  }
}

/**
 * The offending line with a caret under `column` (1-based, in UTF-16 units as the parser counts), indented
 * for a list of problems, cut around the column when the line is long; empty when the line is not in the text.
 */
export function excerpt(source: string, line: number, column: number): string {
  const text = lineAt(source, line);
  if (text === null) return '';
  const at = Math.min(Math.max(column - 1, 0), text.length);
  // Only the window around the column is looked at: the line may be megabytes long.
  const from = Math.max(0, at - BEFORE);
  const before = Array.from(text.slice(from, at).replace(/\t/g, ' '));
  const shownBefore = (from > 0 ? '…' : '') + before.join('');
  const after = cut(text.slice(at, at + 2 * AFTER).replace(/\t/g, ' '), AFTER);
  const ellipsis = at + 2 * AFTER < text.length && !after.endsWith('…') ? '…' : '';
  const gutter = `${line} | `;
  return `\n    ${gutter}${shownBefore}${after}${ellipsis}\n    ${' '.repeat(gutter.length - 2)}| ${' '.repeat(Array.from(shownBefore).length)}^`;
}

/** The text of line `line` (1-based) without its line break, or null past the end. */
function lineAt(source: string, line: number): string | null {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = source.indexOf('\n', start);
    if (next === -1) return null;
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? source.length : end).replace(/\r$/, '');
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).trim();
}
