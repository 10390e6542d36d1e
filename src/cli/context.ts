/** Steps every command shares before its own work: find and load the config, or stop with its problems. */
import { InvalidArgumentError } from 'commander';
import type { Config } from '../config/types.js';
import { loadConfig } from '../config/load.js';
import { renderProblems } from '../render/problems.js';
import { UserError } from './errors.js';
import type { Terminal } from './terminal.js';

export async function requireConfig(configOption: string | undefined, firstInput: string | undefined, terminal: Terminal): Promise<Config> {
  const loaded = await loadConfig({ config: configOption, firstInput, cwd: process.cwd() });
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  const notFound = errors.find((p) => p.code === 'config-not-found');
  if (notFound !== undefined) throw new UserError(notFound.message);
  if (loaded.config === null || errors.length > 0) {
    process.stderr.write(renderProblems(loaded.problems, { color: terminal.color, maxPerKind: 50 }));
    const where = loaded.path ?? 'the config';
    throw new UserError(`${where} has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}; fix ${errors.length === 1 ? 'it' : 'them'} and run again (the config is never skipped)`);
  }
  if (loaded.problems.length > 0) process.stderr.write(renderProblems(loaded.problems, { color: terminal.color, maxPerKind: 50 }));
  return loaded.config;
}

/** Parses a positive whole number option, or stops with a usage error. */
export function positiveInt(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} takes a whole number of 1 or more, not "${value}"`);
    return n;
  };
}
