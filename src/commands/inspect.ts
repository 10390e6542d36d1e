/** `ic inspect FILE`: what ic recognises in a file (SPEC 2.4, 4.1), and a ready `import:` block for ic.yaml. */
import { Command } from 'commander';
import { stringify } from 'yaml';
import { requireConfig } from '../cli/context.js';
import { EXIT, UsageError, UserError } from '../cli/errors.js';
import { addConfigOption, addOutputOptions, examples, type CommonOptions } from '../cli/options.js';
import { writeResult } from '../cli/output.js';
import { detectTerminal } from '../cli/terminal.js';
import { inspectTable, type Inspection } from '../input/layout/form/inspect.js';
import { loadTable } from '../input/layout/form/read.js';

export const INSPECT_FORMATS = ['table', 'json'] as const;
type InspectFormat = (typeof INSPECT_FORMATS)[number];

interface InspectOptions extends Omit<CommonOptions, 'format'> {
  format?: InspectFormat;
}

/** The §4.1 shape of `ic inspect --format json`. */
export interface InspectJson {
  file: string;
  sheet: string | null;
  layout: Inspection['layout'];
  rater_column: string | null;
  respondent_columns: string[];
  timestamp_column: string | null;
  columns: { header: string; target: string | null; criterion: string | null; kind: string }[];
  unmatched: { header: string; reason: string }[];
  labels: { header: string; labels: string[] }[];
  unknown_labels: string[];
  repeated_respondents: number;
  import: Inspection['import'];
  problems: string[];
}

export async function runInspect(file: string | undefined, options: InspectOptions): Promise<number> {
  if (file === undefined) throw new UsageError('ic inspect needs one file: ic inspect FILE (.csv or .xlsx)');
  const terminal = detectTerminal(options);
  const config = await requireConfig(options.config, file, terminal);
  const loaded = await loadTable(file, config.import?.sheet);
  if (loaded.table === null) throw new UserError(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  const inspection = inspectTable(loaded.table, config);
  const json: InspectJson = { ...inspection };
  const text = options.format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : renderInspection(inspection);
  await writeResult(text, options.out, config.path === null ? [file] : [file, config.path]);
  if (inspection.layout === null) {
    throw new UserError(`${file}: no layout recognised (see above); nothing in it can be scored as it stands`);
  }
  return EXIT.ok;
}

function renderInspection(x: Inspection): string {
  const out: string[] = [];
  const where = x.sheet === null ? x.file : `${x.file}, sheet ${JSON.stringify(x.sheet)}`;
  const layoutName = { wide: 'a canonical responses file (wide shape)', long: 'a canonical responses file (long shape)', form: 'a form export', none: 'nothing ic can read' };
  out.push(`${where}: ${layoutName[x.layout ?? 'none']}, ${x.lines} line(s) of data`);
  if (x.layout === null) {
    for (const p of x.problems) out.push(`  ${p}`);
    return `${out.join('\n')}\n`;
  }
  out.push(`rater column: ${x.rater_column === null ? 'none' : JSON.stringify(x.rater_column)}`);
  out.push(`respondent columns: ${x.respondent_columns.length === 0 ? 'none (each line is one person)' : `${x.respondent_columns.map((c) => JSON.stringify(c)).join(', ')}${x.layout === 'form' ? ' (hashed; never shown in any report)' : ''}`}`);
  if (x.layout === 'form') out.push(`submission time: ${x.timestamp_column === null ? 'none' : JSON.stringify(x.timestamp_column)}`);
  out.push('', 'columns:');
  const width = Math.min(60, Math.max(...x.columns.map((c) => c.header.length)));
  for (const c of x.columns) {
    const what = c.kind === 'rating' ? `rating: ${c.target ?? '—'} × ${c.criterion ?? '—'}` : c.kind === 'comment' ? `comment about ${c.target ?? '?'}` : c.kind;
    out.push(`  ${c.header.length > width ? `${c.header.slice(0, width - 1)}…` : c.header.padEnd(width)}  ${what}`);
  }
  out.push('', `unmatched columns: ${x.unmatched.length === 0 ? 'none' : ''}`);
  for (const u of x.unmatched) out.push(`  ${JSON.stringify(u.header)}: ${u.reason}`);
  if (x.labels.length > 0) {
    const distinct = new Set(x.labels.flatMap((l) => l.labels));
    out.push('', `labels seen in the rating columns: ${[...distinct].map((l) => JSON.stringify(l)).join(', ')}`);
  }
  if (x.repeated_respondents > 0) out.push('', `${x.repeated_respondents} respondent(s) submitted more than once: the block keeps the newer submission (duplicates: latest)`);
  for (const p of x.problems) out.push(`problem: ${p}`);
  if (x.import !== null) {
    out.push('', 'Paste into ic.yaml:', '', stringify({ import: x.import }, { lineWidth: 0 }).trimEnd());
    if (x.unknown_labels.length > 0) out.push('', `Give a number (or n/a) to: ${x.unknown_labels.map((l) => JSON.stringify(l)).join(', ')} (left null above)`);
  }
  return `${out.join('\n')}\n`;
}

export function inspectCommand(): Command {
  const command = new Command('inspect')
    .summary('what ic recognises in a file, and a ready import: block for form exports')
    .description(
      'Reads one file (.csv or .xlsx) and shows what ic recognised: the layout (canonical, or a form export from\n' +
        'Google Forms, Yandex Forms, Microsoft Forms or a shared spreadsheet), the rater column, what every column maps\n' +
        'to (target, criterion, comment, ignored), columns left unmatched, the labels seen in the rating columns, and an\n' +
        'import: block to paste into ic.yaml so that `ic score` reads the file. Exits 1 when no layout is recognised.',
    )
    .argument('[file]', 'the file to inspect');
  addConfigOption(command);
  addOutputOptions(command, INSPECT_FORMATS);
  return command
    .addHelpText(
      'after',
      examples(['ic inspect responses.csv                         # a form export: ic inspect "Ответы на форму (1).xlsx"', 'ic inspect responses.csv --format json', 'ic inspect responses.csv --config ic.yaml']),
    )
    .action(async (file: string | undefined, options: InspectOptions) => {
      process.exitCode = await runInspect(file, options);
    });
}
