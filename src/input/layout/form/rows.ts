/**
 * Form lines → questionnaire rows (SPEC 2.4): one row per target department with at least one answer; answers
 * about the rater's own department left out and counted; the respondent identified by a hash of the respondent
 * columns, so that no e-mail or name reaches any output (rejects included); `duplicates: latest` keeps each
 * respondent's newest submission and hands the older ones over as rejected.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../../config/types.js';
import { problem, type Problem } from '../../../domain/problem.js';
import { normalizeName } from '../../../domain/values.js';
import { cellText, type Table, type TableRow } from '../../source/xlsx.js';
import type { RawQuestionnaire, SourceRecord } from '../../types.js';
import type { RowOut } from '../types.js';
import { answerReader, labelsSeen } from './answers.js';
import { csvCell, timestampOf } from './cells.js';
import type { FormMapping } from './mapping.js';
import { namesOf } from './names.js';

/** Lines listed in a message before "and N more". */
const LISTED_LINES = 8;

/** Hands every row of the table to `sink`; returns how many form lines had answers about the rater's own department. */
export function pushFormRows(table: Table, mapping: FormMapping, config: Config, sink: RowOut): number {
  const names = namesOf(config);
  const reader = answerReader(config);
  const ratings = mapping.columns.filter((c) => c.kind === 'rating');
  const byTarget = new Map<number, (typeof ratings)[number][]>();
  for (const c of ratings) byTarget.set(c.target as number, [...(byTarget.get(c.target as number) ?? []), c]);
  // The header of each answer's column, the same for every line: rows of one target share one list.
  const answerColumns = new Map<number, string[]>();
  for (const [target, columns] of byTarget) {
    const headers = config.criteria.map(() => '');
    for (const c of columns) headers[c.criterion as number] = c.header;
    answerColumns.set(target, headers);
  }
  const comments = new Map(mapping.columns.filter((c) => c.kind === 'comment').map((c) => [c.target as number, c.index]));
  const labels = new Map<number, string[]>();
  const labelsOf = (column: number): string[] => {
    let list = labels.get(column);
    if (list === undefined) labels.set(column, (list = labelsSeen(table.rows.map((r) => r.cells[column] ?? null))));
    return list;
  };
  const personal = new Set(mapping.personal);
  const selfLines: number[] = [];

  // Respondents first (cheap): with `duplicates: latest`, which lines are superseded must be known before any row goes out.
  const respondents = table.rows.map((row) => respondentKey(row, mapping, table.file));
  const newer = mapping.duplicates === 'latest' && mapping.respondents.length > 0 ? newerSubmissions(table, respondents, mapping) : new Map<number, number>();

  // Then one line at a time, its rows handed over at once: nothing of a line is kept once it is done.
  table.rows.forEach((row, index) => {
    const respondent = respondents[index] as string;
    // The line's text is needed only if a row of it is rejected (`--rejects`): made then, not for every line.
    const records: SourceRecord[] = [
      {
        line: row.line,
        get raw() {
          return rawLine(row, personal, respondent);
        },
      },
    ];
    const raterText = cellText(row.cells[mapping.rater] ?? null).trim();
    const rater = names.department(raterText);
    const rows: RawQuestionnaire[] = [];
    let self = false;
    for (const [target, columns] of byTarget) {
      // Most targets of a line are left blank: nothing is made for them.
      if (columns.every((column) => (row.cells[column.index] ?? null) === null)) continue;
      const answers = config.criteria.map(() => '');
      const problems: Problem[] = [];
      let answered = false;
      for (const column of columns) {
        const answer = reader.read(row.cells[column.index] ?? null);
        const c = column.criterion as number;
        if ('unknown' in answer) {
          answered = true;
          const seen = labelsOf(column.index).map((l) => JSON.stringify(l)).join(', ');
          const message = `${JSON.stringify(answer.unknown.slice(0, 40))} is not an answer ic understands; labels seen in this column: ${seen}. Give each a number (or n/a) in import.values of ic.yaml (ic inspect ${table.file} proposes them)`;
          problems.push(problem('error', 'not-a-number', message, { file: table.file, line: row.line, column: column.header }));
        } else if (answer.text !== '') {
          answered = true;
          answers[c] = answer.text;
        }
      }
      if (!answered) continue;
      if (rater === target) {
        self = true;
        continue;
      }
      const commentColumn = comments.get(target);
      rows.push({
        file: table.file,
        line: row.line,
        records,
        respondent,
        rater: rater === undefined ? raterText : (config.departments[rater]?.id ?? raterText),
        target: config.departments[target]?.id ?? '',
        answers,
        answerLines: config.criteria.map(() => row.line),
        answerColumns: answerColumns.get(target) as string[],
        comment: commentColumn === undefined ? '' : cellText(row.cells[commentColumn] ?? null).trim(),
        problems,
      });
    }
    if (self) selfLines.push(row.line);
    const kept = newer.get(index);
    if (kept === undefined) {
      for (const r of rows) sink.row(r);
    } else if (rows.length > 0) {
      const message = `an earlier submission of the same respondent: the one at line ${table.rows[kept]?.line} is newer and is kept (import.duplicates: latest)`;
      sink.reject(problem('warning', 'duplicate-response', message, { file: table.file, line: row.line }), rows.map(() => records[0] as SourceRecord));
    }
  });
  if (selfLines.length > 0) {
    const listed = selfLines.slice(0, LISTED_LINES).join(', ') + (selfLines.length > LISTED_LINES ? ` and ${selfLines.length - LISTED_LINES} more` : '');
    const message = `${selfLines.length} form line(s) rate the rater's own department; those answers were left out (lines ${listed})`;
    sink.reject(problem('warning', 'self-evaluation', message, { file: table.file }), []);
  }
  return selfLines.length;
}

/**
 * Who answered, as a hash of the respondent columns (trimmed, case ignored): the same person on every line gets the
 * same key, and nothing of the e-mail or name can be read back from it. Without respondent columns, or with them
 * blank, each line is its own respondent.
 */
export function respondentKey(row: TableRow, mapping: FormMapping, file: string): string {
  const parts = mapping.respondents.map((i) => normalizeName(cellText(row.cells[i] ?? null)));
  const identity = parts.some((p) => p !== '') ? `who:${parts.join('\u0000')}` : `line:${file}:${row.line}`;
  return `#${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
}

/** The line as a CSV record for `--rejects`, its personal cells replaced by the respondent's hash. */
function rawLine(row: TableRow, personal: ReadonlySet<number>, respondent: string): string {
  return row.cells
    .map((cell, i) => csvCell(personal.has(i) ? respondent : cellText(cell)))
    .join(',');
}

/** Index of each superseded line → index of the line kept for its respondent (the newest by time, then the later line). */
function newerSubmissions(table: Table, respondents: readonly string[], mapping: FormMapping): Map<number, number> {
  const column = mapping.timestamp;
  const time = (i: number): number => (column === undefined ? Number.NaN : timestampOf(table.rows[i]?.cells[column] ?? null));
  const newest = new Map<string, number>();
  respondents.forEach((respondent, i) => {
    const kept = newest.get(respondent);
    if (kept === undefined || !(time(kept) > time(i))) newest.set(respondent, i);
  });
  const newer = new Map<number, number>();
  respondents.forEach((respondent, i) => {
    const kept = newest.get(respondent) as number;
    if (kept !== i) newer.set(i, kept);
  });
  return newer;
}
