import { describe, expect, it } from 'vitest';
import { forwardId, lineages, renamedMatches, renamesOf } from '../../src/core/match.js';
import { trendPeriods } from '../../src/core/trend.js';
import { makeConfig } from '../helpers/config.js';
import { row, score } from './factories.js';

const d = (id: string, name = id.toUpperCase()) => ({ id, name });
const ids = (lines: ({ id: string } | undefined)[][]) => lines.map((line) => line.map((x) => x?.id ?? null));

describe('lineages: which department of one period is which of another', () => {
  it('by id when nothing was renamed; absent periods are null, and a department comes back under its id', () => {
    const lines = lineages([[d('a'), d('b')], [d('a')], [d('a'), d('b'), d('c')]], []);
    expect(ids(lines)).toEqual([
      ['a', 'a', 'a'],
      ['b', null, 'b'],
      [null, null, 'c'],
    ]);
  });

  it('a rename follows the later config; a chain of renames is followed period by period', () => {
    const renames = [new Map(), new Map([['logistics', ['delivery']]]), new Map([['ops', ['logistics']]])];
    const lines = lineages([[d('sales'), d('delivery')], [d('sales'), d('logistics')], [d('sales'), d('ops')]], renames);
    expect(ids(lines)).toEqual([
      ['sales', 'sales', 'sales'],
      ['delivery', 'logistics', 'ops'],
    ]);
  });

  it('a rename declared only in the last config reaches back over a period without it', () => {
    const renames = [new Map(), new Map(), new Map([['logistics', ['delivery']]])];
    expect(ids(lineages([[d('delivery')], [d('delivery')], [d('logistics')]], renames))).toEqual([['delivery', 'delivery', 'logistics']]);
  });

  it('two departments merged into one: a lineage each, sharing the merged part (also into a department that existed)', () => {
    const renames = [new Map(), new Map([['logistics', ['delivery', 'warehouse']], ['hr', ['training']]])];
    const lines = lineages([[d('delivery'), d('warehouse'), d('hr'), d('training')], [d('logistics'), d('hr')]], renames);
    expect(ids(lines)).toEqual([
      ['delivery', 'logistics'],
      ['warehouse', 'logistics'],
      ['hr', 'hr'],
      ['training', 'hr'],
    ]);
    expect(renamedMatches(lines)).toEqual([
      { period: 1, id: 'logistics', name: 'LOGISTICS', from: [{ period: 0, id: 'delivery', name: 'DELIVERY' }, { period: 0, id: 'warehouse', name: 'WAREHOUSE' }], merged: true },
      // hr got training merged in: told apart from a plain rename.
      { period: 1, id: 'hr', name: 'HR', from: [{ period: 0, id: 'training', name: 'TRAINING' }], merged: true },
    ]);
  });

  it('a plain rename is a match that is not a merge; same ids are no match at all', () => {
    const lines = lineages([[d('a'), d('hr')], [d('a'), d('people')]], [new Map(), new Map([['people', ['hr']]])]);
    expect(renamedMatches(lines)).toEqual([{ period: 1, id: 'people', name: 'PEOPLE', from: [{ period: 0, id: 'hr', name: 'HR' }], merged: false }]);
  });

  it('forwardId names an id of the period before as the next one does; renamesOf reads a config', () => {
    const config = makeConfig({ departments: [{ id: 'logistics', renamedFrom: ['delivery', 'warehouse'] }, { id: 'sales' }], criteria: [{ id: 'q' }] });
    const renames = renamesOf(config);
    expect([...renames]).toEqual([['logistics', ['delivery', 'warehouse']]]);
    const forward = forwardId(renames);
    expect(['delivery', 'warehouse', 'sales', 'logistics'].map(forward)).toEqual(['logistics', 'logistics', 'sales', 'logistics']);
  });
});

describe('trendPeriods over a merger', () => {
  it('a department merged in without rows before the merger adds no second row', () => {
    const q1 = makeConfig({ departments: [{ id: 'delivery' }, { id: 'warehouse' }, { id: 'r' }], criteria: [{ id: 'q' }], anonymityMin: 1 });
    const q2 = makeConfig({ departments: [{ id: 'logistics', renamedFrom: ['delivery', 'warehouse'] }, { id: 'r' }], criteria: [{ id: 'q' }], anonymityMin: 1 });
    // Rows about delivery only in q1 (warehouse had none); about logistics in q2. Rater r is index 2, then 1.
    const p1 = score(q1, [row(1, 2, 0, [4]), row(2, 2, 0, [2])]);
    const p2 = score(q2, [row(3, 1, 0, [5]), row(4, 1, 0, [5])]);
    const trend = trendPeriods([p1, p2], [new Map(), new Map([['logistics', ['delivery', 'warehouse']]])]);
    expect(trend.departments.map((d) => d.ids)).toEqual([['delivery', 'logistics']]);
    expect(trend.departments[0]!.scores).toEqual([3, 5]);
  });
});
