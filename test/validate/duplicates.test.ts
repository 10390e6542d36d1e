/** Duplicate detection at its limits: many records per row, huge line numbers, many files, many respondents. */
import { describe, expect, it } from 'vitest';
import type { RawQuestionnaire } from '../../src/input/types.js';
import { ResponseValidator } from '../../src/validate/rows.js';
import { makeConfig } from '../helpers/config.js';
import { rawQuestionnaire } from '../helpers/raw.js';

const config = makeConfig({
  departments: [{ id: 'sales' }, { id: 'hr' }, { id: 'it' }],
  criteria: [{ id: 'speed' }, { id: 'quality' }],
});

function raw(partial: Partial<RawQuestionnaire>): RawQuestionnaire {
  return rawQuestionnaire({}, partial, partial.line ?? 2);
}

describe('duplicate detection', () => {
  it('keeps the record count of a long-shape row (255 and more) and line numbers beyond 2³²', () => {
    const v = new ResponseValidator(config);
    const records = Array.from({ length: 300 }, (_, i) => ({ line: 10 + i, raw: 'x' }));
    const far = 2 ** 33 + 5;
    expect(v.check(raw({ line: 10, records })).row).not.toBeNull();
    expect(v.check(raw({ line: far, respondent: 'r2' })).row).not.toBeNull();
    const a = v.check(raw({ line: 400 }));
    expect(a.problems[0]?.message).toContain('q.csv line 10');
    const b = v.check(raw({ line: far + 1, respondent: 'r2' }));
    expect(b.problems[0]?.message).toContain(`q.csv line ${far}`);
    expect([a, b].map((c) => [c.retract?.line, c.retract?.records])).toEqual([
      [10, 300],
      [far, 1],
    ]);
  });

  it('names the file of the first occurrence across many files, and tells 100,000 respondents apart', () => {
    const v = new ResponseValidator(config);
    for (let i = 0; i < 100_000; i++) {
      const check = v.check(raw({ file: `f${i % 7}.csv`, line: i + 2, respondent: `r${i}`, target: i % 2 === 0 ? 'hr' : 'it' }));
      expect(check.row?.respondent).toBe(i);
    }
    const again = v.check(raw({ file: 'last.csv', line: 9, respondent: 'r12345', target: 'it' }));
    expect(again.problems[0]?.message).toBe('Respondent "r12345" evaluates "IT" twice: here and at f4.csv line 12347; if one person answered twice, keep one of the two rows; if two people were given the same id, give one of them another respondent_id');
    expect([again.retract?.file, again.retract?.line]).toEqual(['f4.csv', 12347]);
  });

  it('a file without respondent_id is one person: the advice says so, for both lines', () => {
    const v = new ResponseValidator(config);
    expect(v.check(raw({ file: 'anna.csv', line: 2, respondent: '' })).problems).toEqual([]);
    const second = v.check(raw({ file: 'anna.csv', line: 3, respondent: '' }));
    expect(second.problems[0]?.message).toBe(
      'The respondent of anna.csv evaluates "HR" twice: here and at anna.csv line 2; a file without respondent_id is one person: if several people answered in this file, give each row its respondent_id',
    );
    expect(v.finish().problems[0]?.message).toContain('anna.csv line 3; a file without respondent_id is one person');
  });
});
