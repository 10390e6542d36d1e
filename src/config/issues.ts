/** Structure problems (zod issues) in plain words, at their place in the config. */
import type { z } from 'zod';
import { didYouMean, didYouMeanSuffix } from '../domain/didYouMean.js';
import { describe, valueAt } from './raw.js';
import type { ConfigPath, Report } from './raw.js';
import { MAX_MAGNITUDE } from './limits.js';
import { CRITERION_KEYS, DEPARTMENT_KEYS, ID_PATTERN, ROOT_KEYS, SCALE_KEYS } from './schema.js';
import { IMPORT_KEYS } from './import.js';

const EXPECTED: ReadonlyMap<string, string> = new Map([
  ['string', 'text'],
  ['number', 'a number'],
  ['int', 'a whole number'],
  ['array', 'a list'],
  ['object', 'a mapping (key: value lines)'],
  ['boolean', 'true or false'],
]);

/** The allowed keys of the mapping at `path`, for unknown-key suggestions. */
function knownKeys(path: ConfigPath): readonly string[] {
  if (path.length === 0) return ROOT_KEYS;
  if (path.length === 1 && path[0] === 'scale') return SCALE_KEYS;
  if (path.length === 2 && path[0] === 'departments') return DEPARTMENT_KEYS;
  if (path.length === 2 && path[0] === 'criteria') return CRITERION_KEYS;
  if (path.length === 1 && path[0] === 'import') return IMPORT_KEYS;
  return [];
}

/** Where a number was given as text, say what is wrong with it. */
function numberHint(value: unknown): string {
  if (typeof value !== 'string') return '';
  const t = value.trim();
  if (/^-?\d+,\d+$/.test(t)) return ` (write decimals with a dot: ${t.replace(',', '.')})`;
  if (t !== '' && Number.isFinite(Number(t))) return ' (remove the quotes)';
  return '';
}

export function explainIssue(issue: z.core.$ZodIssue, raw: unknown, report: Report): void {
  const path: ConfigPath = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
  const value = valueAt(raw, path);
  const last = path[path.length - 1];

  if (value === undefined && path.length > 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    report(path, last === 'version' ? 'missing; add "version: 1" at the top' : 'missing (required)');
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = knownKeys(path);
      for (const key of issue.keys) {
        const guess = didYouMean(key, allowed);
        report(
          [...path, key],
          guess !== undefined ? `unknown key (did you mean "${guess}"?)` : `unknown key; allowed here: ${allowed.join(', ')}`,
        );
      }
      return;
    }
    case 'invalid_type': {
      const expected = EXPECTED.get(issue.expected) ?? issue.expected;
      if (path.length === 0) {
        report(path, `the config must be a mapping of keys (version, title, departments, criteria, ...), not ${describe(value)}`);
      } else if (value === null) {
        report(path, `is empty; it must be ${expected}`);
      } else if (typeof value === 'number' && !Number.isFinite(value)) {
        report(path, `must be a finite number, not ${describe(value)}`);
      } else if (issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value)) {
        report(path, `must be a whole number, not ${describe(value)}`);
      } else {
        report(path, `must be ${expected}, not ${describe(value)}${numberHint(value)}`);
      }
      return;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') {
        const found = Array.isArray(value) ? value.length : 0;
        if (last === 'departments') report(path, `at least ${min} departments are needed, found ${found}`);
        else if (last === 'criteria') report(path, `at least one criterion is needed, found none`);
        else report(path, `needs at least ${min} entries, found ${found}`);
      } else if (issue.origin === 'string') {
        report(path, 'must not be empty');
      } else if (issue.origin === 'int' || (issue.origin === 'number' && last === 'anonymity_min')) {
        report(path, `must be ${issue.inclusive ? min : min + 1} or more, not ${describe(value)}`);
      } else if (min === -MAX_MAGNITUDE) {
        report(path, `${describe(value)} is too large a negative number: it must be at least ${min} (larger numbers could overflow the weighted sums)`);
      } else {
        report(path, `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}, not ${describe(value)}`);
      }
      return;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'number' && typeof value === 'number') {
        const what = last === 'weight' ? 'a weight' : 'this number';
        report(path, `${describe(value)} is too large: ${what} must be at most ${max} (larger numbers could overflow the weighted sums)`);
        return;
      }
      break;
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && typeof value === 'string') {
        const slug = value.trim().toLowerCase().replace(/\s+/g, '_');
        const example = slug !== value && ID_PATTERN.test(slug) ? ` (for example "${slug}")` : '';
        report(
          path,
          `${describe(value)} is not a valid id: use only lowercase latin letters, digits, "_" and "-"${example}`,
        );
        return;
      }
      break;
    }
    case 'invalid_value': {
      if (last === 'version') {
        report(path, `must be 1 (the only config version so far), not ${describe(value)}`);
        return;
      }
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const guess = typeof value === 'string' ? didYouMeanSuffix(value, issue.values.map(String)) : '';
      report(path, `must be ${allowed.join(' or ')}, not ${describe(value)}${guess}`);
      return;
    }
    default:
      break;
  }
  report(path, issue.message);
}

