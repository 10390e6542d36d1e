/** The keys of a department for periods (SPEC 2.5): renamed_from and headcount, read and checked. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import type { Problem } from '../../src/domain/problem.js';

const config = (departments: string): string =>
  `version: 1\ndepartments:\n${departments}criteria:\n  - { id: speed, name: Скорость }\n`;
const seen = (problems: Problem[]) => problems.map((p) => ({ line: p.line, message: p.message }));

describe('renamed_from and headcount', () => {
  it('are read into the config: earlier ids, and a headcount (absent: none)', () => {
    const { config: c, problems } = parseConfig(
      config('  - { id: sales, name: Продажи, headcount: 12 }\n  - { id: logistics, name: Логистика, renamed_from: [delivery, warehouse] }\n'),
      'ic.yaml',
    );
    expect(problems).toEqual([]);
    expect(c!.departments.map((d) => [d.id, d.renamedFrom, d.headcount])).toEqual([
      ['sales', [], 12],
      ['logistics', ['delivery', 'warehouse'], undefined],
    ]);
  });

  it('an earlier id that is still a department here, its own id, one listed twice, or claimed by two departments: errors with their path', () => {
    const { config: c, problems } = parseConfig(
      config(
        '  - { id: sales, name: Продажи, renamed_from: [hr, sales] }\n' +
          '  - { id: hr, name: HR, renamed_from: [old, old] }\n' +
          '  - { id: it, name: IT, renamed_from: [old] }\n',
      ),
      'ic.yaml',
    );
    expect(c).toBeNull();
    expect(seen(problems)).toEqual([
      {
        line: 3,
        message:
          'departments[0].renamed_from[0]: "hr" is still a department of this config (departments[1]); renamed_from lists ids that are gone. ' +
          'If "hr" was merged into this department, remove departments[1]; if not, remove "hr" from renamed_from',
      },
      { line: 3, message: `departments[0].renamed_from[1]: "sales" is this department's own id; renamed_from lists the ids it had in earlier periods` },
      { line: 4, message: 'departments[1].renamed_from[1]: "old" is listed twice (also at renamed_from[0])' },
      { line: 5, message: 'departments[2].renamed_from[0]: "old" is also in renamed_from of "hr" (departments[1].renamed_from[0]); an earlier id can lead to one department only' },
    ]);
  });

  it('an earlier id must look like an id; headcount is a positive whole number', () => {
    const { config: c, problems } = parseConfig(
      config('  - { id: sales, name: Продажи, renamed_from: [Old Sales], headcount: 0 }\n  - { id: hr, name: HR, headcount: 2.5 }\n'),
      'ic.yaml',
    );
    expect(c).toBeNull();
    expect(problems.map((p) => p.column)).toEqual(['departments[0].renamed_from[0]', 'departments[0].headcount', 'departments[1].headcount']);
  });
});
