/**
 * A score shown next to a threshold stays on its side of it: 3.4957 under alert_below 3.5 is not shown as
 * "3.50" beside "below alert". Needs `npm run build` for the end-to-end part.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/render/number.js';
import { renderTableText } from '../../src/render/text/table.js';
import { decimalsKeepingSide } from '../../src/report/table.js';
import { ic, workdir } from '../helpers/cli.js';
import { tableRow } from './helpers.js';
import { Chalk } from 'chalk';

describe('decimalsKeepingSide', () => {
  it.each([
    // value, thresholds, decimals, as shown
    [3.4957, [3.5, 4], 3, '3.496'],
    [3.5, [3.5, 4], 2, '3.50'],
    [3.996, [null, 4], 3, '3.996'],
    [3.9996, [3.5, 4], 4, '3.9996'],
    [25 / 6, [4.167], 4, '4.1667'],
    [2.5, [3.5, 4], 2, '2.50'],
    [4.005, [3.5, 4], 2, '4.00'],
    // Closer than 4 decimals can tell: 4 at most (3.5000 is still under 3.5 only in the data).
    [3.49999, [3.5], 4, '3.5000'],
  ] as const)('%d against %j: %d decimals (%s)', (value, thresholds, digits, shown) => {
    expect(decimalsKeepingSide(value, thresholds)).toBe(digits);
    expect(formatNumber(value, 'score', false, digits)).toBe(shown);
  });

  it('a table cell with more decimals keeps its column aligned', () => {
    const text = renderTableText(
      {
        columns: [{ key: 'd', title: 'Department' }, { key: 's', title: 'Score', align: 'right' }],
        rows: [
          [{ kind: 'text', text: 'A' }, { kind: 'number', value: 3.4957, style: 'score', digits: 3 }],
          [{ kind: 'text', text: 'B' }, { kind: 'number', value: 4.25, style: 'score' }],
        ],
      },
      { anonymityMin: 3 },
      new Chalk({ level: 0 }),
    );
    expect(text.split('\n').map((l) => l.trimEnd())).toEqual(['Department  Score', 'A           3.496', 'B            4.25', '']);
  });
});

describe('ic score: a score just under alert_below', () => {
  // score-small with alert_below 4.167: procurement scores 25/6 = 4.16667, under it, which 2 or 3 decimals
  // would show as 4.17 or 4.167 (numbers.test.ts works the score out).
  const dir = workdir('score-small');
  const config = join(dir, 'ic.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('alert_below: 3.5', 'alert_below: 4.167'));

  it('shows 4.1667 in the table and in "Needs attention", other scores with 2 decimals', () => {
    const run = ic(['score', join(dir, 'responses.csv'), '--config', config], { env: { NO_COLOR: '1' } });
    expect(run.code).toBe(0);
    const row = tableRow(run.stdout, /^\s*1\s+Procurement/u);
    expect(row.slice(0, 4)).toEqual(['1', 'Procurement', 'procurement', '4.1667']);
    expect(tableRow(run.stdout, /^\s*2\s+Sales/u)[3]).toBe('3.75');
    expect(run.stdout).toContain('Procurement (procurement): 4.1667, under 4.167');
  });
});
