/** The terminal rendering of a document's prose: sentences fit the terminal at word boundaries, pipes keep them whole. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/render/text/document.js';
import { displayWidth, wrapWords } from '../../../src/render/text/width.js';
import type { ReportDocument } from '../../../src/report/document.js';

const plain = new Chalk({ level: 0 });
const doc: ReportDocument = {
  title: 'Внутренний клиент',
  covers: { kind: 'files', text: 'q1.csv' },
  meta: ['использовано 30 строк из 30 · усреднение по подразделениям (каждое подразделение-клиент весит одинаково)'],
  sections: [
    { kind: 'attention', heading: 'Требует внимания', items: ['Отдел закупок (procurement): 3,04, ниже 3,5; слабее всего: Инициативность 2,58, Скорость реакции 2,67'] },
    { kind: 'notes', notes: ['Нет оценки: Генеральная дирекция (directorate) — ни одно подразделение не является его клиентом'] },
  ],
  language: 'ru',
  hiddenMarkers: { fewer_than_k: 'n<3', secondary: 'скрыто', no_responses: '—' },
  leftOutNote: 'не показаны:',
  anonymityMin: 3,
  records: { columns: [], rows: [] },
  machine: {},
};

describe('wrapWords', () => {
  it('breaks at spaces by display width, and keeps a word longer than the line whole', () => {
    expect(wrapWords('Скорость реакции на запрос', 11)).toEqual(['Скорость', 'реакции на', 'запрос']);
    expect(wrapWords('Административно-хозяйственный отдел', 10)).toEqual(['Административно-хозяйственный', 'отдел']);
    expect(wrapWords('短い 文章です', 6)).toEqual(['短い', '文章です']); // CJK: 2 columns a character
  });
});

describe('renderText prose', () => {
  it('on an 80-column terminal every line fits, attention items hang under their first line, no word is split', () => {
    const out = renderText(doc, { color: plain, width: 80 }).split('\n');
    for (const line of out) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(out).toEqual([
      'Внутренний клиент — q1.csv',
      'использовано 30 строк из 30 · усреднение по подразделениям (каждое',
      'подразделение-клиент весит одинаково)',
      '',
      '',
      'Требует внимания',
      '  Отдел закупок (procurement): 3,04, ниже 3,5; слабее всего: Инициативность',
      '    2,58, Скорость реакции 2,67',
      '',
      'Нет оценки: Генеральная дирекция (directorate) — ни одно подразделение не',
      'является его клиентом',
      '',
    ]);
  });

  it('piped (no width) keeps every sentence on one line', () => {
    const out = renderText(doc, { color: plain }).split('\n');
    expect(out).toContain(`  ${(doc.sections[0] as { items: string[] }).items[0]}`);
    expect(out).toContain(doc.meta[0]);
  });
});
