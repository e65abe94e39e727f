/** The article's sentences a quiz quotes as evidence, by sentence id. */
export type SentenceTexts = Record<string, { fr: string; en: string }>;
