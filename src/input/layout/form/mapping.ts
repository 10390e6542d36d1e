/**
 * A form export's header → what each column is: the rater column, respondent columns, the submission time, one
 * rating column per (target, criterion), comment columns, and the rest ignored. From the config's `import:` block
 * where it says, detected where it does not (SPEC 2.4). Pure: a table in, a mapping or what went wrong out.
 */
import type { DuplicateRule } from '../../../config/import.js';
import type { Config } from '../../../config/types.js';
import { didYouMeanSuffix } from '../../../domain/didYouMean.js';
import { problem, type Problem } from '../../../domain/problem.js';
import { normalizeName } from '../../../domain/values.js';
import type { Cell, Table } from '../../source/xlsx.js';
import { everyFilled, isEmail, timestampOf } from './cells.js';
import { commentPatternOf, mostCommon, ratingPatternsOf } from './detect.js';
import { compilePattern, namesOf, type Names } from './names.js';

export const COLUMN_KINDS = ['rater', 'respondent', 'timestamp', 'rating', 'comment', 'ignored', 'unmatched'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export interface FormColumn {
  index: number;
  header: string;
  kind: ColumnKind;
  /** Department index (rating, comment). */
  target: number | undefined;
  /** Criterion index (rating). */
  criterion: number | undefined;
  /** Unmatched: why, with "did you mean". */
  note: string | undefined;
}

export interface FormMapping {
  /** 'import': the config's block said how; 'detected': recognised from the header and cells. */
  source: 'import' | 'detected';
  ratings: string;
  comments: string | undefined;
  rater: number;
  respondents: number[];
  timestamp: number | undefined;
  columns: FormColumn[];
  duplicates: DuplicateRule;
  /** Columns that may hold who answered (e-mails, names), respondent or not: never echoed anywhere. */
  personal: number[];
}

/**
 * `mapping` null: not a form ic recognises (the problem says what was seen). A mapping with errors among the
 * problems (a header naming nothing known, a column of the import block missing) is shown by `ic inspect` but not read.
 */
export type MappingResult = { mapping: FormMapping; problems: Problem[] } | { mapping: null; problems: Problem[] };

/** Share of the columns (other than time, rater and respondent) that must name a known pair for a file to be a form. */
export const MIN_RECOGNISED = 0.9;

const NAME_HEADER = /(^|[^\p{L}])(имя|фио|ф\.и\.о\.|name|full name|e-?mail|почта|электронн)/iu;

export function mapForm(table: Table, config: Config): MappingResult {
  const settings = config.import;
  const names = namesOf(config);
  const problems: Problem[] = [];
  const at = (column: string | null) => ({ file: table.file, line: table.headerLine, column });
  const fromBlock = settings !== undefined && settings.ratings !== undefined;

  const ratingsText = settings?.ratings ?? mostCommon(table.header.map((h) => ratingPatternsOf(h, names)))?.pattern;
  const columns: FormColumn[] = table.header.map((header, index) => ({ index, header, kind: 'ignored', target: undefined, criterion: undefined, note: undefined }));
  const cellsOf = (index: number) => table.rows.map((row) => row.cells[index] ?? null);
  const namesDepartment = (cell: Cell) => typeof cell === 'string' && names.department(cell) !== undefined;
  if (ratingsText === undefined) {
    const anyRater = columns.some((c) => everyFilled(cellsOf(c.index), namesDepartment));
    return refused(table, 'no column header names a department and a criterion', !anyRater);
  }
  const ratings = compilePattern(ratingsText);
  for (const column of columns) classifyRating(column, ratings, names);

  const commentsText = settings?.comments ?? detectComments(columns, names);
  if (commentsText !== undefined) {
    const comments = compilePattern(commentsText);
    for (const column of columns) {
      if (column.kind !== 'ignored') continue;
      const m = comments.match(column.header);
      if (m?.target === undefined) continue;
      column.target = names.department(m.target);
      column.kind = column.target === undefined ? 'unmatched' : 'comment';
      if (column.target === undefined) column.note = `comment column about ${JSON.stringify(m.target)}, which is not a department${didYouMeanSuffix(m.target, names.departmentLabels)}`;
    }
  }

  const free = () => columns.filter((c) => c.kind === 'ignored');
  let rater: number | undefined;
  if (settings?.raterColumn !== undefined) {
    rater = findColumn(table.header, settings.raterColumn);
    if (rater === undefined) problems.push(problem('error', 'missing-column', `import.rater_column: the file has no column ${JSON.stringify(settings.raterColumn)}${didYouMeanSuffix(settings.raterColumn, table.header)}`, at(settings.raterColumn)));
  } else {
    rater = free().find((c) => everyFilled(cellsOf(c.index), namesDepartment))?.index;
  }
  if (rater !== undefined) (columns[rater] as FormColumn).kind = 'rater';

  let respondents: number[] = [];
  if (settings?.respondentColumns !== undefined) {
    for (const name of settings.respondentColumns) {
      const index = findColumn(table.header, name);
      if (index === undefined) problems.push(problem('error', 'missing-column', `import.respondent_columns: the file has no column ${JSON.stringify(name)}${didYouMeanSuffix(name, table.header)}`, at(name)));
      else respondents.push(index);
    }
  } else if (settings === undefined) {
    // Without an import block, an e-mail column says who answered; with one, the block says (default: nobody).
    respondents = free().filter((c) => everyFilled(cellsOf(c.index), isEmail)).map((c) => c.index);
  }
  for (const index of respondents) (columns[index] as FormColumn).kind = 'respondent';
  // The time of the submission: the last column of times (Microsoft Forms: start, then completion).
  const timestamp = free().filter((c) => everyFilled(cellsOf(c.index), (cell) => !Number.isNaN(timestampOf(cell)))).at(-1)?.index;
  if (timestamp !== undefined) (columns[timestamp] as FormColumn).kind = 'timestamp';

  const personal = columns
    .filter((c) => c.kind === 'respondent' || (c.kind === 'ignored' && (NAME_HEADER.test(c.header) || everyFilled(cellsOf(c.index), isEmail))))
    .map((c) => c.index);
  const recognised = columns.filter((c) => c.kind === 'rating' || c.kind === 'comment').length;
  // Who answered (an e-mail or name column, used as respondent or not) is not a question of the survey.
  const rest = columns.filter((c) => c.kind !== 'rater' && c.kind !== 'timestamp' && !personal.includes(c.index) && c.header !== '').length;

  if (!fromBlock && (recognised === 0 || recognised < MIN_RECOGNISED * rest)) {
    return refused(table, `${recognised} of ${rest} columns name a department and a criterion (under "${ratingsText}")`, rater === undefined);
  }
  if (rater === undefined && problems.length === 0) return refused(table, 'no column whose every filled cell names a department (the rater)', true);
  if (!columns.some((c) => c.kind === 'rating')) {
    problems.push(problem('error', 'missing-column', `import.ratings: no column header fits ${JSON.stringify(ratingsText)}`, at(null)));
  }
  for (const c of columns) {
    if (c.kind === 'unmatched') problems.push(problem('error', 'unknown-column', `column ${JSON.stringify(c.header)}: ${c.note ?? 'names nothing known'}`, at(c.header)));
  }
  if (rater === undefined) return { mapping: null, problems };
  return {
    mapping: {
      source: settings === undefined ? 'detected' : 'import',
      ratings: ratingsText,
      comments: commentsText,
      rater,
      respondents,
      timestamp,
      columns,
      duplicates: settings?.duplicates ?? 'error',
      personal,
    },
    problems,
  };
}

function classifyRating(column: FormColumn, ratings: ReturnType<typeof compilePattern>, names: Names): void {
  const m = ratings.match(column.header);
  if (m === undefined) return;
  column.target = m.target === undefined ? undefined : names.department(m.target);
  column.criterion = m.criterion === undefined ? undefined : names.criterion(m.criterion);
  if (column.target !== undefined && column.criterion !== undefined) {
    column.kind = 'rating';
    return;
  }
  column.kind = 'unmatched';
  const why: string[] = [];
  if (column.target === undefined) why.push(`${JSON.stringify(m.target ?? '')} is not a department${didYouMeanSuffix(m.target ?? '', names.departmentLabels)}`);
  if (column.criterion === undefined) why.push(`${JSON.stringify(m.criterion ?? '')} is not a criterion${didYouMeanSuffix(m.criterion ?? '', names.criterionLabels)}`);
  column.note = `${why.join('; ')} (add the spelling to import.aliases if it is one)`;
}

/** A comment pattern shared by at least two headers that are not rating columns, or one that says "comment". */
function detectComments(columns: readonly FormColumn[], names: Names): string | undefined {
  const candidates = columns.filter((c) => c.kind === 'ignored').map((c) => commentPatternOf(c.header, names)).filter((p): p is string => p !== undefined);
  const best = mostCommon(candidates.map((p) => [p]));
  if (best === undefined) return undefined;
  return best.count >= 2 || /коммент|comment/iu.test(best.pattern) ? best.pattern : undefined;
}

function findColumn(header: readonly string[], name: string): number | undefined {
  const index = header.findIndex((h) => normalizeName(h) === normalizeName(name));
  return index === -1 ? undefined : index;
}

/** Not a form ic can read: say what was seen and what is missing, and point to `ic inspect`. */
function refused(table: Table, saw: string, noRater = false): MappingResult {
  const where = table.sheet === undefined ? '' : ` (sheet ${JSON.stringify(table.sheet)})`;
  const missing = noRater ? '; and no rater column: none whose every filled cell names a department' : '';
  const message =
    `this file${where} is neither a canonical responses file (no rater_department and target_department columns) ` +
    `nor a form export ic recognises: ${saw}${missing}. Run "ic inspect ${table.file}" to see what ic recognised, ` +
    'then add an import: block to ic.yaml (SPEC 2.4)';
  return { mapping: null, problems: [problem('error', 'missing-column', message, { file: table.file, line: table.headerLine })] };
}
