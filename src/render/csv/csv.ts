/**
 * CSV for people and for Excel. Text cells that a spreadsheet would run as a formula are neutralised;
 * numbers stay numbers. `excel`: UTF-8 BOM, `;` and decimal comma, as Excel in a Russian locale expects.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  excel?: boolean;
}

/** `=`, `+`, `-`, `@`, tab and CR start a formula or a DDE payload in spreadsheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: Cell, excel: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    const text = String(cell);
    return excel ? text.replace('.', ',') : text;
  }
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutralise(cell);
}

export function renderCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const excel = options.excel ?? false;
  const records = [header.map((h) => neutralise(h)), ...rows.map((row) => row.map((cell) => cellText(cell, excel)))];
  const text = stringify(records, { delimiter: excel ? ';' : ',', record_delimiter: excel ? '\r\n' : '\n' });
  return excel ? `\uFEFF${text}` : text;
}
