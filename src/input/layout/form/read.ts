/**
 * Where workbooks and form exports join the one way in (SPEC 2.4): a file is read as the canonical reader reads
 * it when its header is canonical (wide or long, from CSV or .xlsx alike); otherwise as a form export — by the
 * config's `import:` block, else recognised from its header — or refused with what was seen and a pointer to
 * `ic inspect`. Problems go to the sink like any other reader's; nothing here throws for bad input.
 */
import { open, readFile, stat } from 'node:fs/promises';
import type { Config } from '../../../config/types.js';
import { didYouMean } from '../../../domain/didYouMean.js';
import { HEAD_BYTES, type Encoding } from '../../../domain/decode.js';
import { isError, problem, type Problem } from '../../../domain/problem.js';
import type { Delimiter } from '../../csv.js';
import { normalizeName } from '../../../domain/values.js';
import { readResponseBytes } from '../../file.js';
import { cellText, readXlsxTable, type Table } from '../../source/xlsx.js';
import type { ReadSink } from '../../types.js';
import { csvHeader, csvTable } from './csvTable.js';
import { mapForm } from './mapping.js';
import { pushFormRows } from './rows.js';
import { csvCell, isEmail } from './cells.js';

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
export type LoadedTable =
  | { table: Table; encoding: Encoding; delimiter: Delimiter; problems: Problem[] }
  | { table: null; problems: Problem[] };

export async function loadTable(file: string, sheet: string | undefined): Promise<LoadedTable> {
  if (isWorkbookName(file)) {
    const result = await readXlsxTable(file, file, { sheet });
    return result.table === null ? result : { ...result, encoding: 'utf-8', delimiter: ',' };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
    return { table: null, problems: [problem('error', code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', code === 'ENOENT' ? 'file not found' : `the file cannot be read (${code})`, { file })] };
  }
  return csvTable(file, bytes);
}

/** Reads `file` if it is a workbook or a form export, and says whether it did; false: the canonical CSV reader's. */
export async function readTableFile(file: string, config: Config, sink: ReadSink): Promise<boolean> {
  if (!isWorkbookName(file)) {
    // A canonical CSV streams through the canonical reader; only its header is looked at here.
    const head = await fileHead(file);
    if (head === undefined) return false;
    const header = csvHeader(head.bytes, head.whole);
    if (header === undefined || isCanonicalHeader(header)) return false;
  }
  const result = await loadTable(file, config.import?.sheet);
  for (const p of result.problems) sink.fileProblem(p, []);
  if (result.table === null) return true;
  if (isWorkbookName(file) && isCanonicalHeader(result.table.header)) readResponseBytes(file, Buffer.from(canonicalText(result.table)), config, sink);
  else readForm(result.table, config, sink, result.encoding, result.delimiter);
  return true;
}

function readForm(table: Table, config: Config, sink: ReadSink, encoding: Encoding, delimiter: Delimiter): void {
  const result = mapForm(table, config);
  if (result.mapping === null || result.problems.some(isError)) {
    // Nothing of the file can be used: every line is rejected with the first error, so none is lost silently.
    const first = result.problems.find(isError);
    for (const p of result.problems) sink.fileProblem(p, p === first ? table.rows.map((row) => ({ line: row.line, raw: maskedLine(table, row.cells) })) : []);
  } else {
    for (const p of result.problems) sink.fileProblem(p, []);
    pushFormRows(table, result.mapping, config, sink);
  }
  sink.fileDone({ file: table.file, encoding, delimiter, shape: 'wide', header: table.header, records: table.rows.length });
}

/** A line for `--rejects` when no mapping says which cells are personal: every e-mail-like cell is blanked. */
function maskedLine(table: Table, cells: Table['rows'][number]['cells']): string {
  return cells.map((cell) => (isEmail(cell) ? '' : csvCell(cellText(cell)))).join(',');
}

/**
 * A canonical sheet as CSV text for the canonical reader, one sheet row per line so that messages give the sheet's
 * row numbers: empty rows stay as blank lines, and a line break inside a cell becomes a space.
 */
export function canonicalText(table: Table): string {
  const lines: string[] = [];
  const push = (line: number, text: string): void => {
    while (lines.length < line - 1) lines.push('');
    lines.push(text);
  };
  push(table.headerLine, table.header.map(csvCell).join(','));
  for (const row of table.rows) push(row.line, row.cells.map((c) => csvCell(cellText(c).replace(/\r\n|\r|\n/g, ' '))).join(','));
  return `${lines.join('\n')}\n`;
}

/** The first bytes of a regular file (whole: they are all of it); undefined for pipes and what cannot be read. */
async function fileHead(file: string): Promise<{ bytes: Uint8Array; whole: boolean } | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      const size = (await handle.stat()).size;
      return { bytes: buffer.subarray(0, bytesRead), whole: bytesRead >= size };
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
