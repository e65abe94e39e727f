/**
 * Comparison keys for option texts. Two options that a learner would read as
 * the same answer ("Meta" / "meta", "l'emploi" / "l’emploi", "Été" / "ete")
 * must compare equal, so distractors can never collide with the key.
 */

// Generation compares the same few hundred texts thousands of times.
const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** Lower case, no accents, no punctuation, single spaces. */
export function normalizeForComparison(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const normalized = normalize(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, normalized);
  return normalized;
}

function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function sameText(a: string, b: string): boolean {
  return normalizeForComparison(a) === normalizeForComparison(b);
}

/** True when no two texts normalise to the same key. */
export function allDistinct(texts: readonly string[]): boolean {
  return new Set(texts.map(normalizeForComparison)).size === texts.length;
}
