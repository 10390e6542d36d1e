/**
 * How a form export names departments and criteria: by id, display name or an alias of the `import:` block,
 * case and whitespace ignored (SPEC 2.4), and how a header pattern with `{target}` and `{criterion}` is matched.
 */
import type { Config } from '../../../config/types.js';
import { normalizeName } from '../../../domain/values.js';

export interface Names {
  department(label: string): number | undefined;
  criterion(label: string): number | undefined;
  /** Every spelling, for "did you mean". */
  departmentLabels: readonly string[];
  criterionLabels: readonly string[];
}

export function namesOf(config: Config): Names {
  const departments = new Map<string, number>();
  const criteria = new Map<string, number>();
  for (const d of config.departments) {
    departments.set(normalizeName(d.id), d.index);
    departments.set(normalizeName(d.name), d.index);
  }
  for (const c of config.criteria) {
    criteria.set(normalizeName(c.id), c.index);
    criteria.set(normalizeName(c.name), c.index);
  }
  for (const [spelling, target] of config.import?.aliases ?? []) (target.kind === 'department' ? departments : criteria).set(spelling, target.index);
  return {
    department: (label) => departments.get(normalizeName(label)),
    criterion: (label) => criteria.get(normalizeName(label)),
    departmentLabels: [...config.departments.flatMap((d) => [d.id, d.name]), ...[...(config.import?.aliases ?? [])].filter(([, t]) => t.kind === 'department').map(([s]) => s)],
    criterionLabels: [...config.criteria.flatMap((c) => [c.id, c.name]), ...[...(config.import?.aliases ?? [])].filter(([, t]) => t.kind === 'criterion').map(([s]) => s)],
  };
}

/** What a header says under a pattern: the texts in place of `{target}` and `{criterion}` (undefined: not in the pattern). */
export interface PatternMatch {
  target: string | undefined;
  criterion: string | undefined;
}

export interface HeaderPattern {
  text: string;
  match(header: string): PatternMatch | undefined;
}

const PLACEHOLDER = /\{(target|criterion)\}/g;

/** `Оцените работу: {target} [{criterion}]` → a matcher; literal text compared like names (case, spacing ignored). */
export function compilePattern(text: string): HeaderPattern {
  const slots: ('target' | 'criterion')[] = [];
  let source = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    source += literal(text.slice(last, m.index));
    source += '(.+?)';
    slots.push(m[1] as 'target' | 'criterion');
    last = m.index + m[0].length;
  }
  source += literal(text.slice(last));
  const regex = new RegExp(`^${source}$`, 'su');
  return {
    text,
    match(header) {
      const m = regex.exec(normalizeName(header));
      if (m === null) return undefined;
      const found: PatternMatch = { target: undefined, criterion: undefined };
      slots.forEach((slot, i) => (found[slot] = (m[i + 1] ?? '').trim()));
      return found;
    },
  };
}

/** Literal pattern text as a regex: spacing anywhere optional-or-more, since exports differ in it. */
function literal(text: string): string {
  return normalizeName(text)
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s*');
}
