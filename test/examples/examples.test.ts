/**
 * The bundled example company (examples/) and the `ic init` sample: reproducible from the
 * generator, valid for their configs, and telling the story the README promises. The checks
 * here are deliberately independent of `ic`'s own reader and validator (small, plain code),
 * so a bug there cannot hide a bug in the examples or the other way round.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SAMPLE_CONFIG_YAML, SAMPLE_RESPONSES_CSV } from '../../src/init/sample.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const examplesDir = join(root, 'examples');
const generator = join(root, 'scripts', 'generate-examples.mjs');
const PERIODS = ['2026-q1', '2026-q2'] as const;

/** The story the generator is designed to tell (see examples/README.md). */
const IMPROVERS = ['delivery', 'hr', 'it'];
const DECLINERS = ['procurement', 'accounting'];
const NOBODYS_SUPPLIER = 'directorate';
const SMALL_RATER = 'legal';

interface ConfigFile {
  version: number;
  title: string;
  scale: { min: number; max: number };
  na_values: string[];
  favorable_min: number;
  anonymity_min: number;
  aggregation: string;
  alert_below: number;
  departments: { id: string; name: string; clients_of?: string[] }[];
  criteria: { id: string; name: string; weight?: number; description?: string }[];
}

interface Row {
  line: number;
  respondent: string;
  rater: string;
  target: string;
  answers: string[];
  comment: string;
}

/** RFC 4180 with `,` and LF: enough for files we write ourselves (quoted fields included). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function readRows(text: string, config: ConfigFile): Row[] {
  const [header, ...records] = parseCsv(text);
  const expected = ['respondent_id', 'rater_department', 'target_department', ...config.criteria.map((c) => c.id), 'comment'];
  expect(header).toEqual(expected);
  return records.map((cells, i) => {
    expect(cells, `line ${i + 2}`).toHaveLength(expected.length);
    return {
      line: i + 2,
      respondent: cells[0] ?? '',
      rater: cells[1] ?? '',
      target: cells[2] ?? '',
      answers: cells.slice(3, 3 + config.criteria.length),
      comment: cells[cells.length - 1] ?? '',
    };
  });
}

const isNa = (config: ConfigFile, cell: string) =>
  cell.trim() === '' || config.na_values.some((na) => na.trim().toLowerCase() === cell.trim().toLowerCase());

/** Every problem that SPEC 2.3 counts as an error or a warning, as plain messages. */
function problemsOf(rows: Row[], config: ConfigFile): string[] {
  const ids = config.departments.map((d) => d.id);
  const anyClientsOf = config.departments.some((d) => d.clients_of !== undefined);
  const clientsOf = new Map(
    config.departments.map((d) => [d.id, anyClientsOf ? (d.clients_of ?? []) : ids.filter((id) => id !== d.id)]),
  );
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const departmentOf = new Map<string, string>();
  for (const row of rows) {
    const at = `line ${row.line}`;
    if (!/^r\d+$/.test(row.respondent)) problems.push(`${at}: respondent id "${row.respondent}"`);
    if (!ids.includes(row.rater)) problems.push(`${at}: unknown rater ${row.rater}`);
    if (!ids.includes(row.target)) problems.push(`${at}: unknown target ${row.target}`);
    if (row.rater === row.target) problems.push(`${at}: self-evaluation`);
    if (!clientsOf.get(row.rater)?.includes(row.target)) problems.push(`${at}: ${row.rater} is not a client of ${row.target}`);
    const key = `${row.respondent}\u0000${row.target}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${at}: duplicate of line ${first}`);
    else seen.set(key, row.line);
    const dept = departmentOf.get(row.respondent);
    if (dept !== undefined && dept !== row.rater) problems.push(`${at}: ${row.respondent} is in ${dept} and ${row.rater}`);
    departmentOf.set(row.respondent, row.rater);
    for (const cell of row.answers) {
      if (isNa(config, cell)) continue;
      const n = Number(cell);
      if (!/^\d+$/.test(cell) || n < config.scale.min || n > config.scale.max) problems.push(`${at}: score "${cell}"`);
    }
    if (row.answers.every((cell) => isNa(config, cell))) problems.push(`${at}: no answers`);
  }
  for (const id of new Set([...clientsOf.values()].flat())) {
    if (!rows.some((r) => r.target === id)) problems.push(`${id} is expected to be evaluated and got no rows`);
  }
  return problems;
}

function validAnswers(row: Row, config: ConfigFile): number[] {
  return row.answers.filter((cell) => !isNa(config, cell)).map(Number);
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Score of SPEC 3.2 with aggregation: departments (criterion mean = mean of the pair means). */
function departmentScore(rows: Row[], config: ConfigFile, target: string): number {
  const about = rows.filter((r) => r.target === target);
  const raters = [...new Set(about.map((r) => r.rater))];
  let sum = 0;
  let weights = 0;
  config.criteria.forEach((criterion, c) => {
    const pairMeans = raters.flatMap((rater) => {
      const cells = about.filter((r) => r.rater === rater).map((r) => r.answers[c] ?? '');
      const values = cells.filter((cell) => !isNa(config, cell)).map(Number);
      return values.length > 0 ? [mean(values)] : [];
    });
    if (pairMeans.length === 0) return;
    sum += (criterion.weight ?? 1) * mean(pairMeans);
    weights += criterion.weight ?? 1;
  });
  return sum / weights;
}

/** Distinct respondents of each rater × target pair. */
function pairRespondents(rows: Row[]): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.rater}→${r.target}`;
    sets.set(key, (sets.get(key) ?? new Set()).add(r.respondent));
  }
  return new Map([...sets].map(([key, set]) => [key, set.size]));
}

/** Only the keys of SPEC 2.1: an unknown key is an error in `ic`. */
function unknownKeys(config: ConfigFile): string[] {
  const top = ['version', 'title', 'scale', 'na_values', 'favorable_min', 'anonymity_min', 'aggregation', 'alert_below', 'departments', 'criteria'];
  const unknown = (obj: object, allowed: string[], path: string) =>
    Object.keys(obj)
      .filter((k) => !allowed.includes(k))
      .map((k) => `${path}${k}`);
  return [
    ...unknown(config, top, ''),
    ...unknown(config.scale, ['min', 'max'], 'scale.'),
    ...config.departments.flatMap((d, i) => unknown(d, ['id', 'name', 'clients_of'], `departments[${i}].`)),
    ...config.criteria.flatMap((c, i) => unknown(c, ['id', 'name', 'weight', 'description'], `criteria[${i}].`)),
  ];
}

describe('examples/', () => {
  const config = parseYaml(readFileSync(join(examplesDir, 'ic.yaml'), 'utf8')) as ConfigFile;
  const texts = PERIODS.map((p) => readFileSync(join(examplesDir, `${p}.csv`), 'utf8'));
  const periods = texts.map((text) => readRows(text, config));

  describe('reproducible', () => {
    let outDir = '';
    beforeAll(() => {
      outDir = mkdtempSync(join(tmpdir(), 'ic-examples-'));
      execFileSync(process.execPath, [generator, outDir], { stdio: 'pipe' });
    });
    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it('a fresh run of the generator gives the committed files byte for byte', () => {
      const generated = readdirSync(outDir).sort();
      expect(generated).toEqual(['2026-q1.csv', '2026-q2.csv', 'README.md', 'ic.yaml']);
      // examples/report/ holds the example reports (scripts/report-examples.mjs), not the generator's output.
      expect(readdirSync(examplesDir).filter((name) => name !== 'report').sort()).toEqual(generated);
      for (const name of generated) {
        const fresh = readFileSync(join(outDir, name));
        const committed = readFileSync(join(examplesDir, name));
        expect(fresh.equals(committed), `${name} differs: run node scripts/generate-examples.mjs`).toBe(true);
      }
    });
  });

  it('ic.yaml has the SPEC 2.1 shape and the settings the README describes', () => {
    expect(unknownKeys(config)).toEqual([]);
    expect(config).toMatchObject({
      version: 1,
      title: 'Внутренний клиент — 2026',
      scale: { min: 1, max: 5 },
      na_values: ['N/A', 'н/о', '-'],
      favorable_min: 4,
      anonymity_min: 3,
      aggregation: 'departments',
      alert_below: 3.5,
    });
    expect(config.departments.length).toBeGreaterThanOrEqual(13);
    expect(config.departments.length).toBeLessThanOrEqual(15);
    expect(config.criteria).toHaveLength(5);
    const ids = config.departments.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of config.departments) {
      expect(d.id).toMatch(/^[a-z0-9_-]+$/);
      expect(d.name).toMatch(/[А-Яа-яЁё]/);
      expect(d.clients_of?.length ?? 0, d.id).toBeGreaterThanOrEqual(2);
      expect(d.clients_of?.length ?? 0, d.id).toBeLessThanOrEqual(5);
    }
    for (const c of config.criteria) expect(c.weight).toBeGreaterThan(0);
    const evaluated = new Set(config.departments.flatMap((d) => d.clients_of ?? []));
    expect(ids.filter((id) => !evaluated.has(id))).toEqual([NOBODYS_SUPPLIER]);
  });

  it.each(PERIODS.map((p, i) => [p, i] as const))('%s.csv is valid: no errors, no warnings', (_, i) => {
    expect(problemsOf(periods[i] ?? [], config)).toEqual([]);
  });

  it('files are UTF-8 without BOM, LF, ending with a newline', () => {
    for (const text of texts) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\r');
      expect(text.endsWith('\n')).toBe(true);
    }
  });

  it('every respondent rates every department their department is a client of', () => {
    for (const rows of periods) {
      const byRespondent = new Map<string, Row[]>();
      for (const r of rows) byRespondent.set(r.respondent, [...(byRespondent.get(r.respondent) ?? []), r]);
      for (const own of byRespondent.values()) {
        const rater = config.departments.find((d) => d.id === own[0]?.rater);
        expect(own.map((r) => r.target).sort()).toEqual([...(rater?.clients_of ?? [])].sort());
      }
    }
  });

  it('has realistic mess: N/A in every spelling, blanks, quoted comments, turnover, a small rater', () => {
    const cells = periods.flat().flatMap((r) => r.answers);
    for (const na of config.na_values) expect(cells).toContain(na);
    const na = cells.filter((c) => c !== '' && isNa(config, c)).length / cells.length;
    const blank = cells.filter((c) => c === '').length / cells.length;
    expect(na).toBeGreaterThan(0.005);
    expect(na).toBeLessThan(0.03);
    expect(blank).toBeGreaterThan(0.01);
    expect(blank).toBeLessThan(0.04);
    const comments = periods.flat().map((r) => r.comment).filter((c) => c !== '');
    expect(comments.some((c) => c.includes(','))).toBe(true);
    expect(comments.some((c) => c.includes('"'))).toBe(true);

    const people = periods.map((rows) => new Set(rows.map((r) => r.respondent)));
    const [q1 = new Set<string>(), q2 = new Set<string>()] = people;
    const stayed = [...q1].filter((id) => q2.has(id)).length;
    expect(stayed / q1.size).toBeGreaterThan(0.7);
    expect(stayed).toBeLessThan(q1.size);

    for (const rows of periods) {
      expect(rows.length).toBeGreaterThanOrEqual(200);
      for (const d of config.departments) {
        const size = new Set(rows.filter((r) => r.rater === d.id).map((r) => r.respondent)).size;
        if (d.id === SMALL_RATER) expect(size).toBe(2);
        else {
          expect(size, d.id).toBeGreaterThanOrEqual(3);
          expect(size, d.id).toBeLessThanOrEqual(9);
        }
      }
      const pairs = pairRespondents(rows);
      expect([...pairs].filter(([, n]) => n < config.anonymity_min).map(([key]) => key).length).toBeGreaterThan(0);
      expect(rows.some((r) => r.target === NOBODYS_SUPPLIER)).toBe(false);
      expect(rows.some((r) => r.rater === NOBODYS_SUPPLIER)).toBe(true);
    }
  });

  describe('the story', () => {
    const answersAbout = (rows: Row[], target: string) =>
      mean(rows.filter((r) => r.target === target).flatMap((r) => validAnswers(r, config)));
    const change = (target: string) => answersAbout(periods[1] ?? [], target) - answersAbout(periods[0] ?? [], target);

    it.each(IMPROVERS)('%s improves: the mean of its answers rises by more than 0.4', (id) => {
      expect(change(id)).toBeGreaterThan(0.4);
    });

    it.each(DECLINERS)('%s declines: the mean of its answers falls by more than 0.4', (id) => {
      expect(change(id)).toBeLessThan(-0.4);
    });

    it('the other departments move by less than 0.3', () => {
      const others = config.departments
        .map((d) => d.id)
        .filter((id) => ![...IMPROVERS, ...DECLINERS, NOBODYS_SUPPLIER].includes(id));
      for (const id of others) expect(Math.abs(change(id)), id).toBeLessThan(0.3);
    });

    it('exactly one decliner falls under alert_below in q2 (department-aggregated score)', () => {
      const q2 = periods[1] ?? [];
      const under = DECLINERS.filter((id) => departmentScore(q2, config, id) < config.alert_below);
      expect(under).toEqual(['procurement']);
      expect(departmentScore(periods[0] ?? [], config, 'procurement')).toBeGreaterThan(config.alert_below);
    });
  });
});

describe('ic init sample', () => {
  const config = parseYaml(SAMPLE_CONFIG_YAML) as ConfigFile;
  const rows = readRows(SAMPLE_RESPONSES_CSV, config);

  it('the config parses and has the SPEC 2.1 shape', () => {
    expect(unknownKeys(config)).toEqual([]);
    expect(config.version).toBe(1);
    expect(config.departments.length).toBeGreaterThanOrEqual(4);
    expect(config.departments.length).toBeLessThanOrEqual(5);
    expect(config.criteria.length).toBeGreaterThanOrEqual(3);
    expect(config.criteria.length).toBeLessThanOrEqual(4);
    const ids = config.departments.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of config.departments) for (const t of d.clients_of ?? []) expect(ids).toContain(t);
  });

  it('every key of the config is explained by a comment', () => {
    const lines = SAMPLE_CONFIG_YAML.split('\n');
    for (const key of ['version', 'title', 'scale', 'na_values', 'favorable_min', 'anonymity_min', 'aggregation', 'alert_below']) {
      const line = lines.find((l) => l.startsWith(`${key}:`));
      expect(line, key).toContain('#');
    }
    for (const key of ['id', 'name', 'clients_of', 'weight', 'description']) {
      expect(lines.some((l) => l.startsWith(`# ${key}:`) || l.startsWith(`#   ${key}`)), key).toBe(true);
    }
  });

  it('the responses are valid for it: only its ids, no errors, no warnings', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThanOrEqual(40);
    expect(problemsOf(rows, config)).toEqual([]);
  });

  it('every evaluated department, and every pair, has enough respondents to be shown', () => {
    const evaluated = new Set(config.departments.flatMap((d) => d.clients_of ?? []));
    for (const id of evaluated) {
      const respondents = new Set(rows.filter((r) => r.target === id).map((r) => r.respondent));
      expect(respondents.size, id).toBeGreaterThanOrEqual(config.anonymity_min);
    }
    for (const [pair, n] of pairRespondents(rows)) expect(n, pair).toBeGreaterThanOrEqual(config.anonymity_min);
  });
});
