/**
 * The canonical header (the one `ic template` writes) → column roles. Decides the shape (wide or long), which
 * column holds what, and what is wrong with the header itself. Names are compared like every other label (normalizeName: case, surrounding and
 * repeated whitespace ignored).
 */
import { labelIndex } from '../../config/lookup.js';
import type { Config } from '../../config/types.js';
import { didYouMeanSuffix } from '../../domain/didYouMean.js';
import { problem, type Problem } from '../../domain/problem.js';
import { normalizeName } from '../../domain/values.js';
import type { Shape } from '../types.js';

/** Column names of the wide shape, as `ic template` writes them. */
export const WIDE_COLUMNS = ['respondent_id', 'rater_department', 'target_department', 'rater_name', 'target_name', 'comment'] as const;
/** Column names of the long shape (one line per criterion). */
export const LONG_COLUMNS = ['respondent_id', 'rater_department', 'target_department', 'criterion', 'score', 'comment'] as const;

type Role = 'respondent' | 'rater' | 'target' | 'comment' | 'criterion' | 'score' | 'ignored';

const ROLE_OF_COLUMN = new Map<string, Role>([
  ['respondent_id', 'respondent'],
  ['rater_department', 'rater'],
  ['target_department', 'target'],
  // Informational: the template fills them in for people; validation works from the department columns.
  ['rater_name', 'ignored'],
  ['target_name', 'ignored'],
  ['comment', 'comment'],
  ['criterion', 'criterion'],
  ['score', 'score'],
]);

export interface ColumnRoles {
  shape: Shape;
  /** Column index of each role, undefined when the header has no such column. */
  respondent: number | undefined;
  rater: number | undefined;
  target: number | undefined;
  comment: number | undefined;
  /** Wide: criteria[c] = column of criterion index c. Long: all undefined. */
  criteria: (number | undefined)[];
  /** Long: the criterion and score columns. */
  criterion: number | undefined;
  score: number | undefined;
  /** Header cells, trimmed, for messages and `answerColumns`. */
  names: string[];
}

export interface HeaderCheck {
  roles: ColumnRoles;
  /** Errors make the whole file unusable; warnings do not. */
  problems: Problem[];
  usable: boolean;
}

/** `header` as read (cells untrimmed), at `line` of `file`. */
export function checkHeader(header: readonly string[], config: Config, file: string, line: number): HeaderCheck {
  const names = header.map((cell) => cell.trim());
  const keys = names.map(normalizeName);
  const shape: Shape = keys.includes('criterion') && keys.includes('score') ? 'long' : 'wide';
  const criteria = labelIndex(config.criteria);
  const roles: ColumnRoles = {
    shape,
    respondent: undefined,
    rater: undefined,
    target: undefined,
    comment: undefined,
    criteria: config.criteria.map(() => undefined),
    criterion: undefined,
    score: undefined,
    names,
  };
  const problems: Problem[] = [];
  const at = (column: string | null) => ({ file, line, column });
  const known = shape === 'long' ? LONG_COLUMNS : WIDE_COLUMNS;
  const describe = (index: number) => `${JSON.stringify(names[index])} (column ${index + 1})`;

  const first = new Map<string, number>(); // role or `criterion:<index>` → first column holding it
  const claim = (slot: string, index: number, what: string): boolean => {
    const earlier = first.get(slot);
    if (earlier === undefined) {
      first.set(slot, index);
      return true;
    }
    problems.push(
      problem('error', 'duplicate-column', `column ${describe(index)} is the same as column ${describe(earlier)}: both are ${what}; remove one of them`, at(names[index] ?? null)),
    );
    return false;
  };

  keys.forEach((key, index) => {
    // A column without a name: Excel leaves such columns at the end of a sheet. Ignored (the reader
    // warns if one holds values).
    if (key === '') return;
    const role = ROLE_OF_COLUMN.get(key);
    if (role !== undefined && (role === 'ignored' || (known as readonly string[]).includes(key))) {
      if (role === 'ignored') return;
      if (claim(role, index, `"${key}"`)) roles[role] = index;
      return;
    }
    const c = shape === 'wide' ? criteria.get(key) : undefined;
    if (c !== undefined) {
      const criterion = config.criteria[c];
      if (claim(`criterion:${c}`, index, `criterion "${criterion?.id}" (${criterion?.name})`)) roles.criteria[c] = index;
      return;
    }
    problems.push(problem('error', 'unknown-column', unknownColumnMessage(names[index] ?? '', shape, known, config), at(names[index] ?? null)));
  });

  const required = shape === 'long' ? (['rater', 'target', 'criterion', 'score'] as const) : (['rater', 'target'] as const);
  const columnOf: Record<(typeof required)[number], string> = {
    rater: 'rater_department',
    target: 'target_department',
    criterion: 'criterion',
    score: 'score',
  };
  for (const role of required) {
    if (roles[role] === undefined) {
      problems.push(problem('error', 'missing-column', `the header has no "${columnOf[role]}" column (found: ${names.filter((n) => n !== '').join(', ') || 'nothing'})`, at(columnOf[role])));
    }
  }

  if (shape === 'wide') {
    const missing = config.criteria.filter((c) => roles.criteria[c.index] === undefined);
    if (missing.length === config.criteria.length && config.criteria.length > 0) {
      problems.push(
        problem('error', 'missing-column', `the header has no criterion column: expected ${config.criteria.map((c) => JSON.stringify(c.id)).join(', ')} (by id or by name)`, at(null)),
      );
    } else {
      for (const c of missing) {
        problems.push(
          problem('warning', 'missing-column', `no column for criterion "${c.id}" (${c.name}): it counts as not answered in every row of this file`, at(c.id)),
        );
      }
    }
  }

  // A file with header errors is not read at all: warnings about it would only be noise next to them.
  const usable = !problems.some((p) => p.severity === 'error');
  return { roles, problems: usable ? problems : problems.filter((p) => p.severity === 'error'), usable };
}

function unknownColumnMessage(name: string, shape: Shape, known: readonly string[], config: Config): string {
  const candidates = shape === 'wide' ? [...config.criteria.flatMap((c) => [c.id, c.name]), ...known] : [...known];
  const expected =
    shape === 'wide'
      ? `columns are ${WIDE_COLUMNS.join(', ')} and one per criterion (its id or name)`
      : `long-shape columns are ${LONG_COLUMNS.join(', ')}`;
  return `unknown column ${JSON.stringify(name)}${didYouMeanSuffix(name, candidates)}; ${expected}`;
}
