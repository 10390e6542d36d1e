/** Which files ic reads, by name: the one list of accepted input extensions, and why others are skipped. */

/** Extensions of the files a folder contributes (case ignored). */
export const INPUT_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;

/**
 * Files ic knows and does not read (yet), with what to do instead. `.xlsx` is here until the workbook
 * source reads it: then it moves to INPUT_EXTENSIONS, and this is the one place that changes.
 */
const NOT_READ: ReadonlyMap<string, string> = new Map([
  ['.xlsx', 'Excel workbooks (.xlsx) are not read yet; save the sheet as "CSV UTF-8" next to it'],
  ['.xls', 'old Excel workbooks (.xls) are not read; save the sheet as "CSV UTF-8"'],
  ['.ods', 'OpenDocument spreadsheets (.ods) are not read; save the sheet as "CSV UTF-8"'],
]);

/** Why a folder's entry named `name` is not read; undefined when it is read. */
export function skipReason(name: string, kind: 'file' | 'folder' | 'other'): string | undefined {
  if (name.startsWith('.')) return 'a hidden file; hidden files are not read';
  if (kind === 'folder') return 'a subfolder; subfolders are not searched (name it as an input to read it)';
  const ext = extensionOf(name);
  const known = NOT_READ.get(ext);
  if (known !== undefined) return known;
  if (!isInputName(name)) return `not a table ic reads (it reads ${INPUT_EXTENSIONS.join(', ')} files)`;
  if (kind === 'other') return 'not a regular file';
  return undefined;
}

/** Why a file named as an input is refused before reading, by its name; undefined when it is read. */
export function refuseReason(name: string): string | undefined {
  return NOT_READ.get(extensionOf(name));
}

export function isInputName(name: string): boolean {
  const lower = name.toLowerCase();
  return INPUT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}
