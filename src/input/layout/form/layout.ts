/**
 * The form-export layout (SPEC 2.4) in the table reader's seam: it claims every header that is not canonical, holds
 * the records (a form export has one line per submission; `duplicates: latest` and the detection of the rater
 * column by its values need them all), and maps them at the end — by the config's `import:` block, else as
 * recognised — or refuses the file with what was seen and a pointer to `ic inspect`.
 */
import type { Config } from '../../../config/types.js';
import type { Table, TableRow } from '../../source/xlsx.js';
import type { Cell as SourceCell } from '../../source/types.js';
import type { Layout, RowOut } from '../types.js';
import { readForm } from './read.js';
import { isCanonicalHeader } from './read.js';

export const formLayout: Layout = {
  claim({ file, line, names, config }) {
    if (isCanonicalHeader(names)) return undefined;
    return {
      shape: 'wide',
      problems: [],
      usable: true,
      rows(out: RowOut) {
        const rows: TableRow[] = [];
        return {
          record(record) {
            rows.push({ line: record.line, cells: record.cells.map(tableCell) });
          },
          finish() {
            readForm({ file, sheet: undefined, header: names, headerLine: line, rows }, config as Config, out);
          },
        };
      },
    };
  },
};

/** A source's cell as the form layout reads it: blank is null, a number stays a number. */
function tableCell(cell: SourceCell): Table['rows'][number]['cells'][number] {
  return typeof cell === 'number' ? cell : cell.trim() === '' ? null : cell;
}
