import { describe, expect, it } from 'vitest';
import { safeFileStem, templateFileStems } from '../../src/render/templateNames.js';
import { makeConfig } from '../helpers/config.js';

describe('safeFileStem', () => {
  it('keeps safe ids as they are', () => {
    expect(safeFileStem('sales', 'x')).toBe('sales');
    expect(safeFileStem('it_support-2', 'x')).toBe('it_support-2');
  });

  it('never gives a Windows device name, whatever the case', () => {
    for (const id of ['con', 'prn', 'aux', 'nul', 'com1', 'lpt9', 'CON', 'Nul']) expect(safeFileStem(id, 'x')).toBe(`${id}_`);
    expect(safeFileStem('console', 'x')).toBe('console');
  });

  it('drops leading dashes (an option to every shell tool) and replaces paths, dots, spaces and controls', () => {
    expect(safeFileStem('--rf', 'x')).toBe('rf');
    expect(safeFileStem('../../etc/passwd', 'x')).toBe('_etc_passwd');
    expect(safeFileStem('.hidden', 'x')).toBe('_hidden');
    expect(safeFileStem('a b\tc\u0000d', 'x')).toBe('a_b_c_d');
    expect(safeFileStem('Отдел продаж', 'x')).toBe('Отдел_продаж');
    expect(safeFileStem('a:b*c?"<>|', 'x')).toBe('a_b_c_');
  });

  it('falls back when nothing is left, and caps the length', () => {
    expect(safeFileStem('---', 'department-3')).toBe('department-3');
    expect(safeFileStem('///', 'department-3')).toBe('department-3');
    expect(safeFileStem('', 'department-3')).toBe('department-3');
    expect(safeFileStem('a'.repeat(300), 'x')).toHaveLength(64);
  });
});

describe('templateFileStems', () => {
  it('gives every department its own name, in config order, also on case-insensitive file systems', () => {
    const config = makeConfig({
      departments: [{ id: 'sales' }, { id: '-sales' }, { id: 'con' }, { id: 'con_' }, { id: '--' }, { id: 'Sales' }, { id: 'sales-2' }],
      criteria: [{ id: 'speed' }],
    });
    expect(templateFileStems(config)).toEqual(['sales', 'sales-2', 'con_', 'con_-2', 'department-5', 'Sales-3', 'sales-2-2']);
  });

  it('does not depend on which departments are written: the name of a department is fixed by the config', () => {
    const config = makeConfig({ departments: [{ id: 'a' }, { id: 'b' }], criteria: [{ id: 'x' }] });
    expect(templateFileStems(config)).toEqual(['a', 'b']);
  });
});
