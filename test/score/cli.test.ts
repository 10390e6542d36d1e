/**
 * `ic score` as a command: exit codes, --out (atomic, never over an input), colour, a closed pipe.
 * Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ic, workdir } from '../helpers/cli.js';
import { ANSI, EXAMPLE_Q1 } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function fixture(name?: string): string {
  const dir = workdir(name);
  dirs.push(dir);
  return dir;
}

describe('exit codes: 0 ok, 1 data or config problems, 2 wrong usage', () => {
  const dir = fixture('score-bad');

  it('0: a report', () => {
    expect(ic(['score', 'responses.csv'], { cwd: dir }).code).toBe(0);
  });

  it('1: data errors; a missing file; a config error', () => {
    expect(ic(['score', 'responses.csv', 'bad.csv'], { cwd: dir }).code).toBe(1);
    const missing = ic(['score', 'responses.csv', 'nope.csv'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv');
    writeFileSync(join(dir, 'typo.yaml'), readFileSync(join(dir, 'ic.yaml'), 'utf8').replace('anonymity_min:', 'anonimity_min:'));
    const config = ic(['score', 'responses.csv', '--config', 'typo.yaml'], { cwd: dir });
    expect(config.code).toBe(1);
    expect(config.stdout).toBe('');
    expect(config.stderr).toMatch(/anonimity_min/u);
  });

  it.each([
    { what: 'an unknown option', args: ['responses.csv', '--bogus'], message: /unknown option '--bogus'/u },
    { what: 'a bad --by value', args: ['responses.csv', '--by', 'team'], message: /argument 'team' is invalid\. Allowed choices are department, criterion, pair, rater/u },
    { what: 'a bad --format value', args: ['responses.csv', '--format', 'docx'], message: /Allowed choices are table, csv, json, md, html, xlsx, pdf/u },
    { what: 'no files', args: [], message: /ic score needs the responses/u },
    { what: 'a bad --max-problems', args: ['responses.csv', '--max-problems', 'many'], message: /--max-problems takes a whole number/u },
  ])('2: $what', ({ args, message }) => {
    const run = ic(['score', ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);
  });

  it('--help exits 0 and ends with examples', () => {
    const run = ic(['score', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n(\s+ic score .+\n)+$/u);
  });
});

describe('--out', () => {
  it('writes the same report as stdout, atomically (no temporary file left)', () => {
    const dir = fixture('score-small');
    const stdout = ic(['score', 'responses.csv', '--format', 'csv'], { cwd: dir });
    const run = ic(['score', 'responses.csv', '--format', 'csv', '--out', 'report.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe(stdout.stdout);
    expect(readdirSync(dir).sort()).toEqual(['ic.yaml', 'report.csv', 'respondents.yaml', 'responses.csv']);
  });

  it('replaces an existing report', () => {
    const dir = fixture('score-small');
    writeFileSync(join(dir, 'report.md'), 'old');
    expect(ic(['score', 'responses.csv', '--format', 'md', '--out', 'report.md'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/^# Score check\n/u);
  });

  it.each([
    { what: 'the responses file', out: 'responses.csv' },
    { what: 'the same file by another path', out: './sub/../responses.csv' },
    { what: 'the config', out: 'ic.yaml' },
  ])('refuses to overwrite $what (exit 1, the file intact)', ({ out }) => {
    const dir = fixture('score-small');
    mkdirSync(join(dir, 'sub'));
    const before = { responses: readFileSync(join(dir, 'responses.csv')), config: readFileSync(join(dir, 'ic.yaml')) };
    const run = ic(['score', 'responses.csv', '--out', out], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is one of the inputs; choose another file name, inputs are never overwritten/u);
    expect(readFileSync(join(dir, 'responses.csv'))).toEqual(before.responses);
    expect(readFileSync(join(dir, 'ic.yaml'))).toEqual(before.config);
    expect(readdirSync(dir).sort()).toEqual(['ic.yaml', 'respondents.yaml', 'responses.csv', 'sub']);
  });

  it('refuses a CSV inside an input folder (the next run would read it as responses)', () => {
    const dir = fixture();
    mkdirSync(join(dir, 'q1'));
    const small = fixture('score-small');
    writeFileSync(join(dir, 'q1', 'responses.csv'), readFileSync(join(small, 'responses.csv')));
    writeFileSync(join(dir, 'ic.yaml'), readFileSync(join(small, 'ic.yaml')));
    const run = ic(['score', 'q1', '--config', 'ic.yaml', '--format', 'csv', '--out', 'q1/report.csv'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/inside the input folder/u);
    expect(readdirSync(join(dir, 'q1'))).toEqual(['responses.csv']);
    expect(ic(['score', 'q1', '--config', 'ic.yaml', '--format', 'md', '--out', 'q1.md'], { cwd: dir }).code).toBe(0);
  });

  it('--rejects never replaces the config either', () => {
    const dir = fixture('score-bad');
    const before = readFileSync(join(dir, 'ic.yaml'));
    const run = ic(['score', 'responses.csv', 'bad.csv', '--skip-invalid', '--rejects', 'ic.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ic: --rejects ic\.yaml is one of the inputs/mu);
    expect(readFileSync(join(dir, 'ic.yaml'))).toEqual(before);
  });

  it('a refused --out is refused before anything is written (no --rejects file either)', () => {
    const dir = fixture('score-bad');
    const files = readdirSync(dir).sort();
    const input = ic(['score', 'responses.csv', 'bad.csv', '--skip-invalid', '--rejects', 'rejects.csv', '--out', 'bad.csv'], { cwd: dir });
    expect(input.code).toBe(1);
    expect(input.stderr).toMatch(/^ic: --out bad\.csv is one of the inputs/mu);
    const same = ic(['score', 'responses.csv', 'bad.csv', '--skip-invalid', '--rejects', 'left-out.csv', '--out', './left-out.csv'], { cwd: dir });
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/^ic: --out and --rejects both name/mu);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('a folder that does not exist: exit 1, a plain message, nothing written', () => {
    const dir = fixture('score-small');
    const run = ic(['score', 'responses.csv', '--out', 'missing/report.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ic: cannot write missing\/report\.txt: the folder missing does not exist; create it first \(mkdir -p missing\)/mu);
    expect(readdirSync(dir).sort()).toEqual(['ic.yaml', 'respondents.yaml', 'responses.csv']);
  });
});

describe('colour', () => {
  const args = ['score', EXAMPLE_Q1];

  it('NO_COLOR: no ANSI escapes, even with FORCE_COLOR', () => {
    const run = ic(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('--no-color: no ANSI escapes, even with FORCE_COLOR', () => {
    const run = ic([...args, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('not a terminal: no colour', () => {
    expect(ic(args, { env: { NO_COLOR: '' } }).stdout).not.toMatch(ANSI);
  });

  // One test per view: each runs the CLI four times, which on a loaded machine is already a while.
  it.each(['department', 'criterion', 'pair', 'rater'])('FORCE_COLOR=1 --by %s: the table is coloured; csv, json and md are not', (by) => {
    const env = { NO_COLOR: '', FORCE_COLOR: '1' };
    expect(ic([...args, '--by', by], { env }).stdout, by).toMatch(ANSI);
    for (const format of ['csv', 'json', 'md']) expect(ic([...args, '--by', by, '--format', format], { env }).stdout, `${by} ${format}`).not.toMatch(ANSI);
  });

  it('FORCE_COLOR=1: --out files are not coloured', () => {
    const env = { NO_COLOR: '', FORCE_COLOR: '1' };
    const dir = fixture();
    expect(ic([...args, '--out', join(dir, 'report.txt')], { env }).code).toBe(0);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).not.toMatch(ANSI);
  });

  it('problems on stderr follow the same rule', () => {
    const dir = fixture('score-bad');
    expect(ic(['score', 'responses.csv', 'bad.csv'], { cwd: dir, env: { NO_COLOR: '1' } }).stderr).not.toMatch(ANSI);
    expect(ic(['score', 'responses.csv', 'bad.csv'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stderr).toMatch(ANSI);
  });
});

describe('a closed pipe: `ic score … | head -1` exits quietly', () => {
  // Large enough (about 1 MB of JSON) that ic is still writing when head has gone.
  const dir = fixture();
  const departments = Array.from({ length: 80 }, (_, i) => `d${String(i).padStart(2, '0')}`);
  writeFileSync(
    join(dir, 'ic.yaml'),
    `version: 1\ntitle: Big\nscale: { min: 1, max: 5 }\nanonymity_min: 1\ndepartments:\n${departments.map((d) => `  - id: ${d}\n    name: Department ${d}\n`).join('')}criteria:\n  - id: speed\n    name: Speed\n`,
  );
  const rows = departments.flatMap((r, i) => departments.filter((t) => t !== r).map((t, j) => `p${r},${r},${t},${((i + j) % 5) + 1}`));
  writeFileSync(join(dir, 'responses.csv'), `respondent_id,rater_department,target_department,speed\n${rows.join('\n')}\n`);

  it.each(['--format json --by pair', '--format csv --by pair', '--by pair'])('%s', (options) => {
    const script = `"${process.execPath}" "${BIN}" score responses.csv ${options} | head -1; echo "ic exit: \${PIPESTATUS[0]}" >&2`;
    const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(run.stderr).toBe('ic exit: 0\n');
  });
});
