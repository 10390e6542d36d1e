/**
 * The comments of the department cards (SPEC 3.3, 4.2), from the built CLI: a comment is shown on the card of the
 * department it is about, only when that department has at least anonymity_min respondents, sorted by its text
 * (never in the order of the files, and so of the raters), never with the rater; a row left out takes its comment
 * with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';

const CONFIG = `version: 1
title: Comments
scale: { min: 1, max: 5 }
anonymity_min: 3
departments:
  - { id: ops, name: Operations, clients_of: [it, hr] }
  - { id: sales, name: Sales, clients_of: [it, hr] }
  - { id: it, name: IT }
  - { id: hr, name: HR }
criteria:
  - { id: speed, name: Speed }
`;

// it: 4 respondents (o1, o2, s1, s2), comments from three of them; hr: 2 respondents (hidden, so are its comments).
// s9 rates it twice: a duplicate, left out on both sides with --skip-invalid, and so are both its comments.
const RESPONSES = `respondent_id,rater_department,target_department,speed,comment
o1,ops,it,4,Zippy answers
o2,ops,it,3,
s1,sales,it,5,"Always helpful, even late"
s2,sales,it,2,Misses deadlines
o1,ops,hr,4,Slow with contracts
s1,sales,hr,3,Nice people
s9,sales,it,1,First try of a duplicate
s9,sales,it,2,Second try of a duplicate
`;

function cards(args: string[] = []) {
  const dir = workdir();
  writeFileSync(join(dir, 'ic.yaml'), CONFIG);
  writeFileSync(join(dir, 'responses.csv'), RESPONSES);
  const run = ic(['report', 'responses.csv', '--out', 'report', '--lang', 'en', ...args], { cwd: dir });
  const read = (name: string): string => readFileSync(join(dir, 'report', name), 'utf8');
  const bytes = (name: string): Buffer => readFileSync(join(dir, 'report', name));
  return { run, read, bytes };
}

const listed = (html: string): string[] => [...(/<ul class="comments">(.*?)<\/ul>/su.exec(html)?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/gsu)].map((m) => m[1] as string);

describe('comments on the department cards', () => {
  it('shows the comments of the rows that count, about that department only, sorted by text', () => {
    const { run, read } = cards(['--skip-invalid']);
    expect(run.code, run.stderr).toBe(0);
    expect(listed(read('it.html'))).toEqual(['Always helpful, even late', 'Misses deadlines', 'Zippy answers']);
    const it = read('it.html');
    expect(it).not.toContain('duplicate');
    expect(it).not.toContain('Slow with contracts');
    expect(it).not.toContain('Nice people');
    // the rater is never named beside a comment: the list holds the text alone
    expect(it).not.toMatch(/<li>[^<]*(Operations|Sales|o1|s1)[^<]*<\/li>/u);
  });

  it('a department under anonymity_min respondents has no card and its comments appear nowhere', () => {
    const { read } = cards(['--skip-invalid']);
    expect(() => read('hr.html')).toThrow();
    expect(read('index.html')).not.toContain('Slow with contracts');
  });

  it('the workbook lists the same comments, by department, and none of a hidden department', async () => {
    const { bytes } = cards(['--skip-invalid']);
    const workbook = await readXlsxFile(bytes('report.xlsx'));
    const sheet = workbook.find((s) => s.sheet === 'Comments')!.data as unknown[][];
    const text = sheet.flat().map(String).join('\n');
    for (const c of ['Always helpful, even late', 'Misses deadlines', 'Zippy answers']) expect(text).toContain(c);
    expect(text).not.toContain('Slow with contracts');
    expect(text).not.toContain('Nice people');
    expect(text).not.toContain('duplicate');
  });

  it('without --skip-invalid the duplicate stops the report: no comment is written anywhere', () => {
    const { run } = cards();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('evaluates the same department twice');
  });
});
