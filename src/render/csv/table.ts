/** A table as CSV: numbers unrounded, hidden values said in words, the column keys as header. */
import { hiddenCsvText, type TableModel } from '../../report/table.js';
import { renderCsv, type Cell } from './csv.js';

export function renderTableCsv(model: TableModel, options: { excel?: boolean; anonymityMin: number }): string {
  const rows = model.rows.map((row) =>
    row.map((cell): Cell => {
      switch (cell.kind) {
        case 'text':
          return cell.text;
        case 'number':
          return cell.value;
        case 'hidden':
          return hiddenCsvText(cell.reason, options.anonymityMin);
        case 'spark':
        case 'empty':
          return '';
      }
    }),
  );
  return renderCsv(
    model.columns.map((c) => c.key),
    rows,
    options,
  );
}
