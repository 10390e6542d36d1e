/**
 * The bundled examples tell a story by design (examples/README.md): `ic diff` must show it. delivery, hr and it
 * improve significantly, procurement and accounting decline, the other nine do not move significantly, and
 * directorate (evaluated by nobody) has no score in either period.
 */
import { describe, expect, it } from 'vitest';
import { ic } from '../helpers/cli.js';

interface Department {
  id: string;
  change: string;
  z: number | null;
  significant: boolean;
}

describe('ic diff examples/2026-q1.csv examples/2026-q2.csv', () => {
  const r = ic(['diff', 'examples/2026-q1.csv', 'examples/2026-q2.csv', '--format', 'json']);
  const json = JSON.parse(r.stdout) as { departments: Department[]; not_evaluated: { id: string }[]; summary: Record<string, number> };
  const ids = (change: string) => json.departments.filter((d) => d.change === change).map((d) => d.id);

  it('runs clean', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('biggest significant drops first: procurement, then accounting; then the rises, strongest first', () => {
    expect(ids('declined')).toEqual(['procurement', 'accounting']);
    expect(ids('improved')).toEqual(['it', 'hr', 'delivery']);
    expect(json.departments.slice(0, 5).map((d) => d.id)).toEqual(['procurement', 'accounting', 'it', 'hr', 'delivery']);
  });

  it('z as the generator reports it (≈ −7.6, −3.0, 6.9, 5.6, 4.2)', () => {
    const z = Object.fromEntries(json.departments.map((d) => [d.id, d.z]));
    expect(z['procurement']).toBeCloseTo(-7.6, 1);
    expect(z['accounting']).toBeCloseTo(-3.0, 1);
    expect(z['it']).toBeCloseTo(6.9, 1);
    expect(z['hr']).toBeCloseTo(5.6, 1);
    expect(z['delivery']).toBeCloseTo(4.2, 1);
  });

  it('the nine others do not move significantly; directorate has no score', () => {
    expect(ids('not_significant').sort()).toEqual(['admin', 'finance', 'legal', 'marketing', 'production', 'quality', 'sales', 'security', 'warehouse']);
    expect(json.summary).toEqual({ improved: 3, declined: 2, not_significant: 9, not_testable: 0, new: 0, gone: 0 });
    expect(json.not_evaluated.map((d) => d.id)).toEqual(['directorate']);
  });

  it('the table ends with the summary line', () => {
    const table = ic(['diff', 'examples/2026-q1.csv', 'examples/2026-q2.csv', '--lang', 'en']);
    expect(table.stdout).toContain('2026-q1 → 2026-q2: 3 departments improved significantly, 2 declined, 9 no significant change');
    const russian = ic(['diff', 'examples/2026-q1.csv', 'examples/2026-q2.csv']);
    expect(russian.stdout).toContain('2026-q1 → 2026-q2: значимо улучшилось 3 подразделения, ухудшилось 2, без значимых изменений 9');
  });
});
