/** @module "did you mean" hints from edit distance. */

/** Edit distance where swapping two neighbours counts as one edit ('fiel' → 'file'). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The closest candidate, if it is close enough to be a plausible typo
 * (at most a third of the word's length in edits, and at least one).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** A hint sentence: "did you mean 'calls'?" or the list of what exists. */
export function didYouMean(word: string, candidates: readonly string[], what = 'one of'): string {
  const match = closest(word, candidates);
  if (match) return `did you mean '${match}'?`;
  if (candidates.length === 0) return `none are defined`;
  const shown = candidates
    .slice(0, 12)
    .map((c) => `'${c}'`)
    .join(', ');
  return `${what} ${shown}${candidates.length > 12 ? ', …' : ''}`;
}
