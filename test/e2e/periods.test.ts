/**
 * Periods with their own configs (SPEC 2.5), through the built bin/ic.js, on test/fixtures/periods:
 *
 *   q1/ic.yaml  sales, delivery, warehouse, hr; criteria speed (1), quality (1); aggregation respondents; k = 2
 *   q2/ic.yaml  sales, logistics (renamed_from [delivery, warehouse]: a merger), hr; speed weight 2, quality,
 *               politeness added; headcounts sales 4, logistics 5, hr 2
 *   q3/ic.yaml  sales, logistics, people (renamed_from [hr]: a rename); headcount people 3
 *
 * Worked by hand (aggregation respondents: M = mean of the answers, S = Σ w·M / Σ w, SE = sd(o)/√n):
 *   q1  delivery: speed (4+2)/2 = 3, quality 3 → S 3;  o 4, 2 → sd √2, SE 1
 *       warehouse: speed 3, quality (3+5)/2 = 4 → S 3.5;  o 3, 4 → sd √0.5, SE 0.5
 *       sales: speed (5+3+4)/3 = 4, quality 4 → S 4;  o 5, 3, 4 → sd 1, SE 1/√3
 *       hr: speed 3, quality 3 → S 3;  o 4, 2 → SE 1
 *   q2  logistics: speed (5+3)/2 = 4, quality 4, politeness 4 → S (2·4+4+4)/4 = 4;  o 17/4, 15/4 → sd √0.125, SE 0.25
 *       sales: speed 10/3, quality 8/3, politeness 8/3 → S (20/3+8/3+8/3)/4 = 3;  o 4, 3, 2 → SE 1/√3
 *       hr: 4, 4, 4 → S 4;  o 5, 3 → SE 1
 *   q3  sales 3 (o 3, 3: SE 0); logistics 4 (SE 0); people 5 (SE 0)
 *   diff q1 → q2: delivery → logistics Δ +1, z = 1/√(1 + 0.0625) = 0.9701425; warehouse → logistics Δ +0.5,
 *       z = 0.5/√(0.25 + 0.0625) = 0.8944272; sales Δ −1, z = −1/√(2/3) = −1.2247449; hr Δ +1, z = 1/√2
 *   response rates in q2 (distinct respondents of the rater / headcount): sales 2/4, logistics 2/5, hr 2/2
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ic, workdir } from '../helpers/cli.js';

const dir = workdir('periods');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => ic(args, { cwd: dir });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
function json(args: string[]): Json {
  const r = run([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('ic diff q1 q2: each period with its own config', () => {
  const out = json(['diff', 'q1', 'q2']);
  const rows = (id: string) => out.departments.filter((d: Json) => d.id === id);

  it('names the config of each period, and the method change (criterion added, weight changed)', () => {
    expect(out.configs).toEqual([
      { label: 'q1', config: join('q1', 'ic.yaml') },
      { label: 'q2', config: join('q2', 'ic.yaml') },
    ]);
    expect(out.method_changes).toEqual([
      {
        from: 'q1',
        to: 'q2',
        criteria_added: ['politeness'],
        criteria_removed: [],
        weights_changed: [{ criterion: 'speed', a: 1, b: 2 }],
        scale: null,
        aggregation: null,
        favorable_min: null,
      },
    ]);
  });

  it('the merged department is compared with each department merged into it, with the hand-worked numbers', () => {
    expect(out.matched).toEqual([{ period: 'q2', id: 'logistics', from: [{ period: 'q1', id: 'delivery' }, { period: 'q1', id: 'warehouse' }] }]);
    const logistics = rows('logistics');
    expect(logistics.map((d: Json) => d.id_a).sort()).toEqual(['delivery', 'warehouse']);
    const fromDelivery = logistics.find((d: Json) => d.id_a === 'delivery');
    const fromWarehouse = logistics.find((d: Json) => d.id_a === 'warehouse');
    expect(fromDelivery).toMatchObject({ status: 'both', id_b: 'logistics', score_a: 3, score_b: 4, delta: 1, se_a: 1, se_b: 0.25 });
    expect(fromDelivery.z).toBeCloseTo(1 / Math.sqrt(1.0625), 10);
    expect(fromWarehouse).toMatchObject({ status: 'both', score_a: 3.5, score_b: 4, delta: 0.5, se_a: 0.5 });
    expect(fromWarehouse.z).toBeCloseTo(0.5 / Math.sqrt(0.3125), 10);
    expect(rows('sales')[0].delta).toBeCloseTo(-1, 12);
    expect(rows('sales')[0].z).toBeCloseTo(-1 / Math.sqrt(2 / 3), 10);
    expect(rows('hr')[0].z).toBeCloseTo(1 / Math.sqrt(2), 10);
    // Nothing is new or gone: delivery and warehouse are matched, not lost.
    expect(out.summary).toEqual({ improved: 0, declined: 0, not_significant: 4, not_testable: 0, new: 0, gone: 0 });
  });

  it('--by criterion: only the criteria both periods have (politeness is new in q2)', () => {
    const c = json(['diff', 'q1', 'q2', '--by', 'criterion']).criteria;
    expect(new Set(c.map((x: Json) => x.criterion))).toEqual(new Set(['speed', 'quality']));
    const delta = (a: string, criterion: string) => c.find((x: Json) => x.department_a === a && x.department === 'logistics' && x.criterion === criterion).delta;
    expect([delta('delivery', 'speed'), delta('delivery', 'quality'), delta('warehouse', 'speed'), delta('warehouse', 'quality')]).toEqual([1, 1, 1, 0]);
  });

  it('--by pair: a client → department pair of q1 is matched to the renamed pair of q2', () => {
    const pairs = json(['diff', 'q1', 'q2', '--by', 'pair']).pairs;
    const pair = (rater: string, target: string, targetA: string | null) => pairs.find((p: Json) => p.rater === rater && p.target === target && p.target_a === targetA);
    // sales → delivery (3) and sales → warehouse (3.5) in q1, sales → logistics (4) in q2.
    expect(pair('sales', 'logistics', 'delivery')).toMatchObject({ status: 'both', rater_a: 'sales', score_a: 3, score_b: 4, delta: 1 });
    expect(pair('sales', 'logistics', 'warehouse')).toMatchObject({ status: 'both', score_a: 3.5, score_b: 4, delta: 0.5 });
    // warehouse → hr (q1: 3) is logistics → hr in q2 (4).
    expect(pair('logistics', 'hr', 'hr')).toMatchObject({ rater_a: 'warehouse', score_a: 3, score_b: 4, delta: 1 });
    // hr → sales stays hidden in both: with sales' score shown it would give away the one person of delivery → sales
    // (q1) and of logistics → sales (q2); and nothing is compared from a hidden value.
    expect(pair('hr', 'sales', null)).toMatchObject({ status: 'both', score_a: null, score_b: null, delta: null, suppressed: true, reason_a: 'secondary', reason_b: 'secondary' });
  });

  it('the table for people says all of it: the configs, the method change, the match, the earlier names', () => {
    const r = run(['diff', 'q1', 'q2', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`q1: config ${join('q1', 'ic.yaml')}`);
    expect(r.stdout).toContain(`q2: config ${join('q2', 'ic.yaml')}`);
    expect(r.stdout).toContain('the method changed from q1 to q2: criteria added: Вежливость (politeness); weight of Скорость 1 → 2');
    expect(r.stdout).toContain('Логистика (logistics) in q2 is matched to Доставка (delivery), Склад (warehouse) of q1 (merged');
    expect(r.stdout).toMatch(/Логистика ← Доставка +logistics +3\.00 +4\.00 +\+1\.00/);
    expect(r.stdout).toMatch(/Логистика ← Склад +logistics +3\.50 +4\.00 +\+0\.50/);
    // The ic.yaml in a period's folder is its config, not a file skipped with a warning.
    expect(r.stderr).not.toContain('ic.yaml');
    const md = run(['diff', 'q1', 'q2', '--format', 'md']);
    expect(md.stdout).toContain('методика изменилась между q1 и q2: добавлены критерии: Вежливость (politeness); вес критерия Скорость 1 → 2');
    expect(md.stdout).toContain(`- q2: конфигурация ${join('q2', 'ic.yaml')}`);
  });
});

describe('ic trend q1 q2 q3', () => {
  const out = json(['trend', 'q1', 'q2', 'q3']);
  const row = (ids: (string | null)[]) => out.departments.find((d: Json) => JSON.stringify(d.ids) === JSON.stringify(ids));

  it('one row per lineage: the merger gives two rows, the rename one', () => {
    expect(out.departments.map((d: Json) => d.ids)).toHaveLength(4);
    expect(row(['delivery', 'logistics', 'logistics']).scores).toEqual([3, 4, 4]);
    expect(row(['warehouse', 'logistics', 'logistics']).scores).toEqual([3.5, 4, 4]);
    expect(row(['hr', 'hr', 'people'])).toMatchObject({ id: 'people', scores: [3, 4, 5] });
    expect(row(['sales', 'sales', 'sales']).scores.map((s: number) => Number(s.toFixed(12)))).toEqual([4, 3, 3]);
    expect(out.matched).toEqual([
      { period: 'q2', id: 'logistics', from: [{ period: 'q1', id: 'delivery' }, { period: 'q1', id: 'warehouse' }] },
      { period: 'q3', id: 'people', from: [{ period: 'q2', id: 'hr' }] },
    ]);
  });

  it('the latest change of the merged department counts once', () => {
    // sales 3 → 3, logistics 4 → 4 (one test, two rows), people 4 → 5: three tests.
    expect(out.latest_summary).toEqual({ improved: 0, declined: 0, not_significant: 3, not_testable: 0, new: 0, gone: 0 });
    expect(out.method_changes.map((m: Json) => `${m.from}→${m.to}`)).toEqual(['q1→q2']);
    expect(out.configs.map((c: Json) => c.config)).toEqual(['q1', 'q2', 'q3'].map((q) => join(q, 'ic.yaml')));
  });
});

describe('where a period finds its config', () => {
  beforeAll(() => {
    // q4: q3's answers in a folder without a config, run from a folder whose ic.yaml is q3's.
    mkdirSync(join(dir, 'q4'));
    copyFileSync(join(dir, 'q3', 'responses.csv'), join(dir, 'q4', 'responses.csv'));
    copyFileSync(join(dir, 'q3', 'ic.yaml'), join(dir, 'ic.yaml'));
  });

  it('a folder without one: the current folder\'s', () => {
    const out = json(['diff', 'q3', 'q4']);
    expect(out.configs).toEqual([
      { label: 'q3', config: join('q3', 'ic.yaml') },
      { label: 'q4', config: 'ic.yaml' },
    ]);
    expect(out.method_changes).toEqual([]);
  });

  it('--config applies to every period: q2 read with q3\'s config has an unknown department', () => {
    const r = run(['diff', 'q2', 'q3', '--config', join('q3', 'ic.yaml'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/q2.*"hr"/s);
    const same = json(['diff', 'q3', 'q4', '--config', 'ic.yaml']);
    expect(same.configs.map((c: Json) => c.config)).toEqual(['ic.yaml', 'ic.yaml']);
    expect(run(['diff', 'q3', 'q4', '--config', 'ic.yaml', '--lang', 'en']).stdout).toContain('config: ic.yaml (every period)');
  });

  it('the problems of every config are listed before the run stops', () => {
    mkdirSync(join(dir, 'bad1'));
    mkdirSync(join(dir, 'bad2'));
    for (const b of ['bad1', 'bad2']) copyFileSync(join(dir, 'q3', 'responses.csv'), join(dir, b, 'responses.csv'));
    const yaml = readFileSync(join(dir, 'q3', 'ic.yaml'), 'utf8');
    writeFileSync(join(dir, 'bad1', 'ic.yaml'), yaml.replace('headcount: 4', 'headcount: -4'));
    writeFileSync(join(dir, 'bad2', 'ic.yaml'), yaml.replace('renamed_from: [hr]', 'renamed_from: [sales]'));
    const r = run(['trend', 'bad1', 'bad2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('departments[0].headcount');
    expect(r.stderr).toContain('departments[2].renamed_from[0]: "sales" is still a department of this config');
    expect(r.stderr).toContain(`${join('bad1', 'ic.yaml')} and ${join('bad2', 'ic.yaml')} have 2 problems`);
  });
});

describe('headcount: response rates of the rater departments', () => {
  it('ic score --by rater: distinct respondents / headcount, in JSON and in the table', () => {
    const raters = json(['score', 'q2', '--by', 'rater']).raters;
    const rate = (id: string) => raters.find((r: Json) => r.id === id);
    expect(rate('sales')).toMatchObject({ respondents: 2, headcount: 4, response_rate_pct: 50 });
    expect(rate('logistics')).toMatchObject({ respondents: 2, headcount: 5, response_rate_pct: 40 });
    expect(rate('hr')).toMatchObject({ respondents: 2, headcount: 2, response_rate_pct: 100 });
    const table = run(['score', 'q2', '--by', 'rater', '--lang', 'en']).stdout;
    expect(table).toContain('Response rate');
    expect(table).toMatch(/Логистика .* 5 +40\.0 ?%/);
    // Without headcounts in the config, no such column.
    expect(run(['score', 'q1', '--by', 'rater', '--lang', 'en']).stdout).not.toContain('Response rate');
    expect(json(['score', 'q1', '--by', 'rater']).raters[0]).toMatchObject({ headcount: null, response_rate_pct: null });
  });
});

describe('ic report q1 q2 q3', () => {
  const out = join(dir, 'report');
  let sheets: Map<string, unknown[][]>;
  beforeAll(async () => {
    const r = run(['report', 'q1', 'q2', 'q3', '--out', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const read = await readXlsxFile(readFileSync(join(out, 'report.xlsx')));
    sheets = new Map(read.map((s) => [s.sheet, s.data as unknown[][]]));
  }, 120_000);

  it('the company page names each config, the method change and the matches', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain(`<li>q3: config ${join('q3', 'ic.yaml')}</li>`);
    expect(html).toContain('the method changed from q1 to q2');
    expect(html).toContain('Управление персоналом (people) in q3 is matched to Отдел кадров (hr) of q2 (renamed');
    expect(html).toContain('Логистика ← Доставка');
  });

  it('cards show the response rate from the headcount (q3: logistics 2/5, people 2/3, sales 2/4)', () => {
    const rate = (id: string) => /Response rate<\/div><div class="v small">([^<]+)</.exec(readFileSync(join(out, `${id}.html`), 'utf8'))?.[1];
    expect([rate('logistics'), rate('people'), rate('sales')]).toEqual(['40.0%', '66.7%', '50.0%']);
  });

  it('the workbook: response rates on the rater sheet, the configs on the data quality sheet, the notes on the method sheet', () => {
    const raters = sheets.get('Rater')!;
    const header = raters[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const people = raters.find((r) => r[0] === 'people')!;
    expect(people[col('Headcount')]).toBe(3);
    expect(people[col('Response rate')] as number).toBeCloseTo(2 / 3, 12);
    const quality = sheets.get('Data quality')!;
    expect(quality.slice(1).map((r) => r[r.length - 1])).toEqual(['q1', 'q2', 'q3'].map((q) => join(q, 'ic.yaml')));
    expect(sheets.get('Method')!.some((r) => String(r[1]).startsWith('the method changed from q1 to q2'))).toBe(true);
  });
});
