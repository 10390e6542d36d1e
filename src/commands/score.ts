/** `ic score FILES...`: the period's report (SPEC 4, methodology SPEC 3). */
import { Command, Option } from 'commander';
import { UsageError } from '../cli/errors.js';
import { addDataCommandOptions, reportOnPeriods, type DataCommandOptions } from '../cli/report.js';
import { buildScoreDocument } from '../report/score/build.js';
import { VIEWS, type View } from '../report/score/views.js';

interface ScoreOptions extends DataCommandOptions {
  by: View;
}

export async function runScore(files: string[], options: ScoreOptions): Promise<number> {
  if (files.length === 0) throw new UsageError('ic score needs the responses: ic score FILES... (CSV files or folders of them)');
  return reportOnPeriods([{ label: null, inputs: files }], options, ([period], phrases) => {
    const { load, scores, config } = period!;
    return buildScoreDocument({ scores, config, rows: load.rows, inputs: files }, options.by, phrases);
  });
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
  return addDataCommandOptions(command, [
    'ic score responses.csv',
    'ic score responses.csv --by pair',
    'ic score responses.csv --by rater --format md --out raters.md',
    'ic score responses.csv --excel --out scores.report.csv       # opens in a Russian Excel',
    'ic score responses.csv --format json | jq ".departments[0]"',
    'ic score responses.csv --skip-invalid --rejects rejects.csv',
  ]).action(async (files: string[], options: ScoreOptions) => {
    process.exitCode = await runScore(files, options);
  });
}
