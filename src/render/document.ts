/** One entry for every format: a report document in, the text to write out. */
import type { ChalkInstance } from 'chalk';
import type { Format } from '../domain/format.js';
import type { ReportDocument } from '../report/document.js';
import { renderDocumentCsv } from './csv/document.js';
import { renderJson } from './json/document.js';
import { renderMarkdown } from './md/document.js';
import { renderText } from './text/document.js';

export interface RenderOptions {
  color: ChalkInstance;
  /** CSV for Excel in a Russian locale: UTF-8 BOM, ";" and decimal comma. */
  excel: boolean;
}

export function renderDocument(doc: ReportDocument, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'table':
      return renderText(doc, options);
    case 'md':
      return renderMarkdown(doc);
    case 'csv':
      return renderDocumentCsv(doc, options);
    case 'json':
      return renderJson(doc);
  }
}
