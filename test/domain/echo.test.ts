import { describe, expect, it } from 'vitest';
import { cut, cutEchoes, echo, ECHO_MAX, MESSAGE_MAX } from '../../src/domain/echo.js';
import { problem } from '../../src/domain/problem.js';

describe('echo and cut', () => {
  it('a short cell is quoted as it is; a long one is cut to ECHO_MAX code points with "…"', () => {
    expect(echo('sales')).toBe('"sales"');
    expect(echo('x'.repeat(ECHO_MAX))).toBe(`"${'x'.repeat(ECHO_MAX)}"`);
    expect(echo('x'.repeat(ECHO_MAX + 1))).toBe(`"${'x'.repeat(ECHO_MAX)}…"`);
  });

  it('counts code points: an emoji is never split into half a surrogate pair', () => {
    const text = '😀'.repeat(ECHO_MAX + 5);
    expect(cut(text, ECHO_MAX)).toBe(`${'😀'.repeat(ECHO_MAX)}…`);
    expect(cut('😀'.repeat(3), 3)).toBe('😀😀😀');
  });
});

describe('cutEchoes: every message passes it (problem)', () => {
  it('leaves ordinary messages byte for byte', () => {
    const message = '"salse" is not a department (did you mean "sales"?); use an id or name from the config\'s departments';
    expect(cutEchoes(message)).toBe(message);
  });

  it('cuts a 10-million-character cell to a few dozen characters, keeping the rest of the message', () => {
    const cell = 'Я'.repeat(10_000_000);
    const made = problem('error', 'unknown-department', `"${cell}" is not a department; use an id or name from the config's departments`);
    expect(made.message).toBe(`"${'Я'.repeat(ECHO_MAX)}…" is not a department; use an id or name from the config's departments`);
  });

  it('JSON-escaped quotes inside a cell do not end it', () => {
    const cell = `say "hi" ${'z'.repeat(100)}`;
    expect(cutEchoes(`${JSON.stringify(cell)} is not a number`)).toBe(`"say \\"hi\\" ${'z'.repeat(ECHO_MAX - 11)}…" is not a number`);
  });

  it('a message with an unquoted or unpaired long run is bounded to MESSAGE_MAX, keeping both ends', () => {
    const out = cutEchoes(`unknown column ${'q'.repeat(5000)}"; check the header`);
    expect(out.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(out.startsWith('unknown column qqq')).toBe(true);
    expect(out.endsWith('"; check the header')).toBe(true);
  });
});
