/**
 * The kinds and languages of questions as plain data, and which language a
 * kind is asked in: the quiz page's own code imports these, and zod (the
 * schemas in `question-types.ts`) is loaded only where a bank or saved
 * progress is actually checked.
 */
export const QUESTION_KINDS = [
  "comprehension-en",
  "comprehension-fr",
  "vocabulary",
  "true-false",
  "cloze",
  "main-idea",
  "reference",
  "connector",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_LANGUAGES = ["en", "fr"] as const;
export type QuestionLanguage = (typeof QUESTION_LANGUAGES)[number];

/** A question's language: comprehension kinds carry their own, the others follow the quiz's. */
export function languageOfKind(kind: QuestionKind, quizLanguage: QuestionLanguage): QuestionLanguage {
  return kind === "comprehension-en" ? "en" : kind === "comprehension-fr" ? "fr" : quizLanguage;
}
