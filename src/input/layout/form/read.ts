/**
 * Reading a form export once its records are in (SPEC 2.4): mapped by the config's `import:` block, else as
 * recognised, into questionnaire rows; or refused with what was seen and a pointer to `ic inspect`. Also the
 * whole-table reading `ic inspect` needs, from a CSV or a workbook.
 */
import type { Config } from '../../../config/types.js';
import { didYouMean } from '../../../domain/didYouMean.js';
import type { Problem } from '../../../domain/problem.js';
import { normalizeName } from '../../../domain/values.js';
import { cellText, readXlsxTable, type Table, type TableResult } from '../../source/xlsx.js';
import type { RowOut } from '../types.js';
import { csvCell, isEmail } from './cells.js';
import { csvTable } from './csvTable.js';
import { mapForm } from './mapping.js';
import { pushFormRows } from './rows.js';

const isError = (p: Problem): boolean => p.severity === 'error';

/** Header cells that make a file canonical: its reader reports anything else wrong with it (with "did you mean"). */
const CANONICAL = ['respondent_id', 'rater_department', 'target_department'] as const;

export function isWorkbookName(file: string): boolean {
  return file.toLowerCase().endsWith('.xlsx');
}

/** True when the file's header is (or was meant to be) canonical: a typo of a canonical column counts. */
export function isCanonicalHeader(header: readonly string[]): boolean {
  return header.some((cell) => {
    const key = normalizeName(cell);
    return (CANONICAL as readonly string[]).includes(key) || (key.length > 3 && didYouMean(key, CANONICAL) !== undefined);
  });
}

/** A whole file as a table: a workbook's sheet, or a CSV's records. */
export async function loadTable(file: string, sheet: string | undefined): Promise<TableResult> {
  if (isWorkbookName(file)) return readXlsxTable(file, file, { sheet });
  return csvTable(file);
}

/** The form's rows into `out`; when it cannot be read, every line is rejected with the first error, none lost. */
export function readForm(table: Table, config: Config, out: RowOut): void {
  const result = mapForm(table, config);
  if (result.mapping === null || result.problems.some(isError)) {
    const first = result.problems.find(isError);
    for (const p of result.problems) out.reject(p, p === first ? table.rows.map((row) => ({ line: row.line, raw: maskedLine(row.cells) })) : []);
    return;
  }
  for (const p of result.problems) out.reject(p, []);
  pushFormRows(table, result.mapping, config, out);
}

/** A line for `--rejects` when no mapping says which cells are personal: every e-mail-like cell is blanked. */
function maskedLine(cells: Table['rows'][number]['cells']): string {
  return cells.map((cell) => (isEmail(cell) ? '' : csvCell(cellText(cell)))).join(',');
}
