/**
 * `ic diff` and `ic trend` through the built bin/ic.js (run `npm run build` first; npm test does).
 * test/fixtures/diff holds the periods of test/core/diff.test.ts and test/core/trend.test.ts, where the
 * numbers are worked out by hand: here we check that the CLI shows those same numbers, in every format.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';

const dir = workdir('diff');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[], env?: Record<string, string>) => ic(args, { cwd: dir, ...(env ? { env } : {}) });

interface DiffDepartment {
  id: string;
  status: string;
  change: string;
  score_a: number | null;
  score_b: number | null;
  delta: number | null;
  z: number | null;
  p: number | null;
  significant: boolean;
  testable: boolean;
  reason: string | null;
  reason_b: string | null;
  rank_a: number | null;
  rank_b: number | null;
  rank_change: number | null;
  favorable_pct_change: number | null;
}

function diffJson(args: string[]): { json: Record<string, unknown> & { departments: DiffDepartment[] }; stderr: string } {
  const r = run(['diff', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as Record<string, unknown> & { departments: DiffDepartment[] }, stderr: r.stderr };
}

describe('ic diff A B --format json (SPEC 4.1)', () => {
  const { json } = diffJson(['q1.csv', 'q2.csv']);
  const dept = (id: string) => json.departments.find((d) => d.id === id)!;

  it('the contract keys on every department, labels from the file names', () => {
    for (const d of json.departments) {
      for (const key of ['id', 'status', 'score_a', 'score_b', 'delta', 'z', 'p', 'significant', 'rank_a', 'rank_b']) expect(d).toHaveProperty(key);
    }
    expect(json['labels']).toEqual({ a: 'q1', b: 'q2' });
  });

  it('the hand-worked z and p, unrounded (see test/core/diff.test.ts)', () => {
    expect(dept('a').z).toBeCloseTo(Math.sqrt(7), 10);
    expect(dept('a').p).toBeCloseTo(0.008150971593502702, 8);
    expect(dept('c').z).toBeCloseTo(-Math.sqrt(3), 10);
    expect(dept('c').p).toBeCloseTo(0.08326451666355043, 7);
    expect(dept('d').z).toBeCloseTo(-2 * Math.sqrt(14), 10);
    expect(dept('e').z).toBeCloseTo(Math.sqrt(3) / 2, 10);
    expect(dept('a')).toMatchObject({ significant: true, change: 'improved', rank_a: 6, rank_b: 1, rank_change: 5 });
    expect(dept('a').favorable_pct_change).toBeCloseTo(50, 10);
  });

  it('suppressed, new, gone; null for what is not there; nobody-evaluated departments apart', () => {
    expect(dept('s')).toMatchObject({ status: 'both', score_b: null, reason_b: 'fewer_than_k', delta: null, z: null, p: null, significant: false, testable: false, reason: 'suppressed' });
    expect(dept('f')).toMatchObject({ status: 'new', score_a: null, delta: null, significant: false });
    expect(dept('g')).toMatchObject({ status: 'gone', score_b: null, delta: null });
    expect(json['not_evaluated']).toEqual([
      { id: 'b', name: 'Beta' },
      { id: 'x', name: 'Xi' },
      { id: 'h', name: 'Eta' },
    ]);
  });

  it('biggest significant drops first', () => {
    expect(json.departments.map((d) => d.id)).toEqual(['d', 'a', 'c', 'e', 's', 'f', 'g']);
    expect(json['summary']).toEqual({ improved: 1, declined: 1, not_significant: 2, not_testable: 1, new: 1, gone: 1 });
  });
});

describe('ic diff A B, the terminal table', () => {
  it('rounded numbers, arrows on significant moves only, the summary line', () => {
    const r = run(['diff', 'q1.csv', 'q2.csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const line = (id: string) => lines.find((l) => new RegExp(`\\s${id}\\s`).test(l))!;
    expect(line('d')).toMatch(/4\.50\s+2\.50\s+−2\.00\s+−7\.48\s+<0\.001\s+▼ declined/);
    expect(line('a')).toMatch(/3\.00\s+4\.00\s+\+1\.00\s+2\.65\s+0\.008\s+▲ improved/);
    expect(line('c')).toMatch(/−1\.00\s+−1\.73\s+0\.083\s+not significant/);
    expect(line('s')).toMatch(/n<3.*not testable: hidden in q2/);
    for (const id of ['c', 'e', 's', 'f', 'g']) expect(line(id)).not.toMatch(/[▲▼]/);
    expect(r.stdout).toContain('q1 → q2: 1 department improved significantly, 1 declined, 2 no significant change, 1 not testable, 1 new, 1 gone');
    expect(r.stdout).toMatch(/No score in either period: Eta \(h\)/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours only on the significant rows', () => {
    const r = run(['diff', 'q1.csv', 'q2.csv'], { NO_COLOR: '', FORCE_COLOR: '1' });
    const row = (name: string) => r.stdout.split('\n').find((l) => l.includes(name))!;
    const redOrGreen = /\u001b\[3[12]m/;
    expect(row('Delta')).toMatch(redOrGreen);
    expect(row('Alpha')).toMatch(redOrGreen);
    for (const name of ['Gamma', 'Epsilon', 'Sigma', 'Phi', 'Gimel']) expect(row(name)).not.toMatch(redOrGreen);
  });
});

describe('ic diff --by pair and --by criterion', () => {
  it('pair deltas; a pair under the threshold is suppressed, never compared', () => {
    const { json } = diffJson(['q1.csv', 'q2.csv', '--by', 'pair']);
    const pairs = json['pairs'] as { rater: string; target: string; status: string; delta: number | null; suppressed: boolean; reason_b: string | null; respondents_b: number }[];
    expect(pairs.find((p) => p.rater === 'b' && p.target === 'a')).toMatchObject({ status: 'both', delta: 1, suppressed: false });
    expect(pairs.find((p) => p.rater === 'b' && p.target === 's')).toMatchObject({ status: 'both', delta: null, suppressed: true, reason_b: 'fewer_than_k', respondents_b: 2 });
    expect(pairs.find((p) => p.rater === 'b' && p.target === 'f')).toMatchObject({ status: 'new' });
    expect(pairs.find((p) => p.rater === 'b' && p.target === 'g')).toMatchObject({ status: 'gone' });
  });

  it('pair table: the hidden pair says so', () => {
    const r = run(['diff', 'q1.csv', 'q2.csv', '--by', 'pair']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/b\s+s\s+4\.00\s+n<3\s+3 → 2\s+hidden in q2/);
    expect(r.stdout).toMatch(/no significance test per pair/);
  });

  it('criterion deltas, no test', () => {
    const { json } = diffJson(['q1.csv', 'q2.csv', '--by', 'criterion']);
    const criteria = json['criteria'] as { department: string; criterion: string; delta: number | null }[];
    expect(criteria.find((c) => c.department === 'a' && c.criterion === 'q')?.delta).toBeCloseTo(1, 12);
    expect(criteria.find((c) => c.department === 's')?.delta).toBeNull();
    const table = run(['diff', 'q1.csv', 'q2.csv', '--by', 'criterion']);
    expect(table.stdout).toMatch(/no significance test per criterion/);
  });
});

describe('ic diff: csv, md, --excel, --out', () => {
  it('csv: one header, unrounded numbers, hidden values in words', () => {
    const r = run(['diff', 'q1.csv', 'q2.csv', '--format', 'csv']);
    const records = parse(r.stdout) as string[][];
    const [header, ...rows] = records;
    expect(header!.slice(0, 11)).toEqual(['id', 'department', 'status', 'change', 'score_a', 'score_b', 'delta', 'se_a', 'se_b', 'z', 'p']);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
    const a = rows.find((row) => row[0] === 'a')!;
    expect(Number(a[header!.indexOf('z')])).toBeCloseTo(Math.sqrt(7), 12);
    const s = rows.find((row) => row[0] === 's')!;
    expect(s[header!.indexOf('score_b')]).toBe('suppressed (fewer than 3 respondents)');
  });

  it('--excel: BOM, semicolons, decimal comma', () => {
    const r = run(['diff', 'q1.csv', 'q2.csv', '--excel']);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout.split('\r\n')[0]).toContain('id;department;status');
    expect(r.stdout).toMatch(/;2,645751311/);
  });

  it('md: a table with the labels as column titles', () => {
    const r = run(['diff', 'q1.csv', 'q2.csv', '--format', 'md']);
    expect(r.stdout).toMatch(/^# Diff check: q1 → q2/);
    expect(r.stdout).toMatch(/\| Department \| id \| q1 \| q2 \| Δ \| z \| p \|/);
    expect(r.stdout).toMatch(/\| Alpha \| a \| 3\.00 \| 4\.00 \| \+1\.00 \| 2\.65 \| 0\.008 \| ▲ improved \|/);
  });

  it('--out writes the file atomically and never over an input', () => {
    const out = join(dir, 'report.md');
    expect(run(['diff', 'q1.csv', 'q2.csv', '--format', 'md', '--out', 'report.md']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/q1 → q2/);
    const refused = run(['diff', 'q1.csv', 'q2.csv', '--out', 'q2.csv']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/one of the inputs/);
    expect(readFileSync(join(dir, 'q2.csv'), 'utf8')).toMatch(/^respondent_id/);
  });
});

describe('ic diff: how the periods are given', () => {
  it('--labels overrides the names', () => {
    const { json } = diffJson(['q1.csv', 'q2.csv', '--labels', 'Spring,Summer']);
    expect(json['labels']).toEqual({ a: 'Spring', b: 'Summer' });
  });

  it('a folder per period, named after the folder', () => {
    mkdirSync(join(dir, 'spring'), { recursive: true });
    mkdirSync(join(dir, 'summer'), { recursive: true });
    copyFileSync(join(dir, 'q1.csv'), join(dir, 'spring', 'responses.csv'));
    copyFileSync(join(dir, 'q2.csv'), join(dir, 'summer', 'responses.csv'));
    const { json } = diffJson(['spring', 'summer', '--config', 'ic.yaml']);
    expect(json['labels']).toEqual({ a: 'spring', b: 'summer' });
    expect(json.departments.find((d) => d.id === 'a')?.z).toBeCloseTo(Math.sqrt(7), 10);
  });

  it('several files per period with --a and --b', () => {
    // Period B split in two files: the rows about a and c in one, the rest in the other.
    const [header, ...rows] = readFileSync(join(dir, 'q2.csv'), 'utf8').trim().split('\n');
    const first = rows.filter((r) => /,(a|c),/.test(r));
    const rest = rows.filter((r) => !/,(a|c),/.test(r));
    writeFileSync(join(dir, 'q2-part1.csv'), `${[header, ...first].join('\n')}\n`);
    writeFileSync(join(dir, 'q2-part2.csv'), `${[header, ...rest].join('\n')}\n`);
    const { json } = diffJson(['--a', 'q1.csv', '--b', 'q2-part1.csv', 'q2-part2.csv', '--labels', 'A,B']);
    const whole = diffJson(['q1.csv', 'q2.csv']).json;
    expect(json.departments.map((d) => [d.id, d.z])).toEqual(whole.departments.map((d) => [d.id, d.z]));
    expect((json['inputs'] as { b: string[] }).b).toEqual(['q2-part1.csv', 'q2-part2.csv']);
  });

  it.each([
    [['diff', 'q1.csv'], /compares two periods/],
    [['diff', 'q1.csv', 'q2.csv', 'q3.csv'], /"q3\.csv" would be a third/],
    [['diff', 'q1.csv', 'q2.csv', '--labels', 'only-one'], /--labels takes one label per period/],
    [['diff', 'q1.csv', 'q2.csv', '--labels', 'same,same'], /two periods "same"/],
    [['diff', 'q1.csv', 'q2.csv', '--by', 'rater'], /invalid/],
  ])('usage error: %j → exit 2', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('data problems in a period (SPEC 2.3)', () => {
  const bad = () => {
    const text = readFileSync(join(dir, 'q2.csv'), 'utf8').replace('b1,b,a,4', 'b1,b,a,9');
    writeFileSync(join(dir, 'q2-bad.csv'), text);
  };

  it('refuses, exit 1, and says which period', () => {
    bad();
    const r = run(['diff', 'q1.csv', 'q2-bad.csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/q2-bad \(q2-bad\.csv\): 1 error/);
    expect(r.stderr).toMatch(/q2-bad\.csv:2 \[q\]/);
    expect(r.stderr).toMatch(/the data of period q2-bad has 1 error in 1 row; nothing was computed/);
  });

  it('--skip-invalid computes on the valid rows; --rejects keeps the left-out row with its period', () => {
    bad();
    const r = run(['diff', 'q1.csv', 'q2-bad.csv', '--skip-invalid', '--rejects', 'rejects.out', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/q2-bad: left out 1 row of 31/);
    const json = JSON.parse(r.stdout) as { rows: { b: { read: number; used: number; rejected: number } } };
    expect(json.rows.b).toEqual({ read: 31, used: 30, rejected: 1 });
    const rejects = parse(readFileSync(join(dir, 'rejects.out'), 'utf8')) as string[][];
    expect(rejects[0]).toEqual(['period', 'file', 'line', 'reason', 'row']);
    expect(rejects.slice(1).map((row) => [row[0], row[1], row[2], row[4]])).toEqual([['q2-bad', 'q2-bad.csv', '2', 'b1,b,a,9']]);
  });

  it('trend names the period too', () => {
    bad();
    const r = run(['trend', 'q1.csv', 'q2-bad.csv', 'q3.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the data of period q2-bad has 1 error/);
  });
});

describe('ic trend P1 P2 P3', () => {
  interface TrendJson {
    periods: string[];
    departments: { id: string; scores: (number | null)[]; reasons: (string | null)[]; latest: { delta: number | null; z: number | null; p: number | null; significant: boolean; status: string } | null }[];
    not_evaluated: { id: string }[];
  }

  it('json: periods, scores aligned with them, the latest change with its test', () => {
    const r = run(['trend', 'q1.csv', 'q2.csv', 'q3.csv', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as TrendJson;
    expect(json.periods).toEqual(['q1', 'q2', 'q3']);
    const a = json.departments.find((d) => d.id === 'a')!;
    expect(a.scores.map((s) => Number(s!.toFixed(10)))).toEqual([3, 4, 3]);
    expect(a.latest!.z).toBeCloseTo(-Math.sqrt(7), 10);
    expect(a.latest!.p).toBeCloseTo(0.008150971593502702, 8);
    expect(a.latest!.significant).toBe(true);
    const s = json.departments.find((d) => d.id === 's')!;
    expect(s.scores[1]).toBeNull();
    expect(s.reasons[1]).toBe('fewer_than_k');
    expect(s.latest).toMatchObject({ delta: null, z: null, significant: false });
    expect(json.departments.find((d) => d.id === 'g')!.latest).toBeNull();
    expect(json.departments[0]!.id).toBe('a'); // fell significantly in the latest period: first
    expect(json.not_evaluated.map((d) => d.id)).toEqual(['b', 'x', 'h']);
  });

  it('table: a sparkline per department, a gap where no score is shown', () => {
    const r = run(['trend', 'q1.csv', 'q2.csv', 'q3.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Alpha\s+a\s+3\.00\s+4\.00\s+3\.00\s+▅▇▅\s+−1\.00\s+−2\.65\s+0\.008\s+▼ declined/);
    expect(r.stdout).toMatch(/Sigma\s+s\s+4\.00\s+n<3\s+4\.00\s+▇·▇/);
    expect(r.stdout).toContain('Latest change, q2 → q3: 0 departments improved significantly, 1 declined, 4 no significant change, 1 not testable');
  });

  it('csv and md: no sparkline; labels as period columns', () => {
    const csv = run(['trend', 'q1.csv', 'q2.csv', 'q3.csv', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('id,department,q1,q2,q3,latest_delta,latest_z,latest_p,latest_significant,latest_testable,latest_change,latest_reason');
    const md = run(['trend', 'q1.csv', 'q2.csv', 'q3.csv', '--format', 'md', '--labels', 'I,II,III']);
    expect(md.stdout).toMatch(/\| Department \| id \| I \| II \| III \| Last Δ/);
    for (const out of [csv.stdout, md.stdout]) expect(out).not.toMatch(/[▁▂▃▄▅▆▇█]/);
  });

  it('fewer than two periods: usage error, exit 2', () => {
    const r = run(['trend', 'q1.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at least two periods/);
    expect(run(['trend']).code).toBe(2);
  });

  it('--out', () => {
    expect(run(['trend', 'q1.csv', 'q2.csv', '--format', 'csv', '--out', 'trend.out']).code).toBe(0);
    expect(existsSync(join(dir, 'trend.out'))).toBe(true);
  });
});
