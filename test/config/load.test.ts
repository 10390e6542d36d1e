import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSearchDirs, decode, findConfigPath, loadConfig } from '../../src/config/load.js';
import { MAX_CONFIG_BYTES } from '../../src/config/limits.js';

const VALID = (title: string) =>
  `version: 1\ntitle: "${title}"\ndepartments:\n  - id: sales\n    name: Отдел продаж\n  - id: hr\n    name: Кадры\ncriteria:\n  - id: speed\n    name: Скорость\n`;

let root: string;

beforeEach(async () => {
  // realpath: on some systems the temp dir is behind a symlink, and paths are compared exactly.
  root = await realpath(await mkdtemp(join(tmpdir(), 'ic-config-')));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(rel: string, text: string | Uint8Array): Promise<string> {
  const path = join(root, rel);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

describe('findConfigPath', () => {
  it('uses --config alone, resolved against the working directory, even when missing', async () => {
    await put('ic.yaml', VALID('cwd'));
    expect(findConfigPath({ config: 'conf/other.yaml', firstInput: 'x.csv', cwd: root })).toBe(join(root, 'conf/other.yaml'));
    expect(findConfigPath({ config: '/etc/abs.yaml', cwd: root })).toBe('/etc/abs.yaml');
  });

  it('looks beside the first responses file before the working directory', async () => {
    await put('ic.yaml', VALID('cwd'));
    await put('q1/ic.yaml', VALID('q1'));
    await put('q1/responses.csv', 'x');
    expect(findConfigPath({ firstInput: 'q1/responses.csv', cwd: root })).toBe(join(root, 'q1/ic.yaml'));
    // A file that does not exist (yet) still points at its folder.
    expect(findConfigPath({ firstInput: 'q1/missing.csv', cwd: root })).toBe(join(root, 'q1/ic.yaml'));
    expect(findConfigPath({ firstInput: join(root, 'q1/responses.csv'), cwd: '/' })).toBe(join(root, 'q1/ic.yaml'));
  });

  it('falls back to the working directory', async () => {
    await put('ic.yaml', VALID('cwd'));
    await put('q1/responses.csv', 'x');
    expect(findConfigPath({ firstInput: 'q1/responses.csv', cwd: root })).toBe(join(root, 'ic.yaml'));
    expect(findConfigPath({ cwd: root })).toBe(join(root, 'ic.yaml'));
    expect(findConfigPath({ firstInput: '-', cwd: root })).toBe(join(root, 'ic.yaml'));
  });

  it('for a directory input, looks inside it first, then beside it', async () => {
    await put('periods/q1/a.csv', 'x');
    await put('periods/ic.yml', VALID('beside'));
    expect(findConfigPath({ firstInput: 'periods/q1', cwd: root })).toBe(join(root, 'periods/ic.yml'));
    await put('periods/q1/ic.yaml', VALID('inside'));
    expect(findConfigPath({ firstInput: 'periods/q1', cwd: root })).toBe(join(root, 'periods/q1/ic.yaml'));
    expect(configSearchDirs({ firstInput: 'periods/q1', cwd: root })).toEqual([join(root, 'periods/q1'), join(root, 'periods'), root]);
  });

  it('prefers ic.yaml to ic.yml in the same folder', async () => {
    await put('ic.yml', VALID('yml'));
    expect(findConfigPath({ cwd: root })).toBe(join(root, 'ic.yml'));
    await put('ic.yaml', VALID('yaml'));
    expect(findConfigPath({ cwd: root })).toBe(join(root, 'ic.yaml'));
  });

  it('returns null when there is none', async () => {
    await put('q1/a.csv', 'x');
    expect(findConfigPath({ firstInput: 'q1/a.csv', cwd: root })).toBeNull();
  });
});

describe('loadConfig', () => {
  it('loads the discovered config, with its absolute path', async () => {
    await put('q1/ic.yaml', VALID('Опрос Q1'));
    await put('q1/a.csv', 'x');
    const result = await loadConfig({ firstInput: 'q1/a.csv', cwd: root });
    expect(result.problems).toEqual([]);
    expect(result.path).toBe(join(root, 'q1/ic.yaml'));
    expect(result.config?.path).toBe(join(root, 'q1/ic.yaml'));
    expect(result.config?.title).toBe('Опрос Q1');
    expect(result.config?.departments.map((d) => d.id)).toEqual(['sales', 'hr']);
  });

  it('names the file in problems the way the user would write it', async () => {
    await put('q1/ic.yaml', 'version: 3\n');
    const discovered = await loadConfig({ firstInput: 'q1/a.csv', cwd: root });
    expect(discovered.config).toBeNull();
    expect(discovered.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['q1/ic.yaml', 1, 'version'],
      ['q1/ic.yaml', 1, 'departments'],
      ['q1/ic.yaml', 1, 'criteria'],
    ]);
    const given = await loadConfig({ config: './q1/ic.yaml', cwd: root });
    expect(given.problems[0]?.file).toBe('./q1/ic.yaml');
    expect(given.path).toBe(join(root, 'q1/ic.yaml'));
  });

  it('says where it looked and what to do when there is no config', async () => {
    await put('q1/a.csv', 'x');
    const result = await loadConfig({ firstInput: 'q1/a.csv', cwd: root });
    expect(result.config).toBeNull();
    expect(result.path).toBeNull();
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'config-not-found',
        file: null,
        line: null,
        column: null,
        message: 'no config file found: looked for ic.yaml or ic.yml in q1/ and the current directory. Run "ic init" to write a sample one, or pass --config FILE',
      },
    ]);
  });

  it('lists every place it looked', async () => {
    await put('periods/q1/a.csv', 'x');
    const result = await loadConfig({ firstInput: 'periods/q1', cwd: root });
    expect(result.problems[0]?.message).toBe(
      'no config file found: looked for ic.yaml or ic.yml in periods/q1/, periods/ and the current directory. ' +
        'Run "ic init" to write a sample one, or pass --config FILE',
    );
    const alone = await loadConfig({ cwd: root });
    expect(alone.problems[0]?.message).toMatch(/^no config file found: looked for ic.yaml or ic.yml in the current directory\. /);
  });

  it('reports a --config file that does not exist', async () => {
    const result = await loadConfig({ config: 'nope.yaml', cwd: root });
    expect(result.config).toBeNull();
    expect(result.path).toBe(join(root, 'nope.yaml'));
    expect(result.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['config-not-found', 'nope.yaml', 'config file nope.yaml does not exist (run "ic init" to write one)'],
    ]);
  });

  it('reports a config that cannot be read', async () => {
    await mkdir(join(root, 'ic.yaml'));
    const dir = await loadConfig({ cwd: root });
    expect(dir.problems.map((p) => [p.code, p.message])).toEqual([['config-unreadable', 'ic.yaml is a directory, not a config file']]);

    await put('bin.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const binary = await loadConfig({ config: 'bin.yaml', cwd: root });
    expect(binary.problems.map((p) => p.code)).toEqual(['config-unreadable']);
    expect(binary.problems[0]?.message).toMatch(/not a text file/);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports a config it has no permission to read', async () => {
    const path = await put('ic.yaml', VALID('x'));
    const { chmod } = await import('node:fs/promises');
    await chmod(path, 0o000);
    const result = await loadConfig({ cwd: root });
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([['config-unreadable', 'cannot read ic.yaml: permission denied']]);
  });

  it('reads configs saved by Windows editors: UTF-8 with BOM, UTF-16, Windows-1251', async () => {
    const text = VALID('Внутренний клиент');
    await put('bom/ic.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    await put('utf16/ic.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    await put('utf16be/ic.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]));
    await put('cp1251/ic.yaml', iconv.encode(text, 'windows-1251'));
    for (const dir of ['bom', 'utf16', 'utf16be', 'cp1251']) {
      const result = await loadConfig({ config: `${dir}/ic.yaml`, cwd: root });
      expect(result.problems).toEqual([]);
      expect(result.config?.title).toBe('Внутренний клиент');
      expect(result.config?.departments[0]?.name).toBe('Отдел продаж');
    }
  });
});

describe('decode', () => {
  it('refuses binary bytes and keeps plain UTF-8 as is', () => {
    expect(decode(new Uint8Array([0x61, 0x00, 0x62]))).toBeNull();
    expect(decode(Buffer.from('título: ок', 'utf8'))).toBe('título: ок');
  });
});

describe('loadConfig against hostile files', () => {
  const TOO_LARGE = 'the config is larger than 4 MB; a config of thousands of departments is far smaller — is this the right file?';

  it('stops reading a config over the size limit (a file one byte over, or /dev/zero, read-only), with a clear message', async () => {
    const big = await put('big.yaml', Buffer.alloc(MAX_CONFIG_BYTES + 1, 0x20));
    for (const config of [big, '/dev/zero']) {
      const loaded = await loadConfig({ config, cwd: root });
      expect(loaded.config).toBeNull();
      expect(loaded.problems).toEqual([{ severity: 'error', code: 'config-unreadable', file: config, line: null, column: null, message: TOO_LARGE }]);
    }
  });

  it('a config of exactly the limit is read (and then judged on its content)', async () => {
    const text = VALID('x');
    const path = await put('ic.yaml', text + '#'.repeat(MAX_CONFIG_BYTES - Buffer.byteLength(text)));
    const loaded = await loadConfig({ config: path, cwd: root });
    expect(loaded.problems).toEqual([]);
    expect(loaded.config?.title).toBe('x');
  });
});
