/**
 * What a message may repeat of the user's data. A cell is echoed so the user can find it, and a few dozen
 * characters do that; a 10 MB cell echoed whole would flood the terminal and be kept in every problem.
 */

/** Code points of an echoed cell kept before "…". */
export const ECHO_MAX = 60;
/** Beyond this, a message keeps its start and its end (which says what to do) around "…". */
export const MESSAGE_MAX = 1000;

/** `cell` as a message shows it: JSON-quoted, cut to ECHO_MAX code points with "…". */
export function echo(cell: string): string {
  return JSON.stringify(cut(cell, ECHO_MAX));
}

/** `text` cut to `max` code points, with "…" when something was left out. */
export function cut(text: string, max: number): string {
  // Code units bound code points from above: most texts need no counting at all.
  if (text.length <= max) return text;
  let end = 0;
  for (let kept = 0; kept < max && end < text.length; kept++) {
    const code = text.charCodeAt(end);
    end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}

/**
 * Every quoted run of a message ("…" with JSON escapes) cut to ECHO_MAX code points, and the message to
 * MESSAGE_MAX characters: messages are made with the cells inside them, and this is the one place every
 * message passes (`problem`). A message with nothing long in it is returned as it is.
 */
export function cutEchoes(message: string): string {
  if (message.length <= ECHO_MAX + 2) return message;
  let out = '';
  let from = 0;
  for (;;) {
    const open = message.indexOf('"', from);
    if (open === -1) break;
    const close = closingQuote(message, open + 1);
    if (close === -1) break;
    const inside = message.slice(open + 1, close);
    out += message.slice(from, open + 1) + (inside.length > ECHO_MAX ? cut(inside, ECHO_MAX) : inside) + '"';
    from = close + 1;
  }
  out += message.slice(from);
  if (out.length <= MESSAGE_MAX) return out;
  const half = (MESSAGE_MAX >> 1) - 2;
  return `${out.slice(0, half)} … ${out.slice(out.length - half)}`;
}

/** The index of the quote that ends a run starting at `from`, skipping backslash escapes; -1 when none. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}
