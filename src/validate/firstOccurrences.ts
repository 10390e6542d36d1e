/**
 * The first occurrence of every (respondent, target), for duplicate detection in one pass: what is needed to
 * name it, and to take it back out of everything computed so far when a second one shows up (its rater and
 * answers, its records, whether it was used).
 */
import { EXPECTED_RESPONDENTS } from '../domain/questionnaire.js';

const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
/** An entry's state byte: two flags, and the row's number of records above them (RECORDS_MAX: see bigRecords). */
/** Used in the computation (and not taken back out). */
const USED = 1;
const HAD_WARNINGS = 2;
const RECORDS_SHIFT = 2;
const RECORDS_MAX = 0xff >>> RECORDS_SHIFT;

/** An answer's byte: a whole number 0..NOT_ANSWERED-1 as itself; NaN (not answered); any other value kept aside. */
const NOT_ANSWERED = 254;
const OTHER_VALUE = 255;

/**
 * This is the one structure that grows with the data (with respondents × departments each evaluates, never
 * with rows), so it is typed arrays, not objects: 13 bytes per entry plus one per criterion, in pages (no
 * copying as it grows), each respondent's entries chained from a head per respondent. Files are kept as runs
 * (entries are numbered in reading order, so consecutive entries share their file).
 */
export class FirstOccurrences {
  /** head[respondent] = 1 + its most recent entry; 0: none. */
  private head = new Int32Array(EXPECTED_RESPONDENTS);
  private readonly targets: (Uint16Array | Uint32Array)[] = [];
  private readonly raters: (Uint16Array | Uint32Array)[] = [];
  private readonly nexts: Int32Array[] = [];
  private readonly lines: Uint32Array[] = [];
  private readonly states: Uint8Array[] = [];
  /** answers[page][slot * C + c]: see NOT_ANSWERED; values that do not fit a byte are in otherAnswers. */
  private readonly answers: Uint8Array[] = [];
  private readonly otherAnswers = new Map<number, number>();
  /** Lines and record counts too large for their arrays (an entry's slot then holds the largest value). */
  private readonly bigLines = new Map<number, number>();
  private readonly bigRecords = new Map<number, number>();
  /** fileRuns[k] = first entry of the k-th run of entries from one file; runFiles[k] = that file. */
  private readonly fileRuns: number[] = [];
  private readonly runFiles: string[] = [];
  private size = 0;

  constructor(
    private readonly departmentCount: number,
    private readonly criterionCount: number,
  ) {}

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

  /** The entry's row is used, with these answers (kept, so that it can be taken back out). */
  markUsed(e: number, rater: number, hadWarnings: boolean, answers: Float64Array): void {
    const page = e >>> PAGE_BITS;
    const slot = e & (PAGE - 1);
    this.raters[page]![slot] = rater;
    this.states[page]![slot]! |= USED | (hadWarnings ? HAD_WARNINGS : 0);
    const C = this.criterionCount;
    const kept = this.answers[page]!;
    for (let c = 0; c < C; c++) {
      const a = answers[c] as number;
      let code: number;
      if (a !== a) code = NOT_ANSWERED;
      else if (Number.isInteger(a) && a >= 0 && a < NOT_ANSWERED) code = a;
      else {
        code = OTHER_VALUE;
        this.otherAnswers.set(e * C + c, a);
      }
      kept[slot * C + c] = code;
    }
  }

  /** Takes the entry's row out of use: it stays the first occurrence, for messages. */
  markRetracted(e: number): void {
    this.states[e >>> PAGE_BITS]![e & (PAGE - 1)]! &= ~USED;
  }

  /** The answers the entry's row was used with (see markUsed). */
  answersOf(e: number): Float64Array {
    const C = this.criterionCount;
    const slot = e & (PAGE - 1);
    const kept = this.answers[e >>> PAGE_BITS]!;
    const answers = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      const code = kept[slot * C + c] as number;
      answers[c] = code === NOT_ANSWERED ? Number.NaN : code === OTHER_VALUE ? (this.otherAnswers.get(e * C + c) as number) : code;
    }
    return answers;
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
    this.answers.push(new Uint8Array(PAGE * this.criterionCount));
  }
}
