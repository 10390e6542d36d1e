/**
 * The canonical long layout: one record per criterion (criterion and score columns); the records of one
 * respondent about one department make one row, wherever they are in the file, so rows are held until its end.
 */
import { labelIndex } from '../../config/lookup.js';
import type { Config } from '../../config/types.js';
import { didYouMeanSuffix } from '../../domain/didYouMean.js';
import { problem, type Problem } from '../../domain/problem.js';
import { normalizeName } from '../../domain/values.js';
import type { Cell, TableRecord } from '../source/types.js';
import type { SourceRecord } from '../types.js';
import type { ColumnRoles } from './header.js';
import { answerCell, cellText, type RowMaker, type RowOut } from './types.js';

/** A row being assembled; kept lean, since all of them stay in memory until the end of the file. */
interface LongGroup {
  line: number;
  records: SourceRecord[];
  respondent: string;
  rater: string;
  raterKey: string;
  target: string;
  answers: Cell[];
  /** Line of each criterion given so far; 0: not given. */
  answerLines: number[];
  comment: string;
  problems: Problem[] | undefined;
}

export function longRows(file: string, roles: ColumnRoles, config: Config, out: RowOut): RowMaker {
  const groups = new Map<string, LongGroup>();
  const criteria = labelIndex(config.criteria);
  const departments = labelIndex(config.departments);
  // A department's cells match whatever label they use; an unknown one is kept as written (validation names it).
  const departmentKey = (cell: string): string => {
    const key = normalizeName(cell);
    const index = departments.get(key);
    return index === undefined ? `?${key}` : String(index);
  };
  const scoreColumn = roles.score === undefined ? '' : (roles.names[roles.score] ?? '');

  function add(rec: TableRecord, source: SourceRecord, found: Problem[]): void {
    const cell = (column: number | undefined) => (column === undefined ? '' : cellText(rec.cells[column]));
    const respondent = cell(roles.respondent);
    const rater = cell(roles.rater);
    const target = cell(roles.target);
    const key = `${respondent}\u0000${departmentKey(target)}`;
    let group = groups.get(key);
    if (group === undefined) {
      const n = config.criteria.length;
      group = {
        line: rec.line,
        records: [],
        respondent,
        rater,
        raterKey: departmentKey(rater),
        target,
        answers: new Array<Cell>(n).fill(''),
        answerLines: new Array<number>(n).fill(0),
        comment: '',
        problems: undefined,
      };
      groups.set(key, group);
    }
    group.records.push(source);
    const column = (index: number | undefined) => (index === undefined ? null : (roles.names[index] ?? null));
    const at = (col: number | undefined) => ({ file, line: rec.line, column: column(col) });
    const who = respondent === '' ? 'the respondent of this file' : `respondent ${JSON.stringify(respondent)}`;

    if (departmentKey(rater) !== group.raterKey) {
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
    const c = criteria.get(normalizeName(criterionCell));
    if (c === undefined) {
      const message =
        criterionCell === ''
          ? 'the criterion cell is empty'
          : `${JSON.stringify(criterionCell)} is not a criterion${didYouMeanSuffix(
              criterionCell,
              config.criteria.flatMap((k) => [k.id, k.name]),
            )}; criteria are ${config.criteria.map((k) => k.id).join(', ')}`;
      found.push(problem('error', 'unknown-criterion', message, at(roles.criterion)));
    } else {
      const earlier = group.answerLines[c] as number;
      if (earlier !== 0) {
        const id = config.criteria[c]?.id ?? criterionCell;
        found.push(
          problem(
            'error',
            'duplicate-criterion',
            `criterion ${JSON.stringify(id)} is given twice by ${who} about ${JSON.stringify(target)}: lines ${earlier} and ${rec.line}`,
            at(roles.criterion),
          ),
        );
      } else {
        group.answers[c] = roles.score === undefined ? '' : answerCell(rec.cells[roles.score]);
        group.answerLines[c] = rec.line;
      }
    }
    if (found.length > 0) (group.problems ??= []).push(...found);

    const comment = cell(roles.comment);
    if (comment !== '' && !group.comment.split(' | ').includes(comment)) {
      group.comment = group.comment === '' ? comment : `${group.comment} | ${comment}`;
    }
  }

  return {
    record(rec, source, problems) {
      add(rec, source, problems.length === 0 ? [] : problems);
    },
    finish() {
      for (const group of groups.values()) {
        out.row({
          file,
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
        });
      }
      groups.clear();
    },
  };
}
