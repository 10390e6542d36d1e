/**
 * A layout turns the records of one table (whatever its source: CSV, a workbook, standard input) into
 * questionnaire rows. The table reader (table.ts) does what every layout shares: it skips blank records, takes
 * the first other one as the header, rejects the records of a file whose header is unusable, and reports
 * records the source could not read and records with the wrong number of cells. Then it hands each data record
 * to the layout that claimed the header.
 *
 * To add a layout (an online form's export, say):
 * 1. Write `claim(header)`: look at the header's cells (trimmed text in `header.names`); return undefined when
 *    they are not yours, so that the next layout is tried; else say the shape and what is wrong with the header
 *    (an error makes the file unusable: its records are rejected with that error, nothing is lost).
 * 2. Write the claim's `rows(out)`: a RowMaker whose `record(record, problems)` turns one record into zero,
 *    one or several RawQuestionnaires (one per target department, for a form that asks about several in one
 *    row) and gives each to `out.row`. Every record must end up in exactly one row's `records`, or in a
 *    `out.reject` with the problem why: read = used + rejected. Keep a number cell a number (Cell).
 * 3. Add it to LAYOUTS (layouts.ts) before the canonical one, which claims every header.
 * Commands and validation never learn which layout a row came from.
 */
import type { Config } from '../../config/types.js';
import type { Problem } from '../../domain/problem.js';
import type { Cell, TableRecord } from '../source/types.js';
import type { RawQuestionnaire, Shape, SourceRecord } from '../types.js';

export interface TableHeader {
  file: string;
  line: number;
  /** Header cells as the source gave them. */
  cells: readonly Cell[];
  /** Header cells as trimmed text. */
  names: string[];
  config: Config;
}

export interface Layout {
  /** A layout for this header, or undefined when it is not one of this layout's headers. */
  claim(header: TableHeader): LayoutClaim | undefined;
}

export interface LayoutClaim {
  shape: Shape;
  /** What is wrong with the header. Errors make the file unusable (and only errors are then reported). */
  problems: Problem[];
  usable: boolean;
  /** Starts reading the data records (called only when usable). */
  rows(out: RowOut): RowMaker;
}

export interface RowOut {
  row(row: RawQuestionnaire): void;
  /** Records that make no row, with the problem why. */
  reject(problem: Problem, records: SourceRecord[]): void;
}

export interface RowMaker {
  /**
   * One data record (not blank, read soundly by the source, except for undecodable bytes). `problems`: what the
   * table reader found wrong with it (wrong number of cells, undecodable bytes): they belong to the row(s) it
   * makes, and a row with an error is rejected by validation.
   */
  record(record: TableRecord, source: SourceRecord, problems: Problem[]): void;
  /** After the last record: rows still held (records of one row spread over the file) go out now. */
  finish(): void;
}

/** The trimmed text of a cell; '' for a missing cell. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined || cell === '') return '';
  if (typeof cell === 'number') return String(cell);
  // Most cells start and end with a visible ASCII character: nothing to trim, no call needed.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? cell : cell.trim();
}

/** An answer cell: trimmed text, or the number as the source holds it. */
export function answerCell(cell: Cell | undefined): Cell {
  return typeof cell === 'number' ? cell : cellText(cell);
}
