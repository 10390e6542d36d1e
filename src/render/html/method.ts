/** The closing section of the company report: how the numbers were made and how much data they rest on. */
import { escapeXml } from './charts/svg.js';
import { headerRow, table, textCell } from './cells.js';
import { hiddenValueCount, latestScores, type ReportInput } from './input.js';
import type { Words } from './phrases.js';

/** The config's numbers as [label, value] pairs: the same list feeds the page and the workbook's method sheet. */
export function methodFacts(input: ReportInput, words: Words): [string, string | number][] {
  const c = input.config;
  const facts: [string, string | number][] = [
    [words.t('scale'), `${c.scale.min}–${c.scale.max}`],
    [words.t('favorableMin'), c.favorableMin],
    [words.t('anonymityMin'), c.anonymityMin],
    [words.t('aggregation'), c.aggregation],
  ];
  if (c.alertBelow !== undefined) facts.push([words.t('alertBelow'), c.alertBelow]);
  for (const criterion of c.criteria) facts.push([`${words.t('weight')}: ${criterion.name}`, criterion.weight]);
  return facts;
}

export function methodSection(input: ReportInput, words: Words): string {
  const facts = methodFacts(input, words).map(([k, v]) => textCell(k) + `<td class="num">${escapeXml(typeof v === 'number' ? words.num(v, Number.isInteger(v) ? 0 : 2) : v)}</td>`);
  const configs = input.configFiles;
  const quality = input.labels.map((label, i) => {
    const r = input.rows[i]!;
    const config = configs === undefined ? '' : textCell(configs[i] ?? '');
    return [textCell(label), `<td class="num">${r.read}</td>`, `<td class="num">${r.used}</td>`, `<td class="num">${r.rejected}</td>`, `<td class="num">${hiddenValueCount(input.periods[i]!)}</td>`, config].join('');
  });
  const notes = input.periodNotes ?? [];
  return [
    `<h2 id="method">${escapeXml(words.t('method'))}</h2>`,
    `<p>${escapeXml(words.t('methodText', { k: latestScores(input).anonymityMin }))}</p>`,
    table(headerRow([words.t('setting'), [words.t('value'), 'num']]), facts),
    notes.length === 0 ? '' : `<h3>${escapeXml(words.t('periodsCompared'))}</h3>\n<ul class="period-notes">${notes.map((n) => `<li>${escapeXml(n)}</li>`).join('')}</ul>`,
    `<h3>${escapeXml(words.t('dataQuality'))}</h3>`,
    table(
      headerRow([words.t('period'), [words.t('rowsRead'), 'num'], [words.t('rowsUsed'), 'num'], [words.t('rowsRejected'), 'num'], [words.t('hiddenValues'), 'num'], ...(configs === undefined ? [] : [words.t('config')])]),
      quality,
    ),
    `<footer>${escapeXml(words.t('generatedBy'))}</footer>`,
  ].join('\n');
}
