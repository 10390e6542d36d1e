/** Numbers and hidden values as people read them in a table (terminal, Markdown); CSV and JSON keep them unrounded. */
import { hiddenMarker, type CellValue, type NumberStyle } from '../report/table.js';
import { sparkline } from './sparkline.js';

/**
 * A number with the sign of what is printed (−0.004 is "±0.00", not "−0.00"); a typographic minus.
 * `change`: a change shows its sign either way (+0.12, ±0.00); otherwise only negatives carry one.
 */
function signed(value: number, digits: number, change: boolean): string {
  const abs = Math.abs(value).toFixed(digits);
  if (Number(abs) === 0) return change ? `±${abs}` : abs;
  return `${value < 0 ? '−' : change ? '+' : ''}${abs}`;
}

export function formatNumber(value: number, style: NumberStyle, decimalComma = false, digits = 2): string {
  let out: string;
  switch (style) {
    case 'score':
      out = value.toFixed(digits);
      break;
    case 'pct':
      out = `${value.toFixed(1)}%`;
      break;
    case 'int':
      out = String(Math.round(value));
      break;
    case 'delta':
      out = signed(value, 2, true);
      break;
    case 'z':
      out = signed(value, 2, false);
      break;
    case 'pct_delta':
      out = `${signed(value, 1, true)} pp`;
      break;
    case 'int_delta':
      out = value === 0 ? '0' : `${value > 0 ? '+' : '−'}${Math.abs(Math.round(value))}`;
      break;
    case 'p':
      out = value < 0.001 ? '<0.001' : value.toFixed(3);
      break;
    case 'weight':
      out = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
      break;
  }
  return decimalComma ? out.replace('.', ',') : out;
}

export interface DisplayContext {
  anonymityMin: number;
  /** Decimal comma (Russian locale) in Markdown/terminal numbers. */
  decimalComma?: boolean;
}

/** A cell's text for a person, without colour. */
export function displayText(cell: CellValue, ctx: DisplayContext): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return formatNumber(cell.value, cell.style, ctx.decimalComma, cell.digits);
    case 'hidden':
      return hiddenMarker(cell.reason, ctx.anonymityMin);
    case 'spark':
      return sparkline(cell.values, cell.scale);
    case 'empty':
      return '';
  }
}
