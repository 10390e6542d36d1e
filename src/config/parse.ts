/**
 * Config text → `Config`, or every problem with it at once. Pure: no file system, no output.
 *
 * Stages: YAML reading (yaml.ts: syntax errors with line and column, bounded alias expansion) → structure
 * (zod, messages rewritten in plain words: issues.ts) → checks across fields (crossField.ts) → resolution
 * (resolve.ts). Structure and cross-field checks both run on the same document, so a user fixing the file
 * sees everything in one go.
 */
import { problem } from '../domain/problem.js';
import type { Problem } from '../domain/problem.js';
import { checkAcrossFields } from './crossField.js';
import { explainIssue } from './issues.js';
import { formatPath } from './raw.js';
import type { ConfigPath } from './raw.js';
import { resolveConfig } from './resolve.js';
import { configSchema } from './schema.js';
import type { Config } from './types.js';
import { readYaml } from './yaml.js';

export { formatPath } from './raw.js';
export type { ConfigPath } from './raw.js';
export { MAX_ALIAS_COUNT } from './yaml.js';

export interface ConfigResult {
  /** Null whenever any error was found. */
  config: Config | null;
  problems: Problem[];
}

/**
 * Parses and checks config text. `file` is the file as the user named it (for messages);
 * `options.path` is stored as `Config.path` (the loader passes the absolute path).
 * Never throws on any input.
 */
export function parseConfig(text: string, file: string | null, options: { path?: string | null } = {}): ConfigResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const empty = (): ConfigResult => ({
    config: null,
    problems: [
      problem(
        'error',
        'config-invalid',
        'the config file is empty; it needs at least "version: 1", departments and criteria ' +
          '(run "ic init" to write a commented sample)',
        { file },
      ),
    ],
  });
  if (source.trim() === '') return empty();

  const yaml = readYaml(source, file);
  if (!yaml.ok) return 'blank' in yaml ? empty() : { config: null, problems: yaml.problems };
  const { raw, where } = yaml;
  const problems = [...yaml.problems];
  const report = (path: ConfigPath, message: string): void => {
    const at = formatPath(path);
    problems.push(
      problem('error', 'config-invalid', at === '' ? message : `${at}: ${message}`, {
        file,
        line: where.lineOf(path),
        column: at === '' ? null : at,
      }),
    );
  };

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) explainIssue(issue, raw, report);
  }
  checkAcrossFields(raw, report);

  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (problems.some((p) => p.severity === 'error') || !parsed.success) return { config: null, problems };
  return { config: resolveConfig(parsed.data, options.path ?? null), problems };
}
