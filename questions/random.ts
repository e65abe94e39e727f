/**
 * Seeded randomness. Everything random in question generation goes through
 * here so that a seed (or a question id) always gives the same result, on
 * every machine and every run: Math.random is never used.
 */

/** FNV-1a, 32 bits: a stable number for a string (ids, seeds). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for shuffling answer options. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator from a number or from any string (a question id, "seed:topic"). */
export function createRandom(seed: number | string): Random {
  return mulberry32(typeof seed === "number" ? hashString(`n:${seed}`) : hashString(seed));
}

export function randomInt(random: Random, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  return shuffle(items, random).slice(0, Math.max(0, count));
}

export function pickOne<T>(items: readonly T[], random: Random): T | undefined {
  return items.length ? items[randomInt(random, items.length)] : undefined;
}
