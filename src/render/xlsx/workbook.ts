/**
 * report.xlsx through write-excel-file (loaded lazily: only `ic report` needs it). Numbers are stored as
 * numbers with a number format, text as typed text (so `=HYPERLINK(…)` in a name or a comment stays text,
 * never a formula), the header row frozen, columns sized. write-excel-file has no colour scales, so score
 * columns get rule-based conditional fills instead: under the alert line red, from favorable_min green,
 * between them yellow.
 */
import type { Cell, SheetData } from 'write-excel-file/node';
import { latestScores, wordsOf, type ReportInput } from '../html/input.js';
import { NUMBER_FORMATS, type SheetSpec } from './sheet.js';
import { workbookSheets } from './sheets.js';

const FILLS = { low: '#F4C7C3', middle: '#FCE8B2', high: '#B7E1CD' } as const;

type Rule = { cellRange: { from: { row: number; column: number }; to: { row: number; column: number } }; condition: { operator: string; value: number; value2?: number }; style: { backgroundColor: string } };

function colourRules(spec: SheetSpec, low: number, high: number): Rule[] {
  const rules: Rule[] = [];
  if (spec.rows.length === 0) return rules;
  for (const key of spec.colourKeys ?? []) {
    const col = spec.columns.findIndex((c) => c.key === key) + 1;
    if (col === 0) continue;
    const cellRange = { from: { row: 2, column: col }, to: { row: spec.rows.length + 1, column: col } };
    rules.push(
      { cellRange, condition: { operator: '<', value: low }, style: { backgroundColor: FILLS.low } },
      { cellRange, condition: { operator: '>=', value: high }, style: { backgroundColor: FILLS.high } },
      { cellRange, condition: { operator: '...', value: low, value2: high }, style: { backgroundColor: FILLS.middle } },
    );
  }
  return rules;
}

function cells(spec: SheetSpec): SheetData {
  const header: Cell[] = spec.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold', backgroundColor: '#E8ECF1', wrap: true }));
  const body = spec.rows.map((row) =>
    row.map((value, i): Cell => {
      if (value === null) return null;
      if (typeof value === 'number') {
        const format = NUMBER_FORMATS[spec.columns[i]?.kind ?? 'text'];
        return format === undefined ? { value, type: Number } : { value, type: Number, format };
      }
      return { value, type: String };
    }),
  );
  return [header, ...body];
}

export async function renderWorkbook(input: ReportInput): Promise<Uint8Array> {
  const scores = latestScores(input);
  const words = wordsOf(input);
  const low = scores.alertBelow ?? (input.config.scale.min + input.config.scale.max) / 2;
  const high = Math.max(low, scores.favorableMin);
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const sheets = workbookSheets(input, words).map((spec) => {
    const rules = colourRules(spec, low, high);
    return {
      data: cells(spec),
      sheet: spec.name,
      columns: spec.columns.map((c) => ({ width: c.width })),
      stickyRowsCount: 1,
      // write-excel-file writes a broken file for `conditionalFormatting: []`: pass the key only with rules.
      ...(rules.length > 0 ? { conditionalFormatting: rules } : {}),
    };
  });
  return new Uint8Array(await writeXlsxFile(sheets as Parameters<typeof writeXlsxFile>[0] & object[]).toBuffer());
}
