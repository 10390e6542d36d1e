import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { explainCommand, explainFormat } from '../../src/commands/explain.js';

const RUSSIAN_YAML = `version: 1
title: "Внутренний клиент — тест"
scale: { min: 1, max: 5 }
favorable_min: 4
anonymity_min: 4
aggregation: respondents
alert_below: 3.75
departments:
  - id: sales
    name: Отдел продаж
    clients_of: [it]
  - id: it
    name: ИТ-отдел
    clients_of: [sales]
criteria:
  - id: speed
    name: Скорость
    weight: 3
  - id: quality
    name: Качество
`;

const ENGLISH_YAML = `version: 1
title: "Internal client, Q1"
scale: { min: 1, max: 5 }
departments:
  - id: sales
    name: Sales
  - id: it
    name: IT
criteria:
  - id: speed
    name: Speed
`;

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ic-explain-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function writeConfig(text: string): string {
  const path = join(dir, 'ic.yaml');
  writeFileSync(path, text);
  return path;
}

async function run(args: string[]): Promise<void> {
  await explainCommand().exitOverride().parseAsync(args, { from: 'user' });
}

describe('ic explain', () => {
  it('speaks Russian for a Russian config, with its numbers', async () => {
    const config = writeConfig(RUSSIAN_YAML);
    await run(['--config', config]);
    expect(process.exitCode).toBe(0);
    expect(stdout).toContain('Внутренний клиент — тест: как считаются оценки');
    expect(stdout).toMatch(/3 из 4\s+75,0\u00A0%/);
    expect(stdout).toMatch(/1 из 4\s+25,0\u00A0%/);
    expect(stdout).toContain('3,75');
    expect(stdout).toContain('SE = sd / √n');
  });

  it('speaks English for an English config, and --lang overrides either way', async () => {
    const english = writeConfig(ENGLISH_YAML);
    await run(['--config', english]);
    expect(stdout).toContain('Internal client, Q1: how the scores are computed');
    expect(stdout).toContain('No alert threshold');
    stdout = '';
    await run(['--config', english, '--lang', 'ru']);
    expect(stdout).toContain('Internal client, Q1: как считаются оценки');
    stdout = '';
    writeConfig(RUSSIAN_YAML);
    await run(['--config', join(dir, 'ic.yaml'), '--lang', 'en']);
    expect(stdout).toContain('Внутренний клиент — тест: how the scores are computed');
    expect(stdout).toMatch(/3 of 4\s+75\.0%/);
  });

  it('writes Markdown with --format md, and to a .md --out without being asked', async () => {
    const config = writeConfig(RUSSIAN_YAML);
    await run(['--config', config, '--format', 'md']);
    expect(stdout.startsWith('# Внутренний клиент — тест: как считаются оценки\n')).toBe(true);
    expect(stdout).toContain('| Скорость | 3 из 4 | 75,0\u00A0% |');

    stdout = '';
    const out = join(dir, 'method.md');
    await run(['--config', config, '--out', out]);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('| Скорость | 3 из 4 | 75,0\u00A0% |');
    expect(stderr).toContain(`Wrote ${out}`);

    const txt = join(dir, 'method.txt');
    await run(['--config', config, '--out', txt, '--quiet']);
    expect(readFileSync(txt, 'utf8')).toMatch(/Скорость\s+3 из 4\s+75,0\u00A0%/);
    expect(stderr).not.toContain(`Wrote ${txt}`);
  });

  it('never overwrites the config with --out', async () => {
    const config = writeConfig(RUSSIAN_YAML);
    await expect(run(['--config', config, '--out', config])).rejects.toBeInstanceOf(UserError);
    expect(readFileSync(config, 'utf8')).toBe(RUSSIAN_YAML);
  });

  it('stops on a config with problems, listing them', async () => {
    const config = writeConfig(RUSSIAN_YAML.replace('anonymity_min: 4', 'anonymity_min: 4\nanonimity: 3'));
    await expect(run(['--config', config])).rejects.toBeInstanceOf(UserError);
    expect(stderr).toContain('anonimity');
    expect(stdout).toBe('');
  });

  it('rejects an unknown language or format as a usage error', async () => {
    const config = writeConfig(ENGLISH_YAML);
    await expect(run(['--config', config, '--lang', 'de'])).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run(['--config', config, '--format', 'csv'])).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    expect(existsSync(join(dir, 'ic.yaml'))).toBe(true);
  });

  it('ends its help with examples', () => {
    const command = explainCommand();
    let text = '';
    command.configureOutput({ writeOut: (s) => (text += s) });
    command.outputHelp();
    expect(text).toContain('--lang <lang>');
    expect(text).toMatch(/Examples:\n {2}ic explain/);
  });
});

describe('explainFormat', () => {
  it('is table unless asked, or the output file is Markdown', () => {
    expect(explainFormat({})).toBe('table');
    expect(explainFormat({ out: 'method.MD' })).toBe('md');
    expect(explainFormat({ out: 'method.txt' })).toBe('table');
    expect(explainFormat({ out: 'method.md', format: 'table' })).toBe('table');
  });
});
