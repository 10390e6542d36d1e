/**
 * "Did you mean" suggestions for names the user typed (department ids, criterion columns,
 * config keys). A suggestion is only made when the input is a plausible typo of a candidate:
 * a wrong guess in an error message sends the user the wrong way, so silence is better.
 */

/** Lower case, no whitespace at all: "Отдел  Продаж " and "отделпродаж" are the same name. */
function squash(s: string): string {
  return s.toLowerCase().replace(/\s+/gu, '');
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein restricted to adjacent transpositions:
 * "slaes" is one edit from "sales"), over code points. Gives up and returns `limit + 1`
 * as soon as the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rolling rows: the one two back is needed for transpositions.
  let before = new Array<number>(t.length + 1).fill(0);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[t.length] as number;
}

/**
 * Longer input gets no suggestion: nobody types a name this long by hand, and the search costs length ×
 * candidates (a 5-million-character cell took 29 s and 1 GB). Names in a config are far shorter.
 */
export const MAX_SUGGESTION_INPUT = 256;

/**
 * The candidate closest to `input`, compared case-insensitively and ignoring whitespace,
 * or undefined when none is close enough to be a typo: at most max(1, ⌊length/3⌋) edits,
 * and fewer edits than the input has characters (so "x" never suggests "y").
 * An input equal to a candidate up to case and whitespace always gets that candidate.
 * Ties go to the candidate listed first. Input over MAX_SUGGESTION_INPUT characters gets none.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_SUGGESTION_INPUT) return undefined;
  const needle = squash(input);
  const length = Array.from(needle).length;
  if (length === 0) return undefined;
  const limit = Math.max(1, Math.floor(length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const hay = squash(candidate);
    if (hay.length === 0) continue;
    const d = editDistance(needle, hay, Math.min(limit, bestDistance));
    if (d === 0) return candidate;
    if (d <= limit && d < length && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or '' when there is nothing plausible to suggest. For appending to messages. */
export function didYouMeanSuffix(input: string, candidates: Iterable<string>): string {
  const guess = didYouMean(input, candidates);
  return guess === undefined ? '' : ` (did you mean ${JSON.stringify(guess)}?)`;
}
