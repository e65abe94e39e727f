/**
 * A studio draft: everything a teacher edits between pasting a text and
 * publishing it, as one JSON document. It is saved on the device as the
 * teacher types and on the server with a revision number, and it becomes
 * content (article.json, vocabulary.json, facts.json…) only when published
 * (`build.ts`), through the same schemas and checks as repository content.
 *
 * A draft is work in progress, so it is looser than content: a sentence may
 * be empty while being rewritten, a gloss may still lack its wrong meanings.
 * What publishing needs is reported as problems (`problems.ts`), each with a
 * code the studio translates, never by refusing to keep the draft.
 */
import { z } from "zod";
import { discourseSchema } from "../discourse-schema";
import { factSchema, outsidersSchema, slotTypeSchema } from "../fact-schema";
import {
  cefrLevelSchema,
  genderSchema,
  partOfSpeechSchema,
  sentenceIdSchema,
  termFieldsSchema,
} from "../schema";

export const STUDIO_DRAFT_FORMAT = 1;

/** How much one draft may hold: far above a 5,000-word text's needs, far below what would strain a browser. */
export const DRAFT_LIMITS = {
  sentences: 800,
  sentenceLength: 3_000,
  titleLength: 300,
  terms: 1_000,
  suggestions: 1_500,
  facts: 400,
  baseFacts: 1_500,
  wrongAnswers: 6,
  wrongGlosses: 6,
  shortText: 300,
  source: 500,
  licence: 300,
} as const;

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Text as typed: anything but control characters (which break rows and
 * terminals) and lone surrogates (which no database can store as UTF-8).
 * Markup is allowed, and always shown as the text it is.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Not a /u regex: it must see the halves of surrogate pairs.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export function isStorableText(text: string): boolean {
  return !CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** Every string anywhere in `value` is storable: the draft's free-form parts (the pipeline's facts) included. */
export function allTextStorable(value: unknown): boolean {
  if (typeof value === "string") return isStorableText(value);
  if (Array.isArray(value)) return value.every(allTextStorable);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).every(([key, item]) => isStorableText(key) && allTextStorable(item));
  }
  return true;
}

const text = (max: number) =>
  z.string().max(max).refine(isStorableText, { message: "contains control characters or broken Unicode" });

export const draftSentenceSchema = z.strictObject({
  id: sentenceIdSchema,
  fr: text(DRAFT_LIMITS.sentenceLength),
  en: text(DRAFT_LIMITS.sentenceLength),
  /** The translation was paired with low confidence (or split by hand): the teacher should check it. */
  check: z.literal(true).optional(),
});
export type DraftSentence = z.infer<typeof draftSentenceSchema>;

export const draftParagraphSchema = z.strictObject({
  id: z.string().regex(/^p\d+$/),
  sentences: z.array(draftSentenceSchema).min(1),
});
export type DraftParagraph = z.infer<typeof draftParagraphSchema>;

/**
 * A glossed term as the teacher keeps it: the content's term (every field it
 * has, so nothing an imported article says is lost), with room for an
 * unfinished gloss and no draft mark.
 */
export const draftTermSchema = termFieldsSchema.omit({ draft: true }).extend({
  surfaces: z.array(text(DRAFT_LIMITS.shortText)).min(1).max(20),
  lemma: text(DRAFT_LIMITS.shortText),
  gloss: text(DRAFT_LIMITS.shortText),
  wrongGlosses: z.array(text(DRAFT_LIMITS.shortText)).max(DRAFT_LIMITS.wrongGlosses),
  sentenceIds: z.array(sentenceIdSchema).min(1).max(DRAFT_LIMITS.sentences),
  falseFriends: z.array(text(DRAFT_LIMITS.shortText)).max(DRAFT_LIMITS.wrongGlosses).optional(),
});
export type DraftTerm = z.infer<typeof draftTermSchema>;

/** One of the pipeline's ranked suggestions, kept so the teacher can accept it later. */
export const draftSuggestionSchema = z.strictObject({
  id: z.string().regex(kebab),
  lemma: text(DRAFT_LIMITS.shortText),
  pos: partOfSpeechSchema,
  gender: genderSchema.optional(),
  surfaces: z.array(text(DRAFT_LIMITS.shortText)).min(1).max(20),
  sentenceIds: z.array(sentenceIdSchema).min(1).max(DRAFT_LIMITS.sentences),
  level: cefrLevelSchema,
  reasons: z.array(z.string().regex(kebab)).max(10),
  gloss: text(DRAFT_LIMITS.shortText).optional(),
  wrongGlosses: z.array(text(DRAFT_LIMITS.shortText)).max(DRAFT_LIMITS.wrongGlosses).optional(),
});
export type DraftSuggestion = z.infer<typeof draftSuggestionSchema>;

export const bilingualTextSchema = z.strictObject({
  fr: text(DRAFT_LIMITS.shortText),
  en: text(DRAFT_LIMITS.shortText),
});

/** What the highlighted words are, as the studio offers them (slot types of the fact base). */
export const ANSWER_TYPES = [
  "person",
  "organisation",
  "place",
  "role",
  "job",
  "number",
  "amount",
  "share",
  "date",
  "thing",
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Types whose wrong answers Glose computes from the number itself. */
export const COUNTED_TYPES = ["number", "amount", "share"] as const;

export const draftQuantitySchema = z.strictObject({
  value: z.number().positive().finite(),
  format: z.enum(["decimal", "magnitude", "fraction"]),
  unit: z.enum(["USD", "EUR", "percent"]).optional(),
});

/**
 * A fact the teacher wrote: a sentence, the words in it that answer a
 * question, what those words are, the question in both languages, and wrong
 * answers of the same kind (numbers get theirs from the value).
 */
export const teacherFactSchema = z.strictObject({
  id: z.string().regex(kebab),
  sentenceId: sentenceIdSchema,
  answer: z.strictObject({
    fr: text(DRAFT_LIMITS.shortText),
    en: text(DRAFT_LIMITS.shortText),
    type: slotTypeSchema,
    quantity: draftQuantitySchema.optional(),
  }),
  question: bilingualTextSchema,
  wrongAnswers: z.array(bilingualTextSchema).max(DRAFT_LIMITS.wrongAnswers),
});
export type TeacherFact = z.infer<typeof teacherFactSchema>;

export const DRAFT_NOTICES = ["markup-as-text", "no-title", "alignment-uncertain"] as const;

export const studioDraftSchema = z
  .strictObject({
    format: z.literal(STUDIO_DRAFT_FORMAT),
    slug: z.string().regex(kebab).max(80),
    level: cefrLevelSchema,
    /** The text this one is a level of, when imported from a family of the repository (see `articleSchema`). */
    family: z.string().regex(kebab).max(80).optional(),
    topic: bilingualTextSchema,
    /** Where the text comes from and under what licence: free text, shown as text. */
    source: text(DRAFT_LIMITS.source),
    licence: text(DRAFT_LIMITS.licence),
    title: z.strictObject({
      id: z.literal("title"),
      fr: text(DRAFT_LIMITS.titleLength),
      en: text(DRAFT_LIMITS.titleLength),
      check: z.literal(true).optional(),
    }),
    paragraphs: z.array(draftParagraphSchema).min(1).max(DRAFT_LIMITS.sentences),
    terms: z.array(draftTermSchema).max(DRAFT_LIMITS.terms),
    suggestions: z.array(draftSuggestionSchema).max(DRAFT_LIMITS.suggestions),
    /** Suggestions the teacher removed, by id, so they stay out of the list. */
    dismissed: z.array(z.string().regex(kebab)).max(DRAFT_LIMITS.suggestions),
    facts: z.array(teacherFactSchema).max(DRAFT_LIMITS.facts),
    /**
     * Facts in the content format: the pipeline's (names, numbers, words, each
     * `draft: true`, restated from their sentence whenever it changes) and an
     * imported article's (kept as written). The teacher may remove them.
     */
    baseFacts: z.array(factSchema).max(DRAFT_LIMITS.baseFacts),
    /** The article's own wrong values (the pipeline's cloze options, an import's outsiders.json). */
    outsiders: outsidersSchema,
    /** An imported article's discourse.json, kept as it was while its sentences stand. */
    discourse: discourseSchema.optional(),
    /** Glosses of other words, by part of speech: where wrong meanings are proposed from. */
    glossPool: z.partialRecord(partOfSpeechSchema, z.array(text(DRAFT_LIMITS.shortText)).max(80)),
    notices: z.array(z.enum(DRAFT_NOTICES)).max(DRAFT_NOTICES.length),
  })
  .refine(allTextStorable, { message: "contains control characters or broken Unicode" });
export type StudioDraft = z.infer<typeof studioDraftSchema>;
export type StudioDraftInput = z.input<typeof studioDraftSchema>;

/** Every sentence, title first, in reading order. */
export function draftSentences(draft: Pick<StudioDraft, "title" | "paragraphs">): DraftSentence[] {
  return [draft.title, ...draft.paragraphs.flatMap((p) => p.sentences)];
}

export function draftSentenceCount(draft: Pick<StudioDraft, "paragraphs">): number {
  return draft.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
}
