import { describe, expect, it } from 'vitest';
import type { RawQuestionnaire } from '../../src/input/types.js';
import { ResponseValidator } from '../../src/validate/rows.js';
import { parseScore } from '../../src/domain/values.js';
import { makeConfig } from '../helpers/config.js';
import { rawQuestionnaire } from '../helpers/raw.js';

const config = makeConfig({
  departments: [
    { id: 'sales', name: 'Отдел продаж', clientsOf: ['procurement', 'it'] },
    { id: 'procurement', name: 'Отдел закупок', clientsOf: ['it'] },
    { id: 'it', name: 'ИТ-отдел', clientsOf: [] },
  ],
  criteria: [
    { id: 'speed', name: 'Скорость', weight: 2 },
    { id: 'quality', name: 'Качество' },
  ],
});

let nextLine = 2;
function raw(partial: Partial<RawQuestionnaire>): RawQuestionnaire {
  const line = partial.line ?? nextLine++;
  return rawQuestionnaire({ file: 'q1.csv', target: 'procurement', records: [{ line, raw: 'raw text' }] }, partial, line);
}

describe('parseScore', () => {
  it('reads decimal points and decimal commas, and nothing else', () => {
    expect(parseScore('4')).toBe(4);
    expect(parseScore(' 4,5 ')).toBe(4.5);
    expect(parseScore('3.25')).toBe(3.25);
    expect(parseScore('+2')).toBe(2);
    expect(parseScore('5 баллов')).toBeNaN();
    expect(parseScore('4.5.1')).toBeNaN();
    expect(parseScore('1e3')).toBeNaN();
    expect(parseScore('')).toBeNaN();
  });
});

describe('ResponseValidator', () => {
  it('turns a good row into a core row, matching departments by display name in any case', () => {
    const v = new ResponseValidator(config);
    const check = v.check(raw({ rater: '  отдел ПРОДАЖ ', target: 'Отдел закупок', answers: ['4,5', 'N/A'] }));
    expect(check.problems).toEqual([]);
    expect(check.row).not.toBeNull();
    expect(check.row!.rater).toBe(0);
    expect(check.row!.target).toBe(1);
    expect(check.row!.answers[0]).toBe(4.5);
    expect(check.row!.answers[1]).toBeNaN();
  });

  it('reports unknown departments with a suggestion, and blank ones', () => {
    const v = new ResponseValidator(config);
    const check = v.check(raw({ rater: 'salse', target: '' }));
    expect(check.row).toBeNull();
    expect(check.problems.map((p) => [p.code, p.column])).toEqual([
      ['unknown-department', 'rater_department'],
      ['unknown-department', 'target_department'],
    ]);
    expect(check.problems[0]!.message).toContain('did you mean "sales"?');
    expect(check.problems[1]!.message).toContain('blank');
  });

  it('rejects self-evaluation', () => {
    const v = new ResponseValidator(config);
    const check = v.check(raw({ rater: 'it', target: 'ИТ-отдел' }));
    expect(check.row).toBeNull();
    expect(check.problems.map((p) => p.code)).toEqual(['self-evaluation']);
  });

  it('rejects answers that are not numbers or off the scale, naming line and column', () => {
    const v = new ResponseValidator(config);
    const check = v.check(raw({ line: 40, answers: ['7', 'хорошо'] }));
    expect(check.row).toBeNull();
    expect(check.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['out-of-scale', 40, 'speed'],
      ['not-a-number', 40, 'quality'],
    ]);
    expect(check.rejectReason).toContain('outside the scale 1–5');
  });

  it('treats blank and na_values (any case) as not answered, and ignores a row with no answers', () => {
    const v = new ResponseValidator(config);
    const check = v.check(raw({ answers: ['', 'н/О'] }));
    expect(check.row).toBeNull();
    expect(check.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'empty-row']]);
    expect(check.rejectReason).toContain('no answers');
  });

  it('warns when a department evaluates one it is not a client of, and uses the row', () => {
    const v = new ResponseValidator(config);
    const check = v.check(raw({ rater: 'procurement', target: 'sales' }));
    expect(check.row).not.toBeNull();
    expect(check.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'not-a-client']]);
  });

  it('names both lines of a duplicate, and the file as respondent when respondent_id is blank', () => {
    const v = new ResponseValidator(config);
    expect(v.check(raw({ line: 2 })).row).not.toBeNull();
    const second = v.check(raw({ line: 9, target: 'Отдел закупок' }));
    expect(second.row).toBeNull();
    expect(second.problems.map((p) => p.code)).toEqual(['duplicate-response']);
    expect(second.problems[0]!.message).toContain('q1.csv line 2');
    // a blank respondent in another file is another person
    expect(v.check(raw({ line: 3, respondent: '', file: 'anna.csv' })).row).not.toBeNull();
    expect(v.check(raw({ line: 3, respondent: '', file: 'boris.csv' })).row).not.toBeNull();
    const again = v.check(raw({ line: 4, respondent: '', file: 'anna.csv' }));
    expect(again.problems[0]!.message).toContain('The respondent of anna.csv');

    const summary = v.finish();
    expect(summary.problems.filter((p) => p.code === 'duplicate-response').map((p) => [p.file, p.line])).toEqual([
      ['q1.csv', 2],
      ['anna.csv', 3],
    ]);
    expect([second.retract?.line, again.retract?.line]).toEqual([2, 3]);
  });

  it('hands back the first row of a duplicate pair, as it was used, once: a third occurrence retracts nothing', () => {
    const v = new ResponseValidator(config);
    const first = v.check(raw({ line: 2, answers: ['4', '4,5'] }));
    expect(first.row).not.toBeNull();
    const second = v.check(raw({ line: 3, answers: ['1', '1'] }));
    expect(second.row).toBeNull();
    expect(second.retract).toMatchObject({ file: 'q1.csv', line: 2, records: 1, hadWarnings: false, entry: first.entry });
    expect(second.retract?.row).toEqual(first.row);
    expect([...second.retract!.row.answers]).toEqual([4, 4.5]);
    expect(v.check(raw({ line: 4 })).retract).toBeNull();
  });

  it('retracts nothing when the first row of the pair was not used (it had an error)', () => {
    const v = new ResponseValidator(config);
    expect(v.check(raw({ line: 2, answers: ['9', '4'] })).row).toBeNull();
    const second = v.check(raw({ line: 3 }));
    expect(second.problems.map((p) => p.code)).toEqual(['duplicate-response']);
    expect(second.retract).toBeNull();
  });

  it('keeps reader problems and rejects the row', () => {
    const v = new ResponseValidator(config);
    const reader = { severity: 'error' as const, code: 'field-count' as const, file: 'q1.csv', line: 5, column: null, message: '4 fields, the header has 5' };
    const check = v.check(raw({ problems: [reader] }));
    expect(check.row).toBeNull();
    expect(check.problems[0]).toEqual(reader);
  });

  it('reports departments nobody evaluated and the expected pairs with no answer', () => {
    const v = new ResponseValidator(config);
    v.check(raw({ rater: 'sales', target: 'procurement' }));
    const summary = v.finish();
    // expected: sales→procurement (answered), sales→it, procurement→it
    expect(summary.missingPairs).toEqual([
      { rater: 'sales', target: 'it' },
      { rater: 'procurement', target: 'it' },
    ]);
    expect(summary.problems.map((p) => [p.code, p.message])).toEqual([
      ['no-responses', '"ИТ-отдел" (it) got no usable rows, though sales, procurement are its clients; it gets no score'],
    ]);
  });
});
