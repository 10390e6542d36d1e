import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, readResponseFile, readResponses } from '../../src/input/read.js';
import { allProblems, collectingSink, makeConfig, recordsAccounted } from './helpers.js';

const config = makeConfig();
let tmp: string;
let n = 0;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ic-input-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Writes `content` to a fresh file and returns its path. */
async function file(content: string | Uint8Array, name = `f${++n}.csv`): Promise<string> {
  const dir = path.join(tmp, `case${++n}`);
  await mkdir(dir, { recursive: true });
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

async function read(...inputs: string[]) {
  const sink = collectingSink();
  await readResponses(inputs, config, sink);
  return sink;
}

const WIDE_HEADER = 'respondent_id,rater_department,target_department,speed,quality,politeness,comment';

describe('wide shape', () => {
  it('reads rows with their cells trimmed, lines and columns', async () => {
    const f = await file(`${WIDE_HEADER}\nr0412,sales,procurement,4,5,N/A,"Быстро, но без деталей"\n  r7 , hr ,sales, 3 ,,2,\n`);
    const sink = await read(f);
    expect(sink.fileProblems).toEqual([]);
    expect(sink.rows).toEqual([
      {
        file: f,
        line: 2,
        records: [{ line: 2, raw: 'r0412,sales,procurement,4,5,N/A,"Быстро, но без деталей"' }],
        respondent: 'r0412',
        rater: 'sales',
        target: 'procurement',
        answers: ['4', '5', 'N/A'],
        answerLines: [2, 2, 2],
        answerColumns: ['speed', 'quality', 'politeness'],
        comment: 'Быстро, но без деталей',
        problems: [],
      },
      {
        file: f,
        line: 3,
        records: [{ line: 3, raw: '  r7 , hr ,sales, 3 ,,2,' }],
        respondent: 'r7',
        rater: 'hr',
        target: 'sales',
        answers: ['3', '', '2'],
        answerLines: [3, 3, 3],
        answerColumns: ['speed', 'quality', 'politeness'],
        comment: '',
        problems: [],
      },
    ]);
    expect(sink.files).toEqual([{ file: f, encoding: 'utf-8', delimiter: ',', shape: 'wide', header: WIDE_HEADER.split(','), records: 2 }]);
    expect(sink.events.at(-1)).toBe(`done ${f}`);
  });

  it('header by display name, without respondent_id: respondent is blank, missing criterion columns give blank answers', async () => {
    const f = await file('Rater_Department,target_department,rater_name,target_name,Скорость реакции на запрос,ВЕЖЛИВОСТЬ\nsales,hr,Отдел продаж,Отдел кадров,5,4\n');
    const sink = await read(f);
    expect(sink.fileProblems.map((p) => [p.problem.severity, p.problem.code, p.problem.column, p.records.length])).toEqual([
      ['warning', 'missing-column', 'quality', 0],
    ]);
    expect(sink.rows).toHaveLength(1);
    expect(sink.rows[0]).toMatchObject({
      respondent: '',
      rater: 'sales',
      target: 'hr',
      answers: ['5', '', '4'],
      answerColumns: ['Скорость реакции на запрос', '', 'ВЕЖЛИВОСТЬ'],
      comment: '',
    });
  });

  it('quoted line breaks: the row is its first line, the next row the line after it, blank lines counted', async () => {
    const f = await file(`${WIDE_HEADER}\r\nr1,sales,hr,4,4,4,"line one\r\nline two\r\nline three"\r\n\r\n\r\nr2,sales,procurement,5,5,5,\r\n`);
    const sink = await read(f);
    expect(sink.rows.map((r) => [r.respondent, r.line])).toEqual([
      ['r1', 2],
      ['r2', 7],
    ]);
    expect(sink.rows[0]?.comment).toBe('line one\r\nline two\r\nline three');
    expect(sink.rows[0]?.records[0]?.raw).toBe('r1,sales,hr,4,4,4,"line one\r\nline two\r\nline three"');
    expect(sink.files[0]?.records).toBe(2);
  });

  it("Excel's sep= line: skipped, counted as line 1; semicolons, CRLF, UTF-8 BOM, decimal comma kept as text", async () => {
    const text = `sep=;\r\n${WIDE_HEADER.replaceAll(',', ';')}\r\nr1;Отдел продаж;Отдел закупок;4,5;5;3,0;ок\r\n`;
    const f = await file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const sink = await read(f);
    expect(sink.fileProblems).toEqual([]);
    expect(sink.rows).toHaveLength(1);
    expect(sink.rows[0]).toMatchObject({ line: 3, rater: 'Отдел продаж', target: 'Отдел закупок', answers: ['4,5', '5', '3,0'], comment: 'ок' });
    expect(sink.rows[0]?.records).toEqual([{ line: 3, raw: 'r1;Отдел продаж;Отдел закупок;4,5;5;3,0;ок' }]);
    expect(sink.files[0]).toMatchObject({ encoding: 'utf-8', delimiter: ';', records: 1 });
  });

  it('a row with more or fewer values than the header: still a row, with a field-count problem and its raw text', async () => {
    const f = await file(`${WIDE_HEADER}\nr1,sales,hr,4,5\nr2,sales,hr,4,5,4,5,4,too many\nr3,sales,hr,1,2,3,ok\n`);
    const sink = await read(f);
    expect(sink.rows.map((r) => [r.line, r.problems.map((p) => [p.code, p.line, p.severity])])).toEqual([
      [2, [['field-count', 2, 'error']]],
      [3, [['field-count', 3, 'error']]],
      [4, []],
    ]);
    expect(sink.rows[0]?.problems[0]?.message).toBe('this row has 5 values but the header has 7 columns; empty values still need their delimiters');
    expect(sink.rows[1]?.problems[0]?.message).toContain('has 9 values but the header has 7 columns; a value that contains a comma must be in double quotes');
    expect(sink.rows[0]?.answers).toEqual(['4', '5', '']);
    expect(sink.rows[1]?.records[0]?.raw).toBe('r2,sales,hr,4,5,4,5,4,too many');
  });

  it('an unclosed quote rejects its own line and reading goes on', async () => {
    const f = await file(`${WIDE_HEADER}\nr1,sales,hr,4,5,4,"Быстро, но\nr2,sales,procurement,5,5,5,\n`);
    const sink = await read(f);
    expect(sink.fileProblems.map((p) => [p.problem.code, p.problem.line, p.records])).toEqual([
      ['bad-quote', 2, [{ line: 2, raw: 'r1,sales,hr,4,5,4,"Быстро, но' }]],
    ]);
    expect(sink.fileProblems[0]?.problem.message).toContain('never closed');
    expect(sink.rows.map((r) => [r.respondent, r.line, r.problems])).toEqual([['r2', 3, []]]);
    expect(recordsAccounted(sink)).toBe(2);
    expect(sink.files[0]?.records).toBe(2);
  });

  it('values under a column with no name are ignored, with one warning per column', async () => {
    const f = await file(`${WIDE_HEADER},,\nr1,sales,hr,1,1,1,,,\nr2,sales,procurement,1,1,1,,x,\nr3,sales,sales,1,1,1,,y,z\n`);
    const sink = await read(f);
    expect(sink.fileProblems.map((p) => [p.problem.severity, p.problem.code, p.problem.line, p.records.length])).toEqual([
      ['warning', 'unknown-column', 3, 0],
      ['warning', 'unknown-column', 4, 0],
    ]);
    expect(sink.fileProblems[0]?.problem.message).toBe('column 8 has no name in the header but holds values (first on line 3); they are ignored');
    expect(sink.rows.map((r) => r.problems.length)).toEqual([0, 0, 0]);
  });

  it('a file of a sep= line only is empty', async () => {
    const sink = await read(await file('sep=;\r\n'));
    expect(sink.fileProblems.map((p) => [p.problem.code, p.problem.severity])).toEqual([['file-empty', 'error']]);
  });

  it('lines of blanks or delimiters only are blank lines', async () => {
    const f = await file(`${WIDE_HEADER}\n,,,,,,\n   \nr1,sales,hr,1,1,1,\n`);
    const sink = await read(f);
    expect(sink.rows.map((r) => r.line)).toEqual([4]);
    expect(sink.files[0]?.records).toBe(1);
  });
});

describe('header problems make the file unusable, every record accounted for once', () => {
  it('unknown column with a suggestion', async () => {
    const f = await file('respondent_id,rater_department,target_department,speed,qualty,politeness\nr1,sales,hr,1,2,3\nr2,sales,hr,1,2,3\n');
    const sink = await read(f);
    expect(sink.rows).toEqual([]);
    expect(sink.fileProblems.map((p) => [p.problem.severity, p.problem.code, p.problem.line, p.problem.column, p.records.map((r) => r.line)])).toEqual([
      ['error', 'unknown-column', 1, 'qualty', [2, 3]],
    ]);
    expect(sink.fileProblems[0]?.problem.message).toContain('unknown column "qualty" (did you mean "quality"?)');
    expect(sink.fileProblems[0]?.records[0]?.raw).toBe('r1,sales,hr,1,2,3');
    expect(sink.files[0]?.records).toBe(2);
  });

  it('missing column; a second header error rejects no records again', async () => {
    const f = await file('respondent_id,speed,quality,politeness,oops\nr1,1,2,3,4\n');
    const sink = await read(f);
    expect(sink.fileProblems.map((p) => [p.problem.code, p.problem.column, p.records.length])).toEqual([
      ['unknown-column', 'oops', 1],
      ['missing-column', 'rater_department', 0],
      ['missing-column', 'target_department', 0],
    ]);
    expect(recordsAccounted(sink)).toBe(1);
  });
});

describe('long shape', () => {
  const LONG = 'respondent_id,rater_department,target_department,criterion,score,comment';

  it('groups the lines of one respondent about one department into one row, in order of first line', async () => {
    const f = await file(
      [
        LONG,
        'r1,sales,hr,speed,4,',
        'r1,sales,procurement,speed,5,',
        'r1,sales,Отдел кадров,Качество,3,хорошо', // same target by display name
        'r2,sales,hr,politeness,N/A,',
        'r1,sales,hr,politeness,"4,5",и быстро',
      ].join('\n'),
    );
    const sink = await read(f);
    expect(sink.fileProblems).toEqual([]);
    expect(sink.rows.map((r) => [r.respondent, r.target, r.line, r.records.map((x) => x.line), r.answers, r.answerLines, r.answerColumns, r.comment])).toEqual([
      ['r1', 'hr', 2, [2, 4, 6], ['4', '3', '4,5'], [2, 4, 6], ['score', 'score', 'score'], 'хорошо | и быстро'],
      ['r1', 'procurement', 3, [3], ['5', '', ''], [3, 3, 3], ['score', '', ''], ''],
      ['r2', 'hr', 5, [5], ['', '', 'N/A'], [5, 5, 5], ['', '', 'score'], ''],
    ]);
    expect(sink.rows.every((r) => r.problems.length === 0)).toBe(true);
    expect(sink.files[0]).toMatchObject({ shape: 'long', records: 5 });
  });

  it('blank respondent: the file is the respondent; the same criterion twice names both lines', async () => {
    const f = await file([LONG, ',sales,hr,speed,4,', ',sales,hr,quality,4,', ',sales,hr,speed,5,'].join('\n'));
    const sink = await read(f);
    expect(sink.rows).toHaveLength(1);
    const row = sink.rows[0];
    expect(row?.respondent).toBe('');
    expect(row?.answers).toEqual(['4', '4', '']);
    expect(row?.problems.map((p) => [p.code, p.line, p.column])).toEqual([['duplicate-criterion', 4, 'criterion']]);
    expect(row?.problems[0]?.message).toBe('criterion "speed" is given twice by the respondent of this file about "hr": lines 2 and 4');
  });

  it('unknown criterion (with a suggestion) and inconsistent rater are row problems', async () => {
    const f = await file([LONG, 'r1,sales,hr,sped,4,', 'r1,procurement,hr,quality,4,', 'r1,sales,hr,,4,'].join('\n'));
    const sink = await read(f);
    expect(sink.rows).toHaveLength(1);
    expect(sink.rows[0]?.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['unknown-criterion', 2, 'criterion'],
      ['inconsistent-rater', 3, 'rater_department'],
      ['unknown-criterion', 4, 'criterion'],
    ]);
    expect(sink.rows[0]?.problems[0]?.message).toMatch(/^"sped" is not a criterion \(did you mean "speed"\?\)/);
    expect(sink.rows[0]?.problems[1]?.message).toBe('rater department "procurement" differs from "sales" on line 2, for the same respondent "r1" about "hr"');
    expect(sink.rows[0]?.problems[2]?.message).toBe('the criterion cell is empty');
    expect(recordsAccounted(sink)).toBe(3);
  });
});

describe('encodings, detected without flags', () => {
  const tsv = 'rater_department\ttarget_department\tСкорость реакции на запрос\tКачество\tВежливость\tcomment\r\nОтдел продаж\tОтдел кадров\t4,5\t5\t3\t"Хорошо, спасибо"\r\n';
  const expectRussianRow = async (bytes: Uint8Array, encoding: string, delimiter = '\t') => {
    const sink = await read(await file(bytes));
    expect(sink.fileProblems).toEqual([]);
    expect(sink.files[0]).toMatchObject({ encoding, delimiter });
    expect(sink.rows.map((r) => [r.line, r.rater, r.target, r.answers, r.comment])).toEqual([
      [2, 'Отдел продаж', 'Отдел кадров', ['4,5', '5', '3'], 'Хорошо, спасибо'],
    ]);
  };

  it('UTF-16LE with BOM (Excel "Unicode text", tab-delimited)', () => expectRussianRow(Buffer.from('\uFEFF' + tsv, 'utf16le'), 'utf-16le'));
  it('UTF-16BE with BOM', () => expectRussianRow(Buffer.from('\uFEFF' + tsv, 'utf16le').swap16(), 'utf-16be'));
  it('UTF-16LE without BOM', () => expectRussianRow(Buffer.from(tsv, 'utf16le'), 'utf-16le'));
  it('Windows-1251, semicolons', () => expectRussianRow(iconv.encode(tsv.replaceAll('\t', ';'), 'win1251'), 'windows-1251', ';'));
  it('UTF-8 with BOM', () => expectRussianRow(Buffer.from('\uFEFF' + tsv), 'utf-8'));

  it('a bad UTF-8 sequence far into a UTF-8 file rejects the row it is on, by line', async () => {
    const good = (i: number) => `r${i},Отдел продаж,Отдел кадров,4,5,3,Всё хорошо — спасибо\n`;
    const head = Buffer.from(WIDE_HEADER + '\n' + Array.from({ length: 2000 }, (_, i) => good(i)).join(''));
    expect(head.length).toBeGreaterThan(64 * 1024);
    const bad = Buffer.concat([Buffer.from('rX,sales,hr,4,5,3,'), iconv.encode('Плохо', 'win1251'), Buffer.from('\n')]);
    const sink = await read(await file(Buffer.concat([head, bad, Buffer.from(good(9999))])));
    expect(sink.files[0]).toMatchObject({ encoding: 'utf-8', records: 2002 });
    const withProblems = sink.rows.filter((r) => r.problems.length > 0);
    expect(withProblems.map((r) => [r.respondent, r.line, r.problems.map((p) => [p.code, p.line])])).toEqual([['rX', 2002, [['file-undecodable', 2002]]]]);
    expect(withProblems[0]?.problems[0]?.message).toContain('not valid UTF-8');
    expect(sink.rows.at(-1)).toMatchObject({ respondent: 'r9999', line: 2003, problems: [] });
    // multi-byte characters cut by chunk boundaries came through intact
    expect(sink.rows.filter((r) => r.comment === 'Всё хорошо — спасибо')).toHaveLength(2001);
  });
});

describe('files that cannot be read', () => {
  const codes = (sink: Awaited<ReturnType<typeof read>>) => sink.fileProblems.map((p) => [p.problem.code, p.problem.severity, p.records.length]);

  it('empty: 0 bytes, a BOM only, blanks only', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(' \r\n\r\n  \n'), Buffer.from([0xff, 0xfe])]) {
      const sink = await read(await file(bytes));
      expect(codes(sink)).toEqual([['file-empty', 'error', 0]]);
      expect(sink.rows).toEqual([]);
    }
  });

  it('a header and no rows is a warning', async () => {
    const sink = await read(await file(`${WIDE_HEADER}\n\n`));
    expect(codes(sink)).toEqual([['file-empty', 'warning', 0]]);
    expect(sink.files[0]?.records).toBe(0);
  });

  it('binary: an Excel workbook saved with a .csv name', async () => {
    const sink = await read(await file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0])));
    expect(codes(sink)).toEqual([['file-binary', 'error', 0]]);
    expect(sink.fileProblems[0]?.problem.message).toContain('save it as "CSV UTF-8"');
    expect(sink.files).toEqual([]);
  });

  it('missing file, with a suggestion from its folder', async () => {
    const f = await file(`${WIDE_HEADER}\n`, 'q1.csv');
    const wrong = path.join(path.dirname(f), 'q1.cvs');
    const sink = await read(wrong);
    expect(sink.fileProblems.map((p) => p.problem)).toEqual([
      { severity: 'error', code: 'file-not-found', file: wrong, line: null, column: null, message: `file not found (did you mean ${JSON.stringify(f)}?)` },
    ]);
  });

  it('a read error (here: a folder opened as a file) is file-unreadable', async () => {
    const sink = collectingSink();
    await readResponseFile(tmp, config, sink);
    expect(codes(sink)).toEqual([['file-unreadable', 'error', 0]]);
    expect(sink.fileProblems[0]?.problem.message).toBe('reading the file failed (it is a folder)');
  });

  it('undecodable bytes in the header of a UTF-8 file make the file unusable', async () => {
    const header = Buffer.concat([Buffer.from('rater_department,target_department,speed,quality,politeness,'), Buffer.from([0xea, 0xee, 0xec])]);
    const body = Buffer.from('\nОтдел продаж,Отдел кадров,1,2,3,\n'.repeat(5));
    const sink = await read(await file(Buffer.concat([header, body])));
    expect(sink.files[0]?.encoding).toBe('utf-8');
    expect(sink.fileProblems.map((p) => [p.problem.code, p.problem.line, p.records.length])).toEqual([
      ['file-undecodable', 1, 5],
      ['unknown-column', 1, 0],
    ]);
    expect(sink.rows).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('unreadable file', async () => {
    const f = await file(`${WIDE_HEADER}\n`);
    await chmod(f, 0o000);
    const sink = await read(f);
    expect(codes(sink)).toEqual([['file-unreadable', 'error', 0]]);
    expect(sink.fileProblems[0]?.problem.message).toContain('permission denied');
  });
});

describe('directories', () => {
  it('contribute their .csv/.tsv/.txt files sorted by name; subfolders, hidden files, other types and a link to a file already read are listed as skipped', async () => {
    const dir = path.join(tmp, 'period');
    await mkdir(path.join(dir, 'sub'), { recursive: true });
    const row = (r: string) => `${WIDE_HEADER}\n${r},sales,hr,1,2,3,\n`;
    await writeFile(path.join(dir, 'b.CSV'), row('b'));
    await writeFile(path.join(dir, 'a.tsv'), row('a').replaceAll(',', '\t'));
    await writeFile(path.join(dir, 'c.txt'), row('c'));
    await writeFile(path.join(dir, 'notes.md'), 'not data');
    await writeFile(path.join(dir, '.~lock.b.CSV#'), 'lock');
    await writeFile(path.join(dir, '._b.csv'), Buffer.from([0, 5, 22, 7, 0, 2]));
    await writeFile(path.join(dir, 'sub', 'deep.csv'), row('deep'));
    await symlink(path.join(dir, 'c.txt'), path.join(dir, 'd.csv'));

    const relative = path.relative(process.cwd(), dir);
    const sink = await read(relative);
    expect(sink.fileProblems.map(({ problem: p }) => [p.severity, p.code, p.file, p.message])).toEqual([
      ['warning', 'file-skipped', path.join(relative, '._b.csv'), 'skipped: a hidden file; hidden files are not read'],
      ['warning', 'file-skipped', path.join(relative, '.~lock.b.CSV#'), 'skipped: a hidden file; hidden files are not read'],
      ['warning', 'file-skipped', path.join(relative, 'notes.md'), 'skipped: not a table ic reads (it reads .csv, .tsv, .txt files)'],
      ['warning', 'file-skipped', path.join(relative, 'sub'), 'skipped: a subfolder; subfolders are not searched (name it as an input to read it)'],
      [
        'warning',
        'same-file',
        path.join(relative, 'd.csv'),
        `this is the same file as ${path.join(relative, 'c.txt')}; it is read once (as ${path.join(relative, 'c.txt')}), so that nobody's answers count twice`,
      ],
    ]);
    expect(sink.rows.map((r) => [r.file, r.respondent])).toEqual([
      [path.join(relative, 'a.tsv'), 'a'],
      [path.join(relative, 'b.CSV'), 'b'],
      [path.join(relative, 'c.txt'), 'c'],
    ]);
    expect(path.isAbsolute(sink.rows[0]?.file ?? '/')).toBe(false);
    expect(sink.files.map((f) => f.delimiter)).toEqual(['\t', ',', ',']);
    const expanded = await expandInputs([relative, path.join(tmp, 'nowhere')]);
    expect(expanded.flatMap((e) => e.files)).toHaveLength(3);
    expect(expanded.flatMap((e) => e.problems).map((p) => p.code)).toEqual(['file-skipped', 'file-skipped', 'file-skipped', 'file-skipped', 'same-file', 'file-not-found']);
  });

  it('a folder with nothing to read is a no-input problem', async () => {
    const dir = path.join(tmp, 'empty-period');
    await mkdir(dir);
    await writeFile(path.join(dir, 'report.xlsx'), 'x');
    const sink = await read(dir);
    expect(sink.fileProblems.map((p) => [p.problem.code, p.problem.file, p.problem.severity, p.problem.message])).toEqual([
      ['no-input', dir, 'error', 'the folder has no .csv, .tsv, .txt files to read (subfolders are not searched)'],
      ['file-skipped', path.join(dir, 'report.xlsx'), 'warning', 'skipped: Excel workbooks (.xlsx) are not read yet; save the sheet as "CSV UTF-8" next to it'],
    ]);
  });

  it('inputs are read in the order given, each file done after its rows', async () => {
    const a = await file(`${WIDE_HEADER}\nra,sales,hr,1,2,3,\n`);
    const b = await file(`${WIDE_HEADER}\nrb,sales,hr,1,2,3,\n`);
    const sink = await read(b, a);
    expect(sink.events).toEqual([`row ${b}:2`, `done ${b}`, `row ${a}:2`, `done ${a}`]);
  });
});

describe('big files stream', () => {
  it('50,000 rows over many chunks: every row, exact cells and lines, with CRLF and Cyrillic across chunk edges', async () => {
    const lines = [WIDE_HEADER.replaceAll(',', ';')];
    for (let i = 0; i < 50_000; i++) lines.push(`r${i};Отдел продаж;hr;${1 + (i % 5)};4,5;;"комментарий ""${i}"";\r\nвторая строка"`);
    const f = await file(Buffer.from(lines.join('\r\n') + '\r\n'));
    const sink = collectingSink();
    let count = 0;
    let ok = true;
    await readResponses([f], config, {
      ...sink,
      row(r) {
        const i = count++;
        ok &&=
          r.line === 2 + 2 * i &&
          r.respondent === `r${i}` &&
          r.answers[0] === String(1 + (i % 5)) &&
          r.answers[1] === '4,5' &&
          r.comment === `комментарий "${i}";\r\nвторая строка` &&
          r.problems.length === 0;
      },
    });
    expect(sink.fileProblems).toEqual([]);
    expect(count).toBe(50_000);
    expect(ok).toBe(true);
    expect(sink.files[0]?.records).toBe(50_000);
  });
});

describe('accounting', () => {
  it('rows read = records in rows + records in file problems, whatever goes wrong', async () => {
    const files = [
      await file(`${WIDE_HEADER}\nr1,sales,hr,1,2,3,\nr2,sales\n"r3,\nr4,sales,hr,1,1,1,\n`),
      await file('respondent_id,rater_department,target_department,criterion,score\nr1,sales,hr,speed,1\nr1,sales,hr,speed,2\nr1,hr,sales,oops,3\n'),
      await file('bad_header,rater_department,target_department,speed\n1,2,3,4\n5,6,7,8\n'),
    ];
    const sink = await read(...files);
    expect(sink.files.map((f) => f.records)).toEqual([4, 3, 2]);
    const read_ = sink.files.reduce((s, f) => s + f.records, 0);
    expect(recordsAccounted(sink)).toBe(read_);
    expect(allProblems(sink).length).toBeGreaterThan(3);
  });
});
