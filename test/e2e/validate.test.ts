/** `ic validate` end to end: the built CLI on fixture folders, every row problem of SPEC 2.3. */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';

interface ValidateJson {
  ok: boolean;
  rows: { read: number; valid: number; with_errors: number; with_warnings: number };
  coverage: { missing_pairs: { rater: string; target: string }[] };
  problems: { severity: string; code: string; file: string | null; line: number | null; column: string | null; message: string }[];
}

describe('ic validate', () => {
  it('passes a clean file: exit 0, counts and coverage', () => {
    const run = ic(['validate', 'test/fixtures/company/good.csv', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rows read: 8 · valid: 8 · with errors: 0 · with warnings: 0');
    expect(run.stdout).toContain('every expected client → department pair got answers');
    expect(run.stdout).toContain('No problems found');
  });

  it('finds every row problem, each with file, line and column', () => {
    const run = ic(['validate', 'test/fixtures/bad-rows/responses.csv', '--format', 'json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.ok).toBe(false);
    // lines 2–8 have errors (line 2 because line 7 repeats it), 9 and 10 warnings, 11 is clean
    expect(json.rows).toEqual({ read: 10, valid: 3, with_errors: 7, with_warnings: 2 });
    const found = json.problems.map((p) => [p.severity, p.code, p.line, p.column]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['error', 'unknown-department', 3, 'rater_department'],
        ['error', 'self-evaluation', 4, 'target_department'],
        ['error', 'not-a-number', 5, 'speed'],
        ['error', 'out-of-scale', 6, 'speed'],
        ['error', 'duplicate-response', 7, 'respondent_id'],
        ['error', 'duplicate-response', 2, 'respondent_id'],
        ['error', 'field-count', 8, null],
        ['warning', 'not-a-client', 9, 'target_department'],
        ['warning', 'empty-row', 10, null],
        ['warning', 'no-responses', null, null],
      ]),
    );
    expect(found).toHaveLength(10);
    for (const p of json.problems.filter((p) => p.line !== null)) expect(p.file).toBe('test/fixtures/bad-rows/responses.csv');
    const message = (code: string, line: number | null) => json.problems.find((p) => p.code === code && p.line === line)!.message;
    expect(message('unknown-department', 3)).toContain('did you mean "sales"?');
    expect(message('duplicate-response', 7)).toContain('line 2');
    expect(message('duplicate-response', 2)).toContain('line 7');
    // the duplicate pair is left out on both sides, so sales → procurement has no answer at all
    expect(json.coverage.missing_pairs).toEqual([
      { rater: 'sales', target: 'procurement' },
      { rater: 'sales', target: 'it' },
      { rater: 'procurement', target: 'it' },
    ]);
  });

  it('groups problems by kind for people, and caps each kind with --max-problems', () => {
    const run = ic(['validate', 'test/fixtures/bad-rows/responses.csv', '--max-problems', '1', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✖ error same respondent evaluates a department twice \(duplicate-response\): 2\n {2}test\/fixtures\/bad-rows\/responses\.csv:7 \[respondent_id\]/);
    expect(run.stdout).toContain('… and 1 more of this kind');
    expect(run.stdout).toContain('Rows read: 10 · valid: 3 · with errors: 7 · with warnings: 2');
  });

  it('--strict makes warnings fail', () => {
    const dir = workdir('company');
    const strict = ic(['validate', 'good.csv', 'extra.csv', '--strict'], { cwd: dir });
    expect(strict.code).toBe(1); // extra.csv is missing: an error anyway
    const warnOnly = workdir('company');
    const csv = 'rater_department,target_department,speed,quality\nprocurement,sales,4,4\nsales,procurement,4,4\n';
    writeFileSync(`${warnOnly}/warn.csv`, csv);
    expect(ic(['validate', 'warn.csv'], { cwd: warnOnly }).code).toBe(0);
    const failing = ic(['validate', 'warn.csv', '--strict', '--lang', 'en'], { cwd: warnOnly });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('--strict: warnings count as errors');
  });

  it('--quiet: only the errors and the verdict, no per-file lines, counts or warnings', () => {
    const run = ic(['validate', 'test/fixtures/bad-rows/responses.csv', '--quiet', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(duplicate-response): 2');
    expect(run.stdout).not.toContain('not-a-client');
    expect(run.stdout).not.toContain('Rows read');
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^✖ 7 errors, 3 warnings/);
    const clean = ic(['validate', 'test/fixtures/company/good.csv', '--quiet', '--lang', 'en']);
    expect([clean.code, clean.stdout]).toEqual([0, '✔ No problems found.\n']);
  });

  it('a missing input is one error, not a warning for every department that then got no rows', () => {
    const run = ic(['validate', 'no-such-folder/', '--format', 'json'], { cwd: workdir('company') });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'file-not-found']]);
  });

  it('checks only the config when no files are given', () => {
    const run = ic(['validate', '--lang', 'en'], { cwd: workdir('company') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No problems found');
  });

  it('reports config problems with path and line, and reads no data', () => {
    const dir = workdir('company');
    writeFileSync(`${dir}/ic.yaml`, 'version: 1\ndepartments:\n  - id: sales\n    name: S\n    clients_of: [salse]\n  - id: it\n    name: IT\ncriteria:\n  - id: speed\n    name: Speed\n    wieght: 2\n');
    const run = ic(['validate', 'good.csv', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as ValidateJson;
    expect(json.rows.read).toBe(0);
    expect(json.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['config-invalid', 5, 'departments[0].clients_of[0]'],
      ['config-invalid', 11, 'criteria[0].wieght'],
    ]);
    expect(json.problems[0]!.message).toContain('did you mean "sales"?');
    expect(json.problems[1]!.message).toContain('did you mean "weight"?');
  });
});
