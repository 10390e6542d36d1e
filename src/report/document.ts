/**
 * The report document: what a command shows, as data. Builders (one per command) make it from computed
 * results; one renderer per format (src/render/<format>/) turns any document into output. Everything a
 * renderer needs is here, already decided: which values are hidden, the order, the words.
 */
import type { Problem } from '../domain/problem.js';
import type { TableModel, Tone } from './table.js';

/** A line under a table; `terminalOnly` for what only makes sense on a screen (how to read a sparkline). */
export interface Note {
  text: string;
  terminalOnly?: boolean;
}

/** A line of a document's body: `label` is a dimmed lead-in ("file"), `tone` colours the whole line. */
export interface Line {
  text: string;
  label?: string;
  tone?: Tone;
}

/** Where a section appears: everywhere, or only on the terminal or only in print (Markdown). */
export type Medium = 'terminal' | 'print';

export type Section = (
  | {
      /** A titled table, an optional bold summary under it, and notes on how to read it. */
      kind: 'table';
      heading: string;
      table: TableModel;
      summary?: string;
      notes: Note[];
    }
  /** A titled list that calls for action ("Needs attention"). */
  | { kind: 'attention'; heading: string; items: string[] }
  /** Side remarks after everything else. */
  | { kind: 'notes'; notes: string[] }
  /** Data problems, grouped by kind on a terminal (at most `maxPerKind` of a kind), a table in print. */
  | { kind: 'problems'; problems: readonly Problem[]; maxPerKind: number }
  /** Plain lines (summaries, verdicts). */
  | { kind: 'lines'; lines: Line[] }
) & { only?: Medium };

/** What the report covers: the files read (named beside the method line) or the periods compared (named in the title). */
export interface Covers {
  kind: 'files' | 'periods';
  text: string;
}

export interface ReportDocument {
  title: string;
  /** Absent: the report has no header line on the terminal (`ic validate` lists its problems first). */
  covers?: Covers;
  /** How the numbers were made: inputs, rows used, aggregation mode, anonymity threshold. */
  meta: string[];
  sections: Section[];
  /** Anonymity threshold, for the markers of hidden values. */
  anonymityMin: number;
  /** What --format csv writes: one machine-readable table. */
  records: TableModel;
  /** What --format json writes: the declared contract of SPEC 4.1, as is. */
  machine: object;
}
