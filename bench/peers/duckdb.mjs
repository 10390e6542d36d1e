// @ts-check
/**
 * Peer for the benchmark: what an analyst would write in DuckDB (from Node) — one SQL query over the CSV:
 * per target department, the mean of each criterion and the weighted score. Prints one JSON line with the
 * departments found and the process's peak memory.
 *
 *   node bench/peers/duckdb.mjs FILE.csv CRITERIA WEIGHTS     (CRITERIA, WEIGHTS: comma-separated)
 *
 * @duckdb/node-api is loaded from bench/.deps (installed on demand by bench/run.mjs, not a dependency of ic).
 */
import { createRequire } from 'node:module';

const [file, criteriaArg, weightsArg] = process.argv.slice(2);
if (file === undefined || criteriaArg === undefined || weightsArg === undefined) throw new Error('usage: duckdb.mjs FILE CRITERIA WEIGHTS');
const require = createRequire(new URL('../.deps/', import.meta.url));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));

const criteria = criteriaArg.split(',');
const weights = weightsArg.split(',').map(Number);
const means = criteria.map((c) => `avg(${c}) AS ${c}`).join(', ');
const weighted = criteria.map((c, i) => `coalesce(${weights[i]} * ${c}, 0)`).join(' + ');
const weightSum = criteria.map((c, i) => `(CASE WHEN ${c} IS NULL THEN 0 ELSE ${weights[i]} END)`).join(' + ');
const types = criteria.map((c) => `'${c}': 'DOUBLE'`).join(', ');
const sql = `
  WITH m AS (
    SELECT target_department, ${means}
    FROM read_csv('${file.replace(/'/g, "''")}', header = true, nullstr = ['', 'N/A'], types = {${types}})
    GROUP BY target_department
  )
  SELECT target_department, ${criteria.join(', ')}, (${weighted}) / nullif(${weightSum}, 0) AS score FROM m ORDER BY score DESC`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const result = await connection.runAndReadAll(sql);
const rows = result.getRows();
process.stdout.write(`${JSON.stringify({ departments: rows.length, maxRssKb: process.resourceUsage().maxRSS })}\n`);
