/** `ic trend P1 P2 ...`: each department's score over the periods, and whether the latest change is real (SPEC 3.5). */
import { Command } from 'commander';
import { UsageError } from '../cli/errors.js';
import { periodLabels } from '../cli/periodLabels.js';
import { addDataCommandOptions, reportOnPeriods, type DataCommandOptions } from '../cli/report.js';
import { renamesOf } from '../core/match.js';
import { trendPeriods } from '../core/trend.js';
import { buildTrendDocument } from '../report/trend/build.js';

interface TrendOptions extends DataCommandOptions {
  labels?: string;
}

export async function runTrend(inputs: string[], options: TrendOptions): Promise<number> {
  if (inputs.length < 2) {
    throw new UsageError(
      `ic trend needs at least two periods, oldest first: ic trend P1 P2 [P3...] (each a responses CSV file or a folder of them)${inputs.length === 1 ? `; got only ${inputs[0]}` : ''}`,
    );
  }
  const periodInputs = inputs.map((i) => [i]);
  const labels = periodLabels(periodInputs, options.labels, (i) => `P${i + 1}`);
  const periods = periodInputs.map((p, i) => ({ label: labels[i]!, inputs: p }));
  return reportOnPeriods(periods, options, (scored, phrases) => {
    const scores = scored.map((s) => s.scores);
    const trend = trendPeriods(
      scores,
      scored.map((s) => renamesOf(s.config)),
    );
    const sources = scored.map((s, i) => ({ label: labels[i]!, config: s.config, configFile: s.configFile }));
    return buildTrendDocument({ config: scored[scored.length - 1]!.config, sources, scores, trend, labels, inputs: periodInputs, rows: scored.map((s) => s.load.rows) }, phrases);
  });
}

export function trendCommand(): Command {
  const command = new Command('trend')
    .summary('every department over many periods, and whether the latest change is real')
    .description(
      'A department × period table of scores, oldest period first, with a sparkline per department in the terminal, ' +
        'and the latest change (the last two periods) tested as in `ic diff`: z = Δ / √(SE_A² + SE_B²), significant when |z| ≥ 1.96. ' +
        'Departments that fell significantly in the latest period come first.\n\n' +
        'Each period is a file or a folder; period names come from them (--labels to override). ' +
        'Each period is read with its own config (the ic.yaml in or beside it, else the current folder\'s; --config applies to all), ' +
        'and departments renamed or merged since an earlier period are matched through renamed_from. ' +
        'Refuses to compute when any period has data errors, unless --skip-invalid.',
    )
    .argument('[periods...]', 'two or more periods, oldest first: each a responses CSV file or a folder of them')
    .option('--labels <names>', 'names of the periods, separated by commas (default: the file or folder names)');
  return addDataCommandOptions(command, [
    'ic trend previous.csv responses.csv                          # oldest first; folders too',
    'ic trend previous.csv responses.csv --labels "I кв.,II кв."',
    'ic trend previous.csv responses.csv --format json | jq ".departments[0].latest"',
    'ic trend previous.csv responses.csv --excel --out trend.report.csv',
  ]).action(async (periods: string[], options: TrendOptions) => {
    process.exitCode = await runTrend(periods, options);
  });
}
