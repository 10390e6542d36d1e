/** `ic trend P1 P2 ...`: each department's score over the periods, and whether the latest change is real (SPEC 3.5). */
import { Command } from 'commander';
import { requireConfig } from '../cli/context.js';
import { EXIT, UsageError } from '../cli/errors.js';
import { addConfigOption, addOutputOptions, examples, type CommonOptions, reportFormat } from '../cli/options.js';
import { scorePeriods, writeReport, type DataOptions } from '../cli/period.js';
import { periodLabels } from '../cli/periodLabels.js';
import { detectTerminal } from '../cli/terminal.js';
import { trendPeriods } from '../core/trend.js';
import { renderTrendReport } from '../render/trend/report.js';
import { addDataOptions } from './score.js';

interface TrendOptions extends CommonOptions, DataOptions {
  excel?: boolean;
  labels?: string;
}

export async function runTrend(inputs: string[], options: TrendOptions): Promise<number> {
  if (inputs.length < 2) {
    throw new UsageError(
      `ic trend needs at least two periods, oldest first: ic trend P1 P2 [P3...] (each a responses CSV file or a folder of them)${inputs.length === 1 ? `; got only ${inputs[0]}` : ''}`,
    );
  }
  const format = reportFormat(options);
  const periodInputs = inputs.map((i) => [i]);
  const labels = periodLabels(periodInputs, options.labels, (i) => `P${i + 1}`);
  const terminal = detectTerminal(options);
  const config = await requireConfig(options.config, inputs[0], terminal);
  const periods = periodInputs.map((p, i) => ({ label: labels[i]!, inputs: p }));
  const scored = await scorePeriods(periods, config, options, terminal);
  const scores = scored.map((s) => s.scores);
  const trend = trendPeriods(scores);
  const text = renderTrendReport(
    { config, scores, trend, labels, inputs: periodInputs, rows: scored.map((s) => s.load.rows) },
    { format, color: terminal.color, excel: options.excel ?? false },
  );
  await writeReport(text, periods, config, options);
  return EXIT.ok;
}

export function trendCommand(): Command {
  const command = new Command('trend')
    .summary('every department over many periods, and whether the latest change is real')
    .description(
      'A department × period table of scores, oldest period first, with a sparkline per department in the terminal, ' +
        'and the latest change (the last two periods) tested as in `ic diff`: z = Δ / √(SE_A² + SE_B²), significant when |z| ≥ 1.96. ' +
        'Departments that fell significantly in the latest period come first.\n\n' +
        'Each period is a file or a folder; period names come from them (--labels to override). ' +
        'Refuses to compute when any period has data errors, unless --skip-invalid.',
    )
    .argument('[periods...]', 'two or more periods, oldest first: each a responses CSV file or a folder of them')
    .option('--labels <names>', 'names of the periods, separated by commas (default: the file or folder names)');
  addConfigOption(command);
  addOutputOptions(command);
  addDataOptions(command);
  return command
    .addHelpText(
      'after',
      examples([
        'ic trend examples/2026-q1.csv examples/2026-q2.csv',
        'ic trend responses/q1/ responses/q2/ responses/q3/',
        'ic trend q1.csv q2.csv q3.csv --labels "I кв.,II кв.,III кв."',
        'ic trend q1.csv q2.csv q3.csv --format json | jq ".departments[0].latest"',
        'ic trend q1.csv q2.csv q3.csv --excel --out trend.report.csv',
      ]),
    )
    .action(async (periods: string[], options: TrendOptions) => {
      process.exitCode = await runTrend(periods, options);
    });
}
