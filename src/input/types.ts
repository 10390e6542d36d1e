/**
 * What the reader hands to validation: questionnaire rows with their cells as the source gave them (text, or
 * a number a workbook stored), already sorted into roles (rater, target, one cell per criterion), and where
 * they came from. The reader decides structure (source: encoding, delimiter; layout: shape, which column is
 * what); validation decides values (is this a department, a number on the scale, a duplicate).
 */
import type { Encoding } from '../domain/decode.js';
import type { Problem } from '../domain/problem.js';
import type { InputFile } from './source/bytes.js';
import type { Cell } from './source/types.js';

export const SHAPES = ['wide', 'long'] as const;
export type Shape = (typeof SHAPES)[number];


/** One physical record of a source file, kept so that rejected rows can be written back unchanged. */
export interface SourceRecord {
  /** Line where the record starts, as a spreadsheet shows it (header = 1, a `sep=` line counts). */
  line: number;
  /** The record's original text, decoded, without its line ending. */
  raw: string;
}

/** One respondent's evaluation of one department, cells as text. */
export interface RawQuestionnaire {
  /** The file as the user named it. */
  file: string;
  /** The workbook sheet the row is on; undefined for other files. */
  sheet?: string | undefined;
  /** First line of the row (wide: its line; long: the first of its lines). */
  line: number;
  /** Every source record that makes up the row (wide: one; long: one per criterion line). */
  records: SourceRecord[];
  /** `respondent_id` cell, trimmed; '' when the column is missing or the cell blank (then the file is the respondent). */
  respondent: string;
  /** `rater_department` cell, trimmed. */
  rater: string;
  /** `target_department` cell, trimmed. */
  target: string;
  /**
   * answers[c] = the cell for criterion index c (text trimmed), '' when blank or when the file has no column for c.
   * answerLines[c] = the line of that cell (long shape: the line of that criterion), for messages.
   */
  answers: Cell[];
  answerLines: number[];
  /** Header name of the column each answer came from, for messages ('score' in the long shape). */
  answerColumns: string[];
  comment: string;
  /**
   * Problems the reader found in this row's structure (wrong number of fields, a criterion twice in the
   * long shape, an unknown criterion value in the long shape). A row with an error here is rejected.
   */
  problems: Problem[];
}

/** What the reader learned about one input file. */
export interface SourceFileInfo {
  file: string;
  encoding: Encoding;
  delimiter: ',' | ';' | '\t';
  /** The sheet read when the file is a workbook (then encoding and delimiter mean nothing). */
  sheet?: string | undefined;
  shape: Shape;
  /** Header cells as written. */
  header: string[];
  /** Data records read (excluding header, `sep=` line and blank lines). */
  records: number;
}

/**
 * The reader pushes into a sink instead of building arrays, so that a period of any size
 * streams from disk to aggregates.
 */
export interface ReadSink {
  /** A questionnaire row, structurally sound or with `problems` of its own. */
  row(row: RawQuestionnaire): void;
  /**
   * A problem that makes records unusable outside any row (unreadable file, bad header, ...).
   * `records` are the data records that it rejects (possibly none), so that nothing is lost silently.
   */
  fileProblem(problem: Problem, records: SourceRecord[]): void;
  /** Called once per file after its last row. */
  fileDone(info: SourceFileInfo): void;
  /**
   * Called once per input before anything else of it. `rereadable`: a regular file, whose lines can be read
   * again later (never a pipe, a FIFO or standard input).
   */
  fileStart?(input: InputFile, rereadable: boolean): void;
}
