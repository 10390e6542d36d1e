/** Any report document as CSV: its machine-readable table (`records`). */
import type { ReportDocument } from '../../report/document.js';
import { renderTableCsv } from './table.js';

export function renderDocumentCsv(doc: ReportDocument, options: { excel: boolean }): string {
  return renderTableCsv(doc.records, { excel: options.excel, anonymityMin: doc.anonymityMin });
}
