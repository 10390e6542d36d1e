/** Answer cells → values on the scale (SPEC 2.2, 2.3): a number, blank or N/A (NaN), or an error. */
import type { Config } from '../config/types.js';
import { problem, type Problem } from '../domain/problem.js';
import { normalizeName, parseScore } from '../domain/values.js';
import type { RawQuestionnaire } from '../input/types.js';

export class AnswerReader {
  private readonly na: Set<string>;
  /** Cells that are na_values as written or normalised: no need to normalise them again. */
  private readonly naCells: Set<string>;
  /** naDigit[d] = 1: the cell "d" is one of na_values (a config may say that "0" means not applicable). */
  private readonly naDigit = new Uint8Array(10);

  constructor(private readonly config: Config) {
    this.na = new Set(config.naValues.map(normalizeName));
    this.naCells = new Set([...config.naValues, ...this.na]);
    for (let d = 0; d <= 9; d++) this.naDigit[d] = this.na.has(String(d)) ? 1 : 0;
  }

  /**
   * Fills `answers` with the row's values (NaN: not answered) and returns how many criteria are answered;
   * a cell that is not a number, or off the scale, adds an error to `problems`.
   */
  read(raw: RawQuestionnaire, answers: Float64Array, problems: Problem[]): number {
    const { criteria } = this.config;
    const { min, max } = this.config.scale;
    const cells = raw.answers;
    const n = criteria.length;
    let answered = 0;
    for (let index = 0; index < n; index++) {
      const cell = cells[index] ?? '';
      let value: number;
      if (typeof cell === 'number') {
        value = Number.isFinite(cell) ? cell : Number.NaN;
      } else if (cell.length === 1 && cell.charCodeAt(0) >= 48 && cell.charCodeAt(0) <= 57) {
        // The usual answer, one digit: what normalising and the number pattern would make of it, without them.
        const digit = cell.charCodeAt(0) - 48;
        value = this.naDigit[digit] === 1 ? Number.NaN : digit;
        if (value !== value) {
          answers[index] = value;
          continue; // not applicable
        }
      } else if (cell === '' || this.notApplicable(cell)) {
        answers[index] = Number.NaN;
        continue;
      } else {
        value = parseScore(cell);
      }
      answers[index] = value;
      if (value >= min && value <= max) {
        answered++;
        continue;
      }
      // Not a number, or off the scale.
      const c = criteria[index]!;
      const where = { file: raw.file, line: raw.answerLines[index] ?? raw.line, column: raw.answerColumns[index] ?? c.id, sheet: raw.sheet };
      problems.push(
        Number.isNaN(value)
          ? problem('error', 'not-a-number', `"${cell}" is not a number (${c.name}); write a score from ${min} to ${max}, leave it blank, or write N/A`, where)
          : problem('error', 'out-of-scale', `${cell} is outside the scale ${min}–${max} (${c.name})`, where),
      );
    }
    return answered;
  }

  /** A (trimmed, non-blank) answer cell that means "not applicable". */
  private notApplicable(cell: string): boolean {
    return this.naCells.has(cell) || this.na.has(normalizeName(cell));
  }
}
