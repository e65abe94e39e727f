/**
 * Merging two copies of the learner's words (an import, another device):
 * nothing answered on either side is lost. Histories are united by answer
 * id and the cards replayed from the union, so both devices end with the
 * same schedule; meaning, status and tags follow the side changed last.
 */
import { replayReviews } from "./schedule";
import { normaliseTags } from "./status";
import type { Review, SavedWord } from "./word";

function unitedReviews(a: readonly Review[], b: readonly Review[]): Review[] {
  const byId = new Map<string, Review>();
  for (const review of [...a, ...b]) if (!byId.has(review.id)) byId.set(review.id, review);
  return [...byId.values()].sort((x, y) => x.at - y.at || x.id.localeCompare(y.id));
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Nothing `theirs` would change in `ours`: same history, same edits. The common case of an import. */
function adds(ours: SavedWord, theirs: SavedWord): boolean {
  if (theirs.updatedAt > ours.updatedAt || theirs.createdAt < ours.createdAt) return true;
  if (!sameStrings(normaliseTags([...ours.tags, ...theirs.tags]), ours.tags)) return true;
  const known = new Set(ours.reviews.map((review) => review.id));
  return theirs.reviews.some((review) => !known.has(review.id));
}

/** One word from both sides; `ours` and `theirs` have the same id. `ours` itself when `theirs` adds nothing. */
export function mergeWord(ours: SavedWord, theirs: SavedWord): SavedWord {
  if (!adds(ours, theirs)) return ours;
  const newer = theirs.updatedAt > ours.updatedAt ? theirs : ours;
  const reviews = unitedReviews(ours.reviews, theirs.reviews);
  const createdAt = Math.min(ours.createdAt, theirs.createdAt);
  const sameHistory = reviews.length === ours.reviews.length && reviews.length === theirs.reviews.length;
  const status = newer.status === "new" && reviews.length > 0 ? "learning" : newer.status;
  return {
    ...newer,
    createdAt,
    updatedAt: Math.max(ours.updatedAt, theirs.updatedAt),
    meaning: newer.meaning || ours.meaning || theirs.meaning,
    status,
    context: newer.context ?? ours.context ?? theirs.context,
    termId: newer.termId ?? ours.termId ?? theirs.termId,
    tags: normaliseTags([...ours.tags, ...theirs.tags]),
    reviews,
    // The same history on both sides needs no replay (and keeps cards exactly as they were).
    cards: sameHistory && createdAt === ours.createdAt ? ours.cards : replayReviews(createdAt, reviews),
  };
}

export interface MergeResult {
  /** The words to write: new ones and those that changed. */
  changed: SavedWord[];
  added: number;
  updated: number;
  unchanged: number;
}

export function mergeWords(
  existing: ReadonlyMap<string, SavedWord>,
  incoming: readonly SavedWord[],
): MergeResult {
  const result: MergeResult = { changed: [], added: 0, updated: 0, unchanged: 0 };
  const merged = new Map<string, SavedWord>();
  for (const word of incoming) {
    const ours = merged.get(word.id) ?? existing.get(word.id);
    if (!ours) {
      merged.set(word.id, word);
      continue;
    }
    merged.set(word.id, mergeWord(ours, word));
  }
  for (const [id, word] of merged) {
    const before = existing.get(id);
    if (!before) result.added += 1;
    else if (before === word) {
      result.unchanged += 1;
      continue;
    } else result.updated += 1;
    result.changed.push(word);
  }
  return result;
}
