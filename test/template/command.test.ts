/** `ic template` as a command: options, files written, refusals. Runs in-process on a throw-away folder. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { UsageError, UserError } from '../../src/cli/errors.js';
import { runTemplate, templateCommand, type TemplateCommandOptions } from '../../src/commands/template.js';
import { FIXTURE_CONFIG } from './helpers.js';

let dir: string;
let stdout: MockInstance;
let stderr: MockInstance;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ic-template-cmd-'));
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const printed = (spy: MockInstance): string => spy.mock.calls.map((c) => String(c[0])).join('');

function run(options: Partial<TemplateCommandOptions>): Promise<number> {
  return runTemplate({ config: FIXTURE_CONFIG, color: false, ...options });
}

const ALL_FILES = ['board.csv', 'board.md', 'delivery.csv', 'delivery.md', 'procurement.csv', 'procurement.md', 'sales.csv', 'sales.md'];

describe('ic template --out DIR', () => {
  it('writes a CSV and a Markdown per department that evaluates someone, and says who gets none', async () => {
    const out = join(dir, 'forms');
    expect(await run({ out })).toBe(0);
    expect(readdirSync(out).sort()).toEqual(ALL_FILES);
    expect(readFileSync(join(out, 'procurement.csv'), 'utf8')).toBe(
      // Excel-ready by default (BOM, ';', CRLF), the criteria under their names
      '\uFEFFrespondent_id;rater_department;rater_name;target_department;target_name;Скорость реакции;Качество результата;Вежливость;comment\r\n;procurement;Отдел закупок;it;ИТ-отдел;;;;\r\n',
    );
    expect(readFileSync(join(out, 'sales.md'), 'utf8')).toContain('## Анкета: Отдел продаж (`sales`)');
    const notes = printed(stderr);
    expect(notes).toContain('no questionnaire for "ИТ-отдел" (it): it is a client of no department (its clients_of is empty)');
    expect(notes).toContain('nobody is a client of "Дирекция" (board), so it will get no score');
    expect(notes).toContain('Wrote 8 files to');
    expect(printed(stdout)).toBe('');
  });

  it('--quiet: no notes; --format md: only the printable versions; --no-excel: plain CSV', async () => {
    expect(await run({ out: join(dir, 'md'), format: 'md', quiet: true })).toBe(0);
    expect(readdirSync(join(dir, 'md')).sort()).toEqual(ALL_FILES.filter((f) => f.endsWith('.md')));
    expect(printed(stderr)).toBe('');
    expect(await run({ out: join(dir, 'plain'), excel: false, quiet: true })).toBe(0);
    expect(readFileSync(join(dir, 'plain', 'sales.csv'), 'utf8').startsWith('respondent_id,rater_department,rater_name,target_department,target_name,Скорость реакции,')).toBe(true);
  });

  it('refuses to overwrite: lists every existing file and writes nothing; --force overwrites', async () => {
    const out = join(dir, 'forms');
    mkdirSync(out);
    writeFileSync(join(out, 'sales.csv'), 'filled in by hand\n');
    writeFileSync(join(out, 'board.md'), 'notes\n');
    const error = await run({ out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(`2 files already exist in ${out}: sales.csv, board.md`);
    expect((error as Error).message).toContain('--force');
    expect(readdirSync(out).sort()).toEqual(['board.md', 'sales.csv']);
    expect(readFileSync(join(out, 'sales.csv'), 'utf8')).toBe('filled in by hand\n');

    expect(await run({ out, force: true })).toBe(0);
    expect(readdirSync(out).sort()).toEqual(ALL_FILES);
    expect(readFileSync(join(out, 'sales.csv'), 'utf8')).toContain(';sales;Отдел продаж;procurement;');
  });

  it('refuses a file where the folder should be, and a folder where a file should be', async () => {
    writeFileSync(join(dir, 'forms'), 'x');
    await expect(run({ out: join(dir, 'forms') })).rejects.toThrow(/is a file/);
    mkdirSync(join(dir, 'f2', 'sales.csv'), { recursive: true });
    await expect(run({ out: join(dir, 'f2'), force: true })).rejects.toThrow(/a folder is in the way/);
    expect(readdirSync(join(dir, 'f2'))).toEqual(['sales.csv']);
  });
});

describe('ic template --department ID', () => {
  it('prints the CSV (default) or the Markdown to stdout, by id or by display name', async () => {
    expect(await run({ department: 'board' })).toBe(0);
    expect(printed(stdout)).toBe(
      '\uFEFFrespondent_id;rater_department;rater_name;target_department;target_name;Скорость реакции;Качество результата;Вежливость;comment\r\n' +
        ';board;Дирекция;sales;Отдел продаж;;;;\r\n;board;Дирекция;it;ИТ-отдел;;;;\r\n',
    );
    expect(printed(stderr)).toBe('');
    stdout.mockClear();
    expect(await run({ department: ' служба ДОСТАВКИ', format: 'md' })).toBe(0);
    expect(printed(stdout)).toContain('## Анкета: Служба доставки (`delivery`)');
  });

  it('--out DIR writes that department only; --out FILE.csv / .md writes the file itself', async () => {
    expect(await run({ department: 'sales', out: join(dir, 'one'), quiet: true })).toBe(0);
    expect(readdirSync(join(dir, 'one')).sort()).toEqual(['sales.csv', 'sales.md']);
    expect(await run({ department: 'sales', out: join(dir, 'mine.md'), quiet: true })).toBe(0);
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toContain('# Внутренний клиент — 2026');
    await expect(run({ department: 'sales', out: join(dir, 'mine.md') })).rejects.toThrow(/already exists/);
    await expect(run({ department: 'sales', out: join(dir, 'x.csv'), format: 'md' })).rejects.toBeInstanceOf(UsageError);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('an unknown department is a usage error with a suggestion', async () => {
    const error = await run({ department: 'slaes' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      '--department "slaes" is not a department of the config (did you mean "sales"?); the departments are: sales, procurement, delivery, it, board',
    );
  });

  it('a department that evaluates nobody has no questionnaire: exit 1 with the reason, nothing written', async () => {
    await expect(run({ department: 'it' })).rejects.toThrow(/no questionnaire for "ИТ-отдел" \(it\)/);
    await expect(run({ department: 'it', out: join(dir, 'it') })).rejects.toBeInstanceOf(UserError);
    expect(existsSync(join(dir, 'it'))).toBe(false);
    expect(printed(stdout)).toBe('');
  });
});

describe('ic template without --department or --out', () => {
  it('is a usage error that says what to add', async () => {
    await expect(run({})).rejects.toThrow(/--department ID prints one to stdout, --out DIR writes/);
  });
});

describe('templateCommand', () => {
  it('parses its options and ends its help with examples', () => {
    const command = templateCommand();
    command.exitOverride();
    let help = '';
    command.configureOutput({ writeOut: (s) => (help += s), writeErr: () => undefined });
    expect(() => command.parse(['node', 'template', '--help'])).toThrow();
    expect(help).toContain('--department <id>');
    expect(help).toContain('--no-excel');
    expect(help).toMatch(/Examples:\n {2}ic template --out forms\//u);
    const bad = templateCommand().exitOverride().configureOutput({ writeErr: () => undefined });
    expect(() => bad.parse(['node', 'template', '--format', 'json'])).toThrow(/Allowed choices are csv, md/);
  });
});
