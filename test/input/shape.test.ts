import { describe, expect, it } from 'vitest';
import { checkHeader } from '../../src/input/layout/header.js';
import { makeConfig } from './helpers.js';

const config = makeConfig();
const header = (line: string) => checkHeader(line.split(','), config, 'f.csv', 1);

describe('checkHeader', () => {
  it('wide: roles by column, criteria by id or display name, case and spaces ignored', () => {
    const h = header(' Respondent_ID ,rater_department,TARGET_DEPARTMENT,rater_name,target_name,  скорость   реакции на ЗАПРОС ,Quality,comment');
    expect(h.problems).toEqual([
      {
        severity: 'warning',
        code: 'missing-column',
        file: 'f.csv',
        line: 1,
        column: 'politeness',
        message: 'no column for criterion "politeness" (Вежливость): it counts as not answered in every row of this file',
      },
    ]);
    expect(h.usable).toBe(true);
    expect(h.roles).toMatchObject({ shape: 'wide', respondent: 0, rater: 1, target: 2, comment: 7, criteria: [5, 6, undefined] });
    expect(h.roles.names[5]).toBe('скорость   реакции на ЗАПРОС');
  });

  it('long: detected from criterion and score columns', () => {
    const h = header('respondent_id,rater_department,target_department,criterion,score,comment');
    expect(h.problems).toEqual([]);
    expect(h.roles).toMatchObject({ shape: 'long', respondent: 0, rater: 1, target: 2, criterion: 3, score: 4, comment: 5 });
  });

  it('unknown column: an error with a suggestion among criteria and known columns', () => {
    const h = header('respondent_id,rater_department,target_department,qualty,speed,politeness,coment');
    expect(h.usable).toBe(false);
    const unknown = h.problems.filter((p) => p.code === 'unknown-column');
    expect(unknown.map((p) => [p.severity, p.column])).toEqual([
      ['error', 'qualty'],
      ['error', 'coment'],
    ]);
    expect(unknown[0]?.message).toMatch(/^unknown column "qualty" \(did you mean "quality"\?\)/);
    expect(unknown[1]?.message).toMatch(/^unknown column "coment" \(did you mean "comment"\?\)/);
    // the typo also leaves quality without a column, but warnings are dropped next to errors
    expect(h.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('a display name typo is suggested by display name', () => {
    const h = header('rater_department,target_department,Скорость реакции на запрс');
    expect(h.problems.find((p) => p.code === 'unknown-column')?.message).toContain('(did you mean "Скорость реакции на запрос"?)');
  });

  it('missing required columns', () => {
    const h = header('respondent_id,rater_department,speed');
    expect(h.usable).toBe(false);
    expect(h.problems.filter((p) => p.code === 'missing-column' && p.severity === 'error').map((p) => p.column)).toEqual(['target_department']);
    const long = header('rater_department,target_department,criterion,score');
    expect(long.problems).toEqual([]);
    const noScore = header('rater_department,target_department,criterion');
    expect(noScore.roles.shape).toBe('wide'); // no score column: not the long shape, and "criterion" is unknown
    expect(noScore.problems.map((p) => p.code)).toEqual(['unknown-column', 'missing-column']);
    expect(noScore.problems[1]?.message).toContain('no criterion column');
  });

  it('no criterion column at all is an error, not three warnings', () => {
    const h = header('respondent_id,rater_department,target_department,comment');
    expect(h.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'missing-column']]);
    expect(h.problems[0]?.message).toContain('"speed", "quality", "politeness"');
  });

  it('the same column twice, e.g. a criterion by id and by name', () => {
    const h = header('rater_department,target_department,speed,quality,politeness,Скорость реакции на запрос,rater_department');
    expect(h.usable).toBe(false);
    expect(h.problems.map((p) => [p.code, p.column])).toEqual([
      ['duplicate-column', 'Скорость реакции на запрос'],
      ['duplicate-column', 'rater_department'],
    ]);
    expect(h.problems[0]?.message).toContain('column "Скорость реакции на запрос" (column 6) is the same as column "speed" (column 3)');
    expect(h.roles.criteria[0]).toBe(2);
  });

  it('columns without a name are ignored (Excel leaves them at the end of a sheet)', () => {
    const h = header('rater_department,target_department,speed,quality,politeness,,');
    expect(h.problems).toEqual([]);
    expect(h.usable).toBe(true);
  });
});
