/**
 * The records of one table → questionnaire rows, pushed into the sink (see types.ts for what a layout does and
 * what this reader does for every layout). The first non-blank record is the header; every later one ends up
 * in exactly one place: a row (sound or with problems of its own), or the records of a file problem. So rows
 * read = used + rejected, always.
 */
import type { Config } from '../../config/types.js';
import { onSheet, problem, type Problem } from '../../domain/problem.js';
import type { Cell, RecordSink, SourceDescription, TableRecord } from '../source/types.js';
import type { ReadSink, SourceRecord } from '../types.js';
import { LAYOUTS } from './layouts.js';
import { cellText, type LayoutClaim, type RowMaker } from './types.js';

const DELIMITER_NAME: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export class TableReader implements RecordSink {
  private source: SourceDescription = { file: '', encoding: 'utf-8', delimiter: ',' };
  private header: { claim: LayoutClaim; cells: Cell[]; names: string[]; line: number } | undefined;
  private rows: RowMaker | undefined;
  /** Data records of a file whose header is unusable: all rejected with the header's first error. */
  private readonly unusable: SourceRecord[] = [];
  /** Columns whose header cell is empty, and those of them already reported for holding values. */
  private unnamedColumns: number[] = [];
  private readonly unnamedReported = new Set<number>();
  private records = 0;

  constructor(
    private readonly file: string,
    private readonly config: Config,
    private readonly sink: ReadSink,
  ) {}

  begin(source: SourceDescription): void {
    this.source = source;
  }

  record(rec: TableRecord): void {
    if (rec.flaw?.kind !== 'unreadable' && isBlank(rec.cells)) return; // a blank line
    if (this.header === undefined) {
      this.readHeader(rec);
      return;
    }
    this.records++;
    const source: SourceRecord = { line: rec.line, raw: rec.raw };
    if (this.rows === undefined) {
      this.unusable.push(source);
      return;
    }
    if (rec.flaw?.kind === 'unreadable') {
      this.fileProblem(problem('error', 'bad-quote', rec.flaw.text, { file: this.file, line: rec.line }), [source]);
      return;
    }
    if (this.unnamedColumns.length > 0) this.checkUnnamedColumns(rec);
    this.rows.record(rec, source, this.recordProblems(rec, this.header.names.length));
  }

  /** After the last record. */
  end(): void {
    const { file, sink } = this;
    if (this.header === undefined) {
      this.fileProblem(problem('error', 'file-empty', 'the file is empty: no header, no rows', { file }), []);
      return;
    }
    const { claim } = this.header;
    if (!claim.usable) {
      let records: SourceRecord[] = this.unusable;
      for (const p of claim.problems) {
        if (p.severity !== 'error') continue;
        this.fileProblem(p, records);
        records = []; // every record is accounted for once, with the first error
      }
    }
    this.rows?.finish();
    if (claim.usable && this.records === 0) {
      this.fileProblem(problem('warning', 'file-empty', 'the file has a header but no rows', { file, line: this.header.line }), []);
    }
    sink.fileDone({
      file,
      encoding: this.source.encoding,
      delimiter: this.source.delimiter,
      ...(this.source.sheet === undefined ? {} : { sheet: this.source.sheet }),
      shape: claim.shape,
      header: this.header.cells.map((cell) => String(cell)),
      records: this.records,
    });
  }

  /** Every problem of the file goes out here: on a workbook, it names the sheet. */
  private fileProblem(p: Problem, records: SourceRecord[]): void {
    this.sink.fileProblem(onSheet(p, this.source.sheet), records);
  }

  fail(p: Problem): void {
    // Rows already begun (long layout) go out with what they have, so that their records are accounted for.
    if (this.header !== undefined) this.end();
    this.fileProblem(p, []);
  }

  private readHeader(rec: TableRecord): void {
    const at = { file: this.file, line: rec.line };
    const names = rec.cells.map((cell) => (typeof cell === 'number' ? String(cell) : cell.trim()));
    const header = { file: this.file, line: rec.line, cells: rec.cells, names, config: this.config };
    let claim: LayoutClaim | undefined;
    for (const layout of LAYOUTS) {
      claim = layout.claim(header);
      if (claim !== undefined) break;
    }
    claim = claim as LayoutClaim; // the canonical layout claims every header
    if (rec.flaw?.kind === 'unreadable') {
      claim = { ...claim, usable: false, problems: [problem('error', 'bad-quote', `the header: ${rec.flaw.text}`, at)] };
    } else if (rec.flaw?.kind === 'undecodable') {
      const undecodable = problem('error', 'file-undecodable', `the header (line ${rec.flaw.line}) ${rec.flaw.text}`, { file: this.file, line: rec.flaw.line });
      claim = { ...claim, usable: false, problems: [undecodable, ...claim.problems.filter((p) => p.severity === 'error')] };
    }
    this.header = { claim, cells: rec.cells, names, line: rec.line };
    this.unnamedColumns = names.flatMap((name, index) => (name === '' ? [index] : []));
    if (claim.usable) {
      this.rows = claim.rows({
        row: (row) => this.sink.row(this.source.sheet === undefined ? row : { ...row, sheet: this.source.sheet, problems: row.problems.map((p) => onSheet(p, this.source.sheet)) }),
        reject: (p, records) => this.fileProblem(p, records),
      });
    }
    // Warnings reject nothing and can go now; errors wait for the records they reject.
    for (const p of claim.problems) if (p.severity === 'warning') this.fileProblem(p, []);
  }

  /** The record's own problems: a fresh array when there are some, the shared empty NONE when not. */
  private recordProblems(rec: TableRecord, columns: number): Problem[] {
    const bad = rec.flaw?.kind === 'undecodable' ? rec.flaw : undefined;
    if (bad === undefined && rec.cells.length === columns) return NONE;
    const problems: Problem[] = [];
    if (bad !== undefined) {
      problems.push(problem('error', 'file-undecodable', `line ${bad.line} ${bad.text}`, { file: this.file, line: bad.line }));
    }
    const n = rec.cells.length;
    if (n !== columns) {
      const { delimiter } = this.source;
      const hint =
        n > columns
          ? `; a value that contains a ${DELIMITER_NAME[delimiter]} must be in double quotes${delimiter === ',' ? ' (a decimal comma too: "4,5")' : ''}`
          : '; empty values still need their delimiters';
      problems.push(problem('error', 'field-count', `this row has ${n} values but the header has ${columns} columns${hint}`, { file: this.file, line: rec.line }));
    }
    return problems;
  }

  /** Values under a column that has no name are ignored; said once per column, so that nothing goes silently. */
  private checkUnnamedColumns(rec: TableRecord): void {
    for (const index of this.unnamedColumns) {
      if (this.unnamedReported.has(index) || cellText(rec.cells[index]) === '') continue;
      this.unnamedReported.add(index);
      const message = `column ${index + 1} has no name in the header but holds values (first on line ${rec.line}); they are ignored`;
      this.fileProblem(problem('warning', 'unknown-column', message, { file: this.file, line: rec.line }), []);
    }
  }
}

/** The problems of a record that has none: shared, and frozen so that nobody adds to it by mistake. */
const NONE: Problem[] = Object.freeze([]) as unknown as Problem[];

function isBlank(cells: readonly Cell[]): boolean {
  for (const cell of cells) if (typeof cell === 'number' || cell.trim() !== '') return false;
  return true;
}
