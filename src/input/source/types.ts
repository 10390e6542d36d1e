/**
 * What a table source hands on: records with the file and line a spreadsheet shows, and their cells.
 * A source knows bytes, encodings and cell syntax (CSV quoting, a workbook's cell types); it knows nothing
 * of questionnaires. A layout (../layout/) makes questionnaire rows of the records.
 */
import type { Encoding } from '../../domain/decode.js';
import type { Problem } from '../../domain/problem.js';

/**
 * A cell as the source holds it: text (CSV), or a number that a workbook stored as a number, which stays
 * a number (no trip through text and back, no locale's decimal comma to guess).
 */
export type Cell = string | number;

/** One record (a row of the table) as its source read it. */
export interface TableRecord {
  /** Line where the record starts, as a spreadsheet shows it (header = 1, a `sep=` line counts). */
  line: number;
  /** Line where it ends (> line when a quoted CSV value holds line breaks). */
  endLine: number;
  /** Cells in column order, not trimmed. */
  cells: Cell[];
  /** The record's original text, decoded, without its line ending: what `--rejects` writes back. */
  raw: string;
  /**
   * Set when the source could not read the record soundly. `unreadable`: its cells are unknown (a CSV quote
   * never closed; `cells` is then empty). `undecodable`: bytes on `line` are not text in the file's encoding.
   */
  flaw?: { kind: 'unreadable' | 'undecodable'; line: number; text: string };
}

/** What a source says about itself before its first record. */
export interface SourceDescription {
  file: string;
  /**
   * Text encoding and CSV delimiter. A workbook source has neither: when it comes, these (and SourceFileInfo's,
   * which render/validation.ts shows) become nullable.
   */
  encoding: Encoding;
  delimiter: ',' | ';' | '\t';
  /** The sheet read, for a workbook: every message about its lines names it. */
  sheet?: string | undefined;
}

/** Where a source pushes what it reads (a layout reader, see ../layout/table.ts). */
export interface RecordSink {
  /** Once, before the first record. */
  begin(source: SourceDescription): void;
  record(record: TableRecord): void;
  /** After the last record. */
  end(): void;
  /**
   * The source cannot go on, or cannot start (empty, not text, an I/O error): records read so far stand, then
   * `problem` is reported. Nothing comes after it, not even `end`.
   */
  fail(problem: Problem): void;
}

