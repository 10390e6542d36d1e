/** File names as messages show them: bytes that are not UTF-8 are escaped (`\xff`), never garbled. */

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The name's text, or undefined when its bytes are not valid UTF-8. */
export function utf8Name(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Valid UTF-8 runs as text, every other byte as `\xNN`. */
export function escapedName(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += `\\x${(bytes[i] as number).toString(16).padStart(2, '0')}`;
      i++;
    } else {
      out += decoder.decode(bytes.subarray(i, i + length));
      i += length;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence at `i`, or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  return utf8Name(bytes.subarray(i, i + length)) === undefined ? 0 : length;
}
