import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, MAX_MAGNITUDE, MAX_NESTING } from '../../src/config/limits.js';
import { formatPath, parseConfig } from '../../src/config/parse.js';
import { labelIndex } from '../../src/config/lookup.js';
import { DEFAULT_NA_VALUES } from '../../src/config/schema.js';
import type { Problem } from '../../src/domain/problem.js';

/** A config with every required key, the departments and criteria given as YAML list items. */
function yaml(departments: string, criteria = '  - id: speed\n    name: Скорость\n', head = 'version: 1\n'): string {
  return `${head}departments:\n${departments}criteria:\n${criteria}`;
}

const TWO = '  - id: sales\n    name: Отдел продаж\n  - id: hr\n    name: HR\n';

/** Problems reduced to what a user sees: line, path, message. */
const seen = (problems: Problem[]) => problems.map((p) => ({ line: p.line, column: p.column, message: p.message }));

function errorsOf(text: string) {
  const result = parseConfig(text, 'ic.yaml');
  expect(result.config).toBeNull();
  for (const p of result.problems) expect(p.file).toBe('ic.yaml');
  return result.problems;
}

describe('a valid config', () => {
  it('resolves with the documented defaults', () => {
    const { config, problems } = parseConfig(yaml(TWO + '  - id: it\n    name: IT\n'), 'ic.yaml');
    expect(problems).toEqual([]);
    expect(config).not.toBeNull();
    if (!config) return;
    expect(config.path).toBeNull();
    expect(config.version).toBe(1);
    expect(config.title).toBe('Internal Client');
    expect(config.scale).toEqual({ min: 1, max: 5 });
    expect(config.naValues).toEqual(['N/A', 'n/a', 'NA', 'н/о', '-']);
    expect(config.naValues).toEqual(DEFAULT_NA_VALUES);
    expect(config.favorableMin).toBe(4);
    expect(config.anonymityMin).toBe(3);
    expect(config.aggregation).toBe('departments');
    expect(config.alertBelow).toBeUndefined();
    expect(config.language).toBeUndefined();
    expect(config.departments).toEqual([
      { id: 'sales', name: 'Отдел продаж', index: 0, clientsOf: undefined, renamedFrom: [], headcount: undefined },
      { id: 'hr', name: 'HR', index: 1, clientsOf: undefined, renamedFrom: [], headcount: undefined },
      { id: 'it', name: 'IT', index: 2, clientsOf: undefined, renamedFrom: [], headcount: undefined },
    ]);
    expect(config.criteria).toEqual([{ id: 'speed', name: 'Скорость', weight: 1, description: undefined, index: 0 }]);
    // No clients_of anywhere: everyone evaluates everyone else.
    expect(config.evaluates).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
    ]);
  });

  it('keeps every value the SPEC example sets', () => {
    const text = `version: 1
title: "Внутренний клиент — 2026"
scale: { min: 0, max: 10 }
na_values: ["N/A", "н/о", "-"]
favorable_min: 8
anonymity_min: 5
aggregation: respondents
alert_below: 6.5
departments:
  - id: sales
    name: Отдел продаж
    clients_of: [procurement, delivery]
    description: Sells
  - id: procurement
    name: Отдел закупок
    clients_of: [hr, it]
  - id: delivery
    name: Доставка
    clients_of: []
  - id: hr
    name: Кадры
  - id: it
    name: ИТ
    clients_of: [sales, hr]
criteria:
  - id: speed
    name: Скорость реакции на запрос
    weight: 2
    description: "How quickly requests are picked up and answered"
  - id: quality
    name: Качество
    weight: 0.5
`;
    const { config, problems } = parseConfig(text, 'ic.yaml', { path: '/abs/ic.yaml' });
    expect(problems).toEqual([]);
    if (!config) throw new Error('expected a config');
    expect(config.path).toBe('/abs/ic.yaml');
    expect(config.title).toBe('Внутренний клиент — 2026');
    expect(config.scale).toEqual({ min: 0, max: 10 });
    expect(config.naValues).toEqual(['N/A', 'н/о', '-']);
    expect(config.favorableMin).toBe(8);
    expect(config.anonymityMin).toBe(5);
    expect(config.aggregation).toBe('respondents');
    expect(config.alertBelow).toBe(6.5);
    expect(config.departments.map((d) => d.clientsOf)).toEqual([['procurement', 'delivery'], ['hr', 'it'], [], undefined, ['sales', 'hr']]);
    // Written order is kept; a department with clients_of: [] or without it (when others have it) evaluates nobody.
    expect(config.evaluates).toEqual([[1, 2], [3, 4], [], [], [0, 3]]);
    expect(config.criteria).toEqual([
      { id: 'speed', name: 'Скорость реакции на запрос', weight: 2, description: 'How quickly requests are picked up and answered', index: 0 },
      { id: 'quality', name: 'Качество', weight: 0.5, description: undefined, index: 1 },
    ]);
  });

  it('reads the language', () => {
    const { config, problems } = parseConfig(yaml(TWO, undefined, 'version: 1\nlanguage: en\n'), 'ic.yaml');
    expect(problems).toEqual([]);
    expect(config?.language).toBe('en');
    const bad = errorsOf(yaml(TWO, undefined, 'version: 1\nlanguage: de\n'));
    expect(bad.map((p) => p.message.split(':')[0])).toEqual(['language']);
  });

  it('defaults favorable_min to the top two points of the scale', () => {
    const at = (scale: string) => parseConfig(yaml(TWO, undefined, `version: 1\nscale: ${scale}\n`), null).config?.favorableMin;
    expect(at('{ min: 0, max: 10 }')).toBe(9);
    expect(at('{ min: 1, max: 7 }')).toBe(6);
    expect(at('{ min: 1, max: 2 }')).toBe(1);
    expect(at('{ min: 0, max: 0.5 }')).toBe(0);
  });

  it('reads numbers and booleans in text fields as the text written', () => {
    const text = yaml(
      '  - id: 101\n    name: 2024\n    clients_of: [010]\n  - id: 010\n    name: true\n',
      '  - id: speed\n    name: 1.50\n    description: 42\n',
      'version: 1\ntitle: 2026\nna_values: [0, "-"]\n',
    );
    const { config, problems } = parseConfig(text, null);
    expect(problems).toEqual([]);
    expect(config?.title).toBe('2026');
    expect(config?.naValues).toEqual(['0', '-']);
    expect(config?.departments.map((d) => [d.id, d.name, d.clientsOf])).toEqual([
      ['101', '2024', ['010']],
      ['010', 'true', undefined],
    ]);
    expect(config?.criteria[0]?.name).toBe('1.50');
    expect(config?.criteria[0]?.description).toBe('42');
    expect(config?.evaluates).toEqual([[1], []]);
  });

  it('trims display names, accepts empty optional fields and a byte order mark', () => {
    const text = '\uFEFF' + yaml('  - id: sales\n    name: "  Продажи  "\n    description:\n  - id: hr\n    name: HR\n', undefined, 'version: 1\nalert_below:\n');
    const { config, problems } = parseConfig(text, null);
    expect(problems).toEqual([]);
    expect(config?.departments[0]?.name).toBe('Продажи');
    expect(config?.alertBelow).toBeUndefined();
  });

  it('treats __proto__, constructor and toString as ordinary ids', () => {
    const text = yaml(
      '  - id: __proto__\n    name: Proto\n    clients_of: [constructor, tostring]\n' +
        '  - id: constructor\n    name: hasOwnProperty\n    clients_of: [__proto__]\n' +
        '  - id: tostring\n    name: valueOf\n',
      '  - id: __proto__\n    name: constructor\n',
    );
    const { config, problems } = parseConfig(text, null);
    expect(problems).toEqual([]);
    expect(config?.departments.map((d) => d.id)).toEqual(['__proto__', 'constructor', 'tostring']);
    expect(config?.evaluates).toEqual([[1, 2], [0], []]);
    expect(config?.criteria[0]?.id).toBe('__proto__');
    expect(config?.criteria[0]?.name).toBe('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const labels = labelIndex(config?.departments ?? []);
    expect(labels.get('__proto__')).toBe(0);
    expect(labels.get('hasownproperty')).toBe(1);
    expect(labels.get('valueof')).toBe(2);
    expect(labels.get('toString')).toBeUndefined();
  });

  it('reports misspelled __proto__-like ids with did-you-mean, and a __proto__ key as unknown', () => {
    const problems = errorsOf(
      yaml('  - id: __proto__\n    name: P\n    __proto__: { polluted: 1 }\n  - id: hr\n    name: HR\n    clients_of: [__proto_]\n'),
    );
    expect(seen(problems)).toEqual([
      { line: 5, column: 'departments[0].__proto__', message: 'departments[0].__proto__: unknown key; allowed here: id, name, clients_of, description, renamed_from, headcount' },
      {
        line: 8,
        column: 'departments[1].clients_of[0]',
        message: 'departments[1].clients_of[0]: "__proto_" is not a department id (did you mean "__proto__"?)',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets small, honest use of anchors and aliases through', () => {
    const text = yaml(
      '  - id: a\n    name: A\n    clients_of: &both [b, c]\n  - id: b\n    name: B\n  - id: c\n    name: C\n  - id: d\n    name: D\n    clients_of: *both\n',
    );
    const { config, problems } = parseConfig(text, null);
    expect(problems).toEqual([]);
    expect(config?.evaluates).toEqual([[1, 2], [], [], [1, 2]]);
  });
});

describe('problems', () => {
  it('says where a clients_of entry is wrong, with did-you-mean', () => {
    const text = yaml(
      '  - id: sales\n    name: Отдел продаж\n  - id: procurement\n    name: Закупки\n  - id: delivery\n    name: Доставка\n' +
        '  - id: hr\n    name: HR\n    clients_of: [procurement, salse]\n',
    );
    const problems = errorsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({
      severity: 'error',
      code: 'config-invalid',
      file: 'ic.yaml',
      line: 11,
      column: 'departments[3].clients_of[1]',
      message: 'departments[3].clients_of[1]: "salse" is not a department id (did you mean "sales"?)',
    });
  });

  it('checks clients_of entries: unknown, a display name, itself, repeated', () => {
    const text = yaml(
      '  - id: sales\n    name: Отдел продаж\n    clients_of:\n      - hr\n      - sales\n      - marketing\n      - hr\n      - отдел продаж\n      - HR\n  - id: hr\n    name: Кадры\n',
    );
    expect(seen(errorsOf(text))).toEqual([
      { line: 7, column: 'departments[0].clients_of[1]', message: 'departments[0].clients_of[1]: "sales" is this department itself; a department cannot be its own client' },
      { line: 8, column: 'departments[0].clients_of[2]', message: 'departments[0].clients_of[2]: "marketing" is not a department id' },
      { line: 9, column: 'departments[0].clients_of[3]', message: 'departments[0].clients_of[3]: "hr" is listed twice (also at clients_of[0])' },
      {
        line: 10,
        column: 'departments[0].clients_of[4]',
        message: 'departments[0].clients_of[4]: "отдел продаж" is not a department id (did you mean "sales"?)',
      },
      { line: 11, column: 'departments[0].clients_of[5]', message: 'departments[0].clients_of[5]: "HR" is not a department id (did you mean "hr"?)' },
    ]);
  });

  it('reports unknown keys at every level, with did-you-mean', () => {
    const text = `version: 1
titel: X
scale: { min: 1, max: 5, maxx: 6 }
departments:
  - id: sales
    name: Продажи
    clinets_of: [hr]
  - id: hr
    name: HR
    colour: red
criteria:
  - id: speed
    name: Скорость
    wieght: 2
`;
    expect(seen(errorsOf(text))).toEqual([
      { line: 2, column: 'titel', message: 'titel: unknown key (did you mean "title"?)' },
      { line: 3, column: 'scale.maxx', message: 'scale.maxx: unknown key (did you mean "max"?)' },
      { line: 7, column: 'departments[0].clinets_of', message: 'departments[0].clinets_of: unknown key (did you mean "clients_of"?)' },
      { line: 10, column: 'departments[1].colour', message: 'departments[1].colour: unknown key; allowed here: id, name, clients_of, description, renamed_from, headcount' },
      { line: 14, column: 'criteria[0].wieght', message: 'criteria[0].wieght: unknown key (did you mean "weight"?)' },
    ]);
  });

  it('reports every problem at once, in file order', () => {
    const text = `version: 2
scale: { min: 1, max: 5 }
favorable_min: "3,5"
anonymity_min: 0
aggregation: department
alert_below: 7
na_values: ["N/A", "3"]
departments:
  - id: Sales Team
    name: Продажи
  - id: hr
    name: продажи
  - id: hr
    name: HR
criteria:
  - id: speed
    name: Скорость
    weight: 0
  - id: Качество
    name: Comment
    weight: "2"
`;
    expect(seen(errorsOf(text))).toEqual([
      { line: 1, column: 'version', message: 'version: must be 1 (the only config version so far), not 2' },
      { line: 3, column: 'favorable_min', message: 'favorable_min: must be a number, not "3,5" (write decimals with a dot: 3.5)' },
      { line: 4, column: 'anonymity_min', message: 'anonymity_min: must be 1 or more, not 0' },
      {
        line: 5,
        column: 'aggregation',
        message: 'aggregation: must be "departments" or "respondents", not "department" (did you mean "departments"?)',
      },
      { line: 6, column: 'alert_below', message: 'alert_below: 7 is outside the scale 1–5' },
      {
        line: 7,
        column: 'na_values[1]',
        message: 'na_values[1]: "3" is an answer on the scale 1–5, so it cannot also mean "not applicable"',
      },
      {
        line: 9,
        column: 'departments[0].id',
        message: 'departments[0].id: "Sales Team" is not a valid id: use only lowercase latin letters, digits, "_" and "-" (for example "sales_team")',
      },
      {
        line: 12,
        column: 'departments[1].name',
        message:
          'departments[1].name: "продажи" is also the name of departments[0]; files may name a department by id or by name, so this would be ambiguous',
      },
      { line: 13, column: 'departments[2].id', message: 'departments[2].id: "hr" is already the id of departments[1]; ids must be unique' },
      { line: 18, column: 'criteria[0].weight', message: 'criteria[0].weight: must be greater than 0, not 0' },
      {
        line: 19,
        column: 'criteria[1].id',
        message: 'criteria[1].id: "Качество" is not a valid id: use only lowercase latin letters, digits, "_" and "-"',
      },
      {
        line: 20,
        column: 'criteria[1].name',
        message:
          'criteria[1].name: "Comment" is a column of response files (respondent_id, rater_department, target_department, rater_name, target_name, comment, criterion, score), so a criterion cannot use it',
      },
      { line: 21, column: 'criteria[1].weight', message: 'criteria[1].weight: must be a number, not "2" (remove the quotes)' },
    ]);
  });

  it('checks the scale and the thresholds inside it', () => {
    expect(seen(errorsOf(yaml(TWO, undefined, 'version: 1\nscale:\n  min: 5\n  max: 5\n')))).toEqual([
      { line: 2, column: 'scale', message: 'scale: min (5) must be less than max (5)' },
    ]);
    expect(seen(errorsOf(yaml(TWO, undefined, 'version: 1\nscale: { min: 1, max: 5 }\nfavorable_min: 0\nalert_below: 5.5\n')))).toEqual([
      { line: 3, column: 'favorable_min', message: 'favorable_min: 0 is outside the scale 1–5' },
      { line: 4, column: 'alert_below', message: 'alert_below: 5.5 is outside the scale 1–5' },
    ]);
    // The default scale applies when none is given.
    expect(seen(errorsOf(yaml(TWO, undefined, 'version: 1\nfavorable_min: 6\n')))).toEqual([
      { line: 2, column: 'favorable_min', message: 'favorable_min: 6 is outside the scale 1–5' },
    ]);
    expect(seen(errorsOf(yaml(TWO, undefined, 'version: 1\nscale: { min: one, max: .inf }\n')))).toEqual([
      { line: 2, column: 'scale.min', message: 'scale.min: must be a number, not "one"' },
      { line: 2, column: 'scale.max', message: 'scale.max: must be a finite number, not .inf' },
    ]);
    expect(seen(errorsOf(yaml(TWO, undefined, 'version: 1\nanonymity_min: 2.5\n')))).toEqual([
      { line: 2, column: 'anonymity_min', message: 'anonymity_min: must be a whole number, not 2.5' },
    ]);
  });

  it('finds names shared with another department id or name, case and spaces ignored', () => {
    const text = yaml('  - id: sales\n    name: " HR "\n  - id: hr\n    name: Кадры\n  - id: it\n    name: кадры\n  - id: ops\n    name: OPS\n');
    expect(seen(errorsOf(text))).toEqual([
      {
        line: 4,
        column: 'departments[0].name',
        message: 'departments[0].name: " HR " is the id of departments[1]; files may name a department by id or by name, so this would be ambiguous',
      },
      {
        line: 8,
        column: 'departments[2].name',
        message: 'departments[2].name: "кадры" is also the name of departments[1]; files may name a department by id or by name, so this would be ambiguous',
      },
    ]);
  });

  it('checks criteria the same way, and against the reserved column names', () => {
    const text = yaml(
      TWO,
      '  - id: speed\n    name: Quality\n  - id: quality\n    name: Качество\n  - id: score\n    name: Score\n  - id: tone\n    name: " Rater_Department "\n  - id: speed\n    name: Скорость\n',
    );
    expect(seen(errorsOf(text))).toEqual([
      {
        line: 9,
        column: 'criteria[0].name',
        message: 'criteria[0].name: "Quality" is the id of criteria[1]; files may name a criterion by id or by name, so this would be ambiguous',
      },
      {
        line: 12,
        column: 'criteria[2].id',
        message:
          'criteria[2].id: "score" is a column of response files (respondent_id, rater_department, target_department, rater_name, target_name, comment, criterion, score), so a criterion cannot use it',
      },
      {
        line: 15,
        column: 'criteria[3].name',
        message:
          'criteria[3].name: " Rater_Department " is a column of response files (respondent_id, rater_department, target_department, rater_name, target_name, comment, criterion, score), so a criterion cannot use it',
      },
      { line: 16, column: 'criteria[4].id', message: 'criteria[4].id: "speed" is already the id of criteria[0]; ids must be unique' },
    ]);
  });

  it('needs at least two departments and one criterion', () => {
    expect(seen(errorsOf(yaml('  - id: sales\n    name: Продажи\n', '  []\n')))).toEqual([
      { line: 2, column: 'departments', message: 'departments: at least 2 departments are needed, found 1' },
      { line: 5, column: 'criteria', message: 'criteria: at least one criterion is needed, found none' },
    ]);
    // A missing key is placed at its parent's line: here the top of the file.
    expect(seen(errorsOf('version: 1\ndepartments:\n'))).toEqual([
      { line: 1, column: 'criteria', message: 'criteria: missing (required)' },
      { line: 2, column: 'departments', message: 'departments: is empty; it must be a list' },
    ]);
  });

  it('says what is missing, and what a wrong type should be', () => {
    const text = 'title: [a, b]\ndepartments:\n  - id: sales\n  - name: HR\n  - hr\ncriteria: { id: speed }\n';
    expect(seen(errorsOf(text))).toEqual([
      { line: 1, column: 'version', message: 'version: missing; add "version: 1" at the top' },
      { line: 1, column: 'title', message: 'title: must be text, not a list' },
      { line: 3, column: 'departments[0].name', message: 'departments[0].name: missing (required)' },
      { line: 4, column: 'departments[1].id', message: 'departments[1].id: missing (required)' },
      { line: 5, column: 'departments[2]', message: 'departments[2]: must be a mapping (key: value lines), not "hr"' },
      { line: 6, column: 'criteria', message: 'criteria: must be a list, not a mapping (key: value lines)' },
    ]);
  });

  it('rejects a config that is not a mapping', () => {
    expect(seen(errorsOf('- sales\n- hr\n'))).toEqual([
      { line: 1, column: null, message: 'the config must be a mapping of keys (version, title, departments, criteria, ...), not a list' },
    ]);
    expect(seen(errorsOf('just some text\n'))).toEqual([
      { line: 1, column: null, message: 'the config must be a mapping of keys (version, title, departments, criteria, ...), not "just some text"' },
    ]);
  });

  it('says clearly when the file is empty', () => {
    for (const text of ['', '   \n\n', '\uFEFF', '# only a comment\n']) {
      const problems = errorsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.code).toBe('config-invalid');
      expect(problems[0]?.message).toMatch(/^the config file is empty; .*ic init/);
    }
  });
});

describe('numbers that enter weighted sums', () => {
  it('a weight of 1e308 (which made Infinity and NaN scores) is a config error, as is one over MAX_MAGNITUDE', () => {
    const criteria = '  - id: speed\n    name: Скорость\n    weight: 1e308\n  - id: quality\n    name: Качество\n    weight: 1000001\n';
    expect(seen(errorsOf(yaml(TWO, criteria)))).toEqual([
      { line: 10, column: 'criteria[0].weight', message: 'criteria[0].weight: 1e+308 is too large: a weight must be at most 1000000 (larger numbers could overflow the weighted sums)' },
      { line: 13, column: 'criteria[1].weight', message: 'criteria[1].weight: 1000001 is too large: a weight must be at most 1000000 (larger numbers could overflow the weighted sums)' },
    ]);
  });

  it('infinite or NaN weights, scale bounds and thresholds are config errors', () => {
    const criteria = '  - id: speed\n    name: Скорость\n    weight: .inf\n';
    expect(seen(errorsOf(yaml(TWO, criteria, 'version: 1\nscale: { min: -.inf, max: 5 }\nalert_below: .nan\n')))).toEqual([
      { line: 2, column: 'scale.min', message: 'scale.min: must be a finite number, not -.inf' },
      { line: 3, column: 'alert_below', message: 'alert_below: must be a finite number, not .nan' },
      { line: 12, column: 'criteria[0].weight', message: 'criteria[0].weight: must be a finite number, not .inf' },
    ]);
  });

  it('scale bounds and thresholds beyond ±MAX_MAGNITUDE are refused once each (not also as "outside the scale")', () => {
    expect(seen(errorsOf(yaml(TWO, undefined, 'version: 1\nscale: { min: -1e308, max: 1e7 }\nfavorable_min: 1e300\n')))).toEqual([
      { line: 2, column: 'scale.min', message: 'scale.min: -1e+308 is too large a negative number: it must be at least -1000000 (larger numbers could overflow the weighted sums)' },
      { line: 2, column: 'scale.max', message: 'scale.max: 10000000 is too large: this number must be at most 1000000 (larger numbers could overflow the weighted sums)' },
      { line: 3, column: 'favorable_min', message: 'favorable_min: 1e+300 is too large: this number must be at most 1000000 (larger numbers could overflow the weighted sums)' },
    ]);
  });

  it('the largest allowed numbers are accepted', () => {
    const criteria = '  - id: speed\n    name: Скорость\n    weight: 1000000\n';
    const { config } = parseConfig(yaml(TWO, criteria, `version: 1\nscale: { min: -${MAX_MAGNITUDE}, max: ${MAX_MAGNITUDE} }\n`), 'ic.yaml');
    expect(config?.criteria[0]?.weight).toBe(1e6);
    expect(config?.scale).toEqual({ min: -1e6, max: 1e6 });
  });
});

describe('YAML syntax', () => {
  it('reports syntax errors in plain words, with line, column, the line itself and a caret, and nothing else', () => {
    // Structure problems (no departments, no criteria) are not reported on a broken document.
    const problems = errorsOf('version: 1\ntitle: "Опрос"2026\n');
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'config-syntax',
        file: 'ic.yaml',
        line: 2,
        column: '15',
        // Was: 'YAML syntax error at line 2, column 15: Unexpected scalar at node end'
        message:
          'YAML syntax error at line 2, column 15: unexpected text after a value; a line holds "key: value" and at most a # comment — put a value with special characters in quotes\n' +
          '    2 | title: "Опрос"2026\n' +
          '      |               ^',
      },
    ]);
  });

  it('points at tabs and unclosed brackets', () => {
    expect(seen(errorsOf('version: 1\n\tdepartments: []\n'))).toEqual([
      {
        line: 2,
        column: '1',
        message: 'YAML syntax error at line 2, column 1: a tab is used to indent this line; YAML indents with spaces only\n    2 |  departments: []\n      | ^',
      },
    ]);
    const problems = errorsOf(yaml('  - id: sales\n    name: [a, b\n  - id: hr\n    name: HR\n'));
    expect(problems.map((p) => p.code)).toContain('config-syntax');
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['config-syntax']));
    expect([problems[0]?.line, problems[0]?.column]).toEqual([5, '3']);
    expect(problems[0]?.message).toBe(
      'YAML syntax error at line 5, column 3: a [list] or {mapping} is opened and never closed (or a line inside it is not indented enough); add the closing bracket\n' +
        '    5 |   - id: hr\n' +
        '      |   ^',
    );
  });

  it.each([
    ['a: "abc\nb: 3\n', 'a quoted value is opened and never closed; add the closing quote'],
    ['a: b: c\n', 'a second "key:" on one line'],
    ['a: @x\n', 'cannot start with this character unless it is quoted'],
    ['a: "\\q"\n', 'a backslash inside "double quotes" starts an escape'],
    ['version: 1\ntitle\nx: 1\n', 'has no ":" after its key'],
  ])('%j: says what is wrong in plain words, one problem per line', (text, says) => {
    const problems = errorsOf(text);
    expect(problems[0]?.message).toContain(says);
    expect(new Set(problems.map((p) => p.line)).size).toBe(problems.length);
    expect(problems[0]?.message).not.toMatch(/Nested mappings|Missing closing|Plain value|Invalid escape|parseAllDocuments|Implicit keys/);
  });

  it('a long line is shown cut around the column, the caret under the place', () => {
    const text = `version: 1\ntitle: "${'x'.repeat(200)}"${'y'.repeat(200)}\n`;
    const message = errorsOf(text)[0]?.message ?? '';
    const [, shown, caret] = message.split('\n');
    expect(shown).toBe(`    2 | …${'x'.repeat(49)}"${'y'.repeat(30)}…`);
    expect(caret?.indexOf('^')).toBe(shown?.indexOf('y'));
  });

  it('reports a key given twice', () => {
    const problems = errorsOf(yaml(TWO, undefined, 'version: 1\ntitle: a\ntitle: b\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'config-syntax', line: 3, column: '1' });
    expect(problems[0]?.message).toContain('unique');
  });

  it.each([
    ['a million [', `version: 1\nx: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`, 2, 11],
    ['a million "- "', `version: 1\nx:\n${'- '.repeat(1_000_000)}x\n`, 3, 17],
    ['a million "a: "', `version: 1\n${'a: '.repeat(1_000_000)}x\n`, 2, 25],
    ['half a million "{a: "', `version: 1\nx: ${'{a: '.repeat(500_000)}${'}'.repeat(500_000)}\n`, 2, 32],
    ['indentation', `version: 1\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} x\n`, 10, 9],
  ])('refuses nesting far beyond the schema (%s) before parsing, at the place it goes too deep', (_what, text, line, column) => {
    const problems = errorsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'config-syntax', line, column: String(column) });
    expect(problems[0]?.message).toContain(`lists and mappings are nested more than ${MAX_NESTING} levels deep here`);
  });

  it('nesting under block scalars (description: |) is counted too', () => {
    // Each level: a key with a block scalar, then a key holding the next level, two spaces further right.
    const levels = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}d${i}: |\n${'  '.repeat(i + 1)}text: - here\n${'  '.repeat(i)}n${i}:`).join('\n');
    const problems = errorsOf(`version: 1\nx:\n${levels} end\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('nested more than 8 levels deep');
  });

  it('nesting within the limit is read as usual, block and flow mixed', () => {
    const departments = '  - id: sales\n    name: Продажи\n    clients_of: [hr]\n  - {id: hr, name: HR, clients_of: [sales]}\n';
    const { config } = parseConfig(yaml(departments), 'ic.yaml');
    expect(config?.evaluates).toEqual([[1], [0]]);
  });

  it('refuses a config over the size limit without parsing it', () => {
    const text = yaml(TWO, undefined, `version: 1\ntitle: "${'x'.repeat(MAX_CONFIG_BYTES)}"\n`);
    expect(seen(errorsOf(text))).toEqual([
      { line: null, column: null, message: 'the config is larger than 4 MB; a config of thousands of departments is far smaller — is this the right file?' },
    ]);
  });

  it('passes YAML warnings on without blocking the config', () => {
    const { config, problems } = parseConfig(yaml(TWO, undefined, 'version: 1\ntitle: !!weird x\n'), 'ic.yaml');
    expect(config?.title).toBe('x');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', code: 'config-syntax', line: 2, column: '8' });
  });
});

describe('alias expansion', () => {
  function laughs(levels: number): string {
    let text = 'version: 1\nl0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i <= levels; i++) {
      text += `l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
    }
    return text + yaml(TWO).replace('version: 1\n', '');
  }

  it('stops a "billion laughs" document quickly with a clean error', () => {
    const text = laughs(9); // 10^10 strings once expanded, from under 1 KB
    expect(text.length).toBeLessThan(1000);
    const started = performance.now();
    const problems = errorsOf(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(seen(problems)).toEqual([
      {
        line: 3,
        column: null,
        message:
          'the config repeats YAML aliases (*name) so often that it would expand into a huge document; write the values out instead of using anchors and aliases',
      },
    ]);
    expect(problems[0]?.code).toBe('config-invalid');
  });

  it('bounds the number of aliases too', () => {
    let text = 'version: 1\n';
    for (let i = 0; i < 1500; i++) text += `a${i}: &a${i} x\nb${i}: *a${i}\n`;
    const started = performance.now();
    const problems = errorsOf(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/YAML aliases/);
  });
});

describe('formatPath', () => {
  it('writes paths the way the messages show them', () => {
    expect(formatPath(['departments', 3, 'clients_of', 1])).toBe('departments[3].clients_of[1]');
    expect(formatPath(['scale', 'min'])).toBe('scale.min');
    expect(formatPath(['a b', 0])).toBe('["a b"][0]');
    expect(formatPath([])).toBe('');
  });
});
