/**
 * CSV records of one file → questionnaire rows, pushed into the sink. The first non-blank record is the
 * header; every later one is a data record and ends up in exactly one place: a row (sound or with problems
 * of its own), or the records of a file problem. So rows read = used + rejected, always.
 */
import type { Config } from '../config/types.js';
import { didYouMeanSuffix } from '../domain/didYouMean.js';
import { problem, type Problem } from '../domain/problem.js';
import { normalizeName } from '../domain/values.js';
import { splitQuotedLine, type CsvRecord, type Delimiter } from './csv.js';
import { checkHeader, criterionLabels, type HeaderCheck } from './shape.js';
import type { Encoding } from '../domain/decode.js';
import type { RawQuestionnaire, ReadSink, SourceRecord, WideLane } from './types.js';

const DELIMITER_NAME: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * A long-shape row being assembled. Kept lean: all of them stay in memory until the end of the file, since
 * nothing says a respondent's lines are together.
 */
interface LongGroup {
  line: number;
  records: SourceRecord[];
  respondent: string;
  rater: string;
  raterKey: string;
  target: string;
  answers: string[];
  /** Line of each criterion given so far; 0: not given. */
  answerLines: number[];
  comment: string;
  problems: Problem[] | undefined;
}

export class RowAssembler {
  private header: { check: HeaderCheck; fields: string[]; line: number } | undefined;
  /** Data records of a file whose header is unusable: all rejected with the header's first error. */
  private readonly unusable: SourceRecord[] = [];
  private readonly groups = new Map<string, LongGroup>();
  private readonly criteria: Map<string, number>;
  private readonly departments = new Map<string, string>();
  /** Columns without a name in the header already reported for holding values. */
  private readonly unnamedReported = new Set<number>();
  private records = 0;
  private invalidCursor = 0;
  /** Columns whose header cell is empty. */
  private unnamedColumns: number[] = [];
  /** Wide shape: the header name of each criterion's column, the same for every row of the file. */
  private answerColumns: string[] = [];
  /** The sink's fast lane for this file's lines (wide shape, sound header), and the cell bounds it is given. */
  private lane: WideLane | undefined;
  private cuts = new Int32Array(1);
  /** laneReads[k] = 1: the lane reads column k (it may not be quoted on a line the lane takes). */
  private laneReads = new Uint8Array(1);
  /** Which cells of the line being split are quoted (see splitQuotedLine). */
  private quotedCells = new Uint8Array(1);
  private readonly delimiterCode: number;

  constructor(
    private readonly file: string,
    private readonly config: Config,
    private readonly sink: ReadSink,
    private readonly delimiter: Delimiter,
    /** Lines with bytes that could not be decoded, ascending; may grow while records come in. */
    private readonly invalidLines: readonly number[],
  ) {
    this.criteria = criterionLabels(config);
    this.delimiterCode = delimiter.charCodeAt(0);
    for (const d of config.departments) {
      this.departments.set(normalizeName(d.id), d.id);
      this.departments.set(normalizeName(d.name), d.id);
    }
  }

  /**
   * A whole line, offered before it becomes a record (see CsvTokenizer.onLine): a data line of a wide file goes
   * to the sink's fast lane, if there is one; true when the lane took it. A line with quotes qualifies when
   * only cells the lane does not read are quoted (a comment with a comma in it).
   */
  line(s: string, start: number, end: number, line: number, quoted: boolean): boolean {
    const lane = this.lane;
    // Lines with undecodable bytes (rare, and reported per record) take the usual path, as do all lines after.
    if (lane === undefined || this.invalidLines.length > 0) return false;
    const cuts = this.cuts;
    const columns = cuts.length - 1;
    if (quoted) {
      if (splitQuotedLine(s, start, end, this.delimiterCode, cuts, this.quotedCells) !== columns) return false;
      for (let k = 0; k < columns; k++) if (this.quotedCells[k] === 1 && this.laneReads[k] === 1) return false;
    } else {
      const delimiter = this.delimiterCode;
      let k = 0;
      cuts[0] = start;
      for (let j = start; j < end; j++) {
        if (s.charCodeAt(j) === delimiter) {
          if (++k === columns) return false; // more values than columns
          cuts[k] = j + 1;
        }
      }
      if (k !== columns - 1) return false; // fewer values than columns
      cuts[columns] = end + 1;
    }
    if (!lane.row(s, cuts, line)) return false;
    this.records++;
    return true;
  }

  record(rec: CsvRecord): void {
    if (rec.unclosedQuote === undefined && isBlank(rec.fields)) return; // a blank line
    if (this.header === undefined) {
      this.readHeader(rec);
      return;
    }
    this.records++;
    const source: SourceRecord = { line: rec.line, raw: rec.raw };
    const { check } = this.header;
    if (!check.usable) {
      this.unusable.push(source);
      return;
    }
    if (rec.unclosedQuote !== undefined) {
      this.sink.fileProblem(problem('error', 'bad-quote', unclosedQuoteMessage(rec.unclosedQuote), { file: this.file, line: rec.line }), [source]);
      return;
    }
    if (this.unnamedColumns.length > 0) this.checkUnnamedColumns(rec, check.roles.names);
    const problems = this.recordProblems(rec, check.roles.names.length);
    if (check.roles.shape === 'wide') this.sink.row(this.wideRow(rec, source, problems));
    else this.addLongRecord(rec, source, problems === NONE ? [] : problems);
  }

  /** After the last record. Returns false when the file had no header at all (then it was reported empty). */
  finish(encoding: Encoding): boolean {
    const { file, sink } = this;
    if (this.header === undefined) {
      sink.fileProblem(problem('error', 'file-empty', 'the file is empty: no header, no rows', { file }), []);
      return false;
    }
    const { check } = this.header;
    if (!check.usable) {
      let records: SourceRecord[] = this.unusable;
      for (const p of check.problems) {
        if (p.severity !== 'error') continue;
        sink.fileProblem(p, records);
        records = []; // every record is accounted for once, with the first error
      }
    }
    for (const group of this.groups.values()) sink.row(this.longRow(group));
    this.groups.clear();
    if (check.usable && this.records === 0) {
      sink.fileProblem(problem('warning', 'file-empty', 'the file has a header but no rows', { file, line: this.header.line }), []);
    }
    sink.fileDone({
      file,
      encoding,
      delimiter: this.delimiter,
      shape: check.roles.shape,
      header: this.header.fields,
      records: this.records,
    });
    return true;
  }

  private readHeader(rec: CsvRecord): void {
    const at = { file: this.file, line: rec.line };
    let check: HeaderCheck;
    if (rec.unclosedQuote !== undefined) {
      check = checkHeader([], this.config, this.file, rec.line);
      check.problems = [problem('error', 'bad-quote', `the header: ${unclosedQuoteMessage(rec.unclosedQuote)}`, at)];
      check.usable = false;
    } else {
      check = checkHeader(rec.fields, this.config, this.file, rec.line);
      const bad = this.invalidLineIn(rec);
      if (bad !== undefined) {
        const undecodable = problem('error', 'file-undecodable', `the header (line ${bad}) ${undecodableText()}`, { file: this.file, line: bad });
        check.problems = [undecodable, ...check.problems.filter((p) => p.severity === 'error')];
        check.usable = false;
      }
    }
    this.header = { check, fields: rec.fields, line: rec.line };
    const { roles } = check;
    this.unnamedColumns = roles.names.flatMap((name, index) => (name === '' ? [index] : []));
    this.answerColumns = roles.criteria.map((column) => (column === undefined ? '' : (roles.names[column] ?? '')));
    // Columns without a name get a warning when they hold a value: such files take the usual path only.
    if (check.usable && roles.shape === 'wide' && this.unnamedColumns.length === 0 && this.sink.wideLane !== undefined) {
      const { respondent, rater, target, criteria } = roles;
      this.lane = this.sink.wideLane({ file: this.file, respondent, rater, target, criteria });
      this.cuts = new Int32Array(roles.names.length + 1);
      this.quotedCells = new Uint8Array(roles.names.length);
      this.laneReads = new Uint8Array(roles.names.length);
      for (const column of [respondent, rater, target, ...criteria]) if (column !== undefined) this.laneReads[column] = 1;
    }
    // Warnings reject nothing and can go now; errors wait for the records they reject.
    for (const p of check.problems) if (p.severity === 'warning') this.sink.fileProblem(p, []);
  }

  /** The record's own problems: a fresh array when there are some, the shared empty NONE when not. */
  private recordProblems(rec: CsvRecord, columns: number): Problem[] {
    const bad = this.invalidLines.length === 0 ? undefined : this.invalidLineIn(rec);
    if (bad === undefined && rec.fields.length === columns) return NONE;
    const problems: Problem[] = [];
    const at = { file: this.file, line: rec.line };
    if (bad !== undefined) {
      problems.push(problem('error', 'file-undecodable', `line ${bad} ${undecodableText()}`, { file: this.file, line: bad }));
    }
    const n = rec.fields.length;
    if (n !== columns) {
      const hint =
        n > columns
          ? `; a value that contains a ${DELIMITER_NAME[this.delimiter]} must be in double quotes${this.delimiter === ',' ? ' (a decimal comma too: "4,5")' : ''}`
          : '; empty values still need their delimiters';
      problems.push(problem('error', 'field-count', `this row has ${n} values but the header has ${columns} columns${hint}`, at));
    }
    return problems;
  }

  /** Values under a column that has no name are ignored; said once per column, so that nothing goes silently. */
  private checkUnnamedColumns(rec: CsvRecord, names: readonly string[]): void {
    for (const index of this.unnamedColumns) {
      if (names[index] !== '' || this.unnamedReported.has(index) || (rec.fields[index] ?? '').trim() === '') continue;
      this.unnamedReported.add(index);
      const message = `column ${index + 1} has no name in the header but holds values (first on line ${rec.line}); they are ignored`;
      this.sink.fileProblem(problem('warning', 'unknown-column', message, { file: this.file, line: rec.line }), []);
    }
  }

  /** The first line of `rec` that holds undecodable bytes, if any. */
  private invalidLineIn(rec: CsvRecord): number | undefined {
    const lines = this.invalidLines;
    while (this.invalidCursor < lines.length && (lines[this.invalidCursor] as number) < rec.line) this.invalidCursor++;
    const next = lines[this.invalidCursor];
    return next !== undefined && next <= rec.endLine ? next : undefined;
  }

  private cells(rec: CsvRecord): (column: number | undefined) => string {
    return (column) => (column === undefined ? '' : (rec.fields[column] ?? '').trim());
  }

  private wideRow(rec: CsvRecord, source: SourceRecord, problems: Problem[]): RawQuestionnaire {
    const { roles } = (this.header as { check: HeaderCheck }).check;
    const { fields, line } = rec;
    const n = roles.criteria.length;
    const answers: string[] = [];
    const answerLines: number[] = [];
    for (let c = 0; c < n; c++) {
      answers.push(cellOf(fields, roles.criteria[c]));
      answerLines.push(line);
    }
    return {
      file: this.file,
      line,
      records: [source],
      respondent: cellOf(fields, roles.respondent),
      rater: cellOf(fields, roles.rater),
      target: cellOf(fields, roles.target),
      answers,
      answerLines,
      answerColumns: this.answerColumns, // shared by the rows of the file; nobody writes to it
      comment: cellOf(fields, roles.comment),
      problems,
    };
  }

  private departmentKey(cell: string): string {
    const key = normalizeName(cell);
    return this.departments.get(key) ?? key;
  }

  private addLongRecord(rec: CsvRecord, source: SourceRecord, problems: Problem[]): void {
    const { roles } = (this.header as { check: HeaderCheck }).check;
    const cell = this.cells(rec);
    const respondent = cell(roles.respondent);
    const rater = cell(roles.rater);
    const target = cell(roles.target);
    const key = `${respondent}\u0000${this.departmentKey(target)}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      const n = this.config.criteria.length;
      group = {
        line: rec.line,
        records: [],
        respondent,
        rater,
        raterKey: this.departmentKey(rater),
        target,
        answers: new Array<string>(n).fill(''),
        answerLines: new Array<number>(n).fill(0),
        comment: '',
        problems: undefined,
      };
      this.groups.set(key, group);
    }
    group.records.push(source);
    const found: Problem[] = problems;
    const column = (index: number | undefined) => (index === undefined ? null : (roles.names[index] ?? null));
    const at = (col: number | undefined) => ({ file: this.file, line: rec.line, column: column(col) });
    const who = respondent === '' ? 'the respondent of this file' : `respondent ${JSON.stringify(respondent)}`;

    if (this.departmentKey(rater) !== group.raterKey) {
      found.push(
        problem(
          'error',
          'inconsistent-rater',
          `rater department ${JSON.stringify(rater)} differs from ${JSON.stringify(group.rater)} on line ${group.line}, for the same ${who} about ${JSON.stringify(target)}`,
          at(roles.rater),
        ),
      );
    }

    const criterionCell = cell(roles.criterion);
    const c = this.criteria.get(normalizeName(criterionCell));
    if (c === undefined) {
      const message =
        criterionCell === ''
          ? 'the criterion cell is empty'
          : `${JSON.stringify(criterionCell)} is not a criterion${didYouMeanSuffix(
              criterionCell,
              this.config.criteria.flatMap((k) => [k.id, k.name]),
            )}; criteria are ${this.config.criteria.map((k) => k.id).join(', ')}`;
      found.push(problem('error', 'unknown-criterion', message, at(roles.criterion)));
    } else {
      const earlier = group.answerLines[c] as number;
      if (earlier !== 0) {
        const id = this.config.criteria[c]?.id ?? criterionCell;
        found.push(
          problem(
            'error',
            'duplicate-criterion',
            `criterion ${JSON.stringify(id)} is given twice by ${who} about ${JSON.stringify(target)}: lines ${earlier} and ${rec.line}`,
            at(roles.criterion),
          ),
        );
      } else {
        group.answers[c] = cell(roles.score);
        group.answerLines[c] = rec.line;
      }
    }
    if (found.length > 0) (group.problems ??= []).push(...found);

    const comment = cell(roles.comment);
    if (comment !== '' && !group.comment.split(' | ').includes(comment)) {
      group.comment = group.comment === '' ? comment : `${group.comment} | ${comment}`;
    }
  }

  private longRow(group: LongGroup): RawQuestionnaire {
    const { roles } = (this.header as { check: HeaderCheck }).check;
    const scoreColumn = roles.score === undefined ? '' : (roles.names[roles.score] ?? '');
    return {
      file: this.file,
      line: group.line,
      records: group.records,
      respondent: group.respondent,
      rater: group.rater,
      target: group.target,
      answers: group.answers,
      answerLines: group.answerLines.map((line) => (line === 0 ? group.line : line)),
      answerColumns: group.answerLines.map((line) => (line === 0 ? '' : scoreColumn)),
      comment: group.comment,
      problems: group.problems ?? [],
    };
  }
}
/** The problems of a record that has none: shared, and frozen so that nobody adds to it by mistake. */
const NONE: Problem[] = Object.freeze([]) as unknown as Problem[];

/** The trimmed cell of `column`; '' when the file has no such column or the record is short. */
function cellOf(fields: readonly string[], column: number | undefined): string {
  if (column === undefined) return '';
  const cell = fields[column];
  if (cell === undefined || cell === '') return '';
  // Most cells start and end with a visible ASCII character: nothing to trim, no call needed.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? cell : cell.trim();
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

function undecodableText(): string {
  return 'has bytes that are not valid UTF-8, unlike the rest of the file (was it pasted from a file in another encoding?); re-save the file as "CSV UTF-8"';
}

function unclosedQuoteMessage(quoteLine: number): string {
  return `the double quote that opens a value on line ${quoteLine} is never closed, so the line cannot be split into values; close the quote, or write a quote inside a value as two ("")`;
}
