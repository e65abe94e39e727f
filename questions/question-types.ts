/**
 * The shape of a generated question: the contract between the generator,
 * the quiz store, the assignment API and teachers' exports.
 */
import * as z from "zod/mini";
import { SENTENCE_ID_MESSAGE, SENTENCE_ID_PATTERN } from "./ids";
import {
  QUESTION_KINDS,
  QUESTION_LANGUAGES,
  type QuestionKind,
  type QuestionLanguage,
} from "./question-kinds";

export { QUESTION_KINDS, QUESTION_LANGUAGES, type QuestionKind, type QuestionLanguage };

/*
 * zod/mini, not classic zod: the quiz store validates with these schemas in the
 * browser, and mini tree-shakes to a fraction of classic's size. Server code
 * may still nest them inside classic schemas (both build on zod/v4/core).
 *
 * The browser loads this module only when it checks something: a fetched
 * bank, or progress read back from storage (see `question-kinds.ts`). Even
 * then the object schemas are `z.lazy`, built on their first parse.
 */
const nonEmptyString = () => z.string().check(z.minLength(1));

/** Same rule and message as `sentenceIdSchema` in `schema.ts` (kept classic: server-side content). */
const sentenceIdSchema = z.string().check(z.regex(SENTENCE_ID_PATTERN, SENTENCE_ID_MESSAGE));

export const questionKindSchema = z.enum(QUESTION_KINDS);
export const questionLanguageSchema = z.enum(QUESTION_LANGUAGES);

export const optionSchema = z.lazy(() => z.strictObject({ id: nonEmptyString(), text: nonEmptyString() }));
export type Option = z.infer<typeof optionSchema>;

/*
 * A question has two parts, as Perseus separates a widget's public options
 * from its scoring rubric: what a learner's screen may show (the public part)
 * and what scores and explains it (the key, its support, the explanation).
 * An assignment's questions reach the browser as public questions only; the
 * server keeps the rest and scores.
 */
const publicFields = () => ({
  /** Stable: the same fact, kind, language and variant give the same id on every run. */
  id: nonEmptyString(),
  kind: questionKindSchema,
  /** Language of the stem (and of the options unless `optionsLanguage` says otherwise). */
  language: questionLanguageSchema,
  /** The whole question as one string: stem, then the French passage if any. */
  prompt: nonEmptyString(),
  /** The instruction or question, in `language`. */
  stem: nonEmptyString(),
  /** French text the stem is about: a cloze sentence with "____", a statement, a term. */
  passage: z.optional(nonEmptyString()),
  options: z.array(optionSchema).check(z.minLength(2), z.maxLength(4)),
  optionsLanguage: questionLanguageSchema,
});

/** What a learner's browser may hold of a question: no key, no support, no explanation. */
export const publicQuestionSchema = z.lazy(() =>
  z.strictObject({
    ...publicFields(),
    /** The stem in English, for the "show the question in English" hint; absent when hints are off. */
    stemEn: z.optional(nonEmptyString()),
    /** The sentence whose English the evidence hint shows; absent when hints are off. */
    evidenceSentenceId: z.optional(sentenceIdSchema),
  }),
);
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

export const questionSchema = z.lazy(() =>
  z.strictObject({
    ...publicFields(),
    /**
     * What the question asks about: a fact id, or `term:<termId>` for vocabulary.
     * "Retry my mistakes" asks the same `topicId` again through another variant.
     */
    topicId: nonEmptyString(),
    variant: z.int().check(z.minimum(0)),
    /** The stem in English: the "show the question in English" hint. */
    stemEn: nonEmptyString(),
    answerId: nonEmptyString(),
    /** The French words of the evidence sentence that support the key. */
    support: nonEmptyString(),
    /**
     * The words of the passage the item tests (a glossed term, a connector,
     * a referring phrase, a cloze's gapped words): two items with the same
     * target never meet in one quiz (`conflicts.ts`).
     */
    target: z.optional(nonEmptyString()),
    evidenceSentenceId: sentenceIdSchema,
    explanation: z.strictObject({ en: nonEmptyString(), fr: nonEmptyString() }),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
);
export type Question = z.infer<typeof questionSchema>;

/**
 * The public part of a question, picked field by field rather than by
 * deleting secrets from a copy: a field added to `Question` later stays
 * private until someone decides to show it. Without hints, the English stem
 * and the evidence sentence stay private too.
 */
export function toPublicQuestion(question: Question, { hints }: { hints: boolean }): PublicQuestion {
  return {
    id: question.id,
    kind: question.kind,
    language: question.language,
    prompt: question.prompt,
    stem: question.stem,
    ...(question.passage !== undefined ? { passage: question.passage } : {}),
    options: question.options.map((o) => ({ id: o.id, text: o.text })),
    optionsLanguage: question.optionsLanguage,
    ...(hints ? { stemEn: question.stemEn, evidenceSentenceId: question.evidenceSentenceId } : {}),
  };
}

/** What `npm run -s questions -- --json` prints for each question. */
export type ExportedQuestion = Pick<
  Question,
  "id" | "kind" | "prompt" | "options" | "answerId" | "evidenceSentenceId" | "explanation" | "difficulty"
>;

export const quizOptionsSchema = z.lazy(() =>
  z.strictObject({
    seed: z.int(),
    /** A number of questions, or "all". */
    count: z.union([z.int().check(z.minimum(1)), z.literal("all")]),
    kinds: z.array(questionKindSchema).check(z.minLength(1)),
    language: questionLanguageSchema,
  }),
);
export type QuizOptions = z.infer<typeof quizOptionsSchema>;
