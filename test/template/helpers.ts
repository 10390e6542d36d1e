/** Configs for the template tests: the fixture ic.yaml, and YAML written in a test. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/types.js';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/template');
export const FIXTURE_CONFIG = join(FIXTURE_DIR, 'ic.yaml');

export function configFromYaml(text: string): Config {
  const result = parseConfig(text, 'ic.yaml');
  if (result.config === null) throw new Error(`test config is invalid: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.config;
}

/** test/fixtures/template/ic.yaml: 5 departments; `it` evaluates nobody, `board` is evaluated by nobody. */
export function fixtureConfig(): Config {
  return configFromYaml(readFileSync(FIXTURE_CONFIG, 'utf8'));
}
