#!/usr/bin/env node
// @ts-check
/**
 * Regenerates the example reports that a person can open straight from the repository: `ic report` of the
 * bundled example periods (examples/2026-q1.csv, examples/2026-q2.csv), in Russian into examples/report/ru and
 * in English into examples/report/en — company page, a card per department, workbook.
 *
 *   node scripts/build.mjs && node scripts/report-examples.mjs
 *
 * Runs the built CLI (bin/ic.js), as a user would. Each folder is emptied first, so a department dropped from the
 * examples leaves no stale card behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/cli/main.js'))) {
  process.stderr.write('dist/ is missing: run `node scripts/build.mjs` first\n');
  process.exit(1);
}
const periods = ['examples/2026-q1.csv', 'examples/2026-q2.csv'];
for (const lang of ['ru', 'en']) {
  const out = join('examples/report', lang);
  rmSync(join(root, out), { recursive: true, force: true });
  const run = spawnSync(process.execPath, ['bin/ic.js', 'report', ...periods, '--out', out, '--lang', lang, '--config', 'examples/ic.yaml'], { cwd: root, encoding: 'utf8' });
  process.stderr.write(run.stderr);
  if (run.status !== 0) process.exit(run.status ?? 1);
}
