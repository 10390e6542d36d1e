import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import type { Language as ExplainLanguage } from '../../src/domain/language.js';
import { escapeMarkdown, renderExplainMarkdown } from '../../src/render/explain/markdown.js';
import { renderExplainText } from '../../src/render/explain/text.js';
import { makeConfig, type ConfigSpec } from '../helpers/config.js';

const NBSP = '\u00A0';

const russianSpec: ConfigSpec = {
  departments: [
    { id: 'directorate', name: 'Генеральная дирекция', clientsOf: ['sales', 'procurement'] },
    { id: 'sales', name: 'Отдел продаж', clientsOf: ['procurement', 'it'] },
    { id: 'procurement', name: 'Отдел закупок', clientsOf: ['it'] },
    { id: 'it', name: 'ИТ-отдел', clientsOf: [] },
  ],
  criteria: [
    { id: 'speed', name: 'Скорость реакции', weight: 2 },
    { id: 'quality', name: 'Качество результата', weight: 2 },
    { id: 'competence', name: 'Компетентность' },
    { id: 'politeness', name: 'Вежливость' },
    { id: 'proactivity', name: 'Инициативность' },
  ],
  favorableMin: 4,
  anonymityMin: 3,
  alertBelow: 3.5,
};

function config(spec: ConfigSpec, title = 'Test'): Config {
  return { ...makeConfig(spec), title };
}

const russian = config(russianSpec, 'Внутренний клиент — 2026');

/** The share each criterion should show, computed here from the weights, not by the renderer. */
function expectedShares(weights: number[], lang: ExplainLanguage): string[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => {
    const text = ((100 * w) / total).toFixed(1);
    return lang === 'ru' ? `${text.replace('.', ',')}${NBSP}%` : `${text}%`;
  });
}

function render(c: Config, lang: ExplainLanguage, format: 'table' | 'md'): string {
  return format === 'md' ? renderExplainMarkdown(c, lang) : renderExplainText(c, lang);
}

/** The text as one line: phrases are found whatever the wrapping. */
function flat(text: string): string {
  return text.replace(/ *\n */g, ' ');
}

describe.each(['table', 'md'] as const)('explain, %s format', (format) => {
  it('shows every weight as its share of the score, to 1 decimal (en)', () => {
    const text = render(russian, 'en', format);
    const shares = expectedShares([2, 2, 1, 1, 1], 'en');
    expect(shares).toEqual(['28.6%', '28.6%', '14.3%', '14.3%', '14.3%']);
    for (const [i, c] of russian.criteria.entries()) {
      const row = text.split('\n').find((l) => l.includes(c.name));
      expect(row, c.name).toBeDefined();
      expect(row).toContain(`${c.weight} of 7`);
      expect(row).toContain(shares[i]);
    }
  });

  it('shows the shares with a decimal comma in Russian', () => {
    const text = render(russian, 'ru', format);
    const shares = expectedShares([2, 2, 1, 1, 1], 'ru');
    for (const [i, c] of russian.criteria.entries()) {
      const row = text.split('\n').find((l) => l.includes(c.name) && l.includes('из 7'));
      expect(row, c.name).toBeDefined();
      expect(row).toContain(shares[i]);
    }
    expect(flat(text)).toContain('4,5 или 4.5'); // decimals are accepted both ways…
    expect(flat(text).replace('4,5 или 4.5', '')).not.toMatch(/\d\.\d/); // …but the text itself uses commas
  });

  it('handles fractional weights', () => {
    const c = config({ departments: [{ id: 'a' }, { id: 'b' }], criteria: [{ id: 'x', weight: 1.5 }, { id: 'y', weight: 0.25 }, { id: 'z', weight: 0.25 }] });
    const [x, y] = expectedShares([1.5, 0.25, 0.25], 'en');
    expect(x).toBe('75.0%');
    expect(render(c, 'en', format)).toMatch(new RegExp(`1\\.5 of 2\\b.*${x!.replace('.', '\\.')}`));
    expect(render(c, 'en', format)).toMatch(new RegExp(`0\\.25 of 2\\b.*${y!.replace('.', '\\.')}`));
    expect(render(c, 'ru', format)).toMatch(new RegExp(`1,5 из 2\\b.*75,0${NBSP}%`));
  });

  it('says when all criteria weigh the same', () => {
    const c = config({ departments: [{ id: 'a' }, { id: 'b' }], criteria: [{ id: 'x' }, { id: 'y' }, { id: 'z' }] });
    const text = flat(render(c, 'en', format));
    expect(text).toContain(expectedShares([1, 1, 1], 'en')[0]);
    expect(text).toContain('All criteria weigh the same');
    expect(flat(render(russian, 'en', format))).not.toContain('All criteria weigh the same');
  });

  it('states the scale, the "not answered" values and the thresholds as in the config', () => {
    const c = config({ ...russianSpec, scale: { min: 0, max: 10 }, naValues: ['n/a', 'не знаю'], favorableMin: 7.5, anonymityMin: 5, alertBelow: 6.25 });
    const en = flat(render(c, 'en', format));
    expect(en).toContain('from 0 to 10');
    expect(en).toContain('9.5 or 9,5');
    expect(en).toMatch(/"n\/a", "не знаю"/);
    expect(en).toContain('7.5 or higher');
    expect(en).toMatch(/fewer than (\*\*)?5 different people/);
    expect(en).toMatch(/at least 5 different people/);
    expect(en).toMatch(/under (\*\*)?6\.25/);
    const ru = flat(render(c, 'ru', format));
    expect(ru).toContain('от 0 до 10');
    expect(ru).toContain('«n/a», «не знаю»');
    expect(ru).toContain('7,5 и выше');
    expect(ru).toMatch(/меньше 5/);
    expect(ru).toMatch(/ниже (\*\*)?6,25/);
  });

  it('says when there is no alert threshold, and when anonymity_min is 1', () => {
    const c = config({ ...russianSpec, alertBelow: undefined, anonymityMin: 1 });
    const en = flat(render(c, 'en', format));
    expect(en).toContain('No alert threshold');
    expect(en).toContain('every value is shown');
    expect(en).not.toContain('Secondary suppression');
    expect(flat(render(c, 'ru', format))).toContain('Порог сигнала');
  });

  it('explains the departments aggregation, with its uncertainty formula', () => {
    const c = config({ ...russianSpec, aggregation: 'departments' });
    const en = flat(render(c, 'en', format));
    expect(en).toContain('every client department counts equally, however many people it has');
    expect(en).toContain('SE = √(Σ s_r² / n_r) / R');
    expect(en).toContain('Σ(n_r − 1)·s_r² / Σ(n_r − 1)');
    expect(en).not.toContain('SE = sd / √n');
    expect(en).not.toContain('every answer counts equally');
    const ru = flat(render(c, 'ru', format));
    expect(ru).toContain('каждый отдел-клиент весит одинаково, сколько бы в нём ни было людей');
    expect(ru).toContain('SE = √(Σ s_r² / n_r) / R');
  });

  it('explains the respondents aggregation, with its uncertainty formula', () => {
    const c = config({ ...russianSpec, aggregation: 'respondents' });
    const en = flat(render(c, 'en', format));
    expect(en).toContain('the mean of all the answers about it on that criterion');
    expect(en).toContain('SE = sd / √n');
    expect(en).not.toContain('SE = √(Σ s_r² / n_r) / R');
    expect(en).not.toContain('however many people it has');
    const ru = flat(render(c, 'ru', format));
    expect(ru).toContain('среднее всех ответов о нём по этому критерию');
    expect(ru).toContain('SE = sd / √n');
  });

  it('states the score formula, the interval and the test of a change with 1.96', () => {
    const en = flat(render(russian, 'en', format));
    expect(en).toContain('S = Σ w·M / Σ w');
    expect(en).toContain('S ± 1.96·SE');
    expect(en).toContain('|z| ≥ 1.96');
    expect(en).toContain('p < 0.05');
    expect(en).toContain('z = Δ / √(SE_A² + SE_B²)');
    expect(en).toContain('not testable');
    const ru = flat(render(russian, 'ru', format));
    expect(ru).toContain('S ± 1,96·SE');
    expect(ru).toContain('|z| ≥ 1,96');
    expect(ru).toContain('p < 0,05');
  });

  it('works a weighted-mean example with the real weights', () => {
    // speed = 4, the other four criteria = 3: (2·4 + 5·3) / 7
    const expected = ((2 * 4 + 5 * 3) / 7).toFixed(2);
    expect(flat(render(russian, 'en', format))).toContain(`(2·4 + 5·3) / 7 ≈ ${expected}`);
    expect(flat(render(russian, 'ru', format))).toContain(`(2·4 + 5·3) / 7 ≈ ${expected.replace('.', ',')}`);
  });

  it('lists who evaluates whom, and who gets no score', () => {
    const en = flat(render(russian, 'en', format));
    expect(en).toMatch(/Отдел продаж \(`?sales`?\) evaluates: Отдел закупок, ИТ-отдел/);
    expect(en).toMatch(/ИТ-отдел \(`?it`?\) evaluates nobody/);
    expect(en).toContain('Nobody evaluates Генеральная дирекция');
    const ru = flat(render(russian, 'ru', format));
    expect(ru).toMatch(/Отдел продаж \(`?sales`?\) оценивает: Отдел закупок, ИТ-отдел/);
    expect(ru).toContain('«Генеральная дирекция» никто не оценивает');
  });

  it('says that every department evaluates every other when clients_of is not used', () => {
    const c = config({ departments: [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }, { id: 'c', name: 'Gamma' }], criteria: [{ id: 'x' }] });
    const en = flat(render(c, 'en', format));
    expect(en).toMatch(/Every department evaluates every other department \(`?clients_of`? is not used\): Alpha, Beta, Gamma\./);
    expect(en).not.toContain('Nobody evaluates');
    expect(flat(render(c, 'ru', format))).toContain('Каждый отдел оценивает все остальные');
  });

  it('explains rank, secondary suppression, the rater view and favorable %', () => {
    const en = flat(render(russian, 'en', format));
    expect(en).toContain('Secondary suppression');
    expect(en).toContain('given − company mean');
    expect(en).toContain(`1,${NBSP}2,${NBSP}2,${NBSP}4`);
    expect(en).toMatch(/share of the answers about a department \(all criteria together\) that are 4 or higher/);
    const ru = flat(render(russian, 'ru', format));
    expect(ru).toContain('Вторичное скрытие');
    expect(ru).toContain('выставлено − средняя по компании');
  });
});

describe('formats', () => {
  it('plain text has no Markdown, and wraps at the width asked', () => {
    for (const lang of ['en', 'ru'] as const) {
      const text = renderExplainText(russian, lang, { width: 72 });
      expect(text.replaceAll('|z|', '')).not.toMatch(/\*\*|`|^#|\|/m);
      for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(72);
    }
  });

  it('plain text never breaks a formula across lines', () => {
    for (const width of [40, 50, 60, 70, 80]) {
      const text = renderExplainText(russian, 'ru', { width });
      expect(text).toContain('|z| ≥ 1,96');
      expect(text).toContain('S ± 1,96·SE');
      expect(text).not.toMatch(/\n— /);
    }
  });

  it('Markdown has a title, numbered sections and a weights table', () => {
    const md = renderExplainMarkdown(russian, 'ru');
    expect(md.startsWith('# Внутренний клиент — 2026: как считаются оценки\n')).toBe(true);
    expect(md).toMatch(/^## 3\. Критерии и их веса$/m);
    expect(md).toContain('| Критерий | Вес | Доля в оценке |\n|---|---:|---:|');
    expect(md).toContain(`| Скорость реакции | 2 из 7 | 28,6${NBSP}% |`);
  });

  it('Markdown escapes user text so that names cannot become markup', () => {
    const c = config({ departments: [{ id: 'a', name: 'R&D *core* | <b>' }, { id: 'b', name: 'Ops' }], criteria: [{ id: 'x', name: 'Speed_|_time' }] }, 'Q1 [draft]');
    const md = renderExplainMarkdown(c, 'en');
    expect(md).toContain('# Q1 \\[draft\\]: how the scores are computed');
    expect(md).toContain('R&D \\*core\\* \\| \\<b\\>');
    expect(md).toContain('| Speed\\_\\|\\_time | 1 of 1 | 100.0% |');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });

  it('the text and the Markdown say the same thing', () => {
    const strip = (s: string): string => s.replace(/[*`#|=\-:\\]/g, '').replace(/\s+/g, ' ').trim();
    // same words in the same order, apart from markup and layout
    const words = (s: string): string[] => strip(s).split(' ').filter((w) => w !== '');
    expect(new Set(words(renderExplainMarkdown(russian, 'en')))).toEqual(new Set(words(renderExplainText(russian, 'en'))));
  });
});
