/** Where a config path is in the YAML text, for messages that give the line. */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { ConfigPath } from './raw.js';

/** Finds the YAML node of a config path, to tell the user the line. */
export class Locator {
  constructor(
    readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The line of the node at `path`, or of its nearest existing parent; for a map entry, the line of its key. */
  lineOf(path: ConfigPath): number | null {
    let node: unknown = this.doc.contents;
    let line = this.lineAt(node);
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        line = this.lineAt(pair.key) ?? this.lineAt(pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (item === undefined) break;
        line = this.lineAt(item) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  }

  /** The scalar at `path` as written in the file ("010", not 10), when there is one. */
  sourceAt(path: ConfigPath): string | undefined {
    const node: unknown = this.doc.getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  }

  private lineAt(node: unknown): number | null {
    if (typeof node !== 'object' || node === null || !('range' in node)) return null;
    const range = (node as { range?: readonly number[] | null }).range;
    const start = range?.[0];
    return start === undefined ? null : this.lineCounter.linePos(start).line;
  }
}

