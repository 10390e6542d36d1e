/**
 * The shared set of bad inputs (SPEC 2.3), run against every command that reads responses: each must
 * exit 1 with a message that names the file and says what is wrong — never a stack trace.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';

const HEADER = 'respondent_id,rater_department,target_department,speed,quality,comment\n';

/** name → [file contents, what the message must say, problem code] */
const BAD_FILES: [string, string | Buffer, RegExp, string][] = [
  ['empty.csv', '', /empty/i, 'file-empty'],
  ['only-bom.csv', Buffer.from([0xef, 0xbb, 0xbf]), /empty/i, 'file-empty'],
  ['picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 2]), /not a text file|binary/i, 'file-binary'],
  ['workbook.csv', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]), /xlsx|excel|workbook/i, 'file-binary'],
  ['no-target.csv', 'respondent_id,rater_department,speed,quality\nr1,sales,4,5\n', /target_department/, 'missing-column'],
  ['typo-column.csv', 'respondent_id,rater_department,target_department,speeed,quality\nr1,sales,it,4,5\n', /did you mean "speed"/, 'unknown-column'],
  ['bad-quote.csv', `${HEADER}r1,sales,it,4,5,"never closed\nr2,sales,procurement,4,5,\n`, /never closed/, 'bad-quote'],
  ['short-row.csv', `${HEADER}r1,sales,it,4\n`, /field/i, 'field-count'],
];

const COMMANDS: { name: string; args: (file: string) => string[] }[] = [
  { name: 'validate', args: (file) => ['validate', file] },
  { name: 'score', args: (file) => ['score', file] },
  // The bad input as the second period: the good one must not hide it.
  { name: 'diff', args: (file) => ['diff', 'good.csv', file] },
  { name: 'trend', args: (file) => ['trend', 'good.csv', 'good.csv', file] },
];

describe.each(COMMANDS)('ic $name on bad input', ({ args }) => {
  it.each(BAD_FILES)('%s: exit 1, names the file, says what is wrong, no stack trace', (name, contents, says) => {
    const dir = workdir('company');
    writeFileSync(join(dir, name), contents);
    const run = ic(args(name), { cwd: dir });
    const output = run.stdout + run.stderr;
    expect(run.code).toBe(1);
    expect(output).toContain(name);
    expect(output).toMatch(says);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/); // a stack frame
    expect(output).not.toContain('internal error');
  });

  it('a missing file: exit 1, names it', () => {
    const run = ic(args('nowhere.csv'), { cwd: workdir('company') });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/nowhere\.csv.*(not found|no such)/i);
  });

  it('a folder without responses files: exit 1, says so', () => {
    const dir = workdir('company');
    mkdirSync(join(dir, 'empty-folder'));
    writeFileSync(join(dir, 'empty-folder', 'notes.docx'), 'not a responses file');
    const run = ic(args('empty-folder'), { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/empty-folder/);
    expect(run.stdout + run.stderr).toMatch(/\.csv/);
  });
});

describe('what validate reports for each bad file', () => {
  it.each(BAD_FILES)('%s → %s', (name, contents, _says, code) => {
    const dir = workdir('company');
    writeFileSync(join(dir, name), contents);
    const json = JSON.parse(ic(['validate', name, '--format', 'json'], { cwd: dir }).stdout) as { problems: { code: string; file: string }[] };
    expect(json.problems.filter((p) => p.file === name).map((p) => p.code)).toContain(code);
  });
});

describe('encodings and delimiters a spreadsheet writes, read without any flag', () => {
  const rows = [
    'respondent_id;rater_department;target_department;speed;quality;comment',
    'r1;Отдел продаж;Отдел закупок;4,5;5;Быстро, но без деталей',
    'r2;Отдел продаж;ИТ-отдел;3;н/о;',
  ];
  const cases: [string, Buffer][] = [
    ['windows-1251, semicolons, CRLF', iconv.encode(`${rows.join('\r\n')}\r\n`, 'win1251')],
    ['UTF-16LE with BOM, tabs', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${rows.map((r) => r.replace(/;/g, '\t')).join('\r\n')}\r\n`, 'utf16le')])],
    ['UTF-8 with BOM and a sep= line', Buffer.from(`\uFEFFsep=;\n${rows.join('\n')}\n`)],
  ];
  it.each(cases)('%s', (_name, bytes) => {
    const dir = workdir('company');
    // one respondent per department here: show every value (anonymity_min 1) to check what was read
    writeFileSync(join(dir, 'ic.yaml'), readFileSync(join(dir, 'ic.yaml'), 'utf8').replace('anonymity_min: 2', 'anonymity_min: 1'));
    writeFileSync(join(dir, 'export.csv'), bytes);
    const run = ic(['score', 'export.csv', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { rows: { read: number; used: number }; departments: { id: string; respondents: number; criteria: Record<string, number | null> }[] };
    expect(json.rows).toEqual({ read: 2, used: 2, rejected: 0 });
    // "4,5" is a decimal comma; н/о is not applicable; names matched to ids; Cyrillic decoded
    expect(json.departments.find((d) => d.id === 'procurement')!.criteria).toEqual({ speed: 4.5, quality: 5 });
    expect(json.departments.find((d) => d.id === 'it')!.criteria).toEqual({ speed: 3, quality: null });
  });
});
