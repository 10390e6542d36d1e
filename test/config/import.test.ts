/** src/config/import.ts through parseConfig: the `import:` block of ic.yaml (SPEC 2.4), resolved and checked. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';

const BASE = `version: 1
departments:
  - { id: sales, name: Отдел продаж }
  - { id: procurement, name: Отдел закупок }
criteria:
  - { id: speed, name: Скорость реакции }
`;

const parse = (block: string) => parseConfig(`${BASE}import:\n${block}`, 'ic.yaml');
const messages = (block: string) => parse(block).problems.map((p) => [p.line, p.message]);

describe('the import: block', () => {
  it('resolves every key: labels and aliases normalised, n/a as null, duplicates defaulting to error', () => {
    const { config, problems } = parse(`  sheet: "Ответы на форму (1)"
  rater_column: Ваше подразделение
  respondent_columns: [Адрес электронной почты]
  ratings: "Оцените работу: {target} [{criterion}]"
  comments: "Комментарий: {target}"
  values: { "Отлично": 5, "Хорошо": 4, "Не  взаимодействовали": n/a }
  aliases: { "Закупки": procurement, "Скорость": speed }
`);
    expect(problems).toEqual([]);
    const settings = config!.import!;
    expect(settings.sheet).toBe('Ответы на форму (1)');
    expect(settings.raterColumn).toBe('Ваше подразделение');
    expect(settings.respondentColumns).toEqual(['Адрес электронной почты']);
    expect(settings.ratings).toBe('Оцените работу: {target} [{criterion}]');
    expect(settings.comments).toBe('Комментарий: {target}');
    expect([...settings.values]).toEqual([
      ['отлично', 5],
      ['хорошо', 4],
      ['не взаимодействовали', null],
    ]);
    expect([...settings.aliases]).toEqual([
      ['закупки', { kind: 'department', index: 1 }],
      ['скорость', { kind: 'criterion', index: 0 }],
    ]);
    expect(settings.duplicates).toBe('error');
  });

  it('a config without it has none', () => {
    expect(parseConfig(BASE, 'ic.yaml').config!.import).toBeUndefined();
  });

  it('reports every problem at once, located, with "did you mean"', () => {
    expect(
      messages(`  rater_colum: Отдел
  values: { "Отлично": 7, "Так себе": "три" }
  aliases: { "Закупки": procurment, "Отдел продаж": procurement }
  duplicates: newest
`),
    ).toEqual([
      [8, 'import.rater_colum: unknown key (did you mean "rater_column"?)'],
      [9, 'import.values["Отлично"]: 7 is outside the scale 1–5'],
      [9, 'import.values["Так себе"]: "три" is not a number; write a number on the scale, or n/a for "did not deal with them"'],
      [10, 'import.aliases["Закупки"]: "procurment" is not a department or criterion id (did you mean "procurement"?)'],
      [10, 'import.aliases["Отдел продаж"]: "Отдел продаж" already names "sales", so it cannot also stand for "procurement"'],
      [11, 'import.duplicates: must be "error" or "latest", not "newest"'],
    ]);
  });

  it('an unknown key at the root suggests import', () => {
    expect(parseConfig(`${BASE}imports: {}\n`, 'ic.yaml').problems.map((p) => p.message)).toEqual(['imports: unknown key (did you mean "import"?)']);
  });
});
