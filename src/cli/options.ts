/** Options shared by the commands: one definition, used by help text and by validation. */
import { Option, type Command } from 'commander';
import { extname } from 'node:path';
import { FORMATS, isPageFormat, type Format, type OutputFormat } from '../domain/format.js';
import { LANGUAGES, type Language } from '../domain/language.js';
import { UsageError } from './errors.js';


export interface CommonOptions {
  config?: string;
  lang?: Language;
  format?: OutputFormat;
  out?: string;
  color: boolean;
  quiet?: boolean;
}

export function addConfigOption(command: Command): Command {
  return command.option('-c, --config <file>', 'the ic.yaml to use (default: ic.yaml or ic.yml beside the first input, else in the current folder)');
}

export function addOutputOptions(command: Command, formats: readonly OutputFormat[] = FORMATS): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats))
    .option('-o, --out <file>', 'write the report to a file (atomically; never over an input)')
    .option('--no-color', 'no colours (also when NO_COLOR is set or the output is not a terminal)')
    .option('-q, --quiet', 'print only the result: no notes or warnings on stderr');
}

/** --lang: the language of every word of the report. */
export function addLanguageOption(command: Command, what = 'the report'): Command {
  return command.addOption(
    new Option('--lang <lang>', `language of ${what} (default: language: of the config, else ru when its title or department names are in Russian, else en)`).choices(LANGUAGES),
  );
}

/** Help text that ends every command's --help: real invocations. */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join("\n")}`;
}

/**
 * The format an --out file's extension means. One list: the outputs that come next (.html, .xlsx, .pdf)
 * are added here, and every command that writes a report follows it.
 */
export const OUT_EXTENSIONS: readonly (readonly [extension: string, format: OutputFormat])[] = [
  ['.txt', 'table'],
  ['.csv', 'csv'],
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.json', 'json'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xlsx', 'xlsx'],
  ['.pdf', 'pdf'],
];

/** The format --out FILE asks for by its extension; undefined for another extension (or none). */
export function formatOfOut(out: string | undefined): OutputFormat | undefined {
  if (out === undefined) return undefined;
  const ext = extname(out).toLowerCase();
  return OUT_EXTENSIONS.find(([e]) => e === ext)?.[1];
}

/**
 * The report format: --format, else what the --out file's extension says, else CSV when --excel asks for
 * it, else a table. A --format that disagrees with the extension, or --excel with anything but CSV, is a
 * usage error rather than silently ignored.
 */
export function reportFormat(options: { format?: OutputFormat | undefined; excel?: boolean | undefined; out?: string | undefined }): OutputFormat {
  const byExtension = formatOfOut(options.out);
  if (options.format !== undefined && byExtension !== undefined && options.format !== byExtension) {
    throw new UsageError(`--format ${options.format} does not go with --out ${options.out}, a ${extname(options.out!)} file (${byExtension}); change one of them`);
  }
  const format = options.format ?? byExtension ?? (options.excel ? 'csv' : 'table');
  if (options.excel && format !== 'csv') throw new UsageError(`--excel makes CSV for Excel; it does not go with --format ${format}`);
  // A workbook or a PDF on a terminal is noise: they are files.
  if ((format === 'xlsx' || format === 'pdf') && options.out === undefined) {
    throw new UsageError(`--format ${format} writes a file: give it with --out FILE.${format} (or --format html for a page on standard output)`);
  }
  return format;
}

/** reportFormat for a command whose output is only a report document (validate): a page format is a usage error. */
export function documentFormat(command: string, options: { format?: OutputFormat | undefined; excel?: boolean | undefined; out?: string | undefined }): Format {
  const format = reportFormat(options);
  if (isPageFormat(format)) {
    throw new UsageError(`ic ${command} writes a table, CSV, Markdown or JSON, not ${format}; the report for people (.html, .xlsx, .pdf) comes from ic score, diff, trend and report`);
  }
  return format;
}
