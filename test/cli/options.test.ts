/** The report format from --format, the --out file's extension and --excel; disagreements are usage errors. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { formatOfOut, reportFormat } from '../../src/cli/options.js';

describe('formatOfOut', () => {
  it.each([
    ['report.txt', 'table'],
    ['report.CSV', 'csv'],
    ['dir.v2/report.md', 'md'],
    ['report.markdown', 'md'],
    ['report.json', 'json'],
  ] as const)('%s → %s', (out, format) => expect(formatOfOut(out)).toBe(format));

  it('another extension, or none, says nothing', () => {
    expect(formatOfOut('report')).toBeUndefined();
    expect(formatOfOut('q1.csv.report')).toBeUndefined();
    expect(formatOfOut(undefined)).toBeUndefined();
  });
});

describe('reportFormat', () => {
  it('--out picks the format when --format is not given', () => {
    expect(reportFormat({ out: 'r.json' })).toBe('json');
    expect(reportFormat({ out: 'r.md' })).toBe('md');
    expect(reportFormat({ out: 'r.txt' })).toBe('table');
    expect(reportFormat({ out: 'r.csv', excel: true })).toBe('csv');
  });

  it('--format that agrees, or an extension that says nothing: --format', () => {
    expect(reportFormat({ out: 'r.csv', format: 'csv' })).toBe('csv');
    expect(reportFormat({ out: 'r.report', format: 'md' })).toBe('md');
  });

  it('neither: a table, or CSV for --excel', () => {
    expect(reportFormat({})).toBe('table');
    expect(reportFormat({ excel: true })).toBe('csv');
  });

  it('a --format that disagrees with the extension is a usage error that names both', () => {
    expect(() => reportFormat({ out: 'r.json', format: 'md' })).toThrow(UsageError);
    expect(() => reportFormat({ out: 'r.json', format: 'md' })).toThrow(/--format md does not go with --out r\.json, a \.json file \(json\)/u);
  });

  it('--excel with a file that is not CSV is a usage error', () => {
    expect(() => reportFormat({ out: 'r.md', excel: true })).toThrow(/--excel makes CSV for Excel; it does not go with --format md/u);
  });
});
