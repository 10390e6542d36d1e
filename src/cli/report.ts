/**
 * The one way through of the commands that compute on data (score, diff, trend): config → every period's
 * data (stopping on errors) → the command's report document → rendered in the chosen format → written.
 */
import type { Command } from 'commander';
import type { Config } from '../config/types.js';
import type { ScoredPeriod } from '../pipeline/scoreFiles.js';
import { renderDocument } from '../render/document.js';
import type { ReportDocument } from '../report/document.js';
import { positiveInt, requireConfig } from './context.js';
import { EXIT } from './errors.js';
import { addConfigOption, addOutputOptions, examples, reportFormat, type CommonOptions } from './options.js';
import { scorePeriods, writeReport, type DataOptions, type PeriodInput } from './period.js';
import { detectTerminal } from './terminal.js';

export interface DataCommandOptions extends CommonOptions, DataOptions {
  excel?: boolean;
}

export async function reportOnPeriods(
  periods: readonly PeriodInput[],
  options: DataCommandOptions,
  build: (scored: readonly ScoredPeriod[], config: Config) => ReportDocument,
): Promise<number> {
  const format = reportFormat(options);
  const terminal = detectTerminal(options);
  const config = await requireConfig(options.config, periods[0]?.inputs[0], terminal);
  const scored = await scorePeriods(periods, config, options, terminal);
  const text = renderDocument(build(scored, config), format, { color: terminal.color, excel: options.excel ?? false });
  await writeReport(text, periods, config, options);
  return EXIT.ok;
}

/** The options every command computing on data shares (config, output, data problems), and its examples. */
export function addDataCommandOptions(command: Command, exampleLines: readonly string[]): Command {
  addConfigOption(command);
  addOutputOptions(command);
  return command
    .option('--skip-invalid', 'compute on the valid rows only, leaving out rows with errors (says how many and why)')
    .option('--rejects <file>', 'write every left-out row, unchanged, with its file, line and reason (CSV)')
    .option('--max-problems <n>', 'list at most N problems of each kind', positiveInt('--max-problems'), 10)
    .option('--excel', 'CSV for Excel in a Russian locale: UTF-8 BOM, ";" and decimal comma (implies --format csv)')
    .addHelpText('after', examples(exampleLines));
}
