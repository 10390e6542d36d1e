/** Which width the tables of score, diff and trend fit: a terminal's, unless --wide or --out; a pipe never cuts. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { tableWidth } from '../../src/cli/report.js';
import type { Terminal } from '../../src/cli/terminal.js';

const terminal = (isTTY: boolean): Terminal => ({ isTTY, color: new Chalk({ level: 0 }), colorEnabled: false, width: 80 });

describe('tableWidth', () => {
  it('a terminal: its width', () => expect(tableWidth(terminal(true), {})).toBe(80));
  it('a terminal with --wide: every column', () => expect(tableWidth(terminal(true), { wide: true })).toBeUndefined());
  it('--out FILE: every column, whatever stdout is', () => expect(tableWidth(terminal(true), { out: 'r.txt' })).toBeUndefined());
  it('a pipe: every column', () => expect(tableWidth(terminal(false), {})).toBeUndefined());
});
