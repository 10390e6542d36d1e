/** Every page of `ic report`: index.html and one card per department with a shown score, as file name → HTML. */
import { renderCardPage } from './card.js';
import { renderCompanyPage } from './company.js';
import { cardFile, scoredDepartments, type ReportInput } from './input.js';

export function renderHtmlPages(input: ReportInput): Map<string, string> {
  const pages = new Map<string, string>([['index.html', renderCompanyPage(input)]]);
  for (const d of scoredDepartments(input)) pages.set(cardFile(d.id), renderCardPage(input, d));
  return pages;
}
