/** The two phrasebooks: the same keys, Russian plurals where a count is said, nothing left in English. */
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../src/report/phrases/en.js';
import { phrasesFor } from '../../src/report/phrases/index.js';
import { RUSSIAN } from '../../src/report/phrases/ru.js';

describe('phrasebooks', () => {
  it('one per language', () => {
    expect(phrasesFor('en')).toBe(ENGLISH);
    expect(phrasesFor('ru')).toBe(RUSSIAN);
  });

  it('every kind of problem has a title in both languages, and the Russian one is Russian', () => {
    const codes = Object.keys(ENGLISH.validate.problemTitles);
    expect(codes.length).toBeGreaterThan(20);
    expect(Object.keys(RUSSIAN.validate.problemTitles).sort()).toEqual([...codes].sort());
    for (const title of Object.values(RUSSIAN.validate.problemTitles)) expect(title).toMatch(/^[а-яё\s\-—,.]+(YAML)?[а-яё\s]*$/iu);
  });

  it('counts take the Russian plural forms', () => {
    expect(RUSSIAN.rows(1)).toBe('1 строка');
    expect(RUSSIAN.rows(2)).toBe('2 строки');
    expect(RUSSIAN.rows(5)).toBe('5 строк');
    expect(RUSSIAN.rows(11)).toBe('11 строк');
    expect(RUSSIAN.rows(21)).toBe('21 строка');
    expect(RUSSIAN.validate.usable(1, 3)).toBe('Можно использовать: 1 ошибка, 3 предупреждения.');
    expect(RUSSIAN.validate.notUsable(12, 0, false)).toBe('12 ошибок, 0 предупреждений.');
    expect(RUSSIAN.legend.fewerThanK(1)).toBe('n<1: меньше 1 респондента, не показывается (анонимность)');
    expect(RUSSIAN.legend.fewerThanK(3)).toBe('n<3: меньше 3 респондентов, не показывается (анонимность)');
    expect(ENGLISH.rows(1)).toBe('1 row');
    expect(ENGLISH.rows(21)).toBe('21 rows');
  });

  it('numbers in Russian sentences have a decimal comma', () => {
    expect(RUSSIAN.number(3.456, 2)).toBe('3,46');
    expect(ENGLISH.number(3.456, 2)).toBe('3.46');
    expect(RUSSIAN.score.attentionDepartment('Склад (warehouse)', '3,18', 3.5, '')).toBe('Склад (warehouse): 3,18, ниже 3,5');
  });
});
