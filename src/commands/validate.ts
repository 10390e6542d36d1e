/** `ic validate [FILES...]`: check the config and the responses, list every problem, summarise. */
import { Command } from 'commander';
import { relative } from 'node:path';
import { loadConfig } from '../config/load.js';
import { positiveInt } from '../cli/context.js';
import { EXIT } from '../cli/errors.js';
import { addConfigOption, addLanguageOption, addOutputOptions, documentFormat, examples, type CommonOptions } from '../cli/options.js';
import { note, writeResult } from '../cli/output.js';
import { detectTerminal } from '../cli/terminal.js';
import { loadPeriod } from '../pipeline/loadPeriod.js';
import { renderDocument } from '../render/document.js';
import { reportLanguage } from '../report/language.js';
import { phrasesFor } from '../report/phrases/index.js';
import { buildValidationDocument, type ValidationReport } from '../report/validate.js';

interface ValidateOptions extends CommonOptions {
  strict?: boolean;
  maxProblems: number;
  excel?: boolean;
}

export async function runValidate(files: string[], options: ValidateOptions): Promise<number> {
  const terminal = detectTerminal(options);
  const loaded = await loadConfig({ config: options.config, firstInput: files[0], cwd: process.cwd() });
  const strict = options.strict ?? false;
  let report: ValidationReport;
  if (loaded.config === null || loaded.problems.some((p) => p.severity === 'error')) {
    report = { ok: false, strict, load: null, problems: loaded.problems };
  } else if (files.length === 0) {
    const ok = !(strict && loaded.problems.length > 0);
    report = { ok, strict, load: null, problems: loaded.problems };
  } else {
    const { load } = await loadPeriod(files, loaded.config);
    const problems = [...loaded.problems, ...load.problems];
    const ok = !problems.some((p) => p.severity === 'error' || (strict && p.severity === 'warning'));
    report = { ok, strict, load, problems };
  }

  const format = documentFormat('validate', options);
  const text = renderDocument(buildValidationDocument(report, options.maxProblems, phrasesFor(loaded.config === null ? (options.lang ?? 'en') : reportLanguage(loaded.config, options.lang)), options.quiet ?? false), format, { color: terminal.color, excel: options.excel ?? false });
  await writeResult(text, options.out, [...files, ...(loaded.path ? [loaded.path] : [])]);
  if (files.length === 0 && loaded.config !== null && report.ok) {
    const c = loaded.config;
    note(`${relative(process.cwd(), loaded.path ?? '') || 'ic.yaml'}: ${c.departments.length} departments, ${c.criteria.length} criteria. To check responses too: ic validate FILES...`, options.quiet);
  }
  return report.ok ? EXIT.ok : EXIT.problems;
}

export function validateCommand(): Command {
  const command = new Command('validate')
    .summary('check the config and responses files, list every problem')
    .description(
      'Checks ic.yaml and the responses files and lists every problem with file, line and column, grouped by kind,\n' +
        'then a summary: rows read, valid, with errors, with warnings, and the expected client → department pairs\n' +
        'that got no answer. Without FILES only the config is checked. Exit 0 when usable, 1 when not.',
    )
    .argument('[files...]', 'responses CSV files or folders of them');
  addConfigOption(command);
  addOutputOptions(command);
  addLanguageOption(command);
  return command
    .option('--strict', 'warnings count as errors (exit 1)')
    .option('--max-problems <n>', 'list at most N problems of each kind', positiveInt('--max-problems'), 10)
    .option('--excel', 'problems as CSV for Excel in a Russian locale: UTF-8 BOM, ";" (implies --format csv)')
    .addHelpText(
      'after',
      examples([
        'ic validate                                  # the config only',
        'ic validate responses.csv',
        'ic validate previous.csv --strict                   # warnings count as errors',
        'ic validate responses.csv --format json > problems.json',
      ]),
    )
    .action(async (files: string[], options: ValidateOptions) => {
      process.exitCode = await runValidate(files, options);
    });
}
