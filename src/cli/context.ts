/** Steps every command shares before its own work: find and load the config, or stop with its problems. */
import { InvalidArgumentError } from 'commander';
import type { Config } from '../config/types.js';
import { displayPath, findConfigPath, loadConfig, type LoadedConfig } from '../config/load.js';
import { renderProblems } from '../render/problems.js';
import { UserError } from './errors.js';
import type { Terminal } from './terminal.js';

export async function requireConfig(configOption: string | undefined, firstInput: string | undefined, terminal: Terminal): Promise<Config> {
  const [config] = await requirePeriodConfigs(configOption, [firstInput], terminal);
  return config!;
}

/**
 * The config of each period (SPEC 2.5): `--config` for all; otherwise the ic.yaml beside (or in) that period's
 * first input, else the current folder's. A file shared by several periods is read (and its warnings shown)
 * once; every config's problems are listed before the run stops, since the config is never skipped.
 */
export async function requirePeriodConfigs(configOption: string | undefined, firstInputs: readonly (string | undefined)[], terminal: Terminal): Promise<Config[]> {
  const cwd = process.cwd();
  const byPath = new Map<string, Promise<LoadedConfig>>();
  const loads = firstInputs.map((firstInput) => {
    const where = { config: configOption, firstInput, cwd };
    const key = findConfigPath(where) ?? `\u0000${firstInput ?? ''}`;
    if (!byPath.has(key)) byPath.set(key, loadConfig(where));
    return byPath.get(key)!;
  });
  const distinct = await Promise.all(byPath.values());
  let errorCount = 0;
  const failing: string[] = [];
  for (const loaded of distinct) {
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    const notFound = errors.find((p) => p.code === 'config-not-found');
    if (notFound !== undefined) throw new UserError(notFound.message);
    if (loaded.problems.length > 0) process.stderr.write(renderProblems(loaded.problems, { color: terminal.color, maxPerKind: 50 }));
    if (loaded.config === null || errors.length > 0) {
      errorCount += errors.length;
      failing.push(loaded.path === null ? 'the config' : displayPath(loaded.path, cwd));
    }
  }
  if (failing.length > 0) {
    const problems = errorCount === 1 ? 'a problem' : `${errorCount} problems`;
    throw new UserError(`${failing.join(' and ')} ${failing.length === 1 ? 'has' : 'have'} ${problems}; fix ${errorCount === 1 ? 'it' : 'them'} and run again (the config is never skipped)`);
  }
  return Promise.all(loads.map(async (l) => (await l).config!));
}

/** Parses a positive whole number option, or stops with a usage error. */
export function positiveInt(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} takes a whole number of 1 or more, not "${value}"`);
    return n;
  };
}
