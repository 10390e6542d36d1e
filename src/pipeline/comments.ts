/**
 * The free-text comments of the rows that count, per evaluated department (SPEC 3.3, 4.2). Kept apart from the
 * scores and from anything that names the rater: a comment is stored with its target only. A row taken back out
 * later (the first of a duplicate pair, a pair too small to count) takes its comment with it, so a comment is
 * shown exactly when its row is used.
 */
import type { Config } from '../config/types.js';

export class CommentCollector {
  /** "respondent:target" → [target, text]: at most one used row per respondent and target at any time. */
  private readonly byRow = new Map<string, readonly [number, string]>();

  /** A row just used, with its comment cell ('' when none). */
  used(row: { respondent: number; target: number }, comment: string): void {
    const text = comment.trim();
    if (text !== '') this.byRow.set(`${row.respondent}:${row.target}`, [row.target, text]);
  }

  /** A used row taken back out. */
  retracted(row: { respondent: number; target: number }): void {
    this.byRow.delete(`${row.respondent}:${row.target}`);
  }

  /** Comments by department id; who wrote them is not kept, and the order here means nothing (renderers sort). */
  finish(config: Config): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [target, text] of this.byRow.values()) {
      const id = config.departments[target]!.id;
      const list = out.get(id);
      if (list === undefined) out.set(id, [text]);
      else list.push(text);
    }
    return out;
  }
}
