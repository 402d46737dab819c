/** @module "did you mean" hints from edit distance. */

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
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
