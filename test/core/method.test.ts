import { describe, expect, it } from 'vitest';
import { methodChange } from '../../src/core/method.js';
import { makeConfig } from '../helpers/config.js';

const departments = [{ id: 'a' }, { id: 'b' }];

describe('methodChange: how the method differs between two periods', () => {
  it('null when criteria, weights, scale, aggregation and favorable_min are the same (names may differ)', () => {
    const a = makeConfig({ departments, criteria: [{ id: 'speed', name: 'Speed' }, { id: 'quality', weight: 2 }] });
    const b = makeConfig({ departments: [{ id: 'a' }, { id: 'c' }], criteria: [{ id: 'speed', name: 'Скорость' }, { id: 'quality', weight: 2 }] });
    expect(methodChange(a, b)).toBeNull();
  });

  it('criteria added and removed, weights changed of the criteria both have, scale, aggregation, favorable_min', () => {
    const a = makeConfig({ departments, criteria: [{ id: 'speed' }, { id: 'quality', weight: 2 }, { id: 'old' }], scale: { min: 1, max: 5 } });
    const b = makeConfig({
      departments,
      criteria: [{ id: 'speed', weight: 3 }, { id: 'quality', weight: 2 }, { id: 'new', name: 'New one' }],
      scale: { min: 1, max: 10 },
      favorableMin: 8,
      aggregation: 'respondents',
    });
    expect(methodChange(a, b)).toEqual({
      criteriaAdded: [{ id: 'new', name: 'New one' }],
      criteriaRemoved: [{ id: 'old', name: 'old' }],
      weightsChanged: [{ id: 'speed', name: 'speed', a: 1, b: 3 }],
      scale: { a: { min: 1, max: 5 }, b: { min: 1, max: 10 } },
      aggregation: { a: 'departments', b: 'respondents' },
      // a: the top two points of 1–5 (4); b: 8 as given.
      favorableMin: { a: 4, b: 8 },
    });
  });
});
