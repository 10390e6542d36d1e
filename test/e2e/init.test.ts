/** `ic init`: a new user's first command; `ic validate` and `ic score` must work right after. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';

describe('ic init', () => {
  it('writes a sample that validates and scores as it is', () => {
    const dir = workdir();
    const init = ic(['init', 'survey'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('Wrote survey/ic.yaml, survey/responses.csv and survey/previous.csv.');
    expect(readFileSync(join(dir, 'survey/ic.yaml'), 'utf8')).toMatch(/^# ic\.yaml/);

    const validate = ic(['validate', 'survey/responses.csv'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('Проблем не найдено');

    const score = ic(['score', 'survey/responses.csv', '--format', 'json'], { cwd: dir });
    expect(score.code).toBe(0);
    const json = JSON.parse(score.stdout) as { rows: { read: number; used: number; rejected: number }; departments: { score: number | null }[] };
    expect(json.rows).toEqual({ read: 30, used: 30, rejected: 0 });
    // every department of the sample is evaluated by at least 3 people: nothing is hidden
    expect(json.departments.every((d) => d.score !== null)).toBe(true);
  });

  it('keeps existing files unless --force', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'ic.yaml'), 'mine');
    const refused = ic(['init'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ic.yaml already exists; nothing written');
    expect(readFileSync(join(dir, 'ic.yaml'), 'utf8')).toBe('mine');
    expect(ic(['init', '--force', '--quiet'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'ic.yaml'), 'utf8')).not.toBe('mine');
  });
});

describe('usage', () => {
  it('lists every command in --help, and exits 2 on wrong usage', () => {
    const help = ic(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'validate', 'template', 'score', 'diff', 'trend', 'explain']) expect(help.stdout).toContain(`  ${command} `);
    expect(ic(['score', '--by', 'team', 'x.csv']).code).toBe(2);
    expect(ic(['frobnicate']).code).toBe(2);
    expect(ic(['validate', '--max-problems', 'many']).code).toBe(2);
    const none = ic(['score']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('ic score needs the responses');
  });

  it("each command's --help ends with real examples", () => {
    for (const command of ['init', 'validate', 'template', 'score', 'diff', 'trend', 'explain']) {
      const help = ic([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Examples:\\n(  ic ${command}.*\\n)+$`));
    }
  });
});
