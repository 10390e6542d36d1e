/** `ic report P1 [P2 ...] --out DIR`: the deliverables of the last period — HTML report, a card per department, workbook, PDF (SPEC 4, 4.2). */
import { phrasesFor } from '../report/phrases/index.js';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { positiveInt, requirePeriodConfigs } from '../cli/context.js';
import { EXIT, UsageError, UserError } from '../cli/errors.js';
import { addConfigOption, examples } from '../cli/options.js';
import { checkNotAnInput, note, writeResult } from '../cli/output.js';
import { scorePeriods, type DataOptions } from '../cli/period.js';
import { periodLabels } from '../cli/periodLabels.js';
import { detectTerminal } from '../cli/terminal.js';
import { LANGUAGES, type Language } from '../domain/language.js';
import { reportLanguage } from '../report/language.js';
import { buildReportInput } from '../cli/reportInput.js';
import { renderHtmlPages } from '../render/html/report.js';
import { printPdf, requireChromium, workbookOf } from '../cli/pages.js';

interface ReportOptions extends DataOptions {
  out?: string;
  config?: string;
  pdf?: boolean;
  lang?: Language;
  labels?: string;
  color: boolean;
}

export const WORKBOOK_FILE = 'report.xlsx';

export async function runReport(inputs: string[], options: ReportOptions): Promise<number> {
  if (inputs.length === 0) throw new UsageError('ic report needs the periods, oldest first: ic report P1 [P2 ...] --out DIR (each a responses CSV file or a folder of them)');
  const dir = options.out;
  if (dir === undefined) throw new UsageError('ic report writes several files: give the folder for them with --out DIR');
  const periodInputs = inputs.map((i) => [i]);
  const labels = periodLabels(periodInputs, options.labels, (i) => `P${i + 1}`);
  const terminal = detectTerminal({ color: options.color, out: dir });
  const configs = await requirePeriodConfigs(options.config, inputs, terminal);
  const config = configs[configs.length - 1]!;
  const protectedPaths = [...inputs, ...configs.flatMap((c) => (c.path === null ? [] : [c.path])), ...(options.rejects === undefined ? [] : [options.rejects])];
  checkNotAnInput(dir, protectedPaths);
  // Before any work: a run that cannot print its PDFs stops before it writes anything.
  if (options.pdf) requireChromium();
  await ensureFolder(dir);

  const periods = periodInputs.map((p, i) => ({ label: inputs.length === 1 ? null : labels[i]!, inputs: p }));
  const lang = reportLanguage(config, options.lang);
  const phrases = phrasesFor(lang);
  const scored = await scorePeriods(periods, configs, { ...options, out: undefined }, terminal, phrases);
  const input = buildReportInput(scored, labels, lang, phrases);

  const pages = renderHtmlPages(input);
  const files = new Map<string, string | Uint8Array>(pages);
  files.set(WORKBOOK_FILE, await workbookOf(input));
  if (options.pdf) for (const [name, pdf] of await printPdf(pages)) files.set(name, pdf);

  for (const [name, content] of files) await writeResult(content, join(dir, name), protectedPaths);
  note(`Wrote ${files.size} files to ${dir}: index.html, ${pages.size - 1} department cards, ${WORKBOOK_FILE}${options.pdf ? `, ${pages.size} PDF` : ''} (${input.lang === 'ru' ? 'Russian' : 'English'}).`, options.quiet);
  return EXIT.ok;
}

async function ensureFolder(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new UserError(`--out ${dir} is a file; ic report writes a folder of files: give a folder name`);
    return;
  } catch (error) {
    if (error instanceof UserError) throw error;
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that its parent exists and is writable`);
  }
}

export function reportCommand(): Command {
  const command = new Command('report')
    .summary('the deliverables of a period: HTML report, a card per department, workbook, PDF')
    .description(
      'Writes into the folder --out DIR the report of the last period given, compared with the one before it and,\n' +
        'from three periods on, with the trend: index.html (the company report), <department id>.html (one card per\n' +
        'scored department, for its head), report.xlsx (every table, one sheet each); --pdf also prints each page to PDF\n' +
        'with a local Chromium. Every page is one self-contained file: no script, no external request.\n' +
        'Values from fewer than anonymity_min respondents are never shown, in any of the files.\n' +
        'Each period is read with its own config (the ic.yaml in or beside it, else the current folder\'s; --config applies to all);\n' +
        'the method section names each one, the changes of method, and the departments matched through renamed_from.',
    )
    .argument('[periods...]', 'one or more periods, oldest first: each a responses CSV file or a folder of them')
    .option('-o, --out <dir>', 'the folder to write the report into (created when missing)')
    .option('--pdf', 'also print every page to PDF (needs Chromium: apt-get install chromium)')
    .addOption(new Option('--lang <lang>', 'language of the report (default: language: in the config, else ru when the department names are Russian)').choices(LANGUAGES))
    .option('--labels <names>', 'names of the periods, separated by commas (default: the file or folder names)')
    .option('--no-color', 'no colours in messages')
    .option('-q, --quiet', 'no notes or warnings on stderr')
    .option('--skip-invalid', 'compute on the valid rows only, leaving out rows with errors (says how many and why)')
    .option('--rejects <file>', 'write every left-out row, unchanged, with its file, line and reason (CSV)')
    .option('--max-problems <n>', 'list at most N problems of each kind', positiveInt('--max-problems'), 10);
  addConfigOption(command);
  return command
    .addHelpText(
      'after',
      examples([
        'ic report previous.csv responses.csv --out report/       # oldest first; the last is reported',
        'ic report previous.csv responses.csv --out report/ --pdf',
        'ic report responses.csv --out report-en/ --lang en',
      ]),
    )
    .action(async (periods: string[], options: ReportOptions) => {
      process.exitCode = await runReport(periods, options);
    });
}
