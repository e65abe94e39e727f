/**
 * The shape of a generated question: the contract between the generator,
 * the quiz store, the assignment API and teachers' exports.
 */
import { z } from "zod";
import { sentenceIdSchema } from "./schema";

export const QUESTION_KINDS = [
  "comprehension-en",
  "comprehension-fr",
  "vocabulary",
  "true-false",
  "cloze",
] as const;
export const questionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof questionKindSchema>;

export const QUESTION_LANGUAGES = ["en", "fr"] as const;
export const questionLanguageSchema = z.enum(QUESTION_LANGUAGES);
export type QuestionLanguage = z.infer<typeof questionLanguageSchema>;

export const optionSchema = z.strictObject({ id: z.string().min(1), text: z.string().min(1) });
export type Option = z.infer<typeof optionSchema>;

export const questionSchema = z.strictObject({
  /** Stable: the same fact, kind, language and variant give the same id on every run. */
  id: z.string().min(1),
  kind: questionKindSchema,
  /**
   * What the question asks about: a fact id, or `term:<termId>` for vocabulary.
   * "Retry my mistakes" asks the same `topicId` again through another variant.
   */
  topicId: z.string().min(1),
  variant: z.number().int().min(0),
  /** Language of the stem (and of the options unless `optionsLanguage` says otherwise). */
  language: questionLanguageSchema,
  /** The whole question as one string: stem, then the French passage if any. */
  prompt: z.string().min(1),
  /** The instruction or question, in `language`. */
  stem: z.string().min(1),
  /** French text the stem is about: a cloze sentence with "____", a statement, a term. */
  passage: z.string().min(1).optional(),
  /** The stem in English: the "show the question in English" help. */
  stemEn: z.string().min(1),
  options: z.array(optionSchema).min(2).max(4),
  optionsLanguage: questionLanguageSchema,
  answerId: z.string().min(1),
  /** The French words of the evidence sentence that support the key. */
  support: z.string().min(1),
  evidenceSentenceId: sentenceIdSchema,
  explanation: z.strictObject({ en: z.string().min(1), fr: z.string().min(1) }),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});
export type Question = z.infer<typeof questionSchema>;

/** What `npm run -s questions -- --json` prints for each question. */
export type PublicQuestion = Pick<
  Question,
  "id" | "kind" | "prompt" | "options" | "answerId" | "evidenceSentenceId" | "explanation" | "difficulty"
>;

export const quizOptionsSchema = z.strictObject({
  seed: z.number().int(),
  /** A number of questions, or "all". */
  count: z.union([z.number().int().min(1), z.literal("all")]),
  kinds: z.array(questionKindSchema).min(1),
  language: questionLanguageSchema,
});
export type QuizOptions = z.infer<typeof quizOptionsSchema>;
