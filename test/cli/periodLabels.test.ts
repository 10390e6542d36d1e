import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { parseLabels, periodLabelOf, periodLabels } from '../../src/cli/periodLabels.js';

const cwd = '/data';
const fallback = (i: number) => `P${i + 1}`;

describe('period labels', () => {
  it('a file: its name without the extension; a folder: its name (dots kept)', () => {
    expect(periodLabelOf(['examples/2026-q1.csv'], cwd)).toBe('2026-q1');
    expect(periodLabelOf(['Q2.TSV'], cwd)).toBe('Q2');
    expect(periodLabelOf(['responses/2026.q2/'], cwd)).toBe('2026.q2');
  });

  it('several files: the folder they share, not the current folder', () => {
    expect(periodLabelOf(['q1/sales.csv', 'q1/hr.csv'], cwd)).toBe('q1');
    expect(periodLabelOf(['sales.csv', 'hr.csv'], cwd)).toBeNull();
    expect(periodLabelOf(['q1/sales.csv', 'q2/hr.csv'], cwd)).toBeNull();
  });

  it('the same name twice: the paths; no name: the fallback', () => {
    expect(periodLabels([['q1/responses.csv'], ['q2/responses.csv']], undefined, fallback, cwd)).toEqual(['q1/responses', 'q2/responses']);
    expect(periodLabels([['a.csv', 'b.csv'], ['c.csv']], undefined, fallback, cwd)).toEqual(['P1', 'P2']);
    expect(periodLabels([['q1.csv'], ['q2.csv'], ['q3']], undefined, fallback, cwd)).toEqual(['q1', 'q2', 'q3']);
  });

  it('--labels: one per period, trimmed, none empty, none twice', () => {
    expect(periodLabels([['a.csv'], ['b.csv']], ' Весна , Лето ', fallback, cwd)).toEqual(['Весна', 'Лето']);
    expect(() => parseLabels('a,b,c', 2)).toThrow(UsageError);
    expect(() => parseLabels('a,', 2)).toThrow(/empty label/);
    expect(() => parseLabels('a,a', 2)).toThrow(/two periods "a"/);
  });
});
