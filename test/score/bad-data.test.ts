/**
 * `ic score` on bad data (SPEC 2.3): it refuses to compute, lists the problems as `ic validate` does;
 * --skip-invalid computes on the valid rows and says what it left out; --rejects keeps every left-out row;
 * read = used + rejected, always. Needs `npm run build`.
 *
 * test/fixtures/score-bad: the score-small company (ic.yaml, responses.csv: 15 good rows) and
 *   bad.csv    line 2, 3  d1 evaluates procurement twice          error (both lines named), both left out
 *              line 4     speed 7 on a 1–5 scale                  error
 *              line 5     rater "salse"                           error (did you mean "sales"?)
 *              line 6     N/A and blank only                      warning; ignored, counted as rejected
 *              line 7     ok1, procurement → hr, 4 and 5          valid
 *   header.csv no target_department column                       error on line 1; its 2 rows are rejected
 * So: read 15 + 6 + 2 = 23; rejected 2 + 1 + 1 + 1 + 2 = 7; used 16; 5 errors in 6 rows.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';
import { byId, csvObjects, type ScoreJsonOut } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function fixture(): string {
  const dir = workdir('score-bad');
  dirs.push(dir);
  return dir;
}

const ALL = ['responses.csv', 'bad.csv', 'header.csv'];
const json = (stdout: string) => JSON.parse(stdout) as ScoreJsonOut;

/** The problem listing on stderr: everything before the final "ic: ..." line and the notes. */
function problemBlock(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => /^(✖|⚠| {2})/u.test(l))
    .join('\n');
}

describe('data with errors: nothing is computed', () => {
  const dir = fixture();
  const run = ic(['score', ...ALL], { cwd: dir });

  it('exits 1 with nothing on stdout', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });

  it('lists the problems on stderr exactly as `ic validate` lists them, with file:line', () => {
    const validate = ic(['validate', ...ALL], { cwd: dir });
    expect(validate.code).toBe(1);
    const block = problemBlock(run.stderr);
    expect(block).not.toBe('');
    expect(validate.stdout.startsWith(`${block}\n`)).toBe(true);
    expect(block).toContain('bad.csv:4 [speed]  7 is outside the scale 1–5 (Speed)');
    expect(block).toContain('bad.csv:5 [rater_department]  "salse" is not a department (did you mean "sales"?)');
    expect(block).toContain('header.csv:1 [target_department]  the header has no "target_department" column');
    expect(block).toContain('bad.csv:6  row has no answers at all');
  });

  it('names both lines of a duplicate', () => {
    expect(run.stderr).toMatch(/bad\.csv:3 \[respondent_id\] {2}Respondent "d1" evaluates "Procurement" twice: here and at bad\.csv line 2/u);
    expect(run.stderr).toMatch(/bad\.csv:2 \[respondent_id\] {2}Respondent "d1" evaluates the same department twice: here and at bad\.csv line 3/u);
  });

  it('says what to do, and never shows a stack', () => {
    expect(run.stderr).toMatch(/ic: the data has 5 errors in 6 rows; nothing was computed\. .*--skip-invalid/u);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);
  });

  it('--max-problems N lists at most N of a kind and counts the rest', () => {
    const limited = ic(['score', ...ALL, '--max-problems', '1'], { cwd: dir });
    expect(limited.code).toBe(1);
    expect(limited.stderr).toContain('… and 1 more of this kind (--max-problems to see more)');
  });

  it('leaves an existing --out file as it was', () => {
    writeFileSync(join(dir, 'report.json'), 'previous report\n');
    const refused = ic(['score', ...ALL, '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('previous report\n');
  });
});

describe('--skip-invalid', () => {
  const dir = fixture();
  const run = ic(['score', ...ALL, '--skip-invalid', '--format', 'json'], { cwd: dir });

  it('computes on the valid rows: read = used + rejected', () => {
    expect(run.code).toBe(0);
    expect(json(run.stdout).rows).toEqual({ read: 23, used: 16, rejected: 7 });
  });

  it('says how many rows were left out and why', () => {
    expect(run.stderr).toContain(
      'left out 7 rows of 23: 6 with errors (5 errors: 2 duplicate-response, 1 out-of-scale, 1 unknown-department, 1 missing-column), 1 with no answers (empty-row); computed on 16',
    );
    // The problems are still listed.
    expect(run.stderr).toContain('bad.csv:4 [speed]');
  });

  it('gives the scores of the valid rows alone: both duplicates left out', () => {
    const validOnly = join(dir, 'valid-only.csv');
    const bad = readFileSync(join(dir, 'bad.csv'), 'utf8').split('\n');
    writeFileSync(validOnly, `${bad[0]}\n${bad[6]}\n`); // only ok1
    const clean = ic(['score', 'responses.csv', 'valid-only.csv', '--format', 'json'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(json(clean.stdout).rows).toEqual({ read: 16, used: 16, rejected: 0 });
    expect(json(run.stdout).departments).toEqual(json(clean.stdout).departments);
    // procurement is rated by s1 s2 s3 only: d1 (either line) would make 4 respondents.
    expect(byId(json(run.stdout).departments).get('procurement')!.respondents).toBe(3);
  });

  it('--quiet keeps the note off stderr', () => {
    const quiet = ic(['score', ...ALL, '--skip-invalid', '--quiet', '--format', 'json'], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('left out');
    expect(quiet.stdout).toBe(run.stdout);
  });
});

describe('--rejects FILE', () => {
  const dir = fixture();
  const run = ic(['score', ...ALL, '--skip-invalid', '--rejects', 'rejects.csv', '--format', 'json'], { cwd: dir });
  const lines = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n');

  it('writes every left-out row, unchanged, with its file, line and reason', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('; written to rejects.csv');
    const rejects = csvObjects(readFileSync(join(dir, 'rejects.csv'), 'utf8'));
    // Streamed as found: the first row of a duplicate pair is known to be left out only once the second shows up.
    expect(rejects.map((r) => `${r['file']}:${r['line']}`)).toEqual(['bad.csv:3', 'bad.csv:4', 'bad.csv:5', 'bad.csv:6', 'header.csv:2', 'header.csv:3', 'bad.csv:2']);
    for (const r of rejects) expect(r['row'], `${r['file']}:${r['line']}`).toBe(lines(r['file']!)[Number(r['line']) - 1]);
    expect(rejects.length).toBe(json(run.stdout).rows.rejected);
    const reason = new Map(rejects.map((r) => [`${r['file']}:${r['line']}`, r['reason']!]));
    expect(reason.get('bad.csv:2')).toMatch(/duplicate/u);
    expect(reason.get('bad.csv:3')).toMatch(/duplicate/u);
    expect(reason.get('bad.csv:4')).toBe('7 is outside the scale 1–5 (Speed)');
    expect(reason.get('bad.csv:5')).toBe('"salse" is not a department (did you mean "sales"?)');
    expect(reason.get('bad.csv:6')).toMatch(/no answers/u);
    expect(reason.get('header.csv:2')).toMatch(/no "target_department" column/u);
    expect(reason.get('header.csv:3')).toBe(reason.get('header.csv:2'));
  });

  it('a row with quotes and commas comes back byte for byte', () => {
    const rejects = csvObjects(readFileSync(join(dir, 'rejects.csv'), 'utf8'));
    expect(rejects.find((r) => r['line'] === '4')!['row']).toBe('o1,sales,it,7,4,"too ""fast"", really"');
  });

  it('refuses to write over an input (exit 1, the input intact)', () => {
    const before = readFileSync(join(dir, 'bad.csv'));
    const refused = ic(['score', ...ALL, '--skip-invalid', '--rejects', 'bad.csv'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/bad\.csv is one of the inputs/u);
    expect(readFileSync(join(dir, 'bad.csv'))).toEqual(before);
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('each kind of bad row on its own: read = used + rejected', () => {
  const dir = fixture();
  const header = 'respondent_id,rater_department,target_department,speed,quality,comment';
  const cases: { name: string; rows: string[]; code: number; skip: boolean; rejected: number; stderr: RegExp }[] = [
    { name: 'a duplicate', rows: ['d1,sales,it,4,4,', 'd1,sales,it,5,5,'], code: 1, skip: true, rejected: 2, stderr: /2 with errors \(2 errors: 2 duplicate-response\)/u },
    { name: 'an out-of-scale score', rows: ['o1,sales,it,0,4,'], code: 1, skip: true, rejected: 1, stderr: /1 with errors \(1 error: 1 out-of-scale\)/u },
    { name: 'an unknown department', rows: ['u1,sales,itt,4,4,'], code: 1, skip: true, rejected: 1, stderr: /"itt" is not a department \(did you mean "it"\?\)/u },
    // A warning only: computed without --skip-invalid, the row ignored and counted as rejected.
    { name: 'a row with no answers', rows: ['e1,sales,it,-,N/A,nothing to say'], code: 0, skip: false, rejected: 1, stderr: /left out 1 row of 16: 1 with no answers \(empty-row\); computed on 15/u },
  ];

  it.each(cases)('$name', ({ name, rows, code, skip, rejected, stderr }) => {
    const file = `${name.replace(/\W+/gu, '-')}.csv`;
    writeFileSync(join(dir, file), `${[header, ...rows].join('\n')}\n`);
    const refused = ic(['score', 'responses.csv', file, '--format', 'json'], { cwd: dir });
    expect(refused.code).toBe(code);
    const done = skip ? ic(['score', 'responses.csv', file, '--format', 'json', '--skip-invalid'], { cwd: dir }) : refused;
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(stderr);
    const counts = json(done.stdout).rows;
    expect(counts).toEqual({ read: 15 + rows.length, used: 15 + rows.length - rejected, rejected });
  });

  it('a header error rejects every row of its file, and only those', () => {
    const refused = ic(['score', 'responses.csv', 'header.csv'], { cwd: dir });
    expect(refused.code).toBe(1);
    const done = ic(['score', 'responses.csv', 'header.csv', '--skip-invalid', '--format', 'json', '--rejects', 'header-rejects.csv'], { cwd: dir });
    expect(done.code).toBe(0);
    expect(json(done.stdout).rows).toEqual({ read: 17, used: 15, rejected: 2 });
    expect(done.stderr).toContain('left out 2 rows of 17: 2 with errors (1 error: 1 missing-column); computed on 15');
    const rejects = csvObjects(readFileSync(join(dir, 'header-rejects.csv'), 'utf8'));
    expect(rejects.map((r) => [r['file'], r['line'], r['row']])).toEqual([
      ['header.csv', '2', 'h1,hr,4,4'],
      ['header.csv', '3', 'h2,hr,3,3'],
    ]);
  });

  it('clean data: nothing left out, nothing said', () => {
    const run = ic(['score', 'responses.csv', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(json(run.stdout).rows).toEqual({ read: 15, used: 15, rejected: 0 });
    expect(existsSync(join(dir, 'rejects.csv'))).toBe(false);
  });
});
