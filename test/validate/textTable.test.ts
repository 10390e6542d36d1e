import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextTable } from '../../src/validate/textTable.js';

describe('TextTable', () => {
  it('numbers texts in order of first appearance, found from a slice of a longer string', () => {
    const table = new TextTable();
    const line = 'r1,sales,hr';
    expect(table.find(line, 0, 2)).toBe(-1);
    expect(table.add(line, 0, 2)).toBe(0);
    expect(table.add(line, 3, 8, 7)).toBe(1);
    expect(table.find('xx r1', 3, 5)).toBe(0);
    expect(table.find('sales', 0, 5)).toBe(1);
    expect(table.value(1)).toBe(7);
    expect(table.find('sale', 0, 4)).toBe(-1);
    expect(table.find('', 0, 0)).toBe(-1);
    expect(table.size).toBe(2);
  });

  it('keeps texts apart whatever their characters, as the table grows (Cyrillic and emoji after ASCII)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 3000 }), fc.constantFrom(1, 3, 256), (texts, expected) => {
        const table = new TextTable(expected);
        const reference = new Map<string, number>();
        for (const text of texts) {
          const padded = `«${text}»`;
          const found = table.find(padded, 1, padded.length - 1);
          const expected = reference.get(text);
          if (expected === undefined) {
            expect(found).toBe(-1);
            reference.set(text, table.add(padded, 1, padded.length - 1, reference.size * 3));
          } else {
            expect(found).toBe(expected);
            expect(table.value(found)).toBe(expected * 3);
          }
        }
        expect(table.size).toBe(reference.size);
      }),
      { seed: 1, numRuns: 60 },
    );
  });

  it('is(entry, ...) compares with one entry only', () => {
    const table = new TextTable();
    const a = table.add('Отдел', 0, 5);
    expect(table.is(a, 'Отдел продаж', 0, 5)).toBe(true);
    expect(table.is(a, 'Отдел продаж', 0, 6)).toBe(false);
    expect(table.is(-1, 'Отдел', 0, 5)).toBe(false);
  });
});
