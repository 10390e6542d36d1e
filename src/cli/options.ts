/** Options shared by the commands: one definition, used by help text and by validation. */
import { Option, type Command } from 'commander';
import { FORMATS, type Format } from '../domain/format.js';
import { LANGUAGES, type Language } from '../domain/language.js';
import { UsageError } from './errors.js';


export interface CommonOptions {
  config?: string;
  lang?: Language;
  format?: Format;
  out?: string;
  color: boolean;
  quiet?: boolean;
}

export function addConfigOption(command: Command): Command {
  return command.option('-c, --config <file>', 'the ic.yaml to use (default: ic.yaml or ic.yml beside the first input, else in the current folder)');
}

export function addOutputOptions(command: Command, formats: readonly Format[] = FORMATS): Command {
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
 * The report format: --format, else CSV when --excel asks for it, else a table. --excel only shapes CSV,
 * so asking for it with another format is a usage error rather than silently ignored.
 */
export function reportFormat(options: { format?: Format | undefined; excel?: boolean | undefined }): Format {
  const format = options.format ?? (options.excel ? 'csv' : 'table');
  if (options.excel && format !== 'csv') throw new UsageError(`--excel makes CSV for Excel; it does not go with --format ${format}`);
  return format;
}
