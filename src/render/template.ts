/**
 * Blank questionnaires (`ic template`), from the config alone: a CSV in the canonical wide shape that scores
 * as-is once filled in, and a printable Markdown version. Pure: returns texts and file names, never writes.
 */
import type { Config, Criterion, Department } from '../config/types.js';
import type { Language } from '../domain/language.js';
import { formatConfigNumber as formatNumber, pluralForm, reportLanguage } from '../report/language.js';
import { neutralise, renderCsv, type Cell } from './csv/csv.js';
import { templateFileStems } from './templateNames.js';

export const TEMPLATE_FORMATS = ['csv', 'md'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export interface TemplateFile {
  /** Index of the department that fills this questionnaire in. */
  department: number;
  format: TemplateFormat;
  /** File name only (no folder): safe on every file system, the same whether one or all are written. */
  name: string;
  text: string;
}

export interface TemplateSet {
  files: TemplateFile[];
  /** Departments that evaluate nobody: they have nothing to fill in, so they get no questionnaire. */
  withoutQuestionnaire: Department[];
  /** Departments that nobody evaluates: they fill in their questionnaire but will get no score. */
  notEvaluated: Department[];
}

export interface TemplateOptions {
  formats: readonly TemplateFormat[];
  /** Only this department (index); all when undefined. */
  department?: number | undefined;
  /** Language of the printable questionnaire (--lang); else chosen as every report's. */
  lang?: Language | undefined;
  /** CSV for Excel in a Russian locale: UTF-8 BOM, `;`, CRLF. */
  excel?: boolean;
}

/** Every questionnaire the config asks for, with file names; departments with nothing to evaluate are listed instead. */
export function buildTemplates(config: Config, options: TemplateOptions): TemplateSet {
  const stems = templateFileStems(config);
  const files: TemplateFile[] = [];
  const withoutQuestionnaire: Department[] = [];
  for (const d of config.departments) {
    if (options.department !== undefined && d.index !== options.department) continue;
    if ((config.evaluates[d.index] ?? []).length === 0) {
      withoutQuestionnaire.push(d);
      continue;
    }
    const stem = stems[d.index] ?? d.id;
    for (const format of TEMPLATE_FORMATS) {
      if (!options.formats.includes(format)) continue;
      const text =
        format === 'csv'
          ? renderTemplateCsv(config, d.index, { excel: options.excel ?? false })
          : renderTemplateMarkdown(config, d.index, { csvFileName: options.formats.includes('csv') ? `${stem}.csv` : undefined, lang: options.lang });
      files.push({ department: d.index, format, name: `${stem}.${format}`, text });
    }
  }
  return { files, withoutQuestionnaire, notEvaluated: departmentsNotEvaluated(config) };
}

/** Departments that are in nobody's `evaluates` list. */
export function departmentsNotEvaluated(config: Config): Department[] {
  const evaluated = new Set<number>();
  for (const targets of config.evaluates) for (const t of targets) evaluated.add(t);
  return config.departments.filter((d) => !evaluated.has(d.index));
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/**
 * Cells that a spreadsheet would turn into something else when the file is opened and saved again:
 * a formula (`-x`), a number (`007`, `1e5`) or a date (`1-2`, `mar-3`, `3-mar`). Such a cell would no longer
 * match the config when the filled copy comes back.
 */
function spreadsheetMangles(text: string): boolean {
  return (
    neutralise(text) !== text ||
    /^[0-9][0-9e._-]*$/u.test(text) ||
    /^[a-z]{3,9}[-_/][0-9]{1,4}$/iu.test(text) ||
    /^[0-9]{1,4}[-_/][a-z]{3,9}$/iu.test(text)
  );
}

/**
 * What goes into a cell the reader must match to a department or criterion (by id or by display name).
 * Normally the id; when a spreadsheet would change the id, the display name (also matched), or, when both
 * are at risk, the id after a space: the reader ignores surrounding spaces, and a spreadsheet keeps the cell as text.
 */
function matchableCell(item: { id: string; name: string }, prefer: 'id' | 'name' = 'id'): string {
  if (prefer === 'name' && !spreadsheetMangles(item.name)) return item.name;
  if (!spreadsheetMangles(item.id)) return item.id;
  if (!spreadsheetMangles(item.name)) return item.name;
  return ` ${item.id}`;
}

/**
 * The template's columns: the canonical wide shape, with display names beside the department ids for people,
 * and the criteria under the names people agreed on (the reader matches a criterion column by id or name).
 */
export function templateHeader(config: Config): string[] {
  return [
    'respondent_id',
    'rater_department',
    'rater_name',
    'target_department',
    'target_name',
    ...config.criteria.map((c) => matchableCell(c, 'name')),
    'comment',
  ];
}

/**
 * One row per department that `rater` is a client of, in `clients_of` order: rater and target filled in,
 * `respondent_id`, the criteria and `comment` blank (a filled copy with a blank respondent_id is one person).
 */
export function renderTemplateCsv(config: Config, rater: number, options: { excel?: boolean } = {}): string {
  const r = department(config, rater);
  const blanks: Cell[] = config.criteria.map(() => '');
  const rows = (config.evaluates[rater] ?? []).map((t): Cell[] => {
    const target = department(config, t);
    return ['', matchableCell(r), r.name, matchableCell(target), target.name, ...blanks, ''];
  });
  return renderCsv(templateHeader(config), rows, { excel: options.excel ?? false });
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

/** Plain text for a Markdown line: one line, Markdown's special characters escaped. */
function md(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~#&]/gu, '\\$&');
}

/** Ids are `[a-z0-9_-]`: a code span shows them as they are, with nothing to escape. */
function code(id: string): string {
  return `\`${id}\``;
}

const FIVE_POINTS: Record<Language, readonly string[]> = {
  ru: ['очень плохо', 'плохо', 'удовлетворительно', 'хорошо', 'отлично'],
  en: ['very poor', 'poor', 'fair', 'good', 'excellent'],
};

const TEXT = {
  ru: {
    questionnaire: 'Анкета',
    intro: (rater: string, n: number) =>
      `Анкету заполняет сотрудник подразделения **${rater}**. Оцените подразделения, клиентом которых является ваше подразделение — ` +
      `те, к кому вы обращаетесь с запросами, чтобы сделать свою работу (${n} ${pluralForm(n, 'ru', ['подразделение', 'подразделения', 'подразделений'])}). ` +
      'Заполнение занимает 10–15 минут.',
    csv: (file: string) =>
      `Электронная версия — файл ${code(file)}: впишите оценки в колонки критериев, колонку ${code('respondent_id')} оставьте пустой. ` +
      'Один заполненный файл — один человек.',
    scale: 'Шкала',
    scaleIntro: (min: string, max: string) => `По каждому критерию поставьте оценку от ${min} до ${max}:`,
    scaleEnds: (min: string, max: string) => `Поставьте по каждому критерию оценку от ${min} (очень плохо) до ${max} (отлично); чем выше, тем лучше.`,
    points: '| Оценка | Что она значит |',
    na: (values: string) =>
      `Если критерий к подразделению не относится или вы не можете его оценить, оставьте клетку пустой${values === '' ? '' : ` или напишите ${values}`}.`,
    or: 'или',
    criteria: 'Критерии',
    weight: (w: string) => `вес ${w}`,
    weightNote: 'Итоговая оценка подразделения — среднее по критериям с учётом их веса.',
    anonymity: 'Анонимность',
    promise: (k: number) =>
      'Имя в анкете не указывается. Результаты показываются только в сводном виде: ' +
      `значение, рассчитанное по ответам менее чем ${k} ${pluralForm(k, 'ru', ['человека', 'человек', 'человек'])}, никогда не показывается.`,
    noPromise: 'Имя в анкете не указывается. Результаты показываются в сводном виде по подразделениям.',
    criterion: 'Критерий',
    score: (range: string, na: string) => `Оценка (${range}${na === '' ? '' : ` или ${na}`})`,
    comment: 'Комментарий (по желанию)',
    thanks: 'Спасибо!',
  },
  en: {
    questionnaire: 'Questionnaire',
    intro: (rater: string, n: number) =>
      `To be filled in by a member of **${rater}**. Rate the departments your department is a client of — ` +
      `the ones you send requests to in order to do your own work (${n} ${pluralForm(n, 'en', ['department', 'departments'])}). ` +
      'It takes 10–15 minutes.',
    csv: (file: string) =>
      `Electronic version: ${code(file)} — write the scores into the criteria columns and leave ${code('respondent_id')} blank. ` +
      'One filled file is one person.',
    scale: 'Scale',
    scaleIntro: (min: string, max: string) => `Give each criterion a score from ${min} to ${max}:`,
    scaleEnds: (min: string, max: string) => `Give each criterion a score from ${min} (very poor) to ${max} (excellent); higher is better.`,
    points: '| Score | Meaning |',
    na: (values: string) =>
      `If a criterion does not apply to a department, or you cannot judge it, leave the cell blank${values === '' ? '' : ` or write ${values}`}.`,
    or: 'or',
    criteria: 'Criteria',
    weight: (w: string) => `weight ${w}`,
    weightNote: "A department's overall score is the mean over the criteria, weighted as shown.",
    anonymity: 'Anonymity',
    promise: (k: number) =>
      'Do not write your name. Results are only shown combined: ' +
      `a value computed from the answers of fewer than ${k} ${pluralForm(k, 'en', ['person', 'people'])} is never shown.`,
    noPromise: 'Do not write your name. Results are shown combined, per department.',
    criterion: 'Criterion',
    score: (range: string, na: string) => `Score (${range}${na === '' ? '' : ` or ${na}`})`,
    comment: 'Comment (optional)',
    thanks: 'Thank you!',
  },
} as const;

/** `a`, `a or b`, `a, b or c`. */
function listWithOr(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

function departmentLabel(d: Department): string {
  return `${md(d.name)} (${code(d.id)})`;
}

function isFivePointScale(config: Config): boolean {
  const { min, max } = config.scale;
  return Number.isInteger(min) && max - min === 4;
}

function criterionLine(c: Criterion, position: number, showWeights: boolean, lang: Language): string {
  const weight = showWeights ? ` (${TEXT[lang].weight(formatNumber(c.weight, lang))})` : '';
  const description = c.description === undefined || c.description.trim() === '' ? '' : ` — ${md(c.description)}`;
  return `${position}. **${md(c.name)}**${weight}${description}`;
}

/**
 * The printable questionnaire of department `rater`: title, who fills it in, the scale and what its points mean,
 * the criteria with their descriptions, the anonymity promise, and a table to fill in per evaluated department.
 * `csvFileName`: the CSV version written beside it, named in the instructions.
 */
export function renderTemplateMarkdown(config: Config, rater: number, options: { csvFileName?: string | undefined; lang?: Language | undefined } = {}): string {
  const lang = reportLanguage(config, options.lang);
  const t = TEXT[lang];
  const r = department(config, rater);
  const targets = (config.evaluates[rater] ?? []).map((i) => department(config, i));
  const min = formatNumber(config.scale.min, lang);
  const max = formatNumber(config.scale.max, lang);
  const na = listWithOr(
    config.naValues.filter((v) => v.trim() !== '').map((v) => `«${md(v)}»`),
    t.or,
  );
  const firstNa = config.naValues.find((v) => v.trim() !== '');
  const showWeights = config.criteria.some((c) => c.weight !== config.criteria[0]?.weight);

  const lines: string[] = [];
  const title = config.title.trim() === '' ? 'Internal Client' : config.title;
  lines.push(`# ${md(title)}`, '', `## ${t.questionnaire}: ${departmentLabel(r)}`, '', t.intro(md(r.name), targets.length), '');
  if (options.csvFileName !== undefined) lines.push(t.csv(options.csvFileName), '');

  lines.push(`### ${t.scale}`, '');
  if (isFivePointScale(config)) {
    lines.push(t.scaleIntro(min, max), '', t.points, '| :-: | --- |');
    FIVE_POINTS[lang].forEach((meaning, k) => lines.push(`| ${formatNumber(config.scale.min + k, lang)} | ${meaning} |`));
  } else {
    lines.push(t.scaleEnds(min, max));
  }
  lines.push('', t.na(na), '');

  lines.push(`### ${t.criteria}`, '');
  config.criteria.forEach((c, k) => lines.push(criterionLine(c, k + 1, showWeights, lang)));
  if (showWeights) lines.push('', t.weightNote);
  lines.push('');

  lines.push(`### ${t.anonymity}`, '', config.anonymityMin > 1 ? t.promise(config.anonymityMin) : t.noPromise, '');

  const scoreHeader = t.score(`${min}–${max}`, firstNa === undefined ? '' : md(firstNa));
  targets.forEach((target, k) => {
    lines.push(`### ${k + 1}. ${departmentLabel(target)}`, '', `| ${t.criterion} | ${scoreHeader} |`, '| --- | :-: |');
    for (const c of config.criteria) lines.push(`| ${md(c.name)} | |`);
    lines.push('', `${t.comment}: ${'.'.repeat(60)}`, '');
  });
  lines.push(t.thanks, '');
  return lines.join('\n');
}

function department(config: Config, index: number): Department {
  const d = config.departments[index];
  if (d === undefined) throw new Error(`no department at index ${index}`);
  return d;
}
