/**
 * Validation of questionnaire rows (SPEC 2.3): turns the reader's text cells into validated rows for the core,
 * and returns every problem it finds. It keeps the state that cross-row checks need (duplicates, coverage),
 * but does no I/O and never throws.
 *
 * Two ways in: `check`, for any row, and `wideLane`, for the lines of a wide file that are sound — most lines of
 * a large file — which it takes from the line's text without a RawQuestionnaire, with the same effects; any line
 * it does not take goes to `check`. test/validate/fastLane.test.ts holds both to the same results.
 */
import type { Config } from '../config/types.js';
import { EXPECTED_RESPONDENTS, type QuestionnaireRow } from '../domain/questionnaire.js';
import type { RawQuestionnaire, WideLane, WideLayout } from '../input/types.js';
import { didYouMean } from '../domain/didYouMean.js';
import { problem, type Problem } from '../domain/problem.js';
import { TextTable } from './textTable.js';
import { normalizeName, parseScore } from '../domain/values.js';

export interface RowCheck {
  /** The row for the core; null when the row is rejected (errors) or ignored (no answers). */
  row: QuestionnaireRow | null;
  problems: Problem[];
  /** Why the row is left out, in plain words; null when it is used. */
  rejectReason: string | null;
}

export interface ValidationSummary {
  /** Errors found only once every row was seen (the first line of each duplicate). */
  problems: Problem[];
  /**
   * (respondent, target) keys that occur more than once: every row with such a key is invalid. Given to `check`
   * of a fresh validator on a second pass, they leave those rows out.
   */
  duplicateKeys: ReadonlySet<string>;
  /** Lines (file + line) of first occurrences that turned out to be duplicates, so counts can be corrected. */
  lateRejects: { file: string; line: number; records: number; reason: string; hadWarnings: boolean }[];
  /** Expected client → department pairs (evaluates[r] includes t) that got no usable row. */
  missingPairs: { rater: string; target: string }[];
}

/** What the message on a first occurrence needs once a second one shows up (rare, so kept apart). */
interface Duplicated {
  respondentLabel: string;
  /** The second occurrence. */
  other: { file: string; line: number };
}

/** Distinct department cells remembered as matched (a bound on memory for files full of typos, not a rule). */
const CACHE_LIMIT = 4096;

export class ResponseValidator {
  private readonly departmentByName = new Map<string, number>();
  /** Department cells exactly as written → index, once matched: cells repeat, normalising each is wasted work. */
  private readonly departmentCells = new TextTable();
  private readonly departmentNames: string[] = [];
  private readonly na: Set<string>;
  /** Cells that are na_values as written or normalised: no need to normalise them again. */
  private readonly naCells: Set<string>;
  /** naDigit[d] = 1: the cell "d" is one of na_values (a config may say that "0" means not applicable). */
  private readonly naDigit = new Uint8Array(10);
  /** Respondent keys (the respondent_id cell, or the file for a blank one): entry number = respondent id. */
  private readonly respondents = new TextTable(EXPECTED_RESPONDENTS);
  private readonly seen: FirstOccurrences;
  private readonly duplicated = new Map<number, Duplicated>();
  private readonly duplicateKeys = new Set<string>();
  /** The problems of the row being checked (reused: most rows have none). */
  private readonly found: Problem[] = [];
  /** clients[r * D + t] = 1: rater r is a client of t (config.evaluates[r] includes t). */
  private readonly clients: Uint8Array;
  /** answered[r * D + t]: usable rows from rater r about target t (first rows of duplicates taken out at the end). */
  private readonly answered: Uint32Array;

  constructor(private readonly config: Config) {
    for (const d of config.departments) {
      this.departmentByName.set(normalizeName(d.id), d.index);
      this.departmentByName.set(normalizeName(d.name), d.index);
      this.departmentNames.push(d.id, d.name);
    }
    this.na = new Set(config.naValues.map(normalizeName));
    this.naCells = new Set([...config.naValues, ...this.na]);
    for (let d = 0; d <= 9; d++) this.naDigit[d] = this.na.has(String(d)) ? 1 : 0;
    const n = config.departments.length;
    this.answered = new Uint32Array(n * n);
    this.clients = new Uint8Array(n * n);
    config.evaluates.forEach((targets, r) => {
      for (const t of targets) this.clients[r * n + t] = 1;
    });
    this.seen = new FirstOccurrences(n);
  }

  /**
   * Checks one row. `exclude`, when given, holds duplicate keys found by an earlier pass:
   * such rows are rejected without being reported again.
   */
  check(raw: RawQuestionnaire, exclude?: ReadonlySet<string>): RowCheck {
    const { config } = this;
    // Problems of this row go to one reused array (most rows have none); the result gets a copy.
    const problems = this.found;
    if (problems.length !== 0) problems.length = 0;
    if (raw.problems.length !== 0) for (const p of raw.problems) problems.push(p);

    const rater = this.department(raw.rater, 'rater_department', raw, problems);
    const target = this.department(raw.target, 'target_department', raw, problems);
    if (rater !== null && target !== null && rater === target) {
      const d = config.departments[rater]!;
      problems.push(
        problem('error', 'self-evaluation', `"${d.name}" (${d.id}) evaluates itself; a department only evaluates the departments it is a client of`, {
          file: raw.file,
          line: raw.line,
          column: 'target_department',
        }),
      );
    }

    const { criteria } = config;
    const { min, max } = config.scale;
    const cells = raw.answers;
    const n = criteria.length;
    const answers = new Float64Array(n);
    let answeredCount = 0;
    for (let index = 0; index < n; index++) {
      const cell = cells[index] ?? '';
      let value: number;
      if (cell.length === 1 && cell.charCodeAt(0) >= 48 && cell.charCodeAt(0) <= 57) {
        // The usual answer, one digit: what normalising and the number pattern would make of it, without them.
        const digit = cell.charCodeAt(0) - 48;
        value = this.naDigit[digit] === 1 ? Number.NaN : digit;
        answers[index] = value;
        if (value >= min && value <= max) {
          answeredCount++;
          continue;
        }
        if (value !== value) continue; // not applicable
      } else if (cell === '' || this.notApplicable(cell)) {
        answers[index] = Number.NaN;
        continue;
      } else {
        value = parseScore(cell);
        answers[index] = value;
        if (value >= min && value <= max) {
          answeredCount++;
          continue;
        }
      }
      // Not a number, or off the scale.
      const c = criteria[index]!;
      const where = { file: raw.file, line: raw.answerLines[index] ?? raw.line, column: raw.answerColumns[index] ?? c.id };
      problems.push(
        Number.isNaN(value)
          ? problem('error', 'not-a-number', `"${cell}" is not a number (${c.name}); write a score from ${min} to ${max}, leave it blank, or write N/A`, where)
          : problem('error', 'out-of-scale', `${cell} is outside the scale ${min}–${max} (${c.name})`, where),
      );
    }

    let respondentKey: string | null = null;
    let respondent = -1;
    /** The first occurrence of (respondent, target) that this row is, if it is one. */
    let entry = -1;
    if (target !== null) {
      respondentKey = raw.respondent === '' ? `\u0000file:${raw.file}` : raw.respondent;
      respondent = this.intern(respondentKey);
      const first = this.seen.find(respondent, target);
      if (first === -1) {
        entry = this.seen.add(respondent, target, raw.file, raw.line, raw.records.length);
      } else if (exclude === undefined) {
        const label = raw.respondent === '' ? `The respondent of ${raw.file}` : `Respondent "${raw.respondent}"`;
        if (!this.duplicated.has(first)) this.duplicated.set(first, { respondentLabel: label, other: { file: raw.file, line: raw.line } });
        this.duplicateKeys.add(duplicateKey(respondentKey, target));
        const targetName = config.departments[target]!.name;
        problems.push(
          problem('error', 'duplicate-response', `${label} evaluates "${targetName}" twice: here and at ${this.seen.file(first)} line ${this.seen.line(first)}; keep one of the two rows`, {
            file: raw.file,
            line: raw.line,
            column: 'respondent_id',
          }),
        );
      }
    }

    const errors = hasError(problems);
    if (!errors && exclude !== undefined && exclude.size > 0 && respondentKey !== null && exclude.has(duplicateKey(respondentKey, target!))) {
      return { row: null, problems: NONE, rejectReason: 'duplicate response (see the duplicate-response error)' };
    }
    if (errors) {
      return { row: null, problems: problems.slice(), rejectReason: problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; ') };
    }

    // rater and target are known here: an unknown one is an error above.
    const r = rater!;
    const t = target!;
    if (answeredCount === 0) {
      problems.push(problem('warning', 'empty-row', 'row has no answers at all (every criterion blank or N/A); it is ignored', { file: raw.file, line: raw.line }));
      return { row: null, problems: problems.slice(), rejectReason: 'no answers (every criterion blank or N/A)' };
    }
    if (this.clients[r * config.departments.length + t] === 0) {
      const rd = config.departments[r]!;
      const td = config.departments[t]!;
      problems.push(
        problem('warning', 'not-a-client', `"${rd.name}" evaluates "${td.name}", but ${td.id} is not in its clients_of; the row is used — add ${td.id} to departments.${rd.id}.clients_of if this is expected`, {
          file: raw.file,
          line: raw.line,
          column: 'target_department',
        }),
      );
    }
    if (entry !== -1) this.seen.markUsed(entry, r, problems.length > 0);
    this.answered[r * config.departments.length + t]! += 1;
    return { row: { respondent, rater: r, target: t, answers }, problems: problems.length === 0 ? NONE : problems.slice(), rejectReason: null };
  }

  /**
   * The fast lane for the lines of a wide file (see WideLane): takes a line whose row is sound — the one
   * `check` would pass with no problem at all — and gives its row to `use`, with exactly the effects `check`
   * would have had. Anything else is left to the usual path, which reports it. `reuse`: the same row object
   * and answers array are handed over each time (the consumer does not keep them).
   */
  wideLane(layout: WideLayout, use: (row: QuestionnaireRow) => void, options: { exclude?: ReadonlySet<string>; reuse?: boolean } = {}): WideLane {
    const { config } = this;
    const { min, max } = config.scale;
    const departmentCount = config.departments.length;
    const { file, respondent: respondentColumn, rater: raterColumn, target: targetColumn } = layout;
    const criteria = layout.criteria;
    const n = config.criteria.length;
    const exclude = options.exclude !== undefined && options.exclude.size > 0 ? options.exclude : undefined;
    const fileKey = `\u0000file:${file}`;
    const shared: QuestionnaireRow | undefined = options.reuse === true ? { respondent: 0, rater: 0, target: 0, answers: new Float64Array(n) } : undefined;
    /** The entry (in departmentCells) of the last rater cell. */
    let raterCell = -1;

    return {
      row: (s, cuts, line) => {
        // cells: s[cuts[k] .. cuts[k + 1] - 1) for column k
        if (raterColumn === undefined || targetColumn === undefined) return false;
        let from = cuts[raterColumn]!;
        let to = cuts[raterColumn + 1]! - 1;
        let rater: number | undefined;
        if (this.departmentCells.is(raterCell, s, from, to)) {
          rater = this.departmentCells.value(raterCell); // a respondent's rows repeat the rater
        } else {
          if (!isTrimmed(s, from, to)) return false;
          rater = this.departmentAt(s, from, to);
          if (rater === undefined) return false;
          raterCell = this.departmentCells.lastEntry; // checked again before use
        }
        from = cuts[targetColumn]!;
        to = cuts[targetColumn + 1]! - 1;
        if (!isTrimmed(s, from, to)) return false;
        const target = this.departmentAt(s, from, to);
        if (target === undefined || target === rater || this.clients[rater * departmentCount + target] === 0) return false;

        const answers = shared === undefined ? new Float64Array(n) : shared.answers;
        let answered = 0;
        for (let c = 0; c < n; c++) {
          const column = criteria[c];
          let value = Number.NaN;
          if (column !== undefined) {
            from = cuts[column]!;
            to = cuts[column + 1]! - 1;
            const code = s.charCodeAt(from);
            if (to - from === 1 && code >= 48 && code <= 57) {
              if (this.naDigit[code - 48] === 0) value = code - 48;
            } else if (to > from) {
              if (!isTrimmed(s, from, to)) return false;
              const cell = s.slice(from, to);
              if (!this.notApplicable(cell)) {
                value = parseScore(cell);
                if (value !== value) return false; // not a number
              }
            }
            if (value === value) {
              if (!(value >= min && value <= max)) return false; // not a number, or off the scale
              answered++;
            }
          }
          answers[c] = value;
        }
        if (answered === 0) return false;

        // The respondent: the cell, or the file when the cell is blank (or there is no such column).
        let keyText = fileKey;
        from = 0;
        to = fileKey.length;
        if (respondentColumn !== undefined && cuts[respondentColumn] !== cuts[respondentColumn + 1]! - 1) {
          keyText = s;
          from = cuts[respondentColumn]!;
          to = cuts[respondentColumn + 1]! - 1;
          if (!isTrimmed(s, from, to)) return false;
        }
        // From here on, what `check` does with a sound row.
        const respondent = this.internAt(keyText, from, to);
        if (this.seen.find(respondent, target) !== -1) return false; // a duplicate
        if (exclude !== undefined && exclude.has(duplicateKey(keyText.slice(from, to), target))) return false;
        this.seen.markUsed(this.seen.add(respondent, target, file, line, 1), rater, false);
        this.answered[rater * departmentCount + target]! += 1;
        if (shared === undefined) use({ respondent, rater, target, answers });
        else {
          shared.respondent = respondent;
          shared.rater = rater;
          shared.target = target;
          use(shared);
        }
        return true;
      },
    };
  }

  /** Problems that need every row: first lines of duplicates, departments nobody evaluated, coverage. */
  finish(): ValidationSummary {
    const { config } = this;
    const problems: Problem[] = [];
    const lateRejects: ValidationSummary['lateRejects'] = [];
    // In the order the first occurrences were read (entries are numbered in that order).
    const seen = this.seen;
    for (const first of [...this.duplicated.keys()].sort((a, b) => a - b)) {
      const { respondentLabel, other } = this.duplicated.get(first)!;
      const file = seen.file(first);
      const line = seen.line(first);
      const message = `${respondentLabel} evaluates the same department twice: here and at ${other.file} line ${other.line}; keep one of the two rows`;
      problems.push(problem('error', 'duplicate-response', message, { file, line, column: 'respondent_id' }));
      if (!seen.used(first)) continue;
      this.answered[seen.rater(first) * config.departments.length + seen.target(first)]! -= 1;
      lateRejects.push({ file, line, records: seen.records(first), reason: message, hadWarnings: seen.hadWarnings(first) });
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

  /** The respondent id of key[from..to): 0, 1, 2, ... in order of first appearance. */
  private internAt(key: string, from: number, to: number): number {
    const id = this.respondents.find(key, from, to);
    return id !== -1 ? id : this.respondents.add(key, from, to);
  }

  private intern(key: string): number {
    return this.internAt(key, 0, key.length);
  }

  /** The department a (trimmed) cell s[from..to) names, by id or display name; undefined if none. */
  private departmentAt(s: string, from: number, to: number): number | undefined {
    const known = this.departmentCells.find(s, from, to);
    if (known !== -1) return this.departmentCells.value(known);
    const found = this.departmentByName.get(normalizeName(s.slice(from, to)));
    if (found !== undefined && this.departmentCells.size < CACHE_LIMIT) this.departmentCells.add(s, from, to, found);
    return found;
  }

  private departmentIndex(cell: string): number | undefined {
    return this.departmentAt(cell, 0, cell.length);
  }

  /** A (trimmed, non-blank) answer cell that means "not applicable". */
  private notApplicable(cell: string): boolean {
    return this.naCells.has(cell) || this.na.has(normalizeName(cell));
  }

  private department(cell: string, column: string, raw: RawQuestionnaire, problems: Problem[]): number | null {
    const found = this.departmentIndex(cell);
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

/** The problems of a row that has none: shared, and frozen so that nobody adds to it by mistake. */
const NONE: Problem[] = Object.freeze([]) as unknown as Problem[];

/** s[from..to) is empty or starts and ends with a character that String.prototype.trim keeps. */
function isTrimmed(s: string, from: number, to: number): boolean {
  return to === from || (!isSpace(s.charCodeAt(from)) && !isSpace(s.charCodeAt(to - 1)));
}

/** White space and line terminators, as String.prototype.trim removes them. */
function isSpace(c: number): boolean {
  if (c > 0x20 && c < 0x7f) return false;
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function hasError(problems: readonly Problem[]): boolean {
  for (const p of problems) if (p.severity === 'error') return true;
  return false;
}

function duplicateKey(respondentKey: string, target: number): string {
  return `${respondentKey}\u0000${target}`;
}

const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
/** An entry's state byte: two flags, and the row's number of records above them (RECORDS_MAX: see bigRecords). */
const USED = 1;
const HAD_WARNINGS = 2;
const RECORDS_SHIFT = 2;
const RECORDS_MAX = 0xff >>> RECORDS_SHIFT;

/**
 * The first occurrence of every (respondent, target), for duplicate detection: what is needed to name it and to
 * correct the counts if a second one shows up. This is the one structure that grows with the data (with
 * respondents × departments each evaluates, never with rows), so it is typed arrays, not objects: 13 bytes
 * per entry, in pages (no copying as it grows), each respondent's entries chained from a head per respondent.
 * Files are kept as runs (entries are numbered in reading order, so consecutive entries share their file).
 */
class FirstOccurrences {
  /** head[respondent] = 1 + its most recent entry; 0: none. */
  private head = new Int32Array(EXPECTED_RESPONDENTS);
  private readonly targets: (Uint16Array | Uint32Array)[] = [];
  private readonly raters: (Uint16Array | Uint32Array)[] = [];
  private readonly nexts: Int32Array[] = [];
  private readonly lines: Uint32Array[] = [];
  private readonly states: Uint8Array[] = [];
  /** Lines and record counts too large for their arrays (an entry's slot then holds the largest value). */
  private readonly bigLines = new Map<number, number>();
  private readonly bigRecords = new Map<number, number>();
  /** fileRuns[k] = first entry of the k-th run of entries from one file; runFiles[k] = that file. */
  private readonly fileRuns: number[] = [];
  private readonly runFiles: string[] = [];
  private size = 0;

  constructor(private readonly departmentCount: number) {}

  /** The entry of (respondent, target), or -1. */
  find(respondent: number, target: number): number {
    if (respondent >= this.head.length) return -1;
    for (let e = (this.head[respondent] as number) - 1; e !== -1; e = this.nexts[e >>> PAGE_BITS]![e & (PAGE - 1)]!) {
      if (this.targets[e >>> PAGE_BITS]![e & (PAGE - 1)] === target) return e;
    }
    return -1;
  }

  add(respondent: number, target: number, file: string, line: number, records: number): number {
    const e = this.size++;
    const page = e >>> PAGE_BITS;
    const slot = e & (PAGE - 1);
    if (slot === 0) this.addPage();
    if (respondent >= this.head.length) {
      let length = this.head.length * 2;
      while (length <= respondent) length *= 2;
      const head = new Int32Array(length);
      head.set(this.head);
      this.head = head;
    }
    this.targets[page]![slot] = target;
    this.nexts[page]![slot] = (this.head[respondent] as number) - 1;
    this.head[respondent] = e + 1;
    this.lines[page]![slot] = Math.min(line, 0xffffffff);
    if (line >= 0xffffffff) this.bigLines.set(e, line);
    this.states[page]![slot] = Math.min(records, RECORDS_MAX) << RECORDS_SHIFT;
    if (records >= RECORDS_MAX) this.bigRecords.set(e, records);
    if (this.runFiles[this.runFiles.length - 1] !== file || this.fileRuns.length === 0) {
      this.fileRuns.push(e);
      this.runFiles.push(file);
    }
    return e;
  }

  markUsed(e: number, rater: number, hadWarnings: boolean): void {
    this.raters[e >>> PAGE_BITS]![e & (PAGE - 1)] = rater;
    this.states[e >>> PAGE_BITS]![e & (PAGE - 1)]! |= USED | (hadWarnings ? HAD_WARNINGS : 0);
  }

  file(e: number): string {
    let lo = 0;
    let hi = this.fileRuns.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.fileRuns[mid] as number) <= e) lo = mid;
      else hi = mid - 1;
    }
    return this.runFiles[lo] as string;
  }

  line(e: number): number {
    return this.bigLines.get(e) ?? (this.lines[e >>> PAGE_BITS]![e & (PAGE - 1)] as number);
  }

  records(e: number): number {
    return this.bigRecords.get(e) ?? (this.states[e >>> PAGE_BITS]![e & (PAGE - 1)]! >>> RECORDS_SHIFT);
  }

  target(e: number): number {
    return this.targets[e >>> PAGE_BITS]![e & (PAGE - 1)] as number;
  }

  rater(e: number): number {
    return this.raters[e >>> PAGE_BITS]![e & (PAGE - 1)] as number;
  }

  used(e: number): boolean {
    return (this.states[e >>> PAGE_BITS]![e & (PAGE - 1)]! & USED) !== 0;
  }

  hadWarnings(e: number): boolean {
    return (this.states[e >>> PAGE_BITS]![e & (PAGE - 1)]! & HAD_WARNINGS) !== 0;
  }

  private addPage(): void {
    const wide = this.departmentCount > 0xffff;
    this.targets.push(wide ? new Uint32Array(PAGE) : new Uint16Array(PAGE));
    this.raters.push(wide ? new Uint32Array(PAGE) : new Uint16Array(PAGE));
    this.nexts.push(new Int32Array(PAGE));
    this.lines.push(new Uint32Array(PAGE));
    this.states.push(new Uint8Array(PAGE));
  }
}
