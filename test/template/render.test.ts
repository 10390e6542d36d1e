import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  buildTemplates,
  renderTemplateCsv,
  renderTemplateMarkdown,
  templateHeader,
} from '../../src/render/template.js';
import { reportLanguage } from '../../src/report/language.js';
import { makeConfig } from '../helpers/config.js';
import { configFromYaml, fixtureConfig } from './helpers.js';

function rowsOf(csv: string, delimiter = ','): string[][] {
  return parse(csv.replace(/^\uFEFF/u, ''), { delimiter, relax_column_count: false }) as string[][];
}

describe('CSV template', () => {
  const config = fixtureConfig();

  it('has the canonical wide header: ids in the department columns, names beside them, criterion names', () => {
    expect(templateHeader(config)).toEqual([
      'respondent_id',
      'rater_department',
      'rater_name',
      'target_department',
      'target_name',
      'Скорость реакции',
      'Качество результата',
      'Вежливость',
      'comment',
    ]);
  });

  it('has one row per department the rater is a client of, in clients_of order, everything else blank', () => {
    for (const d of config.departments) {
      if (d.clientsOf === undefined || d.clientsOf.length === 0) continue;
      const [header, ...rows] = rowsOf(renderTemplateCsv(config, d.index));
      expect(header).toEqual(templateHeader(config));
      expect(rows.map((r) => r[3])).toEqual(d.clientsOf);
      for (const row of rows) {
        const target = config.departments.find((t) => t.id === row[3])!;
        expect(row).toEqual(['', d.id, d.name, target.id, target.name, '', '', '', '']);
      }
    }
  });

  it('follows clients_of exactly for the fixture (hand-written)', () => {
    const targets = (id: string): string[] => {
      const d = config.departments.find((x) => x.id === id)!;
      return rowsOf(renderTemplateCsv(config, d.index))
        .slice(1)
        .map((r) => r[3]!);
    };
    expect(targets('sales')).toEqual(['procurement', 'delivery']);
    expect(targets('procurement')).toEqual(['it']);
    expect(targets('delivery')).toEqual(['procurement', 'it', 'sales']);
    expect(targets('board')).toEqual(['sales', 'it']);
  });

  it('lets every department evaluate every other when no department has clients_of', () => {
    const all = makeConfig({
      departments: [{ id: 'a', name: 'Альфа' }, { id: 'b' }, { id: 'c' }],
      criteria: [{ id: 'speed' }],
    });
    expect(rowsOf(renderTemplateCsv(all, 1)).slice(1)).toEqual([
      ['', 'b', 'B', 'a', 'Альфа', '', ''],
      ['', 'b', 'B', 'c', 'C', '', ''],
    ]);
  });

  it('--excel: UTF-8 BOM, ";" and CRLF, Cyrillic intact', () => {
    const text = renderTemplateCsv(config, 0, { excel: true });
    expect(text.startsWith('\uFEFFrespondent_id;rater_department;rater_name;')).toBe(true);
    expect(text).toContain(';sales;Отдел продаж;procurement;Отдел закупок;;;;\r\n');
    expect(rowsOf(text, ';')).toHaveLength(3);
  });

  it('keeps cells that a spreadsheet would change matchable: the display name instead of the id', () => {
    const awkward = configFromYaml(`
version: 1
departments:
  - { id: "-sales", name: "Отдел продаж", clients_of: ["007", "mar-3"] }
  - { id: "007", name: "Агент", clients_of: ["-sales"] }
  - { id: "mar-3", name: "=Март", clients_of: ["-sales"] }
criteria:
  - { id: "-speed", name: "Скорость" }
  - { id: "1e5", name: "-quality" }
`);
    expect(templateHeader(awkward).slice(5, 7)).toEqual(['Скорость', ' 1e5']);
    const rows = rowsOf(renderTemplateCsv(awkward, 0));
    expect(rows[1]!.slice(1, 5)).toEqual(['Отдел продаж', 'Отдел продаж', 'Агент', 'Агент']);
    // The name starts with "=": it is shown neutralised, and the department cell keeps the id behind a space.
    expect(rows[2]!.slice(1, 5)).toEqual(['Отдел продаж', 'Отдел продаж', ' mar-3', "'=Март"]);
  });
});

describe('buildTemplates', () => {
  const config = fixtureConfig();

  it('writes a CSV and a Markdown per department that evaluates someone, named after the id', () => {
    const set = buildTemplates(config, { formats: ['csv', 'md'] });
    expect(set.files.map((f) => f.name)).toEqual(['sales.csv', 'sales.md', 'procurement.csv', 'procurement.md', 'delivery.csv', 'delivery.md', 'board.csv', 'board.md']);
    expect(set.withoutQuestionnaire.map((d) => d.id)).toEqual(['it']);
    expect(set.notEvaluated.map((d) => d.id)).toEqual(['board']);
  });

  it('restricts to one department and one format', () => {
    const set = buildTemplates(config, { formats: ['md'], department: 2 });
    expect(set.files.map((f) => [f.name, f.department, f.format])).toEqual([['delivery.md', 2, 'md']]);
    expect(buildTemplates(config, { formats: ['csv'], department: 3 }).files).toEqual([]);
    expect(buildTemplates(config, { formats: ['csv'], department: 3 }).withoutQuestionnaire.map((d) => d.id)).toEqual(['it']);
  });

  it('names the CSV in the Markdown only when it is written beside it', () => {
    const both = buildTemplates(config, { formats: ['csv', 'md'], department: 0 });
    expect(both.files[1]!.text).toContain('`sales.csv`');
    const mdOnly = buildTemplates(config, { formats: ['md'], department: 0 });
    expect(mdOnly.files[0]!.text).not.toContain('sales.csv');
  });
});

describe('Markdown questionnaire', () => {
  const config = fixtureConfig();

  it('is Russian for a Russian config, with title, scale meanings, criteria, anonymity and a table per target', () => {
    const text = renderTemplateMarkdown(config, 2);
    expect(reportLanguage(config)).toBe('ru');
    expect(text.startsWith('# Внутренний клиент — 2026\n\n## Анкета: Служба доставки (`delivery`)\n')).toBe(true);
    expect(text).toContain('| 1 | очень плохо |');
    expect(text).toContain('| 5 | отлично |');
    expect(text).toContain('напишите «N/A», «н/о» или «-»');
    expect(text).toContain('1. **Скорость реакции** (вес 2) — Как быстро заявку берут в работу и дают ответ');
    // Markdown's special characters in config texts are escaped, so a "|" does not break the layout.
    expect(text).toContain('без доработок \\| без \\*повторных\\* обращений');
    expect(text).toContain('3. **Вежливость** (вес 1)\n');
    expect(text).toContain('менее чем 3 человек, никогда не показывается');
    const tables = [...text.matchAll(/^### \d+\. (.+)$/gmu)].map((m) => m[1]);
    expect(tables).toEqual(['Отдел закупок (`procurement`)', 'ИТ-отдел (`it`)', 'Отдел продаж (`sales`)']);
    expect(text).toContain('| Критерий | Оценка (1–5 или N/A) |\n| --- | :-: |\n| Скорость реакции | |\n| Качество результата | |\n| Вежливость | |\n');
    expect(text.match(/Комментарий \(по желанию\)/gu)).toHaveLength(3);
  });

  it('is English for a config without Cyrillic; other scales are described by their ends; no weights when all equal', () => {
    const en = makeConfig({
      departments: [
        { id: 'sales', name: 'Sales', clientsOf: ['it'] },
        { id: 'it', name: 'IT | Support', clientsOf: [] },
      ],
      criteria: [{ id: 'speed', name: 'Speed' }, { id: 'quality', name: 'Quality' }],
      scale: { min: 0, max: 10 },
      anonymityMin: 5,
      naValues: ['N/A'],
    });
    const text = renderTemplateMarkdown(en, 0);
    expect(reportLanguage(en)).toBe('en');
    expect(text).toContain('## Questionnaire: Sales (`sales`)');
    expect(text).toContain('Give each criterion a score from 0 (very poor) to 10 (excellent); higher is better.');
    expect(text).toContain('leave the cell blank or write «N/A».');
    expect(text).toContain('1. **Speed**\n2. **Quality**\n');
    expect(text).not.toContain('weight');
    expect(text).toContain('fewer than 5 people is never shown');
    expect(text).toContain('### 1. IT \\| Support (`it`)');
    expect(text).toContain('| Criterion | Score (0–10 or N/A) |');
  });

  it('labels the five points of a 0–4 scale from its minimum, and makes no promise when anonymity_min is 1', () => {
    const c = makeConfig({ departments: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], criteria: [{ id: 'x' }], scale: { min: 0, max: 4 }, anonymityMin: 1 });
    const text = renderTemplateMarkdown(c, 0);
    expect(text).toContain('| 0 | very poor |');
    expect(text).toContain('| 4 | excellent |');
    expect(text).not.toContain('never shown');
  });
});
