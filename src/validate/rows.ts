/**
 * Validation of questionnaire rows (SPEC 2.3): turns the reader's cells into validated rows for the core, and
 * returns every problem it finds. It keeps the state that cross-row checks need (duplicates, coverage), but
 * does no I/O and never throws. One pass: when the second row of a duplicate pair shows up, the first one,
 * already used, is handed back (`retract`) for the caller to take out of whatever it computed.
 */
import type { Config } from '../config/types.js';
import { problem, type Problem } from '../domain/problem.js';
import { EXPECTED_RESPONDENTS, type QuestionnaireRow } from '../domain/questionnaire.js';
import type { RawQuestionnaire } from '../input/types.js';
import { AnswerReader } from './answers.js';
import { DepartmentMatcher } from './departments.js';
import { FirstOccurrences } from './firstOccurrences.js';
import { TextTable } from './textTable.js';

/** Why the first row of a duplicate pair is left out, once the second shows up. */
export const DUPLICATE_REASON = 'duplicate response (see the duplicate-response error)';

export interface RowCheck {
  /** The row for the core; null when the row is rejected (errors) or ignored (no answers). */
  row: QuestionnaireRow | null;
  problems: Problem[];
  /** Why the row is left out, in plain words; null when it is used. */
  rejectReason: string | null;
  /** A row used until now that this one shows to be a duplicate: to be taken back out. */
  retract: Retraction | null;
  /** When the row is used: its number among first occurrences (the same as a later Retraction's `entry`). */
  entry: number;
}

export interface Retraction {
  /** The row as it was used. */
  row: QuestionnaireRow;
  entry: number;
  file: string;
  line: number;
  /** Its number of records, and whether it had warnings, so that counts can be corrected. */
  records: number;
  hadWarnings: boolean;
  reason: string;
}

export interface ValidationSummary {
  /** Errors found only once every row was seen (the first line of each duplicate), and coverage warnings. */
  problems: Problem[];
  /** Expected client → department pairs (evaluates[r] includes t) that got no usable row. */
  missingPairs: { rater: string; target: string }[];
}

/** What the message on a first occurrence needs once a second one shows up (rare, so kept apart). */
interface Duplicated {
  respondentLabel: string;
  advice: string;
  /** The second occurrence. */
  other: { file: string; line: number };
}

export class ResponseValidator {
  private readonly departments: DepartmentMatcher;
  private readonly answerReader: AnswerReader;
  /** Respondent keys (the respondent_id cell, or the file for a blank one): entry number = respondent id. */
  private readonly respondents = new TextTable(EXPECTED_RESPONDENTS);
  private readonly seen: FirstOccurrences;
  private readonly duplicated = new Map<number, Duplicated>();
  /** The problems of the row being checked (reused: most rows have none). */
  private readonly found: Problem[] = [];
  /** clients[r * D + t] = 1: rater r is a client of t (config.evaluates[r] includes t). */
  private readonly clients: Uint8Array;
  /** answered[r * D + t]: usable rows from rater r about target t (rows taken back out are taken off). */
  private readonly answered: Uint32Array;
  /** Rows checked; with none, "department X got no rows" for every department only repeats that nothing was read. */
  private checked = 0;

  constructor(private readonly config: Config) {
    this.departments = new DepartmentMatcher(config);
    this.answerReader = new AnswerReader(config);
    const n = config.departments.length;
    this.answered = new Uint32Array(n * n);
    this.clients = new Uint8Array(n * n);
    config.evaluates.forEach((targets, r) => {
      for (const t of targets) this.clients[r * n + t] = 1;
    });
    this.seen = new FirstOccurrences(n, config.criteria.length);
  }

  check(raw: RawQuestionnaire): RowCheck {
    this.checked++;
    const { config } = this;
    // Problems of this row go to one reused array (most rows have none); the result gets a copy.
    const problems = this.found;
    if (problems.length !== 0) problems.length = 0;
    if (raw.problems.length !== 0) for (const p of raw.problems) problems.push(p);

    const where = { file: raw.file, line: raw.line, sheet: raw.sheet };
    const rater = this.departments.match(raw.rater, 'rater_department', where, problems);
    const target = this.departments.match(raw.target, 'target_department', where, problems);
    if (rater !== null && target !== null && rater === target) {
      const d = config.departments[rater]!;
      problems.push(
        problem('error', 'self-evaluation', `"${d.name}" (${d.id}) evaluates itself; a department only evaluates the departments it is a client of`, {
          ...where,
          column: 'target_department',
        }),
      );
    }

    const answers = new Float64Array(config.criteria.length);
    const answeredCount = this.answerReader.read(raw, answers, problems);

    let respondent = -1;
    /** The first occurrence of (respondent, target) that this row is, if it is one. */
    let entry = -1;
    let retract: Retraction | null = null;
    if (target !== null) {
      respondent = this.intern(raw.respondent === '' ? `\u0000file:${raw.file}` : raw.respondent);
      const first = this.seen.find(respondent, target);
      if (first === -1) {
        entry = this.seen.add(respondent, target, raw.file, raw.line, raw.records.length);
      } else {
        const label = raw.respondent === '' ? `The respondent of ${raw.file}` : `Respondent "${raw.respondent}"`;
        const advice = duplicateAdvice(raw.respondent === '');
        if (!this.duplicated.has(first)) this.duplicated.set(first, { respondentLabel: label, advice, other: { file: raw.file, line: raw.line } });
        const targetName = config.departments[target]!.name;
        problems.push(
          problem('error', 'duplicate-response', `${label} evaluates "${targetName}" twice: here and at ${this.seen.file(first)} line ${this.seen.line(first)}; ${advice}`, {
            ...where,
            column: 'respondent_id',
          }),
        );
        if (this.seen.used(first)) retract = this.retract(first, respondent, target);
      }
    }

    if (hasError(problems)) {
      // The duplicate's own message is in the problems; the reason names the other errors, if any.
      const others = problems.filter((p) => p.severity === 'error' && p.code !== 'duplicate-response');
      const reason = others.length === 0 ? DUPLICATE_REASON : others.map((p) => p.message).join('; ');
      return { row: null, problems: problems.slice(), rejectReason: reason, retract, entry: -1 };
    }

    // rater and target are known here: an unknown one is an error above.
    const r = rater!;
    const t = target!;
    if (answeredCount === 0) {
      problems.push(problem('warning', 'empty-row', 'row has no answers at all (every criterion blank or N/A); it is ignored', where));
      return { row: null, problems: problems.slice(), rejectReason: 'no answers (every criterion blank or N/A)', retract, entry: -1 };
    }
    if (this.clients[r * config.departments.length + t] === 0) {
      const rd = config.departments[r]!;
      const td = config.departments[t]!;
      problems.push(
        problem('warning', 'not-a-client', `"${rd.name}" evaluates "${td.name}", but ${td.id} is not in its clients_of; the row is used — add ${td.id} to departments.${rd.id}.clients_of if this is expected`, {
          ...where,
          column: 'target_department',
        }),
      );
    }
    this.seen.markUsed(entry, r, problems.length > 0, answers);
    this.answered[r * config.departments.length + t]! += 1;
    return { row: { respondent, rater: r, target: t, answers }, problems: problems.length === 0 ? NONE : problems.slice(), rejectReason: null, retract, entry };
  }

  /** Problems that need every row: first lines of duplicates, departments nobody evaluated, coverage. */
  finish(): ValidationSummary {
    const { config } = this;
    const problems: Problem[] = [];
    // In the order the first occurrences were read (entries are numbered in that order).
    const seen = this.seen;
    for (const first of [...this.duplicated.keys()].sort((a, b) => a - b)) {
      const { respondentLabel, advice, other } = this.duplicated.get(first)!;
      const message = `${respondentLabel} evaluates the same department twice: here and at ${other.file} line ${other.line}; ${advice}`;
      problems.push(problem('error', 'duplicate-response', message, { file: seen.file(first), line: seen.line(first), column: 'respondent_id' }));
    }
    const { missingPairs, unevaluated } = coverage(config, this.answered);
    for (const { target, raters } of this.checked === 0 ? [] : unevaluated) {
      const d = config.departments[target]!;
      problems.push(
        problem('warning', 'no-responses', `"${d.name}" (${d.id}) got no usable rows, though ${raters.join(', ')} ${raters.length === 1 ? 'is its client' : 'are its clients'}; it gets no score`, {}),
      );
    }
    return { problems, missingPairs };
  }

  /** Takes the used first occurrence `e` back out: counts, and the row for the caller's computation. */
  private retract(e: number, respondent: number, target: number): Retraction {
    const seen = this.seen;
    const rater = seen.rater(e);
    seen.markRetracted(e);
    this.answered[rater * this.config.departments.length + target]! -= 1;
    return {
      row: { respondent, rater, target, answers: seen.answersOf(e) },
      entry: e,
      file: seen.file(e),
      line: seen.line(e),
      records: seen.records(e),
      hadWarnings: seen.hadWarnings(e),
      reason: DUPLICATE_REASON,
    };
  }

  /** The respondent id of a key: 0, 1, 2, ... in order of first appearance. */
  private intern(key: string): number {
    const id = this.respondents.find(key, 0, key.length);
    return id !== -1 ? id : this.respondents.add(key, 0, key.length);
  }
}

/**
 * Expected pairs without a usable row, and departments that clients should have evaluated and nobody did. Linear
 * in the pairs the config expects (never departments² beyond the table `answered` itself).
 */
function coverage(config: Config, answered: Uint32Array): { missingPairs: ValidationSummary['missingPairs']; unevaluated: { target: number; raters: string[] }[] } {
  const n = config.departments.length;
  const missingPairs: ValidationSummary['missingPairs'] = [];
  const expectedFrom = new Map<number, string[]>();
  const rowsAbout = new Float64Array(n);
  for (let r = 0; r < n; r++) for (let t = 0; t < n; t++) rowsAbout[t] = (rowsAbout[t] as number) + answered[r * n + t]!;
  for (const rd of config.departments) {
    for (const t of config.evaluates[rd.index]!) {
      const list = expectedFrom.get(t);
      if (list === undefined) expectedFrom.set(t, [rd.id]);
      else list.push(rd.id);
      if (answered[rd.index * n + t] === 0) missingPairs.push({ rater: rd.id, target: config.departments[t]!.id });
    }
  }
  const unevaluated: { target: number; raters: string[] }[] = [];
  for (const [target, raters] of expectedFrom) if (rowsAbout[target] === 0) unevaluated.push({ target, raters });
  return { missingPairs, unevaluated };
}

/** The problems of a row that has none: shared, and frozen so that nobody adds to it by mistake. */
const NONE: Problem[] = Object.freeze([]) as unknown as Problem[];

function hasError(problems: readonly Problem[]): boolean {
  for (const p of problems) if (p.severity === 'error') return true;
  return false;
}

/**
 * What to do about a duplicate: two people may have been given (or typed) the same respondent_id, which only
 * the survey's own records can tell apart from one person answering twice — "keep one" would drop a person.
 */
function duplicateAdvice(fileIsRespondent: boolean): string {
  return fileIsRespondent
    ? 'a file without respondent_id is one person: if several people answered in this file, give each row its respondent_id'
    : 'if one person answered twice, keep one of the two rows; if two people were given the same id, give one of them another respondent_id';
}
