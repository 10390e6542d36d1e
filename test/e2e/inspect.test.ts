/**
 * `ic inspect` end to end (SPEC 2.4, 4.1): on each form export of test/fixtures/forms it recognises the layout
 * and proposes an `import:` block that, pasted into ic.yaml, makes `ic score` give the canonical twin's scores;
 * on a survey that is not an Internal Client survey it says what is missing and exits 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FIXTURES, ic, REPO, workdir } from '../helpers/cli.js';

const FORMS = join(FIXTURES, 'forms');
const COMPANY = join(REPO, 'examples/ic.yaml');
const VIEWS = ['department', 'criterion', 'pair', 'rater'] as const;

interface InspectJson {
  layout: string | null;
  rater_column: string | null;
  respondent_columns: string[];
  columns: { header: string; target: string | null; criterion: string | null; kind: string }[];
  unmatched: unknown[];
  labels: { header: string; labels: string[] }[];
  import: Record<string, unknown> | null;
  problems: string[];
}

function inspect(file: string): InspectJson {
  const run = ic(['inspect', file, '--config', COMPANY, '--format', 'json'], { cwd: FORMS });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as InspectJson;
}

function scoreJson(file: string, config: string, view: string, cwd: string): Record<string, unknown> {
  const run = ic(['score', file, '--config', config, '--format', 'json', '--by', view], { cwd });
  expect(run.code, run.stderr).toBe(0);
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  delete json['rows']; // read/rejected differ by the older submissions (test/e2e/forms.test.ts checks them)
  return json;
}

const twin = Object.fromEntries(VIEWS.map((view) => [view, scoreJson('canonical.csv', COMPANY, view, FORMS)]));

const CASES = [
  {
    file: 'google.xlsx',
    rater: 'Ваше подразделение',
    respondents: ['Адрес электронной почты'],
    ratings: 'Оцените работу: {target} [{criterion}]',
    comments: 'Комментарий: {target}',
    sheet: 'Ответы на форму (1)',
  },
  { file: 'google.csv', rater: 'Ваше подразделение', respondents: ['Адрес электронной почты'], ratings: 'Оцените работу: {target} [{criterion}]', comments: 'Комментарий: {target}' },
  { file: 'yandex.xlsx', rater: 'Ваше подразделение', respondents: ['Ваш e-mail'], ratings: '{target}: {criterion}', sheet: 'Ответы' },
  { file: 'msforms.xlsx', rater: 'Ваше подразделение', respondents: ['Электронная почта'], ratings: '{target} — {criterion}', sheet: 'Form1' },
];

describe('ic inspect on form exports', () => {
  for (const c of CASES) {
    it(`${c.file}: recognises the layout, and its import: block reproduces the canonical scores`, () => {
      const json = inspect(c.file);
      expect(json.layout).toBe('form');
      expect(json.rater_column).toBe(c.rater);
      expect(json.respondent_columns).toEqual(c.respondents);
      expect(json.unmatched).toEqual([]);
      // 14 departments are rated by someone, 5 criteria each.
      const ratings = json.columns.filter((col) => col.kind === 'rating');
      expect(ratings).toHaveLength(14 * 5);
      expect(ratings[0]).toEqual(expect.objectContaining({ target: 'sales', criterion: 'speed' }));
      expect(json.import).toEqual(
        expect.objectContaining({
          rater_column: c.rater,
          respondent_columns: c.respondents,
          ratings: c.ratings,
          duplicates: 'latest',
          ...(c.sheet === undefined ? {} : { sheet: c.sheet }),
          ...(c.comments === undefined ? {} : { comments: c.comments }),
        }),
      );
      if (c.file === 'yandex.xlsx') {
        expect(json.import?.['values']).toEqual({ Отлично: 5, Хорошо: 4, 'Не взаимодействовали': 'n/a', Удовлетворительно: 3, Плохо: 2, 'Очень плохо': 1 });
      }

      const dir = workdir();
      writeFileSync(join(dir, 'ic.yaml'), `${readFileSync(COMPANY, 'utf8')}\n${stringify({ import: json.import })}`);
      for (const view of VIEWS) {
        expect(scoreJson(join(FORMS, c.file), join(dir, 'ic.yaml'), view, dir)).toEqual(twin[view]);
      }
    });
  }

  it('shows it for people too: columns, labels seen, and the block to paste', () => {
    const run = ic(['inspect', 'yandex.xlsx', '--config', COMPANY], { cwd: FORMS });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('yandex.xlsx, sheet "Ответы": a form export, 46 line(s) of data');
    expect(run.stdout).toMatch(/Отдел закупок: Скорость реакции +rating: procurement × speed/);
    expect(run.stdout).toMatch(/Ваш e-mail +respondent/);
    expect(run.stdout).toContain('labels seen in the rating columns: "Отлично"');
    expect(run.stdout).toContain('Paste into ic.yaml:\n\nimport:\n  sheet: Ответы\n  rater_column: Ваше подразделение');
    expect(run.stdout).not.toContain('@example.ru');
  });

  it('recognises a canonical file as such (no import block needed)', () => {
    const json = JSON.parse(ic(['inspect', 'canonical.csv', '--config', COMPANY, '--format', 'json'], { cwd: FORMS }).stdout) as InspectJson;
    expect(json.layout).toBe('wide');
    expect(json.import).toBeNull();
    expect(json.columns.filter((c) => c.kind === 'rating').map((c) => c.criterion)).toEqual(['speed', 'quality', 'competence', 'politeness', 'proactivity']);
  });

  it('refuses a public survey export: exit 1, naming what is missing', () => {
    const run = ic(['inspect', 'survey.csv', '--config', COMPANY, '--format', 'json'], { cwd: FORMS });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as InspectJson;
    expect(json.layout).toBeNull();
    expect(json.import).toBeNull();
    expect(json.problems.join(' ')).toContain('no column header names a department and a criterion; and no rater column');
    expect(run.stderr).toBe('ic: survey.csv: no layout recognised (see above); nothing in it can be scored as it stands\n');
  });
});
