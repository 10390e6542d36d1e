/**
 * An .xlsx workbook as a table source: one sheet → rows of typed cells with the sheet's own row numbers.
 * Every failure (not a workbook, password-protected, no such sheet) comes back as a problem naming the file, never
 * as a throw. `read-excel-file` is loaded only when a workbook is read: most runs never need it.
 */
import { readFile } from 'node:fs/promises';
import { problem, type Problem } from '../../domain/problem.js';
import { didYouMeanSuffix } from '../../domain/didYouMean.js';
import type { RecordSink } from './types.js';

/** A cell as the spreadsheet typed it; null when empty. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** The row number as the spreadsheet shows it (header = 1). */
  line: number;
  cells: Cell[];
}

export interface Table {
  file: string;
  /** The sheet read (undefined for a CSV): messages name it. */
  sheet: string | undefined;
  header: string[];
  /** The header's row number (rows above it were empty). */
  headerLine: number;
  /** Data rows in order; empty rows are left out. */
  rows: TableRow[];
}

export type TableResult = { table: Table; problems: Problem[] } | { table: null; problems: Problem[] };


/** The start of an OLE2 compound file: a legacy .xls, or an .xlsx encrypted with a password. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads one sheet of a workbook (`sheet` by name, else the first). */
export async function readXlsxTable(file: string, input: string | Uint8Array, options: { sheet?: string | undefined } = {}): Promise<TableResult> {
  const fail = (message: string, code: 'file-unreadable' | 'file-empty' | 'file-binary' = 'file-unreadable'): TableResult => ({
    table: null,
    problems: [problem('error', code, message, { file })],
  });
  let bytes: Uint8Array;
  try {
    bytes = typeof input === 'string' ? await readFile(input) : input;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return fail(code === 'ENOENT' ? 'file not found' : `the file cannot be read (${code ?? String(error)})`, code === 'ENOENT' ? 'file-unreadable' : 'file-unreadable');
  }
  if (bytes.length === 0) return fail('the file is empty (0 bytes)', 'file-empty');
  if (OLE2.every((b, i) => bytes[i] === b)) {
    return fail('this .xlsx is password-protected (or is an old .xls renamed): open it in Excel, remove the password, and save it as .xlsx', 'file-binary');
  }
  const { default: readWorkbook } = await import('read-excel-file/node');
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    sheets = (await withClockHeld(() => readWorkbook(input))) as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`this is not a readable .xlsx workbook (${reason.slice(0, 80)}); save it from Excel as .xlsx, or export it as CSV`, 'file-binary');
  }
  const names = sheets.map((s) => s.sheet);
  const chosen = options.sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet.trim().toLowerCase() === options.sheet?.trim().toLowerCase());
  if (chosen === undefined) {
    const wanted = options.sheet ?? '';
    return fail(
      `the workbook has no sheet ${JSON.stringify(wanted)}${didYouMeanSuffix(wanted, names)}; its sheets: ${names.map((n) => JSON.stringify(n)).join(', ')} (set import.sheet in ic.yaml)`,
    );
  }
  return { table: sheetTable(file, chosen.sheet, chosen.data), problems: [] };
}

/**
 * read-excel-file parses a sheet in chunks sized by how long the previous chunk took (a browser's frame budget),
 * one nested call per chunk: on a slow or busy machine the chunks shrink and a large sheet overflows the stack
 * (a 100,000-line form export did), each chunk also copying the rest of the text. With the clock held still every
 * chunk looks instant and the next one is twice as large: a dozen calls, whatever the machine. Nothing else runs
 * meanwhile (the reading is one synchronous pass once the workbook is unzipped), and the clock is put back after.
 */
async function withClockHeld<T>(work: () => Promise<T>): Promise<T> {
  const now = Date.now;
  const held = now();
  Date.now = () => held;
  try {
    return await work();
  } finally {
    Date.now = now;
  }
}

/** Rows of cells → a table: the first non-empty row is the header; data rows keep their sheet row numbers. */
export function sheetTable(file: string, sheet: string | undefined, data: readonly (readonly Cell[])[]): Table {
  let headerIndex = data.findIndex((row) => !isEmptyRow(row));
  if (headerIndex === -1) headerIndex = data.length;
  const header = (data[headerIndex] ?? []).map((cell) => cellText(cell).trim());
  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i] as readonly Cell[];
    if (!isEmptyRow(cells)) rows.push({ line: i + 1, cells: cells.map((c) => (typeof c === 'string' && c.trim() === '' ? null : c)) });
  }
  return { file, sheet, header, headerLine: headerIndex + 1, rows };
}

function isEmptyRow(row: readonly Cell[]): boolean {
  return row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

/**
 * A cell as text, the way the spreadsheet shows it: a number with at most 15 significant digits (what Excel
 * displays, so 4.4799999999999995 is 4.48), a date as `YYYY-MM-DD HH:MM:SS`.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(Number(cell.toPrecision(15))) : '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell;
}

/** A sheet into the table reader, as any source's records: a row per record, a number still a number, a date as text. */
export function pushSheet(table: Table, sink: RecordSink): void {
  sink.begin({ file: table.file, encoding: 'utf-8', delimiter: ',', sheet: table.sheet });
  const record = (line: number, cells: (string | number)[]): void =>
    sink.record({ line, endLine: line, cells, raw: cells.map((c) => (typeof c === 'number' ? String(c) : /[",\r\n]/u.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',') });
  record(table.headerLine, table.header);
  for (const row of table.rows) record(row.line, row.cells.map((c) => (typeof c === 'number' ? Number(c.toPrecision(15)) : cellText(c))));
  sink.end();
}
