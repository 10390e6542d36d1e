/** Problems as a person reads them: grouped by kind, counted, at most N of a kind shown. Returns text. */
import type { ChalkInstance } from 'chalk';
import type { Problem, ProblemCode } from '../domain/problem.js';

/** A short title per kind of problem, for group headings. */
export const PROBLEM_TITLES: ReadonlyMap<ProblemCode, string> = new Map<ProblemCode, string>([
  ['config-not-found', 'config not found'],
  ['config-unreadable', 'config not readable'],
  ['config-syntax', 'config is not valid YAML'],
  ['config-invalid', 'config problem'],
  ['file-not-found', 'file not found'],
  ['file-unreadable', 'file not readable'],
  ['file-empty', 'empty file'],
  ['file-binary', 'not a text file'],
  ['file-undecodable', 'text cannot be decoded'],
  ['no-input', 'no responses files'],
  ['missing-column', 'required column missing'],
  ['unknown-column', 'unknown column'],
  ['duplicate-column', 'column given twice'],
  ['field-count', 'wrong number of fields'],
  ['bad-quote', 'quote opened and never closed'],
  ['unknown-department', 'unknown department'],
  ['unknown-criterion', 'unknown criterion'],
  ['self-evaluation', 'department evaluates itself'],
  ['not-a-number', 'answer is not a number'],
  ['out-of-scale', 'answer outside the scale'],
  ['duplicate-response', 'same respondent evaluates a department twice'],
  ['duplicate-criterion', 'criterion answered twice in one questionnaire'],
  ['inconsistent-rater', 'one questionnaire with two rater departments'],
  ['not-a-client', 'department evaluates one it is not a client of'],
  ['empty-row', 'row with no answers'],
  ['no-responses', 'department expected to be evaluated got no rows'],
]);

export function location(p: Problem): string {
  const parts: string[] = [];
  if (p.file !== null) parts.push(p.line !== null ? `${p.file}:${p.line}` : p.file);
  if (p.column !== null) parts.push(`[${p.column}]`);
  return parts.join(' ');
}

export interface ProblemRenderOptions {
  color: ChalkInstance;
  /** At most this many problems of one kind are listed; the rest are counted. */
  maxPerKind: number;
  /** Prefix for every line (e.g. the period a problem belongs to). */
  indent?: string;
}

/** Errors first, then warnings; within each, kinds in the order first met. */
export function renderProblems(problems: readonly Problem[], options: ProblemRenderOptions): string {
  const { color, maxPerKind } = options;
  const indent = options.indent ?? '';
  const groups = new Map<string, Problem[]>();
  for (const severity of ['error', 'warning'] as const) {
    for (const p of problems) {
      if (p.severity !== severity) continue;
      const key = `${severity}:${p.code}`;
      const list = groups.get(key);
      if (list) list.push(p);
      else groups.set(key, [p]);
    }
  }
  const lines: string[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const isError = first.severity === 'error';
    const mark = isError ? color.red('✖ error') : color.yellow('⚠ warning');
    const title = PROBLEM_TITLES.get(first.code) ?? first.code;
    lines.push(`${indent}${mark} ${color.bold(title)} ${color.dim(`(${first.code})`)}: ${list.length}`);
    for (const p of list.slice(0, maxPerKind)) {
      const where = location(p);
      lines.push(`${indent}  ${where === '' ? '' : `${color.cyan(where)}  `}${p.message}`);
    }
    if (list.length > maxPerKind) {
      lines.push(`${indent}  ${color.dim(`… and ${list.length - maxPerKind} more of this kind (--max-problems to see more)`)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
