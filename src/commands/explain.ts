/** `ic explain`: the methodology in plain words with this config's numbers, to hand to the participants. */
import { Command, Option } from 'commander';
import { requireConfig } from '../cli/context.js';
import { EXIT } from '../cli/errors.js';
import { addConfigOption, addLanguageOption, addOutputOptions, examples, type CommonOptions } from '../cli/options.js';
import { note, writeResult } from '../cli/output.js';
import { detectTerminal } from '../cli/terminal.js';
import { reportLanguage } from '../report/language.js';
import { renderExplainMarkdown } from '../render/explain/markdown.js';
import { renderExplainText } from '../render/explain/text.js';

export const EXPLAIN_FORMATS = ['table', 'md'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

interface ExplainOptions extends Omit<CommonOptions, 'format'> {
  format?: ExplainFormat;
}

/** Plain text is for reading at the terminal; a file named .md gets Markdown unless --format says otherwise. */
export function explainFormat(options: { format?: ExplainFormat | undefined; out?: string | undefined }): ExplainFormat {
  if (options.format !== undefined) return options.format;
  return options.out !== undefined && /\.(md|markdown)$/i.test(options.out) ? 'md' : 'table';
}

export async function runExplain(options: ExplainOptions): Promise<number> {
  const terminal = detectTerminal(options);
  const config = await requireConfig(options.config, undefined, terminal);
  const lang = reportLanguage(config, options.lang);
  const format = explainFormat(options);
  // Wrap to the terminal when reading there; files and pipes get a width that prints well.
  const width = options.out === undefined && terminal.isTTY ? Math.min(terminal.width - 1, 100) : 80;
  const text = format === 'md' ? renderExplainMarkdown(config, lang) : renderExplainText(config, lang, { width, color: terminal.color });
  await writeResult(text, options.out, config.path === null ? [] : [config.path]);
  if (options.out !== undefined) {
    note(`Wrote ${options.out} (${format === 'md' ? 'Markdown' : 'plain text'}, ${lang === 'ru' ? 'Russian' : 'English'}).`, options.quiet);
  }
  return EXIT.ok;
}

export function explainCommand(): Command {
  const command = new Command('explain')
    .summary('the scoring method in plain words, with this config’s numbers, for the participants')
    .description(
      'Prints how every number in the reports is computed (section 3 of the method) with the settings of ic.yaml:\n' +
        'the scale, what counts as "not answered", the criteria weights as percentages, the aggregation mode, the\n' +
        'uncertainty and significance tests, the anonymity rule, the alert threshold, and who evaluates whom.\n' +
        'In Russian when the config’s title or department names are in Russian, else in English (--lang to choose).\n' +
        'Plain text for the terminal; --format md (or --out FILE.md) for Markdown to print or send.',
    );
  addConfigOption(command);
  addOutputOptions(command, EXPLAIN_FORMATS);
  addLanguageOption(command, 'the text');
  return command
    .addHelpText(
      'after',
      examples([
        'ic explain                                  # in the language of the config',
        'ic explain --lang en',
        'ic explain --out method.md                  # Markdown, to print or send to participants',
        'ic explain --config ic.yaml --format md --lang ru > методика.md',
      ]),
    )
    .action(async (options: ExplainOptions) => {
      process.exitCode = await runExplain(options);
    });
}
