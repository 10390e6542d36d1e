/** A RawQuestionnaire as the reader would hand it to validation, with defaults a test overrides. */
import type { RawQuestionnaire } from '../../src/input/types.js';

export function rawQuestionnaire(defaults: Partial<RawQuestionnaire>, partial: Partial<RawQuestionnaire>, line: number): RawQuestionnaire {
  return {
    file: 'q.csv',
    line,
    records: [{ line, raw: 'raw' }],
    respondent: 'r1',
    rater: 'sales',
    target: 'hr',
    answers: ['4', '5'],
    answerLines: [line, line],
    answerColumns: ['speed', 'quality'],
    comment: '',
    problems: [],
    ...defaults,
    ...partial,
  };
}
