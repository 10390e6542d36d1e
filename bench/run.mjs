#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: how fast `ic score` and `ic diff` are, and how much memory they take (SPEC 5), against the
 * machine's floor (`node -e 0`) and the tools an analyst would otherwise use — DuckDB from Node (one SQL query)
 * and pandas (read_csv + groupby) — run on the same files, in the same run. A benchmark, not a test: it prints
 * medians of several runs, rows per second and peak memory, and never fails on a number.
 *
 *   node bench/run.mjs [--runs N] [--sizes 10000,500000,5000000] [--form-lines 100000] [--no-install] [--no-peers]
 *
 * Datasets come from bench/generate.mjs (seeded), into bench/data/ (gitignored), made once. DuckDB
 * (@duckdb/node-api) is installed on demand into bench/.deps (gitignored), so that `npm ci` stays lean; pandas is
 * used when /usr/bin/python3 can import it (Debian: apt-get install python3-pandas).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CRITERIA, WEIGHTS, configYaml, generatePeriod } from './generate.mjs';
import { formDatasets } from './forms.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'bench/data');
const DEPS = join(ROOT, 'bench/.deps');
const IC = join(ROOT, 'bin/ic.js');
const RSS_PRELOAD = join(ROOT, 'bench/rss.mjs');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const RUNS = Number(option('--runs') ?? 7);
const SIZES = (option('--sizes') ?? '10000,500000,5000000').split(',').map(Number);
const INSTALL = !args.includes('--no-install');
const PEERS = !args.includes('--no-peers');
/** Lines of the form export (SPEC 2.4) read as CSV and .xlsx beside the canonical CSV of the same answers; 0: skip. */
const FORM_LINES = Number(option('--form-lines') ?? 100_000);
/** Runs of the largest files (several seconds each). */
const BIG_RUNS = Math.max(3, Math.min(RUNS, 3));

// ---------------------------------------------------------------------------------------------------------
// Measuring

/**
 * Runs a command once: wall time in seconds (process start included, as a user waits for it) and peak memory
 * (max RSS) in MB, from GNU time when there is one, else from what the process reports (see rss.mjs).
 */
function runOnce(command, commandArgs, { rssFromOutput = false, allowFailure = false } = {}) {
  const timeFile = join(tmpdir(), `ic-bench-${process.pid}.time`);
  const useTime = GNU_TIME && !rssFromOutput;
  const [cmd, cmdArgs] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...commandArgs]] : [command, commandArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && !(allowFailure && result.status === 1)) {
    throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status}:\n${(result.stderr ?? '').slice(0, 2000)}`);
  }
  let rssKb = Number.NaN;
  if (useTime) rssKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  else {
    const match = /"maxRssKb":\s*(\d+)/.exec(`${result.stdout}\n${result.stderr}`);
    if (match) rssKb = Number(match[1]);
  }
  return { seconds, rssMb: rssKb / 1024, stdout: result.stdout };
}

/** Several runs (after one warm-up run that fills the file cache): median and spread of the time, peak memory. */
function measure(label, command, commandArgs, runs, options = {}) {
  process.stderr.write(`  ${label} `);
  runOnce(command, commandArgs, options);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(runOnce(command, commandArgs, options));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  return {
    label,
    runs,
    median: median(times),
    min: times[0],
    max: times[times.length - 1],
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
  };
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const GNU_TIME = (() => {
  if (!existsSync('/usr/bin/time')) return false;
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/.test(probe.stderr.trim().split('\n').pop() ?? '');
})();

// ---------------------------------------------------------------------------------------------------------
// Data

function dataset(rows, seed) {
  mkdirSync(DATA, { recursive: true });
  const config = join(DATA, 'ic.yaml');
  const yaml = configYaml();
  if (!existsSync(config) || readFileSync(config, 'utf8') !== yaml) writeFileSync(config, yaml);
  const file = join(DATA, `period-${rows}-${seed}.csv`);
  const generator = join(ROOT, 'bench/generate.mjs');
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(generator).mtimeMs) {
    process.stderr.write(`generating ${rows.toLocaleString('en-US')} rows (seed ${seed}) ...\n`);
    generatePeriod(rows, `${file}.tmp`, seed);
    renameSync(`${file}.tmp`, file);
  }
  return file;
}

// ---------------------------------------------------------------------------------------------------------
// Peers

function duckdbAvailable() {
  const installed = () => existsSync(join(DEPS, 'node_modules/@duckdb/node-api/package.json'));
  if (installed()) return { ok: true };
  if (!INSTALL) return { ok: false, why: 'not installed (run without --no-install to install it into bench/.deps)' };
  process.stderr.write('installing @duckdb/node-api into bench/.deps (once) ...\n');
  mkdirSync(DEPS, { recursive: true });
  const npm = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', DEPS, '@duckdb/node-api'], { encoding: 'utf8' });
  if (npm.status !== 0 || !installed()) return { ok: false, why: `could not be installed (${(npm.stderr || '').trim().split('\n').pop()})` };
  return { ok: true };
}

function pandasAvailable() {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  return probe.status === 0 ? { ok: true, version: probe.stdout.trim() } : { ok: false, why: 'not installed (Debian: apt-get install python3-pandas)' };
}

// ---------------------------------------------------------------------------------------------------------
// Printing

const fmtS = (s) => `${s.toFixed(3)} s`;
const fmtMb = (mb) => (Number.isNaN(mb) ? '   n/a' : `${mb.toFixed(0).padStart(4)} MB`);
const fmtRate = (rows, s) => `${Math.round(rows / s).toLocaleString('en-US').padStart(11)} rows/s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

function line(m, rows, extra = '') {
  return `  ${m.label.padEnd(22)} ${fmtS(m.median).padStart(9)}  (${m.min.toFixed(3)}–${m.max.toFixed(3)}, ${m.runs} runs)  ${fmtRate(rows, m.median)}  peak ${fmtMb(m.rssMb)}${extra}`;
}

// ---------------------------------------------------------------------------------------------------------

if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
const criteria = CRITERIA.join(',');
const weights = WEIGHTS.join(',');
const duck = PEERS ? duckdbAvailable() : { ok: false, why: 'skipped (--no-peers)' };
const pandas = PEERS ? pandasAvailable() : { ok: false, why: 'skipped (--no-peers)' };

const out = [];
out.push(`ic benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; medians of wall times (process start included)`);
out.push(`peak memory: ${GNU_TIME ? 'max RSS from /usr/bin/time' : 'max RSS reported by each process'}`);
out.push(`peers: DuckDB ${duck.ok ? '(@duckdb/node-api, one SQL query)' : duck.why}; pandas ${pandas.ok ? `${pandas.version} (read_csv + groupby)` : pandas.why}`);
out.push('');

process.stderr.write('node -e 0\n');
const floor = measure('node -e 0', process.execPath, ['-e', '0'], Math.max(RUNS, 11));
out.push(`machine floor: node -e 0 ${fmtS(floor.median)}`);

const summary = [];
for (const rows of SIZES) {
  const file = dataset(rows, 1);
  const mb = statSync(file).size / 1e6;
  const runs = rows >= 2_000_000 ? BIG_RUNS : RUNS;
  out.push('');
  out.push(`${rows.toLocaleString('en-US')} rows (${mb.toFixed(1)} MB): every department's score, criterion means and all of SPEC 2.3 validated`);
  process.stderr.write(`${rows} rows\n`);
  // The report as a user gets it (the table), written to a pipe.
  const icArgs = ['--import', RSS_PRELOAD, IC, 'score', file];
  const ic = measure('ic score', process.execPath, GNU_TIME ? icArgs.slice(2) : icArgs, runs, { rssFromOutput: !GNU_TIME });
  out.push(line(ic, rows, rows <= 20_000 ? `   = ${ratio(ic.median, floor.median)} node -e 0 (goal ≤ 2.5×)` : ''));
  const row = { rows, mb, ic: ic.median, icRss: ic.rssMb };
  if (duck.ok) {
    const d = measure('DuckDB (one query)', process.execPath, [join(ROOT, 'bench/peers/duckdb.mjs'), file, criteria, weights], runs, { rssFromOutput: !GNU_TIME });
    out.push(line(d, rows, `   ic/DuckDB = ${ratio(ic.median, d.median)}`));
    row.duck = d.median;
  }
  if (pandas.ok) {
    const p = measure('pandas', '/usr/bin/python3', [join(ROOT, 'bench/peers/pandas_score.py'), file, criteria, weights], runs, { rssFromOutput: !GNU_TIME });
    out.push(line(p, rows, `   ic/pandas = ${ratio(ic.median, p.median)}`));
    row.pandas = p.median;
  }
  if (rows === 500_000 || (rows === SIZES[SIZES.length - 1] && !SIZES.includes(500_000))) {
    const other = dataset(rows, 2);
    const diffArgs = [IC, 'diff', file, other];
    const hasDiff = spawnSync(process.execPath, [IC, 'diff', '--help'], { encoding: 'utf8' }).status === 0;
    if (hasDiff) {
      const d = measure('ic diff (2 periods)', process.execPath, GNU_TIME ? diffArgs : ['--import', RSS_PRELOAD, ...diffArgs], runs, { rssFromOutput: !GNU_TIME });
      out.push(line(d, 2 * rows, `   = ${ratio(d.median, ic.median)} one ic score (goal ≤ 2×)`));
      row.diff = d.median;
    } else out.push('  ic diff: not available in this build');
  }
  summary.push(row);
}

// Hostile sizes (issue 13, SPEC 5): memory must not grow with bad rows, nor time and memory with departments².
{
  out.push('');
  out.push('Hostile sizes: peak memory of 1,000,000 invalid rows (goal < 300 MB), 3,000 departments (goal < 10 s)');
  const invalid = join(DATA, 'invalid-1000000.csv');
  if (!existsSync(invalid)) {
    process.stderr.write('generating 1,000,000 invalid rows ...\n');
    // Every row has an answer off the scale: one error each, no "did you mean" work, so memory is what is measured.
    const lines = [`respondent_id,rater_department,target_department,${CRITERIA.join(',')}`];
    for (let i = 0; i < 1_000_000; i++) lines.push(`r${i},d01,d02,9${',3'.repeat(CRITERIA.length - 1)}`);
    writeFileSync(`${invalid}.tmp`, `${lines.join('\n')}\n`);
    renameSync(`${invalid}.tmp`, invalid);
  }
  const config = join(DATA, 'ic.yaml');
  const rejects = join(tmpdir(), `ic-bench-${process.pid}.rejects.csv`);
  for (const [label, args] of [
    ['validate 1M invalid', [IC, 'validate', invalid, '--config', config]],
    ['score --skip-invalid --rejects 1M invalid', [IC, 'score', invalid, '--config', config, '--skip-invalid', '--rejects', rejects]],
  ]) {
    try {
      const m = measure(label, process.execPath, args, 1, { allowFailure: true });
      out.push(line(m, 1_000_000));
    } catch (error) {
      out.push(`  ${label}: failed (${String(error).split('\n')[0]})`);
    }
  }
  const wide = join(DATA, 'departments-3000');
  mkdirSync(wide, { recursive: true });
  const wideConfig = join(wide, 'ic.yaml');
  if (!existsSync(wideConfig)) {
    const departments = Array.from({ length: 3000 }, (_, d) => `  - id: d${d}\n    name: Department ${d}`);
    writeFileSync(wideConfig, ['version: 1', 'title: "3,000 departments"', 'scale: { min: 1, max: 5 }', 'departments:', ...departments, 'criteria:', '  - id: speed', '    name: Speed', ''].join('\n'));
    writeFileSync(join(wide, 'one-row.csv'), 'respondent_id,rater_department,target_department,speed\nr1,d0,d1,4\n');
  }
  try {
    const m = measure('validate --format json, 3,000 departments, 1 row', process.execPath, [IC, 'validate', join(wide, 'one-row.csv'), '--config', wideConfig, '--format', 'json'], 1, { allowFailure: true });
    out.push(line(m, 1));
  } catch (error) {
    out.push(`  3,000 departments: failed (${String(error).split('\n')[0]})`);
  }
}

if (FORM_LINES > 0) {
  const form = await formDatasets(DATA, FORM_LINES);
  const runs = Math.min(RUNS, 3);
  out.push('');
  out.push(`a form export of ${FORM_LINES.toLocaleString('en-US')} lines (12 departments × 5 criteria, ${form.rows.toLocaleString('en-US')} questionnaire rows), beside the canonical CSV of the same answers`);
  process.stderr.write(`form export, ${FORM_LINES} lines\n`);
  const timed = (label, file) => {
    const icArgs = ['--import', RSS_PRELOAD, IC, 'score', file, '--config', form.config];
    return measure(label, process.execPath, GNU_TIME ? icArgs.slice(2) : icArgs, runs, { rssFromOutput: !GNU_TIME });
  };
  const canonical = timed('canonical CSV', form.canonical);
  out.push(line(canonical, form.rows, `   ${(statSync(form.canonical).size / 1e6).toFixed(1)} MB`));
  for (const [label, file] of [['form CSV', form.csv], ['form .xlsx', form.xlsx]]) {
    const m = timed(label, file);
    out.push(line(m, form.rows, `   = ${ratio(m.median, canonical.median)} the canonical CSV, ${(statSync(file).size / 1e6).toFixed(1)} MB`));
  }
}

// `ic report` (SPEC 4.2): company page, a card per department, workbook — three periods of a 60-department company.
{
  const reportRows = 10_000;
  const periods = [1, 2, 3].map((seed) => dataset(reportRows, seed));
  const reportDir = join(tmpdir(), `ic-bench-report-${process.pid}`);
  out.push('');
  out.push(`ic report: 60 departments, 3 periods of ${reportRows.toLocaleString('en-US')} rows → index.html, 60 cards, report.xlsx`);
  process.stderr.write('ic report\n');
  const reportArgs = [IC, 'report', ...periods, '--out', reportDir, '--quiet'];
  const r = measure('ic report', process.execPath, GNU_TIME ? reportArgs : ['--import', RSS_PRELOAD, ...reportArgs], RUNS, { rssFromOutput: !GNU_TIME });
  out.push(line(r, 3 * reportRows, `   goal ≤ 2 s: ${r.median <= 2 ? 'met' : 'NOT met'}`));
  rmSync(reportDir, { recursive: true, force: true });
  summary.push({ report: r.median, reportRss: r.rssMb });
}

out.push('');
out.push('Summary (ratios of medians; < 1 means ic is faster)');
for (const r of summary) {
  if (r.report !== undefined) {
    out.push(`ic report (60 departments, 3 periods): ${fmtS(r.report)} (goal ≤ 2 s) · peak ${fmtMb(r.reportRss).trim()}`);
    continue;
  }
  const parts = [`${r.rows.toLocaleString('en-US').padStart(10)} rows: ic ${fmtS(r.ic)}`];
  if (r.duck !== undefined) parts.push(`ic/DuckDB ${ratio(r.ic, r.duck)}`);
  if (r.pandas !== undefined) parts.push(`ic/pandas ${ratio(r.ic, r.pandas)}`);
  if (r.rows <= 20_000) parts.push(`ic/node -e 0 ${ratio(r.ic, floor.median)}`);
  if (r.diff !== undefined) parts.push(`diff/score ${ratio(r.diff, r.ic)}`);
  parts.push(`ic peak ${fmtMb(r.icRss).trim()}`);
  out.push(parts.join(' · '));
}
process.stdout.write(`${out.join('\n')}\n`);
