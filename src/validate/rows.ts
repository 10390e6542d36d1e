/**
 * Validation of questionnaire rows (SPEC 2.3): turns the reader's text cells into validated rows for the core,
 * and returns every problem it finds. It keeps the state that cross-row checks need (duplicates, coverage),
 * but does no I/O and never throws.
 */
import type { Config } from '../config/types.js';
import type { QuestionnaireRow } from '../core/types.js';
import type { RawQuestionnaire } from '../input/types.js';
import { didYouMean } from '../util/didYouMean.js';
import { problem, type Problem } from './problem.js';
import { normalizeName, parseScore } from './values.js';

export interface RowCheck {
  /** The row for the core; null when the row is rejected (errors) or ignored (no answers). */
  row: QuestionnaireRow | null;
  problems: Problem[];
  /** Why the row is left out, in plain words; null when it is used. */
  rejectReason: string | null;
  /** The (respondent, target) key of the row, for excluding duplicates in a second pass; null if unknown. */
  key: string | null;
}

export interface ValidationSummary {
  /** Errors found only once every row was seen (the first line of each duplicate). */
  problems: Problem[];
  /** Keys (see RowCheck.key) that occur more than once: every row with such a key is invalid. */
  duplicateKeys: ReadonlySet<string>;
  /** Lines (file + line) of first occurrences that turned out to be duplicates, so counts can be corrected. */
  lateRejects: { file: string; line: number; records: number; reason: string; hadWarnings: boolean }[];
  /** Expected client → department pairs (evaluates[r] includes t) that got no usable row. */
  missingPairs: { rater: string; target: string }[];
}

interface FirstSeen {
  file: string;
  line: number;
  records: number;
  respondentLabel: string;
  duplicated: boolean;
  /** The first row was used (so counts must move it to the rejected side once it turns out duplicated). */
  used: boolean;
  hadWarnings: boolean;
  /** rater * D + target of the first row, when used. */
  pair: number;
  /** The second occurrence, for the message on the first line. */
  other: { file: string; line: number } | null;
}

export class ResponseValidator {
  private readonly departmentByName = new Map<string, number>();
  private readonly departmentNames: string[] = [];
  private readonly na: Set<string>;
  private readonly respondents = new Map<string, number>();
  private readonly seen = new Map<string, FirstSeen>();
  private readonly duplicateKeys = new Set<string>();
  /** answered[r * D + t]: usable rows from rater r about target t (first rows of duplicates taken out at the end). */
  private readonly answered: Uint32Array;

  constructor(private readonly config: Config) {
    for (const d of config.departments) {
      this.departmentByName.set(normalizeName(d.id), d.index);
      this.departmentByName.set(normalizeName(d.name), d.index);
      this.departmentNames.push(d.id, d.name);
    }
    this.na = new Set(config.naValues.map(normalizeName));
    const n = config.departments.length;
    this.answered = new Uint32Array(n * n);
  }

  /**
   * Checks one row. `exclude`, when given, holds duplicate keys found by an earlier pass:
   * such rows are rejected without being reported again.
   */
  check(raw: RawQuestionnaire, exclude?: ReadonlySet<string>): RowCheck {
    const { config } = this;
    const problems: Problem[] = [...raw.problems];
    const at = { file: raw.file, line: raw.line };

    const rater = this.department(raw.rater, 'rater_department', raw, problems);
    const target = this.department(raw.target, 'target_department', raw, problems);
    if (rater !== null && target !== null && rater === target) {
      const d = config.departments[rater]!;
      problems.push(
        problem('error', 'self-evaluation', `"${d.name}" (${d.id}) evaluates itself; a department only evaluates the departments it is a client of`, {
          ...at,
          column: 'target_department',
        }),
      );
    }

    const answers = new Float64Array(config.criteria.length);
    let answeredCount = 0;
    for (const c of config.criteria) {
      const cell = raw.answers[c.index] ?? '';
      if (cell === '' || this.na.has(normalizeName(cell))) {
        answers[c.index] = Number.NaN;
        continue;
      }
      const where = { file: raw.file, line: raw.answerLines[c.index] ?? raw.line, column: raw.answerColumns[c.index] ?? c.id };
      const value = parseScore(cell);
      if (Number.isNaN(value)) {
        problems.push(
          problem('error', 'not-a-number', `"${cell}" is not a number (${c.name}); write a score from ${config.scale.min} to ${config.scale.max}, leave it blank, or write N/A`, where),
        );
      } else if (value < config.scale.min || value > config.scale.max) {
        problems.push(
          problem('error', 'out-of-scale', `${cell} is outside the scale ${config.scale.min}–${config.scale.max} (${c.name})`, where),
        );
      } else {
        answeredCount++;
      }
      answers[c.index] = value;
    }

    let key: string | null = null;
    let respondent = -1;
    let entry: FirstSeen | undefined;
    if (target !== null) {
      const respondentKey = raw.respondent === '' ? `\u0000file:${raw.file}` : raw.respondent;
      key = `${respondentKey}\u0000${target}`;
      respondent = this.intern(respondentKey);
      const label = raw.respondent === '' ? `The respondent of ${raw.file}` : `Respondent "${raw.respondent}"`;
      const first = this.seen.get(key);
      if (first === undefined) {
        entry = { file: raw.file, line: raw.line, records: raw.records.length, respondentLabel: label, duplicated: false, other: null, used: false, hadWarnings: false, pair: -1 };
        this.seen.set(key, entry);
      } else if (exclude === undefined) {
        if (!first.duplicated) {
          first.duplicated = true;
          first.other = { file: raw.file, line: raw.line };
        }
        this.duplicateKeys.add(key);
        const targetName = config.departments[target]!.name;
        problems.push(
          problem('error', 'duplicate-response', `${label} evaluates "${targetName}" twice: here and at ${first.file} line ${first.line}; keep one of the two rows`, {
            ...at,
            column: 'respondent_id',
          }),
        );
      }
    }

    const errors = problems.some((p) => p.severity === 'error');
    if (!errors && exclude !== undefined && key !== null && exclude.has(key)) {
      return { row: null, problems: [], rejectReason: 'duplicate response (see the duplicate-response error)', key };
    }
    if (errors) {
      return { row: null, problems, rejectReason: problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '), key };
    }

    // rater and target are known here: an unknown one is an error above.
    const r = rater!;
    const t = target!;
    if (answeredCount === 0) {
      problems.push(problem('warning', 'empty-row', 'row has no answers at all (every criterion blank or N/A); it is ignored', at));
      return { row: null, problems, rejectReason: 'no answers (every criterion blank or N/A)', key };
    }
    if (!config.evaluates[r]!.includes(t)) {
      const rd = config.departments[r]!;
      const td = config.departments[t]!;
      problems.push(
        problem('warning', 'not-a-client', `"${rd.name}" evaluates "${td.name}", but ${td.id} is not in its clients_of; the row is used — add ${td.id} to departments.${rd.id}.clients_of if this is expected`, {
          ...at,
          column: 'target_department',
        }),
      );
    }
    if (entry !== undefined) {
      entry.used = true;
      entry.pair = r * config.departments.length + t;
      entry.hadWarnings = problems.length > 0;
    }
    this.answered[r * config.departments.length + t]! += 1;
    return { row: { respondent, rater: r, target: t, answers }, problems, rejectReason: null, key };
  }

  /** Problems that need every row: first lines of duplicates, departments nobody evaluated, coverage. */
  finish(): ValidationSummary {
    const { config } = this;
    const problems: Problem[] = [];
    const lateRejects: ValidationSummary['lateRejects'] = [];
    for (const first of this.seen.values()) {
      if (!first.duplicated || first.other === null) continue;
      const message = `${first.respondentLabel} evaluates the same department twice: here and at ${first.other.file} line ${first.other.line}; keep one of the two rows`;
      problems.push(problem('error', 'duplicate-response', message, { file: first.file, line: first.line, column: 'respondent_id' }));
      if (first.used) this.answered[first.pair]! -= 1;
      if (first.used) lateRejects.push({ file: first.file, line: first.line, records: first.records, reason: message, hadWarnings: first.hadWarnings });
    }

    const n = config.departments.length;
    const missingPairs: ValidationSummary['missingPairs'] = [];
    const expectedFrom = new Map<number, string[]>();
    for (const r of config.departments) {
      for (const t of config.evaluates[r.index]!) {
        const list = expectedFrom.get(t) ?? [];
        list.push(r.id);
        expectedFrom.set(t, list);
        if (this.answered[r.index * n + t] === 0) missingPairs.push({ rater: r.id, target: config.departments[t]!.id });
      }
    }
    for (const [t, raters] of expectedFrom) {
      let rows = 0;
      for (let r = 0; r < n; r++) rows += this.answered[r * n + t]!;
      if (rows > 0) continue;
      const d = config.departments[t]!;
      problems.push(
        problem('warning', 'no-responses', `"${d.name}" (${d.id}) got no usable rows, though ${raters.join(', ')} ${raters.length === 1 ? 'is its client' : 'are its clients'}; it gets no score`, {}),
      );
    }
    return { problems, duplicateKeys: this.duplicateKeys, lateRejects, missingPairs };
  }

  private intern(key: string): number {
    let id = this.respondents.get(key);
    if (id === undefined) {
      id = this.respondents.size;
      this.respondents.set(key, id);
    }
    return id;
  }

  private department(cell: string, column: string, raw: RawQuestionnaire, problems: Problem[]): number | null {
    const found = this.departmentByName.get(normalizeName(cell));
    if (found !== undefined) return found;
    const at = { file: raw.file, line: raw.line, column };
    if (cell.trim() === '') {
      problems.push(problem('error', 'unknown-department', `${column} is blank; write a department id or name from the config`, at));
      return null;
    }
    const guess = didYouMean(cell, this.departmentNames);
    const hint = guess === undefined ? '; use an id or name from the config\'s departments' : ` (did you mean "${guess}"?)`;
    problems.push(problem('error', 'unknown-department', `"${cell}" is not a department${hint}`, at));
    return null;
  }
}
