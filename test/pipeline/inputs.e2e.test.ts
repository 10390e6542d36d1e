/**
 * Every input is read exactly once (SPEC 2.2), from the built CLI: a pipe, standard input, /dev/stdin and a FIFO
 * give the same report as the regular file, duplicates included (their first row is taken back out in the one
 * pass, not by reading the input again); the same file given twice is read once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ic, workdir } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function company(): string {
  const dir = workdir('company');
  dirs.push(dir);
  return dir;
}

/** good.csv with r1's row about procurement given again (other answers) at the end: a duplicate pair. */
function withDuplicate(dir: string): string {
  const file = join(dir, 'dup.csv');
  writeFileSync(file, `${readFileSync(join(FIXTURES, 'company/good.csv'), 'utf8')}r1,sales,procurement,1,1,again\n`);
  return file;
}

/** `command` run by the shell in `dir` (for pipes), with the built CLI as $IC. */
function sh(command: string, dir: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('/bin/sh', ['-c', command], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', IC: `${process.execPath} ${BIN}` },
    encoding: 'utf8',
    timeout: 120_000, // only so that a hang fails the test instead of the suite
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SCORE = 'score --config ic.yaml --skip-invalid --format json --by pair --lang en';

describe('one pass over every input', () => {
  it('a pipe, `-` and /dev/stdin with a duplicate give the regular file\'s report and rejects', () => {
    const dir = company();
    withDuplicate(dir);
    const file = sh(`$IC ${SCORE} dup.csv --rejects file.rejects.csv`, dir);
    expect(file.code).toBe(0);
    // r1's two rows about procurement are both left out: procurement is scored by sales' r2 and it's r5, r6.
    expect(file.stderr).toContain('left out 2 rows of 9');
    const rejects = readFileSync(join(dir, 'file.rejects.csv'), 'utf8');
    expect(rejects).toContain('r1,sales,procurement,4,5,');
    expect(rejects).toContain('r1,sales,procurement,1,1,again');
    for (const [name, command] of [
      ['-', `cat dup.csv | $IC ${SCORE} - --rejects pipe.rejects.csv`],
      ['/dev/stdin', `cat dup.csv | $IC ${SCORE} /dev/stdin --rejects pipe.rejects.csv`],
      ['-', `$IC ${SCORE} - --rejects pipe.rejects.csv < dup.csv`],
    ] as const) {
      const piped = sh(command, dir);
      expect(piped.code, piped.stderr).toBe(0);
      expect(piped.stderr).toContain('left out 2 rows of 9');
      expect(piped.stdout).toBe(file.stdout);
      const pipeRejects = readFileSync(join(dir, 'pipe.rejects.csv'), 'utf8');
      // The input's name differs (`-` is written as '- in CSV, so that no spreadsheet takes it for a formula).
      const renamed = pipeRejects
        .split('\n')
        .map((line) => line.replace(name === '-' ? "'-," : `${name},`, 'dup.csv,').replace(` at ${name} line`, ' at dup.csv line'))
        .join('\n');
      expect(renamed).toBe(rejects);
    }
  });

  it('a FIFO is read once and does not hang', async () => {
    const dir = company();
    withDuplicate(dir);
    const fifo = join(dir, 'responses.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const expected = sh(`$IC ${SCORE} dup.csv`, dir);
    // The writer opens the FIFO and writes it once, as a form tool's export would.
    const writer = spawn('/bin/sh', ['-c', `cat dup.csv > ${JSON.stringify(fifo)}`], { cwd: dir, stdio: 'ignore' });
    const got = sh(`$IC ${SCORE} responses.fifo`, dir);
    await new Promise((resolve) => writer.once('exit', resolve));
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout.replaceAll('responses.fifo', 'dup.csv')).toBe(expected.stdout);
  });
});

describe('the same file given twice is read once (SPEC 2.2)', () => {
  it('under two spellings, as a symlink, a hard link or a byte-identical copy: one warning naming both, the same report', () => {
    const dir = company();
    const plain = ic(['score', '--config', 'ic.yaml', '--format', 'json', 'good.csv'], { cwd: dir });
    expect(plain.code).toBe(0);
    symlinkSync('good.csv', join(dir, 'link.csv'));
    linkSync(join(dir, 'good.csv'), join(dir, 'hard.csv'));
    copyFileSync(join(dir, 'good.csv'), join(dir, 'copy.csv'));
    for (const [other, words] of [
      ['good.csv', 'this file is given twice'],
      ['./good.csv', 'this is the same file as good.csv'],
      ['link.csv', 'this is the same file as good.csv'],
      ['hard.csv', 'this is the same file as good.csv'],
      ['copy.csv', 'this is a byte-identical copy of good.csv'],
    ] as const) {
      const twice = ic(['score', '--config', 'ic.yaml', '--format', 'json', 'good.csv', other], { cwd: dir });
      expect(twice.code, twice.stderr).toBe(0);
      expect(twice.stdout).toBe(plain.stdout);
      expect(twice.stderr).toContain(`${other}  ${words}; it is read once (as good.csv)`);
      expect(twice.stderr).not.toContain('duplicate-response');
    }
  });

  it('a copy of a one-person file can no longer push a pair over anonymity_min', () => {
    const dir = company(); // anonymity_min: 2
    const form = 'rater_department,target_department,speed,quality\nsales,procurement,4,5\n';
    writeFileSync(join(dir, 'anna.csv'), form);
    writeFileSync(join(dir, 'anna-copy.csv'), form);
    const run = ic(['score', '--config', 'ic.yaml', '--format', 'json', '--by', 'pair', 'anna.csv', 'anna-copy.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const pairs = JSON.parse(run.stdout).pairs as { rater: string; target: string; respondents: number | null; score: number | null }[];
    const pair = pairs.find((p) => p.rater === 'sales' && p.target === 'procurement');
    expect(pair?.score ?? null).toBeNull(); // one person: hidden, as with the file given once
    expect(run.stderr).toContain('anna-copy.csv  this is a byte-identical copy of anna.csv');
  });
});

describe('honest empties and names (issue 13)', () => {
  it('a missing input, a folder with nothing to read, or no data row: exit 1, also with --skip-invalid', () => {
    const dir = company();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'scan.pdf'), '%PDF');
    writeFileSync(join(dir, 'header-only.csv'), 'respondent_id,rater_department,target_department,speed,quality\n');
    for (const [input, words] of [
      ['nothere.csv', 'nothing was computed: nothere.csv gives no responses file to read'],
      ['empty', 'nothing was computed: empty gives no responses file to read'],
      ['header-only.csv', 'nothing was computed: no data row was read from header-only.csv'],
    ] as const) {
      const run = ic(['score', '--config', 'ic.yaml', '--lang', 'en', '--skip-invalid', input, ...(input === 'nothere.csv' ? ['good.csv'] : [])], { cwd: dir });
      expect(run.code, input).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(words);
    }
    // in the report's language
    expect(ic(['score', '--config', 'ic.yaml', '--lang', 'ru', 'nothere.csv'], { cwd: dir }).stderr).toContain('ничего не посчитано: в nothere.csv нет файла ответов');
    expect(ic(['score', '--config', 'ic.yaml', '--lang', 'ru', 'header-only.csv'], { cwd: dir }).stderr).toContain('ничего не посчитано: в header-only.csv нет ни одной строки данных');
    const listed = ic(['validate', '--config', 'ic.yaml', 'empty'], { cwd: dir });
    expect(listed.code).toBe(1);
    expect(listed.stderr + listed.stdout).toContain('empty/scan.pdf  skipped: not a table ic reads (it reads .csv, .tsv, .txt, .xlsx files)');
  });

  it('a file name that is not UTF-8 is shown escaped, and the file is read', () => {
    const dir = company();
    mkdirSync(join(dir, 'q'));
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'q', 'anna-')), Buffer.from([0xff, 0xfe]), Buffer.from('.csv')]), readFileSync(join(dir, 'good.csv')));
    const run = ic(['validate', '--config', 'ic.yaml', '--format', 'json', 'q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { files: { file: string; rows: number }[] };
    expect(report.files).toEqual([expect.objectContaining({ file: 'q/anna-\\xff\\xfe.csv', rows: 8 })]);
  });
});
