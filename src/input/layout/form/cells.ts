/** What the cells of a form export's service columns hold: submission times and e-mail addresses. */
import { cellText, type Cell } from '../../source/xlsx.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
/** 02.12.2026 14:03:11 (Google, Russian locale); 2026-12-02 14:03:11 or T; 12/2/2026 2:03:11 PM (US locale). */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/u;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})(?:[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/u;

export function isEmail(cell: Cell): boolean {
  return typeof cell === 'string' && EMAIL.test(cell.trim());
}

/** A submission time in milliseconds, or NaN when the cell is not one. Spreadsheet dates carry no zone: UTC throughout. */
export function timestampOf(cell: Cell): number {
  if (cell instanceof Date) return cell.getTime();
  if (typeof cell !== 'string') return Number.NaN;
  const text = cell.trim();
  let m = DOTTED.exec(text);
  if (m !== null) return utc(m[3], m[2], m[1], m[4], m[5], m[6]);
  m = ISO.exec(text);
  if (m !== null) return utc(m[1], m[2], m[3], m[4], m[5], m[6]);
  m = SLASHED.exec(text);
  if (m !== null) {
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3];
    let hours = Number(m[4] ?? 0);
    if (m[7] !== undefined) hours = (hours % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    return utc(year, m[1], m[2], String(hours), m[5], m[6]);
  }
  return Number.NaN;
}

function utc(year?: string, month?: string, day?: string, hours?: string, minutes?: string, seconds?: string): number {
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
  return Date.UTC(y, mo - 1, d, Number(hours ?? 0), Number(minutes ?? 0), Number(seconds ?? 0));
}

/** True when the column has at least one filled cell and every filled cell passes `test`. */
export function everyFilled(cells: Iterable<Cell>, test: (cell: Cell) => boolean): boolean {
  let filled = 0;
  for (const cell of cells) {
    if (cell === null || cellText(cell).trim() === '') continue;
    if (!test(cell)) return false;
    filled++;
  }
  return filled > 0;
}

/** A cell for a CSV line (`--rejects`, a sheet handed to the canonical reader): quoted when it must be. */
export function csvCell(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
