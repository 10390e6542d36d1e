/** The report formats every data command can write, each rendered from a report document. */
export const FORMATS = ['table', 'csv', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The report for people (SPEC 4.2), written whole by `ic score|diff|trend --out FILE` with these extensions and by
 * `ic report`: the company page, the workbook, the page printed to PDF.
 */
export const PAGE_FORMATS = ['html', 'xlsx', 'pdf'] as const;
export type PageFormat = (typeof PAGE_FORMATS)[number];

export type OutputFormat = Format | PageFormat;

export function isPageFormat(format: OutputFormat): format is PageFormat {
  return (PAGE_FORMATS as readonly string[]).includes(format);
}
