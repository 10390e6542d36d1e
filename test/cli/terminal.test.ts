/** When ic prints colour: only on a terminal that shows it, and never against the user's wish. */
import { describe, expect, it } from 'vitest';
import { detectTerminal } from '../../src/cli/terminal.js';

const tty = { isTTY: true, columns: 120 };
const pipe = {};
const colour = (env: Record<string, string>, stdout: { isTTY?: boolean } = tty, options: { color: boolean; out?: string } = { color: true }) =>
  detectTerminal(options, { env, stdout }).colorEnabled;

describe('detectTerminal', () => {
  it('a terminal gets colour; a pipe does not', () => {
    expect(colour({ TERM: 'xterm-256color' })).toBe(true);
    expect(colour({ TERM: 'xterm-256color' }, pipe)).toBe(false);
  });

  it('TERM=dumb on a terminal: no colour', () => {
    expect(colour({ TERM: 'dumb' })).toBe(false);
  });

  it('FORCE_COLOR=0 (or false) on a terminal: no colour', () => {
    expect(colour({ TERM: 'xterm', FORCE_COLOR: '0' })).toBe(false);
    expect(colour({ TERM: 'xterm', FORCE_COLOR: 'false' })).toBe(false);
  });

  it('FORCE_COLOR=1 forces colour even piped or on a dumb terminal; NO_COLOR, --no-color and --out win over it', () => {
    expect(colour({ FORCE_COLOR: '1' }, pipe)).toBe(true);
    expect(colour({ FORCE_COLOR: '1', TERM: 'dumb' })).toBe(true);
    expect(colour({ FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    expect(colour({ FORCE_COLOR: '1' }, tty, { color: false })).toBe(false);
    expect(colour({ FORCE_COLOR: '1' }, tty, { color: true, out: 'r.txt' })).toBe(false);
  });

  it('an empty NO_COLOR or FORCE_COLOR counts as not set', () => {
    expect(colour({ NO_COLOR: '', TERM: 'xterm' })).toBe(true);
    expect(colour({ FORCE_COLOR: '' }, pipe)).toBe(false);
  });

  it('the chalk instance follows the decision; the width is the terminal\'s, else 100', () => {
    const off = detectTerminal({ color: true }, { env: { TERM: 'dumb' }, stdout: tty });
    expect(off.color.red('x')).toBe('x');
    expect(off.width).toBe(120);
    const on = detectTerminal({ color: true }, { env: { TERM: 'xterm' }, stdout: tty });
    expect(on.color.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(detectTerminal({ color: true }, { env: {}, stdout: pipe }).width).toBe(100);
  });
});
