/**
 * File names for the questionnaires of `ic template`. Pure: a name per department, decided from the whole
 * config at once, so that a department's file is called the same whether one or all are written.
 */
import type { Config } from '../config/types.js';

/** Longest stem, in characters: far below every file system's limit, with room for a suffix and an extension. */
const MAX_STEM = 64;

/** Names Windows refuses for a file whatever its extension (`con.csv` cannot be created either). */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu;

/**
 * A file name stem from any text: letters, digits, `_` and `-` only (everything else becomes `_`), no leading
 * `-` or `.` (it would read as an option, or hide the file), at most 64 characters, never a Windows device name.
 * `fallback` is used when nothing usable is left.
 */
export function safeFileStem(text: string, fallback: string): string {
  let stem = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^-+/u, '');
  stem = Array.from(stem).slice(0, MAX_STEM).join('');
  if (stem === '' || /^_+$/u.test(stem)) stem = fallback;
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}_`;
  return stem;
}

/**
 * stems[i] = the file name stem of department i (`sales` → `sales.csv`, `sales.md`). Ids are already safe,
 * so a stem is normally the id itself; when two stems would clash (on a case-insensitive file system too),
 * the later department gets `-2`, `-3`, ...
 */
export function templateFileStems(config: Config): string[] {
  const taken = new Set<string>();
  return config.departments.map((d) => {
    const base = safeFileStem(d.id, `department-${d.index + 1}`);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    taken.add(stem.toLowerCase());
    return stem;
  });
}
