/** Problems as a person reads them: grouped by kind, counted, at most N of a kind shown. Returns text. */
import type { ChalkInstance } from 'chalk';
import type { Problem } from '../domain/problem.js';
import { ENGLISH } from '../report/phrases/en.js';
import type { ProblemWords } from '../report/phrases/types.js';

export function location(p: Problem, words: Pick<ProblemWords, 'sheetRow'> = ENGLISH.validate): string {
  const parts: string[] = [];
  if (p.file !== null && p.sheet !== undefined) parts.push(`${p.file} ${words.sheetRow(p.sheet, p.line)}`);
  else if (p.file !== null) parts.push(p.line !== null ? `${p.file}:${p.line}` : p.file);
  if (p.column !== null) parts.push(`[${p.column}]`);
  return parts.join(' ');
}

export interface ProblemRenderOptions {
  color: ChalkInstance;
  /** At most this many problems of one kind are listed; the rest are counted. */
  maxPerKind: number;
  /** Prefix for every line (e.g. the period a problem belongs to). */
  indent?: string;
  /** The words around the problems (titles of kinds, severities); English unless given. */
  words?: ProblemWords;
}

/** Errors first, then warnings; within each, kinds in the order first met. */
export function renderProblems(problems: readonly Problem[], options: ProblemRenderOptions): string {
  const { color, maxPerKind } = options;
  const indent = options.indent ?? '';
  const words = options.words ?? ENGLISH.validate;
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
    const mark = isError ? color.red(`✖ ${words.severity.error}`) : color.yellow(`⚠ ${words.severity.warning}`);
    const title = words.problemTitles[first.code] ?? first.code;
    lines.push(`${indent}${mark} ${color.bold(title)} ${color.dim(`(${first.code})`)}: ${list.length}`);
    for (const p of list.slice(0, maxPerKind)) {
      const where = location(p, words);
      lines.push(`${indent}  ${where === '' ? '' : `${color.cyan(where)}  `}${p.message}`);
    }
    if (list.length > maxPerKind) {
      lines.push(`${indent}  ${color.dim(words.moreOfKind(list.length - maxPerKind))}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
