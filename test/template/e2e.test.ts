/**
 * The built CLI on filled templates: a folder of filled copies, one per person, passes `ic validate` and
 * `ic score` without any edit. Needs `npm run build` (npm test does it first).
 */
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTemplates } from '../../src/render/template.js';
import { ic, workdir } from '../helpers/cli.js';
import { FIXTURE_CONFIG, fixtureConfig } from './helpers.js';

const dir = workdir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `ic template --out` as a user runs it, then three people per questionnaire; person p gives 3 + p on every
 * criterion (so the scores are 3, 4 and 5 averaged).
 */
function fillFolder(): string {
  const forms = join(dir, 'forms');
  const made = ic(['template', '--config', FIXTURE_CONFIG, '--out', forms, '--format', 'csv', '--quiet']);
  expect(made.code).toBe(0);
  const filled = join(dir, 'filled');
  mkdirSync(filled, { recursive: true });
  const names = readdirSync(forms).filter((f) => f.endsWith('.csv'));
  expect(names).toEqual(buildTemplates(fixtureConfig(), { formats: ['csv'] }).files.map((f) => f.name).sort());
  for (const name of names) {
    // As Excel in a Russian locale opens and saves them: UTF-8 with a BOM, ';' between cells.
    const [header, ...rows] = parse(readFileSync(join(forms, name), 'utf8'), { delimiter: ';', bom: true }) as string[][];
    for (let p = 0; p < 3; p++) {
      const copy = rows.map((row) => [...row.slice(0, 5), ...row.slice(5, -1).map(() => String(3 + p)), '']);
      writeFileSync(join(filled, `${name.replace(/\.csv$/u, '')}-${p + 1}.csv`), `\uFEFF${stringify([header!, ...copy], { delimiter: ';' })}`);
    }
  }
  return filled;
}

describe('filled templates through bin/ic.js', () => {
  const filled = fillFolder();

  it('ic validate FOLDER: no problems, every row valid', () => {
    const run = ic(['validate', filled, '--config', FIXTURE_CONFIG, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; rows: Record<string, number>; problems: unknown[] };
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.rows).toMatchObject({ read: 24, valid: 24, with_errors: 0, with_warnings: 0 });
  });

  it('ic score FOLDER --format json: each file one respondent, scores as filled in', () => {
    const run = ic(['score', filled, '--config', FIXTURE_CONFIG, '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      rows: { read: number; used: number; rejected: number };
      departments: { id: string; score: number | null; respondents: number; raters: number }[];
    };
    expect(result.rows).toEqual({ read: 24, used: 24, rejected: 0 });
    const byId = new Map(result.departments.map((d) => [d.id, d]));
    // procurement: sales and delivery, 3 people each, giving 3, 4 and 5 → 4.
    expect(byId.get('procurement')).toMatchObject({ score: 4, respondents: 6, raters: 2 });
    // it: procurement, delivery and board, 3 people each.
    expect(byId.get('it')).toMatchObject({ score: 4, respondents: 9, raters: 3 });
    expect(byId.get('board')).toMatchObject({ score: null, respondents: 0 });
  });
});
