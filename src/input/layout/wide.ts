/** The canonical wide layout: one record = one respondent's row about one department, a column per criterion. */
import type { Problem } from '../../domain/problem.js';
import type { Cell, TableRecord } from '../source/types.js';
import type { SourceRecord } from '../types.js';
import type { ColumnRoles } from './header.js';
import { answerCell, cellText, type RowMaker, type RowOut } from './types.js';

export function wideRows(file: string, roles: ColumnRoles, out: RowOut): RowMaker {
  // The header name of each criterion's column, the same for every row of the file; nobody writes to it.
  const answerColumns = roles.criteria.map((column) => (column === undefined ? '' : (roles.names[column] ?? '')));
  const n = roles.criteria.length;
  return {
    record(rec: TableRecord, source: SourceRecord, problems: Problem[]) {
      const { cells, line } = rec;
      const answers = new Array(n);
      const answerLines = new Array<number>(n);
      for (let c = 0; c < n; c++) {
        const column = roles.criteria[c];
        answers[c] = column === undefined ? '' : answerCell(cells[column]);
        answerLines[c] = line;
      }
      out.row({
        file,
        line,
        records: [source],
        respondent: textAt(cells, roles.respondent),
        rater: textAt(cells, roles.rater),
        target: textAt(cells, roles.target),
        answers,
        answerLines,
        answerColumns,
        comment: textAt(cells, roles.comment),
        problems,
      });
    },
    finish() {},
  };
}

function textAt(cells: readonly Cell[], column: number | undefined): string {
  return column === undefined ? '' : cellText(cells[column]);
}
