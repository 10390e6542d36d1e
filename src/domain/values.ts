/** How cells are compared and read: the same rules for departments, criteria and answers everywhere. */

/** Case, surrounding and repeated whitespace ignored: "  Отдел  Продаж " matches "отдел продаж". */
export function normalizeName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/**
 * A score cell as a number: decimal point or decimal comma ("4,5" as Excel writes it in a Russian locale),
 * surrounding spaces ignored. NaN when the cell is not a plain number ("5 баллов", "4.5.1", "1e3").
 */
export function parseScore(cell: string): number {
  const text = cell.trim();
  if (!NUMBER.test(text)) return Number.NaN;
  return Number(text.replace(',', '.'));
}
