/**
 * What the browser needs to know about an article's words, built once on
 * the server (a static JSON route): each lemma's running count for coverage,
 * which lemma each form belongs to (so a selected word is saved under its
 * lemma with no lexicon in the browser), and the glossary's terms (so a quiz
 * mistake can be saved like a word looked up in the reader).
 */
import { allSentences } from "../article";
import type { Article, Vocabulary } from "../schema";
import { glossaryLemmatizer, lemmaProfile, type Lemmatizer, type LemmaProfile } from "./coverage";

export interface ArticleWords extends LemmaProfile {
  slug: string;
  /** termId → its lemma, meaning and first sentence, as the gloss shows them. */
  terms: Record<string, { lemma: string; gloss: string; sentenceId: string; surface: string }>;
}

/**
 * `lemmatize` defaults to the glossary's forms over lower case; a lexicon
 * (the analysis pipeline's) is passed here, and nothing else changes.
 */
export function articleWords(
  article: Article,
  vocabulary: Vocabulary,
  lemmatize: Lemmatizer = glossaryLemmatizer(vocabulary),
): ArticleWords {
  const profile = lemmaProfile(
    allSentences(article).map((sentence) => sentence.fr),
    lemmatize,
  );
  const terms: ArticleWords["terms"] = {};
  for (const term of vocabulary) {
    const sentenceId = term.sentenceIds[0];
    const surface = term.surfaces[0];
    if (sentenceId && surface) terms[term.id] = { lemma: term.lemma, gloss: term.gloss, sentenceId, surface };
  }
  return { slug: article.slug, ...profile, terms };
}
