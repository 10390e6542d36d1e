/**
 * The fast lane of the CSV source: most lines of a questionnaire file have no quote at all, and such a line's
 * fields are exactly the text between its delimiters (blanks kept, as the state machine keeps them). Splitting
 * it here, without the state machine, is most of the speed of reading a large file.
 */

const ASCII: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/**
 * The fields of the quote-free line s[start..end). `width`: the previous record's number of fields (records of
 * a file have the same width, so the array is sized once). One-character fields (answers) come from a table
 * instead of a new string each; comparing characters beats an indexOf call per field, fields being short.
 */
export function splitPlainLine(s: string, start: number, end: number, delimiter: number, width: number): string[] {
  const fields = new Array<string>(width);
  let k = 0;
  let from = start;
  for (let j = start; j < end; j++) {
    if (s.charCodeAt(j) === delimiter) {
      fields[k++] = text(s, from, j);
      from = j + 1;
    }
  }
  fields[k++] = text(s, from, end);
  if (k !== fields.length) fields.length = k;
  return fields;
}

function text(s: string, from: number, to: number): string {
  if (to - from !== 1) return s.slice(from, to);
  const c = s.charCodeAt(from);
  return c < 128 ? (ASCII[c] as string) : s.slice(from, to);
}
