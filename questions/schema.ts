/**
 * Zod schemas for an article's content files. Types are inferred from the
 * schemas so that the data on disk and the code that reads it cannot drift.
 *
 * An article lives in `questions/articles/<slug>/`:
 *   source.fr.txt    the original text, never altered
 *   article.json     title + paragraphs + sentences, each with its English
 *   vocabulary.json  the glossed words and expressions
 *   facts.json       the fact base that questions are generated from
 *   (outsiders live in `questions/outsiders.json`, shared by all articles)
 */
import { z } from "zod";
import { SENTENCE_ID_MESSAGE, SENTENCE_ID_PATTERN } from "./ids";
import { CEFR_LEVELS, type CefrLevel } from "./levels";

export { CEFR_LEVELS, type CefrLevel };
import { PARTS_OF_SPEECH } from "./schema-values";

export { PARTS_OF_SPEECH } from "./schema-values";
export const cefrLevelSchema = z.enum(CEFR_LEVELS);

/** Sentence ids are stable: questions point at them as their evidence. */
export const sentenceIdSchema = z.string().regex(SENTENCE_ID_PATTERN, SENTENCE_ID_MESSAGE);
export type SentenceId = z.infer<typeof sentenceIdSchema>;

export const sentenceSchema = z.strictObject({
  id: sentenceIdSchema,
  /** The French exactly as in the source, without surrounding spaces. */
  fr: z.string().min(1),
  /** A translation for learners: faithful, plain, natural. */
  en: z.string().min(1),
});
export type Sentence = z.infer<typeof sentenceSchema>;

export const paragraphSchema = z.strictObject({
  id: z.string().regex(/^p\d+$/, 'must be "p" followed by a number'),
  sentences: z.array(sentenceSchema).min(1),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

export const articleSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
  /**
   * The article this one is a level of: articles with the same family are one
   * text written at several levels (the seed at B2, its rewrites at A2 and
   * B1). They share their fact ids (see `families.ts`), so a question about a
   * fact exists at every level. Absent: the article is the only level of its
   * text, and its own family.
   */
  family: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case")
    .optional(),
  /** The level the text is written at; one level per member of a family. */
  level: cefrLevelSchema,
  topic: z.strictObject({ en: z.string().min(1), fr: z.string().min(1) }),
  title: sentenceSchema.extend({ id: z.literal("title") }),
  paragraphs: z.array(paragraphSchema).min(1),
  /** Where the text comes from, as the teacher wrote it (a publication, a book, "my own text"): shown as text. */
  source: z.string().min(1).max(500).optional(),
  /** The licence the text is used under, as the teacher wrote it: shown as text. */
  licence: z.string().min(1).max(300).optional(),
  /** Made by `npm run import` and not yet reviewed by a teacher. */
  draft: z.literal(true).optional(),
});
export type Article = z.infer<typeof articleSchema>;

export const partOfSpeechSchema = z.enum(PARTS_OF_SPEECH);
export type PartOfSpeech = z.infer<typeof partOfSpeechSchema>;

export const genderSchema = z.enum(["m", "f"]);
export type Gender = z.infer<typeof genderSchema>;

/** A term's fields, before the checks across them (`termSchema`): what a studio draft's term builds on. */
export const termFieldsSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
  /** Every form exactly as it appears in the text (case included). */
  surfaces: z.array(z.string().min(1)).min(1),
  lemma: z.string().min(1),
  pos: partOfSpeechSchema,
  /** Required for nouns, absent otherwise. */
  gender: genderSchema.optional(),
  /** The meaning here, in English. */
  gloss: z.string().min(1),
  /**
   * Plausible wrong meanings, same form as `gloss`, for vocabulary questions:
   * three, or two when the sentence leaves no third plausible one (the item
   * then has three options: "milliards" in "14,3 milliards de dollars" is
   * misread as millions or trillions, never as thousands, ninth blind review).
   */
  wrongGlosses: z.array(z.string().min(1)).min(2),
  level: cefrLevelSchema,
  sentenceIds: z.array(sentenceIdSchema).min(1),
  /** Suggested by the analysis pipeline (`npm run import`), gloss included, not yet confirmed by a teacher. */
  draft: z.literal(true).optional(),
  /**
   * Whether an English reader understands the word on sight. Optional: by
   * default `questions/cognates.ts` decides from the spelling; set it where
   * spelling misleads. A transparent cognate is asked only with a false
   * friend among its options.
   */
  cognate: z.boolean().optional(),
  /** Wrong glosses that are false friends of the French ("to attend" for atteindre). */
  falseFriends: z.array(z.string().min(1)).optional(),
  /**
   * The sentence around the word gives its meaning away to anyone who knows
   * the world ("Meta, la maison mère de Facebook": who would pick
   * "subsidiary"?). Glossed for the reader, never asked.
   */
  worldKnowledge: z.boolean().optional(),
  /**
   * The sentence cannot tell the gloss from its wrong glosses: any of them
   * fits ("la tarte aux myrtilles de Claire": blueberry, blackberry or
   * raspberry). The item would test the word alone, not its reading (eighth
   * blind review). Glossed for the reader, never asked.
   */
  contextUndecided: z.boolean().optional(),
});

export const termSchema = termFieldsSchema.superRefine((term, ctx) => {
  if (term.pos === "noun" && !term.gender) {
    ctx.addIssue({ code: "custom", path: ["gender"], message: "required for nouns" });
  }
  if (term.pos !== "noun" && term.gender) {
    ctx.addIssue({ code: "custom", path: ["gender"], message: "only nouns have a gender here" });
  }
  (term.falseFriends ?? []).forEach((friend, i) => {
    if (!term.wrongGlosses.includes(friend)) {
      ctx.addIssue({
        code: "custom",
        path: ["falseFriends", i],
        message: `"${friend}" must be one of the wrong glosses`,
      });
    }
  });
});
export type Term = z.infer<typeof termSchema>;

/** May be empty: an imported draft whose words Glose has no gloss for yet. */
export const vocabularySchema = z.array(termSchema);
export type Vocabulary = z.infer<typeof vocabularySchema>;
