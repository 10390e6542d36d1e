/**
 * `ic template`: blank questionnaires from ic.yaml, one per department that evaluates someone: a CSV to fill in
 * (scores as-is once filled) and a printable Markdown version. Load config → build texts (pure) → write.
 */
import { Command, Option } from 'commander';
import { lstatSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { requireConfig } from '../cli/context.js';
import { EXIT, UsageError, UserError, writeFailed } from '../cli/errors.js';
import { addConfigOption, addLanguageOption, examples } from '../cli/options.js';
import { note, writeResult } from '../cli/output.js';
import { detectTerminal } from '../cli/terminal.js';
import type { Config, Department } from '../config/types.js';
import type { Language } from '../domain/language.js';
import { buildTemplates, TEMPLATE_FORMATS, type TemplateFile, type TemplateFormat } from '../render/template.js';
import { writeFileAtomic } from '../cli/atomicWrite.js';
import { didYouMeanSuffix } from '../domain/didYouMean.js';
import { normalizeName } from '../domain/values.js';

export interface TemplateCommandOptions {
  config?: string;
  department?: string;
  out?: string;
  format?: TemplateFormat;
  excel?: boolean;
  force?: boolean;
  quiet?: boolean;
  color: boolean;
  lang?: Language;
}

/** The department named by `--department`, by id or display name (case and spacing ignored). */
export function findDepartment(config: Config, wanted: string): Department {
  const key = normalizeName(wanted);
  const found =
    config.departments.find((d) => d.id === wanted) ?? config.departments.find((d) => normalizeName(d.id) === key || normalizeName(d.name) === key);
  if (found !== undefined) return found;
  const candidates = config.departments.flatMap((d) => [d.id, d.name]);
  const ids = config.departments.map((d) => d.id);
  const list = ids.length <= 20 ? `; the departments are: ${ids.join(', ')}` : '';
  throw new UsageError(`--department ${JSON.stringify(wanted)} is not a department of the config${didYouMeanSuffix(wanted, candidates)}${list}`);
}

function describe(d: Department): string {
  return `"${d.name}" (${d.id})`;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** With --department, `--out sales.csv` (or `.md`) names the file itself rather than a folder. */
function outFileFormat(out: string): TemplateFormat | undefined {
  const ext = extname(out).toLowerCase().slice(1);
  return (TEMPLATE_FORMATS as readonly string[]).includes(ext) && !isDirectory(out) ? (ext as TemplateFormat) : undefined;
}

async function writeAll(targets: readonly { path: string; file: TemplateFile }[], dir: string | null, force: boolean): Promise<void> {
  const folders = targets.filter((t) => isDirectory(t.path)).map((t) => t.path);
  if (folders.length > 0) {
    throw new UserError(`a folder is in the way of a questionnaire file: ${folders.join(', ')}; nothing written. Move it away or choose another --out`);
  }
  const existing = targets.filter((t) => exists(t.path));
  if (existing.length > 0 && !force) {
    const what =
      existing.length === 1
        ? `${existing[0]!.path} already exists`
        : dir !== null
          ? `${existing.length} files already exist in ${dir}: ${existing.map((t) => t.file.name).join(', ')}`
          : `${existing.map((t) => t.path).join(', ')} already exist`;
    throw new UserError(`${what}; nothing written. Use --force to overwrite, or choose another --out`);
  }
  if (dir !== null) {
    if (exists(dir) && !isDirectory(dir)) throw new UserError(`--out ${dir} is a file; give a folder to write the questionnaires into`);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new UserError(`cannot create the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path and its permissions`);
    }
  }
  for (const { path, file } of targets) {
    try {
      await writeFileAtomic(path, file.text);
    } catch (error) {
      throw writeFailed(path, error);
    }
  }
}

function noQuestionnaire(d: Department): string {
  const why = d.clientsOf === undefined ? 'it has no clients_of, while other departments have one' : 'its clients_of is empty';
  return `no questionnaire for ${describe(d)}: it is a client of no department (${why}), so it has nothing to evaluate`;
}

export async function runTemplate(options: TemplateCommandOptions): Promise<number> {
  const terminal = detectTerminal({ color: options.color, out: options.out });
  const config = await requireConfig(options.config, undefined, terminal);
  const only = options.department === undefined ? undefined : findDepartment(config, options.department);

  if (options.out === undefined) {
    if (only === undefined) {
      throw new UsageError('say which questionnaires: --department ID prints one to stdout, --out DIR writes every department\'s into a folder');
    }
    const format = options.format ?? 'csv';
    const set = buildTemplates(config, { department: only.index, formats: [format], excel: options.excel ?? true, lang: options.lang });
    const file = set.files[0];
    if (file === undefined) throw new UserError(noQuestionnaire(only));
    await writeResult(file.text, undefined, []);
    return EXIT.ok;
  }

  const out = options.out;
  const singleFile = only === undefined ? undefined : outFileFormat(out);
  if (singleFile !== undefined && options.format !== undefined && options.format !== singleFile) {
    throw new UsageError(`--out ${out} ends in .${singleFile} but --format is ${options.format}; make them agree`);
  }
  const formats: readonly TemplateFormat[] = singleFile !== undefined ? [singleFile] : options.format !== undefined ? [options.format] : TEMPLATE_FORMATS;
  const set = buildTemplates(config, { department: only?.index, formats, excel: options.excel ?? true, lang: options.lang });

  if (only !== undefined && set.files.length === 0) throw new UserError(noQuestionnaire(only));
  if (set.files.length === 0) throw new UserError('no department is a client of another (every clients_of is empty), so there is no questionnaire to write');
  const targets = set.files.map((file) => ({ path: singleFile !== undefined ? out : join(out, file.name), file }));
  await writeAll(targets, singleFile !== undefined ? null : out, options.force ?? false);

  if (only === undefined) {
    for (const d of set.withoutQuestionnaire) note(`note: ${noQuestionnaire(d)}`, options.quiet);
    for (const d of set.notEvaluated) {
      if (set.withoutQuestionnaire.includes(d)) continue;
      note(`note: nobody is a client of ${describe(d)}, so it will get no score; it still fills in its questionnaire`, options.quiet);
    }
  }
  const departments = new Set(set.files.map((f) => f.department)).size;
  const kinds = formats.length === 2 ? 'a CSV to fill in and a Markdown to print' : formats[0] === 'csv' ? 'a CSV to fill in' : 'a Markdown to print';
  const where = singleFile !== undefined ? out : `${out} (${targets.map((t) => t.file.name).slice(0, 4).join(', ')}${targets.length > 4 ? ', ...' : ''})`;
  note(
    [
      `Wrote ${targets.length} ${targets.length === 1 ? 'file' : 'files'} to ${where}: ${kinds} for ${departments === 1 ? 'one department' : `each of ${departments} departments`}.`,
      ...(formats.includes('csv')
        ? [
            'Next: one copy of its department\'s CSV per person, respondent_id left blank (each file counts as one respondent);',
            'collect the filled copies in one folder, then:  ic validate FOLDER  and  ic score FOLDER',
          ]
        : []),
    ].join('\n'),
    options.quiet,
  );
  return EXIT.ok;
}

export function templateCommand(): Command {
  const command = new Command('template')
    .summary('write blank questionnaires (CSV to fill in, Markdown to print) from ic.yaml')
    .description(
      'Writes a questionnaire for each department that is a client of others: a CSV with one row per department it ' +
        'evaluates (rater and target filled in, criteria and comment blank) and a printable Markdown version with the ' +
        'scale, the criteria and their descriptions.\n\n' +
        'A filled copy of the CSV, one file per person with respondent_id left blank, is read by `ic validate` and ' +
        '`ic score` as it is. File names are the department ids (sales.csv, sales.md); existing files are kept unless --force.',
    )
    .option('-d, --department <id>', 'only this department (id or name); printed to stdout unless --out');
  addConfigOption(command);
  addLanguageOption(command, 'the printable questionnaire');
  return command
    .option('-o, --out <dir>', 'write into this folder (created if needed); with --department also a .csv or .md file')
    .addOption(new Option('-f, --format <format>', 'csv or md: what --department prints (default csv); with --out, write only this kind').choices(TEMPLATE_FORMATS))
    // Templates are filled in Excel: opened there without the BOM, Cyrillic comes out garbled.
    .option('--no-excel', 'plain CSV (UTF-8 without BOM, ","); by default CSV for Excel in a Russian locale: UTF-8 BOM and ";"')
    .option('--force', 'overwrite existing files')
    .option('--no-color', 'no colours (also when NO_COLOR is set or the output is not a terminal)')
    .option('-q, --quiet', 'no notes on stderr')
    .addHelpText(
      'after',
      examples([
        'ic template --out forms/                      # sales.csv + sales.md, ... for every department',
        'ic template --out forms/ --no-excel --force   # plain CSV, replacing the previous set',
        'ic template --department sales > sales.csv',
        'ic template --department sales --format md    # the printable version on stdout',
        'ic template --department sales --out sales-form.csv',
      ]),
    )
    .action(async (options: TemplateCommandOptions) => {
      process.exitCode = await runTemplate(options);
    });
}
