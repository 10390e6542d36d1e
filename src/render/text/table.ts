/** A borderless terminal table: columns separated by two spaces, numbers right-aligned, colours by tone. */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { TableModel, Tone } from '../../report/table.js';
import { displayText, type DisplayContext } from '../number.js';

function paint(s: string, tone: Tone | undefined, color: ChalkInstance, heat: boolean): string {
  if (tone === undefined || s === '') return s;
  if (heat) {
    switch (tone) {
      case 'good':
        return color.black.bgGreen(` ${s} `);
      case 'warn':
        return color.black.bgYellow(` ${s} `);
      case 'bad':
        return color.white.bgRed(` ${s} `);
      default:
        break;
    }
  }
  return paintTone(s, tone, color);
}

/** Text in the colour of its tone. */
export function paintTone(s: string, tone: Tone | undefined, color: ChalkInstance): string {
  switch (tone) {
    case undefined:
      return s;
    case 'good':
    case 'up':
      return color.green(s);
    case 'warn':
      return color.yellow(s);
    case 'bad':
    case 'down':
      return color.red(s);
    case 'dim':
      return color.dim(s);
    case 'strong':
      return color.bold(s);
  }
}

export function renderTableText(model: TableModel, ctx: DisplayContext, color: ChalkInstance): string {
  const heat = model.heat ?? false;
  const table = new Table({
    head: model.columns.map((c) => color.bold(c.title)),
    colAligns: model.columns.map((c) => c.align ?? 'left'),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of model.rows) {
    table.push(
      row.map((cell) => {
        const s = displayText(cell, ctx);
        if (cell.kind === 'hidden') return color.dim(s);
        return cell.kind === 'text' || cell.kind === 'number' ? paint(s, cell.tone, color, heat) : s;
      }),
    );
  }
  return `${table.toString()}\n`;
}
