/**
 * Text → entry number, for cells that repeat: respondent ids (one entry per respondent, which grows with the
 * data) and department cells as written. A cell is looked up by its characters where they are — a slice of a
 * line, s[from..to) — without making a string of it; entries keep their characters in typed arrays rather than
 * as strings. No allocation per row, nothing for the garbage collector to trace, and about 12 bytes plus one
 * per character for an entry (a Map of strings takes several times that).
 *
 * Entries are numbered 0, 1, 2, ... in the order they are added; each can keep a number (`value`).
 */
export class TextTable {
  /** Characters of every entry, one after the other: one byte each until a character needs two. */
  private chars: Uint8Array | Uint16Array;
  /** Entry e is chars[starts[e] .. starts[e + 1]). */
  private starts: Uint32Array;
  /** Open addressing, linear probing: entry + 1, 0 for an empty slot. At most half full. */
  private slots: Int32Array;
  /** Values of the entries, when some are given (see add). */
  private values: Int32Array | undefined;
  private count = 0;
  /** The entry found or added last: cells repeat on consecutive rows, compared before anything is hashed. */
  private last = -1;

  /**
   * `expected`: entries to make room for at once. Growing is cheap, but code that the engine optimised for the
   * arrays it saw is thrown away when they are replaced, so a table that will be large starts large.
   */
  constructor(expected = 1 << 8) {
    this.starts = new Uint32Array(expected + 1);
    this.chars = new Uint8Array(expected * 8);
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(2 * expected + 2)));
  }

  get size(): number {
    return this.count;
  }

  /** The entry found or added last, or -1. */
  get lastEntry(): number {
    return this.last;
  }

  /** Whether `entry` (possibly -1) is the text s[from..to). */
  is(entry: number, s: string, from: number, to: number): boolean {
    return entry !== -1 && this.equals(entry, s, from, to);
  }

  /** The entry whose text is s[from..to), or -1. */
  find(s: string, from: number, to: number): number {
    const last = this.last;
    if (last !== -1 && this.equals(last, s, from, to)) return last;
    const mask = this.slots.length - 1;
    // The step to the next slot comes first, from the slot before the hash's: it runs on every lookup, so that the
    // engine has seen it when it optimises (a collision after that would otherwise throw the optimised code away).
    for (let slot = (hashOf(s, from, to) - 1) & mask; ; ) {
      slot = (slot + 1) & mask;
      const entry = (this.slots[slot] as number) - 1;
      if (entry === -1) return -1;
      if (this.equals(entry, s, from, to)) {
        this.last = entry;
        return entry;
      }
    }
  }

  /** Adds s[from..to), which must not be there yet; returns its entry. `value` (default: none) is kept with it. */
  add(s: string, from: number, to: number, value?: number): number {
    const entry = this.count++;
    if (entry + 1 >= this.starts.length) this.starts = grow(this.starts, entry + 2);
    let at = this.starts[entry] as number;
    if (at + (to - from) > this.chars.length) this.chars = grow(this.chars, at + (to - from));
    let chars = this.chars;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff && chars instanceof Uint8Array) this.chars = chars = Uint16Array.from(chars);
      chars[at++] = c;
    }
    this.starts[entry + 1] = at;
    if (value !== undefined) {
      this.values ??= new Int32Array(this.starts.length);
      if (this.values.length < this.starts.length) this.values = grow(this.values, this.starts.length);
      this.values[entry] = value;
    }
    if (2 * this.count > this.slots.length) this.rehash();
    else this.place(entry, hashOf(s, from, to));
    this.last = entry;
    return entry;
  }

  /** The value given with an entry (0 when none was). */
  value(entry: number): number {
    return this.values === undefined ? 0 : (this.values[entry] as number);
  }

  private equals(entry: number, s: string, from: number, to: number): boolean {
    let at = this.starts[entry] as number;
    if ((this.starts[entry + 1] as number) - at !== to - from) return false;
    const chars = this.chars;
    for (let i = from; i < to; i++) if (chars[at++] !== s.charCodeAt(i)) return false;
    return true;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = (hash - 1) & mask; // see find
    do slot = (slot + 1) & mask;
    while (this.slots[slot] !== 0);
    this.slots[slot] = entry + 1;
  }

  /** Twice the slots; hashes are computed again from the stored characters (rare: log of the entries times). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const { chars, starts } = this;
    for (let entry = 0; entry < this.count; entry++) {
      let hash = FNV_OFFSET;
      for (let i = starts[entry] as number; i < (starts[entry + 1] as number); i++) hash = Math.imul(hash ^ (chars[i] as number), FNV_PRIME);
      this.place(entry, hash);
    }
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units. */
function hashOf(s: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ s.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** A copy of `array`, 1.5 times larger (or as large as `needed`). */
function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(needed, Math.ceil(array.length * 1.5)));
  bigger.set(array);
  return bigger;
}
