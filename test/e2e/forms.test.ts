/**
 * Form exports end to end (SPEC 2.4): the built CLI on exports of the same answers as Google Forms (CSV and the
 * .xlsx Google Sheets downloads), Yandex Forms and Microsoft Forms scores exactly as on the canonical twin, in
 * every view; duplicates, self-ratings and personal data are handled as the spec says.
 * The fixtures come from test/fixtures/forms/generate.mjs.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { FIXTURES, ic, REPO, workdir } from '../helpers/cli.js';

const FORMS = join(FIXTURES, 'forms');
const COMPANY = join(REPO, 'examples/ic.yaml');
const VIEWS = ['department', 'criterion', 'pair', 'rater'] as const;
const EXPORTS = [
  ['google.csv', 'google.yaml'],
  ['google.xlsx', 'google.yaml'],
  ['yandex.xlsx', 'yandex.yaml'],
  ['msforms.xlsx', 'msforms.yaml'],
] as const;

interface Expected {
  canonical_rows: number;
  older_submission_rows: number;
  self_rated_lines: number;
  emails: string[];
  names: string[];
}
const expected = JSON.parse(readFileSync(join(FORMS, 'expected.json'), 'utf8')) as Expected;

interface ScoreJson {
  rows: { read: number; used: number; rejected: number };
  [key: string]: unknown;
}

function score(file: string, config: string, view: string, extra: string[] = []): { json: ScoreJson; stderr: string } {
  const run = ic(['score', file, '--config', config, '--format', 'json', '--by', view, ...extra], { cwd: FORMS });
  expect(run.stderr).not.toContain('internal error');
  expect(run.code, run.stderr).toBe(0);
  return { json: JSON.parse(run.stdout) as ScoreJson, stderr: run.stderr };
}

const twin = Object.fromEntries(VIEWS.map((view) => [view, score('canonical.csv', COMPANY, view).json]));

describe('form exports score exactly as their canonical twin', () => {
  for (const [file, config] of EXPORTS) {
    it(`${file}: every view, every field`, () => {
      for (const view of VIEWS) {
        const { json, stderr } = score(file, config, view);
        const { rows, ...rest } = json;
        const { rows: twinRows, ...twinRest } = twin[view] as ScoreJson;
        expect(rest).toEqual(twinRest);
        // The older submissions of the two people who submitted twice are read and rejected; nothing else differs.
        expect(twinRows).toEqual({ read: expected.canonical_rows, used: expected.canonical_rows, rejected: 0 });
        expect(rows).toEqual({ read: expected.canonical_rows + expected.older_submission_rows, used: expected.canonical_rows, rejected: expected.older_submission_rows });
        expect(stderr).toContain(`${expected.self_rated_lines} form line(s) rate the rater's own department; those answers were left out`);
        expect(stderr).toContain('an earlier submission of the same respondent');
      }
    });
  }
});

describe('personal data', () => {
  for (const [file, config] of EXPORTS) {
    it(`${file}: no e-mail or name from a respondent column reaches any output, rejects included`, () => {
      const dir = workdir();
      const rejects = join(dir, 'rejects.csv');
      const outputs: string[] = [];
      const runs = [
        ['--by', 'department', '--format', 'table'],
        ['--by', 'pair', '--format', 'csv'],
        ['--by', 'rater', '--format', 'md'],
        ['--by', 'criterion', '--format', 'json'],
      ];
      for (const args of runs) {
        const run = ic(['score', file, '--config', config, ...args, '--rejects', rejects], { cwd: FORMS });
        expect(run.code).toBe(0);
        outputs.push(run.stdout, run.stderr, readFileSync(rejects, 'utf8'));
      }
      const validate = ic(['validate', file, '--config', config, '--format', 'json'], { cwd: FORMS });
      outputs.push(validate.stdout, validate.stderr);
      const all = outputs.join('\n');
      // The rejects hold the older submissions' lines, with the respondent as a hash.
      expect(readFileSync(rejects, 'utf8')).toMatch(/#[0-9a-f]{12}/);
      for (const secret of [...expected.emails, ...expected.names]) expect(all).not.toContain(secret);
      expect(all).not.toMatch(/@example\.ru/);
    });
  }
});

describe('without an import: block', () => {
  it('recognises a Google Forms export by itself; the two submissions of one person are the duplicate error', () => {
    const run = ic(['score', 'google.csv', '--config', COMPANY, '--format', 'json'], { cwd: FORMS });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // Both lines of each pair are named; the respondent is shown as a hash.
    expect(run.stderr).toMatch(/google\.csv:8 \[respondent_id\] {2}Respondent "#[0-9a-f]{12}" evaluates "[^"]+" twice: here and at google\.csv line 7/);
    for (const email of expected.emails) expect(run.stderr).not.toContain(email);
  });

  it('with --skip-invalid, scores what is left: both submissions of a repeated person are out', () => {
    const { json } = score('msforms.xlsx', COMPANY, 'department', ['--skip-invalid']);
    expect(json.rows.read).toBe(expected.canonical_rows + expected.older_submission_rows);
    // Each older submission's rows and as many rows of the newer one (the same targets) are rejected.
    expect(json.rows.rejected).toBe(2 * expected.older_submission_rows);
  });

  it('text labels it cannot read are errors that list the labels seen and point to ic inspect', () => {
    const run = ic(['score', 'yandex.xlsx', '--config', COMPANY], { cwd: FORMS });
    expect(run.code).toBe(1);
    // The sheet and its row, as the spreadsheet shows them (the report is in Russian: the names are).
    expect(run.stderr).toMatch(/yandex\.xlsx \(лист "Ответы", строка 2\) \[Отдел продаж: Скорость реакции\] {2}"Отлично" is not an answer ic understands; labels seen in this column: "Отлично"/);
    expect(run.stderr).toContain('ic inspect yandex.xlsx proposes them');
  });

  it('refuses a survey export that is not an Internal Client survey: exit 1, no scores, what is missing', () => {
    for (const args of [['score', 'survey.csv'], ['score', 'survey.csv', '--skip-invalid', '--format', 'json'], ['validate', 'survey.csv']]) {
      const run = ic([...args, '--config', COMPANY], { cwd: FORMS });
      expect(run.code).toBe(1);
      const said = args[0] === 'validate' ? run.stdout : run.stderr;
      if (args[0] === 'score') expect(run.stdout).toBe('');
      expect(said).toContain('survey.csv:1');
      expect(said).toContain('no column header names a department and a criterion; and no rater column');
      expect(said).toContain('Run "ic inspect survey.csv"');
      if (args.includes('--skip-invalid')) expect(run.stderr).toContain('ic: в данных не осталось ни одной годной строки; ничего не посчитано');
    }
  });
});

describe('canonical layouts from .xlsx', () => {
  it('a canonical wide sheet scores as the same CSV does, with the sheet row numbers in messages', async () => {
    const dir = workdir();
    const lines = readFileSync(join(FORMS, 'canonical.csv'), 'utf8').trim().split('\n');
    const rows = lines.map((line) => line.split(',').map((cell, i) => (i >= 3 && i <= 7 && /^\d$/.test(cell) ? Number(cell) : cell === '' ? null : cell)));
    // A typo on sheet row 5 (an unknown department): the message must say row 5.
    (rows[4] as (string | number | null)[])[2] = 'procurment';
    await writeExcelFile(rows as never).toFile(join(dir, 'canonical.xlsx'));
    writeFileSync(join(dir, 'canonical.csv'), `${lines.map((l, i) => (i === 4 ? l.split(',').map((c, k) => (k === 2 ? 'procurment' : c)).join(',') : l)).join('\n')}\n`);
    for (const view of VIEWS) {
      const fromCsv = ic(['score', 'canonical.csv', '--config', COMPANY, '--format', 'json', '--by', view, '--skip-invalid'], { cwd: dir });
      const fromXlsx = ic(['score', 'canonical.xlsx', '--config', COMPANY, '--format', 'json', '--by', view, '--skip-invalid'], { cwd: dir });
      expect(fromXlsx.code).toBe(0);
      expect(JSON.parse(fromXlsx.stdout)).toEqual(JSON.parse(fromCsv.stdout));
    }
    const run = ic(['validate', 'canonical.xlsx', '--config', COMPANY, '--format', 'json'], { cwd: dir });
    const problems = (JSON.parse(run.stdout) as { problems: { code: string; file: string; line: number }[] }).problems;
    expect(problems).toContainEqual(expect.objectContaining({ code: 'unknown-department', file: 'canonical.xlsx', line: 5 }));
  });

  it('a folder with an .xlsx and its ic.yaml reads it; a missing sheet lists the sheets', () => {
    const dir = workdir();
    cpSync(join(FORMS, 'google.xlsx'), join(dir, 'google.xlsx'));
    cpSync(join(FORMS, 'google.yaml'), join(dir, 'google.yaml'));
    cpSync(join(FORMS, 'google.yaml'), join(dir, 'ic.yaml'));
    const folder = ic(['score', '.', '--format', 'json'], { cwd: dir });
    expect(folder.code, folder.stderr).toBe(0);
    expect((JSON.parse(folder.stdout) as ScoreJson).rows.used).toBe(expected.canonical_rows);
    writeFileSync(join(dir, 'google.yaml'), readFileSync(join(dir, 'google.yaml'), 'utf8').replace('sheet: Ответы на форму (1)', 'sheet: Ответы на форму (2)'));
    const missing = ic(['validate', 'google.xlsx', '--config', 'google.yaml'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stdout + missing.stderr).toContain('the workbook has no sheet "Ответы на форму (2)" (did you mean "Ответы на форму (1)"?); its sheets: "Ответы на форму (1)"');
  });
});
