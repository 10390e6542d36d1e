/** `ic score FILES...`: the period's report (SPEC 4, methodology SPEC 3). */
import { Command, Option } from 'commander';
import { positiveInt, requireConfig } from '../cli/context.js';
import { EXIT, UsageError } from '../cli/errors.js';
import { addConfigOption, addOutputOptions, examples, type CommonOptions, reportFormat } from '../cli/options.js';
import { scorePeriods, writeReport, type DataOptions } from '../cli/period.js';
import { detectTerminal } from '../cli/terminal.js';
import { renderScoreReport } from '../render/score/report.js';
import { VIEWS, type View } from '../render/score/views.js';

interface ScoreOptions extends CommonOptions, DataOptions {
  by: View;
  excel?: boolean;
}

export async function runScore(files: string[], options: ScoreOptions): Promise<number> {
  if (files.length === 0) throw new UsageError('ic score needs the responses: ic score FILES... (CSV files or folders of them)');
  const format = reportFormat(options);
  const terminal = detectTerminal(options);
  const config = await requireConfig(options.config, files[0], terminal);
  const periods = [{ label: null, inputs: files }];
  const [period] = await scorePeriods(periods, config, options, terminal);
  const { load, scores } = period!;
  const text = renderScoreReport({ scores, config, rows: load.rows, inputs: files }, { view: options.by, format, color: terminal.color, excel: options.excel ?? false });
  await writeReport(text, periods, config, options);
  return EXIT.ok;
}

/** Options that every command computing on data shares (score, diff, trend). */
export function addDataOptions(command: Command): Command {
  return command
    .option('--skip-invalid', 'compute on the valid rows only, leaving out rows with errors (says how many and why)')
    .option('--rejects <file>', 'write every left-out row, unchanged, with its file, line and reason (CSV)')
    .option('--max-problems <n>', 'list at most N problems of each kind', positiveInt('--max-problems'), 10)
    .option('--excel', 'CSV for Excel in a Russian locale: UTF-8 BOM, ";" and decimal comma (implies --format csv)');
}

export function scoreCommand(): Command {
  const command = new Command('score')
    .summary("the period's report: every department's score")
    .description(
      "Scores every department from one period's questionnaires (files or folders), as `ic explain` describes:\n" +
        'score, 95% interval, favorable %, respondents, raters, rank and each criterion mean, with flags;\n' +
        'then what needs attention. Values from fewer than anonymity_min respondents are never shown.\n' +
        'Refuses to compute when the data has errors, unless --skip-invalid.',
    )
    .argument('[files...]', 'responses CSV files or folders of them (one period)')
    .addOption(new Option('--by <view>', 'department: one row per department; criterion: company-wide per criterion; pair: client × department matrix; rater: harsh and lenient raters').choices(VIEWS).default('department'));
  addConfigOption(command);
  addOutputOptions(command);
  addDataOptions(command);
  return command
    .addHelpText(
      'after',
      examples([
        'ic score examples/2026-q1.csv',
        'ic score responses/ --by pair',
        'ic score q1.csv --by rater --format md --out q1-raters.md',
        'ic score q1.csv --excel --out q1.csv.report.csv',
        'ic score q1.csv --format json | jq ".departments[0]"',
        'ic score q1.csv --skip-invalid --rejects q1-rejects.csv',
      ]),
    )
    .action(async (files: string[], options: ScoreOptions) => {
      process.exitCode = await runScore(files, options);
    });
}
