/**
 * How deeply a YAML text nests collections, found before parsing it: the parser recurses, and a document
 * nested a million levels deep (2 MB of "[" or "- ") takes it minutes and a gigabyte before it fails.
 *
 * The text is read with yaml's lexer, which keeps no stack, and the scan stops at the first place too deep.
 * Flow collections ([...] {...}) are counted exactly. Block collections are counted by the columns their
 * indicators ("- ", "? ", a key's ":") start at: a nested collection starts further right, on its own line
 * or the same one ("- - - x", "a: b: c"). A sequence written at its parent key's column counts as the same
 * level, so the count is a bound within a factor of two, never more than the real depth.
 */
import { CST, Lexer } from 'yaml';

export interface TooDeep {
  /** 1-based, where the nesting first goes past the limit. */
  line: number;
  column: number;
}

/** Where `text` nests more than `limit` collections deep, or null when it never does. */
export function findTooDeep(text: string, limit: number): TooDeep | null {
  const blockColumns: number[] = [];
  let flowDepth = 0;
  let line = 1;
  let column = 0;
  /** Where the last node at block level started: a key's column, once its ":" comes. */
  let nodeColumn = 0;
  let nodeStarted = false;

  /** Where the nesting went too deep: the column (0-based) of the collection that did it. */
  let deepAt = -1;
  const enterBlock = (at: number): boolean => {
    while (blockColumns.length > 0 && (blockColumns[blockColumns.length - 1] as number) > at) blockColumns.pop();
    if (blockColumns[blockColumns.length - 1] !== at) blockColumns.push(at);
    deepAt = at;
    return blockColumns.length + flowDepth > limit;
  };

  for (const token of new Lexer().lex(text)) {
    // The lexer's markers (document, scalar, flow end) are not part of the text.
    if (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END) continue;
    const start = column;
    const newlines = countNewlines(token);
    if (newlines > 0) {
      line += newlines;
      column = token.length - token.lastIndexOf('\n') - 1;
    } else {
      column += token.length;
    }
    const type = CST.tokenType(token);
    let deeper = false;
    switch (type) {
      case 'flow-map-start':
      case 'flow-seq-start':
        if (flowDepth === 0) {
          nodeColumn = start;
          nodeStarted = true;
        }
        flowDepth++;
        deepAt = start;
        deeper = blockColumns.length + flowDepth > limit;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        if (flowDepth === 0) {
          deeper = enterBlock(start);
          nodeStarted = false;
        }
        break;
      case 'map-value-ind':
        if (flowDepth === 0) {
          deeper = enterBlock(nodeStarted ? nodeColumn : start);
          nodeStarted = false;
        }
        break;
      case 'newline':
        if (flowDepth === 0) nodeStarted = false;
        break;
      case 'space':
      case 'comment':
      case 'anchor':
      case 'tag':
        break;
      default:
        // A scalar (plain, quoted or block) or anything else that starts a node.
        if (flowDepth === 0 && !nodeStarted) {
          nodeColumn = start;
          nodeStarted = true;
        }
    }
    // Indicators hold no line break, so `line` is still theirs.
    if (deeper) return { line, column: deepAt + 1 };
  }
  return null;
}

function countNewlines(token: string): number {
  let n = 0;
  for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) n++;
  return n;
}
