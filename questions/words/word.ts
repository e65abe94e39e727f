/**
 * A saved word: what the learner keeps on this device. The shape is the
 * storage contract (IndexedDB records, the Glose JSON export), so it is
 * written once here as zod/mini schemas and every type is inferred from them.
 *
 * zod/mini rather than classic zod: these checks run in the browser on the
 * review and words pages, and mini tree-shakes to a fraction of the size.
 */
import * as z from "zod/mini";

/** The record layout; a record with another version is migrated or kept aside, never dropped. */
export const WORD_RECORD_VERSION = 1;

export const WORD_STATUSES = ["new", "learning", "known", "ignored"] as const;
export type WordStatus = (typeof WORD_STATUSES)[number];

/** Recognition (French → meaning) comes first; production (meaning → French) once it is learnt. */
export const CARD_KINDS = ["recognition", "production"] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** The four answers of FSRS, in the order the buttons show them. */
export const GRADES = ["again", "hard", "good", "easy"] as const;
export type GradeName = (typeof GRADES)[number];

const text = () => z.string().check(z.minLength(1));
const time = () => z.number().check(z.nonnegative());

/** ts-fsrs's `Card`, as plain JSON: dates are epoch milliseconds. */
export const cardStateSchema = z.strictObject({
  due: time(),
  stability: z.number().check(z.nonnegative()),
  difficulty: z.number().check(z.nonnegative()),
  elapsedDays: z.number().check(z.nonnegative()),
  scheduledDays: z.number().check(z.nonnegative()),
  learningSteps: z.int().check(z.nonnegative()),
  reps: z.int().check(z.nonnegative()),
  lapses: z.int().check(z.nonnegative()),
  /** ts-fsrs's State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: z.nullable(time()),
});
export type CardState = z.infer<typeof cardStateSchema>;

/** One answer, as given. The review history is the truth: card states can be rebuilt from it. */
export const reviewSchema = z.strictObject({
  /** Unique per answer, so merging two devices' histories never counts one twice. */
  id: text(),
  card: z.enum(CARD_KINDS),
  grade: z.enum(GRADES),
  at: time(),
});
export type Review = z.infer<typeof reviewSchema>;

/** Where the learner met the word: the sentence its cards ask it in. */
export const wordContextSchema = z.strictObject({
  slug: text(),
  sentenceId: text(),
  /** The whole French sentence. */
  sentence: text(),
  /** The word exactly as it stands in the sentence ("rémunérations"). */
  form: text(),
});
export type WordContext = z.infer<typeof wordContextSchema>;

export const savedWordSchema = z.strictObject({
  v: z.literal(WORD_RECORD_VERSION),
  /** `wordKey(lemma)`: one record per lemma. */
  id: text(),
  /** Dictionary form as shown ("rémunération", "se livrer"). */
  lemma: text(),
  /** In English (or the learner's own words). */
  meaning: z.string(),
  status: z.enum(WORD_STATUSES),
  context: z.nullable(wordContextSchema),
  /** The glossary term it was saved from, if any. */
  termId: z.nullable(text()),
  tags: z.array(text()),
  createdAt: time(),
  /** Last change of meaning, status or tags (not reviews): the newer side wins a merge. */
  updatedAt: time(),
  reviews: z.array(reviewSchema),
  cards: z.strictObject({
    recognition: cardStateSchema,
    production: z.nullable(cardStateSchema),
  }),
});
export type SavedWord = z.infer<typeof savedWordSchema>;

/** A record read back, or the reason it cannot be used as one. */
export type ParsedWord =
  { ok: true; word: SavedWord } | { ok: false; reason: "corrupted" | "outdated" | "newer" };

/**
 * Upgrades from older record versions, by the version they upgrade from.
 * Version 1 is the first that shipped, so there are none yet; a record of a
 * version with no path here is kept aside ("outdated"), never dropped.
 */
const MIGRATIONS: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseSavedWord(raw: unknown): ParsedWord {
  if (!isRecord(raw)) return { ok: false, reason: "corrupted" };
  let record = raw;
  if (typeof record.v === "number" && record.v > WORD_RECORD_VERSION) return { ok: false, reason: "newer" };
  while (typeof record.v === "number" && record.v < WORD_RECORD_VERSION) {
    const migrate = MIGRATIONS[record.v];
    if (!migrate) return { ok: false, reason: "outdated" };
    record = migrate(record);
  }
  const parsed = savedWordSchema.safeParse(record);
  if (!parsed.success) return { ok: false, reason: "corrupted" };
  const word = parsed.data;
  // Well-typed but inconsistent: the key must be the lemma's, and reviews unique.
  if (word.id !== wordKey(word.lemma)) return { ok: false, reason: "corrupted" };
  if (new Set(word.reviews.map((review) => review.id)).size !== word.reviews.length)
    return { ok: false, reason: "corrupted" };
  return { ok: true, word };
}

/** One key per lemma whatever its case, apostrophe or spacing: "L’IA" and "l'ia" are the same word. */
export function wordKey(lemma: string): string {
  return lemma.normalize("NFC").replace(/[’ʼ]/g, "'").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
}
