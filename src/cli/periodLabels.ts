/**
 * Names of periods in `ic diff` and `ic trend`: from the file or folder names the user gave
 * (`examples/2026-q1.csv` → "2026-q1", `responses/q2/` → "q2"), or from `--labels`.
 */
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

const RESPONSE_EXTENSION = /\.(csv|tsv|txt)$/iu;

/** A file's or a folder's name without a responses extension (a folder's dots stay). */
function nameOf(input: string, cwd: string): string {
  return basename(resolve(cwd, input)).replace(RESPONSE_EXTENSION, '');
}

/**
 * One input: its name. Several: the folder they share, unless that is the current folder (which says
 * nothing about the period). Null when there is no good name.
 */
export function periodLabelOf(inputs: readonly string[], cwd = process.cwd()): string | null {
  if (inputs.length === 0) return null;
  if (inputs.length === 1) return nameOf(inputs[0]!, cwd) || null;
  const parents = new Set(inputs.map((i) => dirname(resolve(cwd, i))));
  if (parents.size !== 1) return null;
  const parent = [...parents][0]!;
  return parent === resolve(cwd) ? null : basename(parent) || null;
}

/**
 * Labels for every period: `--labels` when given; else the names of the inputs; when names are missing
 * or the same for two periods (q1/responses.csv, q2/responses.csv), the paths as given, without extension;
 * and when those collide too, the fallback names ("A", "B" or "P1", "P2", ...).
 */
export function periodLabels(periods: readonly (readonly string[])[], labelsOption: string | undefined, fallback: (i: number) => string, cwd = process.cwd()): string[] {
  if (labelsOption !== undefined) return parseLabels(labelsOption, periods.length);
  const names = periods.map((inputs) => periodLabelOf(inputs, cwd));
  if (names.every((n) => n !== null) && unique(names)) return names as string[];
  const paths = periods.map((inputs, i): string | null =>
    names[i] !== null && inputs.length === 1 ? inputs[0]!.replace(/[\\/]+$/u, '').replace(RESPONSE_EXTENSION, '') : (names[i] ?? null),
  );
  if (paths.every((n) => n !== null && n !== '') && unique(paths)) return paths as string[];
  return periods.map((_, i) => fallback(i));
}

function unique(values: readonly (string | null)[]): boolean {
  return new Set(values).size === values.length;
}

/** `--labels q1,q2,q3`: one label per period, none empty, no two the same. */
export function parseLabels(value: string, count: number): string[] {
  const labels = value.split(',').map((l) => l.trim());
  if (labels.length !== count) {
    throw new UsageError(`--labels takes one label per period, separated by commas: ${count} periods here, ${labels.length} ${labels.length === 1 ? 'label' : 'labels'} given ("${value}")`);
  }
  if (labels.some((l) => l === '')) throw new UsageError(`--labels "${value}" has an empty label; give every period a name`);
  const seen = new Set<string>();
  for (const l of labels) {
    if (seen.has(l)) throw new UsageError(`--labels "${value}" names two periods "${l}"; every period needs its own label`);
    seen.add(l);
  }
  return labels;
}
