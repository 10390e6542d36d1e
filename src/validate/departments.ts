/** Department cells → department index, by id or display name (SPEC 2.2), with "did you mean" when unknown. */
import { labelIndex } from '../config/lookup.js';
import type { Config } from '../config/types.js';
import { didYouMean } from '../domain/didYouMean.js';
import { problem, type Problem } from '../domain/problem.js';
import { normalizeName } from '../domain/values.js';
import { TextTable } from './textTable.js';

/** Distinct department cells remembered as matched (a bound on memory for files full of typos, not a rule). */
const CACHE_LIMIT = 4096;

export class DepartmentMatcher {
  private readonly byLabel: Map<string, number>;
  /** Department cells exactly as written → index, once matched: cells repeat, normalising each is wasted work. */
  private readonly cells = new TextTable();
  private readonly names: string[] = [];

  constructor(config: Config) {
    this.byLabel = labelIndex(config.departments);
    for (const d of config.departments) this.names.push(d.id, d.name);
  }

  /** The department a cell names, by id or display name; undefined if none. */
  find(cell: string): number | undefined {
    const known = this.cells.find(cell, 0, cell.length);
    if (known !== -1) return this.cells.value(known);
    const found = this.byLabel.get(normalizeName(cell));
    if (found !== undefined && this.cells.size < CACHE_LIMIT) this.cells.add(cell, 0, cell.length, found);
    return found;
  }

  /** The department of `cell`, or null with an error about it in `problems`. */
  match(cell: string, column: string, where: { file: string; line: number }, problems: Problem[]): number | null {
    const found = this.find(cell);
    if (found !== undefined) return found;
    const at = { ...where, column };
    if (cell.trim() === '') {
      problems.push(problem('error', 'unknown-department', `${column} is blank; write a department id or name from the config`, at));
      return null;
    }
    const guess = didYouMean(cell, this.names);
    const hint = guess === undefined ? "; use an id or name from the config's departments" : ` (did you mean "${guess}"?)`;
    problems.push(problem('error', 'unknown-department', `"${cell}" is not a department${hint}`, at));
    return null;
  }
}
