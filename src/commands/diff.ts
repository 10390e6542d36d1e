/** `ic diff A B`: what changed between two periods, and whether it is more than noise (SPEC 3.4). */
import { Command, Option } from 'commander';
import { UsageError } from '../cli/errors.js';
import { periodLabels } from '../cli/periodLabels.js';
import { addDataCommandOptions, reportOnPeriods, type DataCommandOptions } from '../cli/report.js';
import { diffCriteria, diffPairs, diffPeriods } from '../core/diff.js';
import { renamesOf } from '../core/match.js';
import { buildDiffDocument } from '../report/diff/build.js';
import { DIFF_VIEWS, type DiffView } from '../report/diff/views.js';

interface DiffOptions extends DataCommandOptions {
  by: DiffView;
  a?: string[];
  b?: string[];
  labels?: string;
}

const HOW = 'ic diff A B (each a responses CSV file or a folder of them), or ic diff --a FILES... --b FILES...';

/** Period A and B from the positionals and --a/--b: each side given exactly once. */
export function diffSides(positionals: readonly string[], options: Pick<DiffOptions, 'a' | 'b'>): { a: string[]; b: string[] } {
  const rest = [...positionals];
  const a = options.a ?? (rest.length > 0 ? [rest.shift()!] : undefined);
  const b = options.b ?? (rest.length > 0 ? [rest.shift()!] : undefined);
  if (a === undefined || b === undefined) throw new UsageError(`ic diff compares two periods: ${HOW}`);
  if (rest.length > 0) {
    throw new UsageError(
      `ic diff compares two periods, and ${rest.map((r) => `"${r}"`).join(', ')} would be a third; ` +
        'for several files per period give a folder per period, or --a FILES... --b FILES...',
    );
  }
  return { a, b };
}

export async function runDiff(positionals: string[], options: DiffOptions): Promise<number> {
  const sides = diffSides(positionals, options);
  const [labelA, labelB] = periodLabels([sides.a, sides.b], options.labels, (i) => (i === 0 ? 'A' : 'B')) as [string, string];
  const periods = [
    { label: labelA, inputs: sides.a },
    { label: labelB, inputs: sides.b },
  ];
  return reportOnPeriods(periods, options, ([pa, pb], phrases) => {
    const a = pa!.scores;
    const b = pb!.scores;
    // Period B's renamed_from says which of its departments were called otherwise in A.
    const renames = renamesOf(pb!.config);
    const diff = diffPeriods(a, b, renames);
    const view = options.by;
    return buildDiffDocument(
      {
        config: pb!.config,
        sources: [
          { label: labelA, config: pa!.config, configFile: pa!.configFile },
          { label: labelB, config: pb!.config, configFile: pb!.configFile },
        ],
        scores: { a, b },
        diff,
        labels: { a: labelA, b: labelB },
        inputs: { a: sides.a, b: sides.b },
        rows: { a: pa!.load.rows, b: pb!.load.rows },
        ...(view === 'criterion' ? { criteria: diffCriteria(a, b, diff.departments) } : {}),
        ...(view === 'pair' ? { pairs: diffPairs(a, b, renames) } : {}),
      },
      view,
      phrases,
    );
  });
}

export function diffCommand(): Command {
  const command = new Command('diff')
    .summary('what changed between two periods, and whether it is more than noise')
    .description(
      'Compares two periods department by department: both scores, the change Δ, its z and p ' +
        '(z = Δ / √(SE_A² + SE_B²); significant when |z| ≥ 1.96, i.e. p < 0.05), the rank in each period and the change of favorable %. ' +
        'Arrows and colours mark significant moves only; the biggest significant drops come first. ' +
        'Departments evaluated in one period only are listed as new or gone; values hidden for anonymity in either period are never compared.\n\n' +
        'Each period is a file or a folder; for several files per period use --a and --b. ' +
        'Period names come from the file or folder names (--labels to override). ' +
        'Each period is read with its own config: the ic.yaml in (or beside) its folder or first file, else the current folder\'s; --config applies to both. ' +
        'The report names each config, says how the method changed (criteria, weights, scale), and matches departments renamed or merged since (renamed_from). ' +
        'Refuses to compute when either period has data errors, unless --skip-invalid.',
    )
    .argument('[periods...]', 'period A, then period B: each a responses CSV file or a folder of them')
    .option('--a <files...>', 'the files (or folders) of period A, when there are several')
    .option('--b <files...>', 'the files (or folders) of period B, when there are several')
    .option('--labels <a,b>', 'names of the two periods, separated by a comma (default: the file or folder names)')
    .addOption(
      new Option('--by <view>', 'department: the change of each score, with its test; criterion: Δ of each criterion mean; pair: Δ of each client → department pair')
        .choices(DIFF_VIEWS)
        .default('department'),
    );
  return addDataCommandOptions(command, [
    'ic diff previous.csv responses.csv',
    'ic diff previous.csv responses.csv --by criterion',
    'ic diff previous.csv responses.csv --by pair --format md --out pairs.md',
    'ic diff previous.csv responses.csv --labels "Q1 2026,Q2 2026"',
    'ic diff --a previous.csv --b responses.csv                  # several files or folders per period',
    'ic diff previous.csv responses.csv --format json | jq ".departments[] | select(.significant)"',
    'ic diff previous.csv responses.csv --excel --out change.report.csv',
  ]).action(async (periods: string[], options: DiffOptions) => {
    process.exitCode = await runDiff(periods, options);
  });
}
