/**
 * The report for people as files: HTML pages, the workbook, PDF printed by a local Chromium. Shared by `ic report`
 * (a folder of them) and `ic score|diff|trend --out FILE.html|.xlsx|.pdf` (the company page or the workbook alone).
 */
import type { PageFormat } from '../domain/format.js';
import { renderCompanyPage } from '../render/html/company.js';
import type { ReportInput } from '../render/html/input.js';
import { chromiumPath } from '../render/pdf/chromium.js';
import { UserError } from './errors.js';

const NO_CHROMIUM =
  'PDF is printed with a local Chromium, and none was found (looked for /usr/bin/chromium); ' +
  'install it with `apt-get install chromium` (Debian/Ubuntu), or set IC_CHROMIUM to its path, or write .html instead';

/** Before any work: a run that cannot print its PDF stops before it reads or writes anything. */
export function requireChromium(): void {
  if (chromiumPath() === null) throw new UserError(NO_CHROMIUM);
}

/** Each page printed to PDF, by the same names with .pdf. */
export async function printPdf(pages: ReadonlyMap<string, string>): Promise<Map<string, Uint8Array>> {
  const { printPdfs, ChromiumMissing } = await import('../render/pdf/print.js');
  try {
    return await printPdfs(pages);
  } catch (error) {
    if (error instanceof ChromiumMissing) throw new UserError(NO_CHROMIUM);
    throw error;
  }
}

/** The workbook of every table (the library is loaded only here: it is the heaviest module of ic). */
export async function workbookOf(input: ReportInput): Promise<Uint8Array> {
  const { renderWorkbook } = await import('../render/xlsx/workbook.js');
  return renderWorkbook(input);
}

/** One file of the report for people: the company page as HTML or PDF, or the workbook. */
export async function renderPageFile(format: PageFormat, input: ReportInput): Promise<string | Uint8Array> {
  if (format === 'xlsx') return workbookOf(input);
  const page = renderCompanyPage(input);
  if (format === 'html') return page;
  return (await printPdf(new Map([['index.html', page]]))).get('index.pdf')!;
}
