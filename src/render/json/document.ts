/** Any report document as JSON: its declared contract (SPEC 4.1), unrounded. */
import type { ReportDocument } from '../../report/document.js';

export function renderJson(doc: ReportDocument): string {
  return `${JSON.stringify(doc.machine, null, 2)}\n`;
}
