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
import type { RawQuestionnaire, ReadSink, SourceRecord } from '../../types.js';
import { answerReader, labelsSeen } from './answers.js';
import { timestampOf } from './cells.js';
import type { FormMapping } from './mapping.js';
import { namesOf } from './names.js';

/** Lines listed in a message before "and N more". */
const LISTED_LINES = 8;

/** The questionnaire rows of one form line, not yet handed over. */
interface LineRows {
  line: TableRow;
  respondent: string;
  rows: RawQuestionnaire[];
}

/** Hands every row of the table to `sink`; returns how many form lines had answers about the rater's own department. */
export function pushFormRows(table: Table, mapping: FormMapping, config: Config, sink: ReadSink): number {
  const names = namesOf(config);
  const reader = answerReader(config);
  const ratings = mapping.columns.filter((c) => c.kind === 'rating');
  const byTarget = new Map<number, (typeof ratings)[number][]>();
  for (const c of ratings) byTarget.set(c.target as number, [...(byTarget.get(c.target as number) ?? []), c]);
  const comments = new Map(mapping.columns.filter((c) => c.kind === 'comment').map((c) => [c.target as number, c.index]));
  const labels = new Map<number, string[]>();
  const labelsOf = (column: number): string[] => {
    let list = labels.get(column);
    if (list === undefined) labels.set(column, (list = labelsSeen(table.rows.map((r) => r.cells[column] ?? null))));
    return list;
  };
  const personal = new Set(mapping.personal);
  const selfLines: number[] = [];

  const lines: LineRows[] = table.rows.map((row) => {
    const respondent = respondentKey(row, mapping, table.file);
    const raw = rawLine(row, personal, respondent);
    const records: SourceRecord[] = [{ line: row.line, raw }];
    const raterText = cellText(row.cells[mapping.rater] ?? null).trim();
    const rater = names.department(raterText);
    const rows: RawQuestionnaire[] = [];
    let self = false;
    for (const [target, columns] of byTarget) {
      const answers = config.criteria.map(() => '');
      const answerColumns = config.criteria.map(() => '');
      const problems: Problem[] = [];
      let answered = false;
      for (const column of columns) {
        const answer = reader.read(row.cells[column.index] ?? null);
        const c = column.criterion as number;
        answerColumns[c] = column.header;
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
        answerColumns,
        comment: commentColumn === undefined ? '' : cellText(row.cells[commentColumn] ?? null).trim(),
        problems,
      });
    }
    if (self) selfLines.push(row.line);
    return { line: row, respondent, rows };
  });

  const older = mapping.duplicates === 'latest' && mapping.respondents.length > 0 ? olderSubmissions(lines, mapping) : new Map<LineRows, LineRows>();
  for (const entry of lines) {
    const newer = older.get(entry);
    if (newer === undefined) {
      for (const row of entry.rows) sink.row(row);
    } else if (entry.rows.length > 0) {
      const message = `an earlier submission of the same respondent: the one at line ${newer.line.line} is newer and is kept (import.duplicates: latest)`;
      const records = entry.rows.map((r) => r.records[0] as SourceRecord);
      sink.fileProblem(problem('warning', 'duplicate-response', message, { file: table.file, line: entry.line.line }), records);
    }
  }
  if (selfLines.length > 0) {
    const listed = selfLines.slice(0, LISTED_LINES).join(', ') + (selfLines.length > LISTED_LINES ? ` and ${selfLines.length - LISTED_LINES} more` : '');
    const message = `${selfLines.length} form line(s) rate the rater's own department; those answers were left out (lines ${listed})`;
    sink.fileProblem(problem('warning', 'self-evaluation', message, { file: table.file }), []);
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
    .map((cell, i) => {
      const text = personal.has(i) ? respondent : cellText(cell);
      return /[",\r\n]/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** older line → the newer line of the same respondent that is kept (the newest by time, then the later line). */
function olderSubmissions(lines: readonly LineRows[], mapping: FormMapping): Map<LineRows, LineRows> {
  const time = (entry: LineRows): number => (mapping.timestamp === undefined ? Number.NaN : timestampOf(entry.line.cells[mapping.timestamp] ?? null));
  const newest = new Map<string, LineRows>();
  for (const entry of lines) {
    const kept = newest.get(entry.respondent);
    if (kept === undefined || !(time(kept) > time(entry))) newest.set(entry.respondent, entry);
  }
  const older = new Map<LineRows, LineRows>();
  for (const entry of lines) {
    const kept = newest.get(entry.respondent) as LineRows;
    if (kept !== entry) older.set(entry, kept);
  }
  return older;
}
