import { describe, expect, it } from 'vitest';
import { plural, pluralForm, reportLanguage } from '../../src/report/language.js';
import { makeConfig } from '../helpers/config.js';

const STROKA = ['строка', 'строки', 'строк'] as const;

describe('pluralForm', () => {
  it.each([
    [0, 'строк'],
    [1, 'строка'],
    [2, 'строки'],
    [4, 'строки'],
    [5, 'строк'],
    [11, 'строк'],
    [12, 'строк'],
    [14, 'строк'],
    [21, 'строка'],
    [22, 'строки'],
    [25, 'строк'],
    [101, 'строка'],
    [111, 'строк'],
    [1004, 'строки'],
  ])('Russian: %d %s', (n, form) => {
    expect(pluralForm(n, 'ru', STROKA)).toBe(form);
  });

  it('English: one for 1, the other form for anything else', () => {
    expect([0, 1, 2, 11, 21].map((n) => pluralForm(n, 'en', ['row', 'rows']))).toEqual(['rows', 'row', 'rows', 'rows', 'rows']);
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(21, 'row')).toBe('21 rows');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });
});

describe('reportLanguage', () => {
  const departments = (...names: string[]) => names.map((name, i) => ({ id: `d${i}`, name }));
  const criteria = [{ id: 'x' }];

  it('is Russian when the title is in Cyrillic', () => {
    expect(reportLanguage(makeConfig({ title: 'Внутренний клиент', departments: departments('Sales', 'IT'), criteria }))).toBe('ru');
  });
  it('is Russian when a department name is in Cyrillic, whatever the title', () => {
    expect(reportLanguage(makeConfig({ title: 'Internal client 2026', departments: departments('Sales', 'Склад'), criteria }))).toBe('ru');
  });
  it('is English otherwise, whatever the criteria are called', () => {
    expect(reportLanguage(makeConfig({ title: 'Internal client', departments: departments('Sales', 'Warehouse'), criteria: [{ id: 'x', name: 'Скорость' }] }))).toBe('en');
  });
  it('language: of the config wins over the names, and --lang over both', () => {
    const russianNames = makeConfig({ title: 'Внутренний клиент', departments: departments('Продажи', 'Склад'), criteria, language: 'en' });
    expect(reportLanguage(russianNames)).toBe('en');
    expect(reportLanguage(russianNames, 'ru')).toBe('ru');
    expect(reportLanguage(makeConfig({ departments: departments('Sales', 'IT'), criteria, language: 'ru' }))).toBe('ru');
  });
});
