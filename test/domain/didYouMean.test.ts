import { describe, expect, it } from 'vitest';
import { didYouMean, didYouMeanSuffix, editDistance, MAX_SUGGESTION_INPUT } from '../../src/domain/didYouMean.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('sales', 'salse')).toBe(1);
    expect(editDistance('sales', 'sales')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, not full Damerau (which says 2)
    expect(editDistance('продаж', 'продаш')).toBe(1);
    expect(editDistance('отдел', 'отедл')).toBe(1);
  });

  it('stops early once the limit is exceeded, reporting limit + 1', () => {
    expect(editDistance('procurement', 'hr', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('abcdef', 'abcdxy', 2)).toBe(2);
  });
});

describe('didYouMean', () => {
  const departments = ['sales', 'procurement', 'delivery', 'hr', 'it'];

  it('suggests the closest candidate for a plausible typo', () => {
    expect(didYouMean('salse', departments)).toBe('sales');
    expect(didYouMean('procurment', departments)).toBe('procurement');
    expect(didYouMean('delivry', departments)).toBe('delivery');
    expect(didYouMean('ti', departments)).toBe('it');
    expect(didYouMean('clinets_of', ['id', 'name', 'clients_of', 'description'])).toBe('clients_of');
  });

  it('matches ignoring case and whitespace', () => {
    expect(didYouMean('SALES', departments)).toBe('sales');
    expect(didYouMean('  Отдел  Продаж ', ['Отдел закупок', 'Отдел продаж'])).toBe('Отдел продаж');
    expect(didYouMean('Скорость реакции', ['скорость  реакции'])).toBe('скорость  реакции');
  });

  it('stays silent when nothing is close enough', () => {
    expect(didYouMean('marketing', departments)).toBeUndefined();
    expect(didYouMean('prcrmnt', departments)).toBeUndefined(); // 4 edits for 7 letters
    expect(didYouMean('x', ['y'])).toBeUndefined(); // one edit, but the whole input
    expect(didYouMean('', departments)).toBeUndefined();
    expect(didYouMean('   ', departments)).toBeUndefined();
    expect(didYouMean('sales', [])).toBeUndefined();
  });

  it('prefers the smallest distance, then the first listed', () => {
    expect(didYouMean('hrr', ['hrrr', 'hr'])).toBe('hrrr');
    expect(didYouMean('salesx', ['salesy', 'sales'])).toBe('salesy');
    expect(didYouMean('sale', ['sales', 'scale'])).toBe('sales');
    expect(didYouMean('sales1', ['sales12', 'sales'])).toBe('sales12');
  });

  it('accepts any iterable, including map keys', () => {
    const ids = new Map([
      ['__proto__', 0],
      ['constructor', 1],
    ]);
    expect(didYouMean('__proto_', ids.keys())).toBe('__proto__');
    expect(didYouMean('construtor', ids.keys())).toBe('constructor');
  });

  it('formats a message suffix', () => {
    expect(didYouMeanSuffix('salse', departments)).toBe(' (did you mean "sales"?)');
    expect(didYouMeanSuffix('zzz', departments)).toBe('');
  });
});

describe('didYouMean on hostile input', () => {
  it('a cell longer than MAX_SUGGESTION_INPUT gets no suggestion, and no search', () => {
    const names = ['sales', 'procurement', 'a'.repeat(MAX_SUGGESTION_INPUT)];
    // Equal to a candidate but one character too long for a search: still none.
    expect(didYouMean(`${'a'.repeat(MAX_SUGGESTION_INPUT)}b`, names)).toBeUndefined();
    expect(didYouMean('a'.repeat(MAX_SUGGESTION_INPUT), names)).toBe(names[2]);
    // Five million characters: returns at once (before the bound, this took 29 s and 1 GB).
    expect(didYouMean('x'.repeat(5_000_000), names)).toBeUndefined();
  });
});
