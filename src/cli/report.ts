/**
 * The one way through of the commands that compute on data (score, diff, trend): each period's config → its
 * data (stopping on errors) → the command's report document → rendered in the chosen format → written.
 */
import type { Command } from 'commander';
import { renderDocument } from '../render/document.js';
import type { ReportDocument } from '../report/document.js';
import { reportLanguage } from '../report/language.js';
import { phrasesFor } from '../report/phrases/index.js';
import type { ReportPhrases } from '../report/phrases/types.js';
import { positiveInt, requirePeriodConfigs } from './context.js';
import { FORMATS, isPageFormat, PAGE_FORMATS } from '../domain/format.js';
import { EXIT } from './errors.js';
import { renderPageFile, requireChromium } from './pages.js';
import { periodLabelOf } from './periodLabels.js';
import { buildReportInput } from './reportInput.js';
import { addConfigOption, addLanguageOption, addOutputOptions, examples, reportFormat, type CommonOptions } from './options.js';
import { scorePeriods, writeReport, type ConfiguredPeriod, type DataOptions, type PeriodInput } from './period.js';
import { detectTerminal, type Terminal } from './terminal.js';

export interface DataCommandOptions extends CommonOptions, DataOptions {
  excel?: boolean;
  wide?: boolean;
}

export async function reportOnPeriods(
  periods: readonly PeriodInput[],
  options: DataCommandOptions,
  build: (scored: readonly ConfiguredPeriod[], phrases: ReportPhrases) => ReportDocument,
): Promise<number> {
  const format = reportFormat(options);
  const terminal = detectTerminal(options);
  const configs = await requirePeriodConfigs(options.config, periods.map((p) => p.inputs[0]), terminal);
  // The report speaks the language of the period it reports on: the last one.
  const phrases = phrasesFor(reportLanguage(configs[configs.length - 1]!, options.lang));
  if (format === 'pdf') requireChromium();
  const scored = await scorePeriods(periods, configs, options, terminal, phrases);
  if (isPageFormat(format)) {
    // The report for people holds every view: the company page (or workbook) of the last period, with its change.
    const labels = periods.map((p, i) => p.label ?? periodLabelOf(p.inputs) ?? `P${i + 1}`);
    await writeReport(await renderPageFile(format, buildReportInput(scored, labels, phrases.language, phrases, true)), periods, configs, options);
    return EXIT.ok;
  }
  const doc = build(scored, phrases);
  const text = renderDocument(doc, format, { color: terminal.color, excel: options.excel ?? false, width: tableWidth(terminal, options) });
  await writeReport(text, periods, configs, options);
  return EXIT.ok;
}

/** On a terminal, tables fit its width unless --wide; a pipe or a file gets them whole. */
export function tableWidth(terminal: Terminal, options: { wide?: boolean | undefined; out?: string | undefined }): number | undefined {
  return terminal.isTTY && !options.wide && options.out === undefined ? terminal.width : undefined;
}

/** The options every command computing on data shares (config, output, data problems), and its examples. */
export function addDataCommandOptions(command: Command, exampleLines: readonly string[]): Command {
  addConfigOption(command);
  addOutputOptions(command, [...FORMATS, ...PAGE_FORMATS]);
  addLanguageOption(command);
  return command
    .option('--skip-invalid', 'compute on the valid rows only, leaving out rows with errors (says how many and why)')
    .option('--rejects <file>', 'write every left-out row, unchanged, with its file, line and reason (CSV)')
    .option('--max-problems <n>', 'list at most N problems of each kind', positiveInt('--max-problems'), 10)
    .option('--wide', 'on a terminal, show every column of the table, however wide (a pipe or a file always gets them all)')
    .option('--excel', 'CSV for Excel in a Russian locale: UTF-8 BOM, ";" and decimal comma (implies --format csv)')
    .addHelpText('after', examples(exampleLines));
}
