/**
 * What ic recognises in one file (SPEC 2.4, `ic inspect`): the layout, what each column maps to, the labels seen,
 * and an `import:` block that makes `ic score` read the file. Plain data: the command renders it.
 */
import type { Config } from '../../../config/types.js';
import { normalizeName } from '../../../domain/values.js';
import type { Table } from '../../source/xlsx.js';
import { answerReader, labelsSeen } from './answers.js';
import type { ColumnKind, FormMapping } from './mapping.js';
import { mapForm } from './mapping.js';
import { isCanonicalHeader } from './read.js';
import { respondentKey } from './rows.js';

export interface InspectedColumn {
  header: string;
  kind: ColumnKind | 'target' | 'criterion' | 'score';
  target: string | null;
  criterion: string | null;
}

export interface ImportBlock {
  sheet?: string;
  rater_column: string;
  respondent_columns?: string[];
  ratings: string;
  comments?: string;
  values?: Record<string, number | 'n/a' | null>;
  duplicates: 'error' | 'latest';
}

export interface Inspection {
  file: string;
  sheet: string | null;
  /** 'wide' / 'long': canonical; 'form': a form export; null: nothing recognised. */
  layout: 'wide' | 'long' | 'form' | null;
  lines: number;
  rater_column: string | null;
  respondent_columns: string[];
  timestamp_column: string | null;
  columns: InspectedColumn[];
  unmatched: { header: string; reason: string }[];
  labels: { header: string; labels: string[] }[];
  /** Labels no number could be guessed for: the proposed block leaves them null for the user to fill in. */
  unknown_labels: string[];
  /** Respondents who submitted more than once. */
  repeated_respondents: number;
  import: ImportBlock | null;
  /** Why nothing was recognised (layout null), or what stops the file from being read as it stands. */
  problems: string[];
}

/** Common answer labels of 1–5 forms (Russian and English), and the ones meaning "did not deal with them". */
const KNOWN_LABELS: ReadonlyMap<string, number | 'n/a'> = new Map<string, number | 'n/a'>([
  ['отлично', 5], ['очень хорошо', 5], ['хорошо', 4], ['удовлетворительно', 3], ['нормально', 3], ['средне', 3],
  ['плохо', 2], ['неудовлетворительно', 2], ['очень плохо', 1], ['ужасно', 1],
  ['excellent', 5], ['very good', 4], ['good', 4], ['fair', 3], ['average', 3], ['poor', 2], ['bad', 2], ['very poor', 1], ['very bad', 1],
  ['не взаимодействовали', 'n/a'], ['не взаимодействовал', 'n/a'], ['не взаимодействовала', 'n/a'], ['нет опыта', 'n/a'],
  ['затрудняюсь ответить', 'n/a'], ['не знаю', 'n/a'], ['не применимо', 'n/a'], ['not applicable', 'n/a'], ["don't know", 'n/a'], ['n/a', 'n/a'],
]);

export function inspectTable(table: Table, config: Config): Inspection {
  const base: Inspection = {
    file: table.file,
    sheet: table.sheet ?? null,
    layout: null,
    lines: table.rows.length,
    rater_column: null,
    respondent_columns: [],
    timestamp_column: null,
    columns: [],
    unmatched: [],
    labels: [],
    unknown_labels: [],
    repeated_respondents: 0,
    import: null,
    problems: [],
  };
  if (isCanonicalHeader(table.header)) return { ...base, ...canonicalColumns(table, config) };
  const result = mapForm(table, config);
  // The reader's pointer to `ic inspect` is where the user already is.
  if (result.mapping === null) return { ...base, problems: result.problems.map((p) => p.message.replace(/\. Run "ic inspect .*$/su, '')) };
  const mapping = result.mapping;
  const header = (i: number | undefined) => (i === undefined ? null : (table.header[i] ?? null));
  const ratings = mapping.columns.filter((c) => c.kind === 'rating');
  const labels = ratings.map((c) => ({ header: c.header, labels: labelsSeen(table.rows.map((r) => r.cells[c.index] ?? null), { numbers: true }) }));
  const { values, unknown } = proposeValues(table, mapping, config);
  const repeated = repeatedRespondents(table, mapping);
  const block: ImportBlock = {
    ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
    rater_column: header(mapping.rater) ?? '',
    ...(mapping.respondents.length === 0 ? {} : { respondent_columns: mapping.respondents.map((i) => table.header[i] ?? '') }),
    ratings: mapping.ratings,
    ...(mapping.comments === undefined ? {} : { comments: mapping.comments }),
    ...(Object.keys(values).length === 0 ? {} : { values }),
    // A person who submitted twice most likely corrected themselves: keep the newer submission, say so.
    duplicates: repeated > 0 ? 'latest' : (config.import?.duplicates ?? 'error'),
  };
  return {
    ...base,
    layout: 'form',
    rater_column: header(mapping.rater),
    respondent_columns: mapping.respondents.map((i) => table.header[i] ?? ''),
    timestamp_column: header(mapping.timestamp),
    columns: mapping.columns.map((c) => ({
      header: c.header,
      kind: c.kind,
      target: c.target === undefined ? null : (config.departments[c.target]?.id ?? null),
      criterion: c.criterion === undefined ? null : (config.criteria[c.criterion]?.id ?? null),
    })),
    unmatched: mapping.columns.filter((c) => c.kind === 'unmatched').map((c) => ({ header: c.header, reason: c.note ?? '' })),
    labels,
    unknown_labels: unknown,
    repeated_respondents: repeated,
    import: block,
    problems: result.problems.map((p) => p.message),
  };
}

function canonicalColumns(table: Table, config: Config): Partial<Inspection> {
  const keys = table.header.map(normalizeName);
  const layout = keys.includes('criterion') && keys.includes('score') ? 'long' : 'wide';
  const criterion = (key: string) => config.criteria.find((c) => normalizeName(c.id) === key || normalizeName(c.name) === key)?.id ?? null;
  const KIND: Record<string, InspectedColumn['kind']> = {
    respondent_id: 'respondent',
    rater_department: 'rater',
    target_department: 'target',
    comment: 'comment',
    criterion: 'criterion',
    score: 'score',
  };
  return {
    layout,
    rater_column: table.header[keys.indexOf('rater_department')] ?? null,
    respondent_columns: keys.includes('respondent_id') ? ['respondent_id'] : [],
    columns: table.header.map((header, i) => {
      const key = keys[i] ?? '';
      const c = layout === 'wide' ? criterion(key) : null;
      return { header, kind: KIND[key] ?? (c === null ? 'ignored' : 'rating'), target: null, criterion: c };
    }),
  };
}

/** Labels of the rating columns that ic does not read as they stand, with a number guessed where a common one fits. */
function proposeValues(table: Table, mapping: FormMapping, config: Config): { values: Record<string, number | 'n/a' | null>; unknown: string[] } {
  const reader = answerReader(config);
  const values: Record<string, number | 'n/a' | null> = {};
  const unknown: string[] = [];
  for (const [label, value] of config.import?.values ?? []) values[label] = value === null ? 'n/a' : value;
  const fivePoint = config.scale.min === 1 && config.scale.max === 5;
  for (const c of mapping.columns) {
    if (c.kind !== 'rating') continue;
    for (const label of labelsSeen(table.rows.map((r) => r.cells[c.index] ?? null))) {
      if (!('unknown' in reader.read(label)) || label in values) continue;
      const guess = KNOWN_LABELS.get(normalizeName(label));
      values[label] = guess === undefined || (guess !== 'n/a' && !fivePoint) ? null : guess;
      if (values[label] === null) unknown.push(label);
    }
  }
  return { values, unknown };
}

function repeatedRespondents(table: Table, mapping: FormMapping): number {
  if (mapping.respondents.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const key = respondentKey(row, mapping, table.file);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n > 1).length;
}
