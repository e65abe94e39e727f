/**
 * Checks that span several content files: the sentences give back the source
 * exactly, and every glossed term stands where it says it does. Schemas check
 * one file at a time; these check that the files agree with each other.
 */
import { allSentences, articleText, indexOfWord } from "./article";
import type { Article, Vocabulary } from "./schema";

export function checkArticleText(article: Article, source: string): string[] {
  const rebuilt = articleText(article);
  if (rebuilt === source) return [];
  let where = 0;
  while (where < rebuilt.length && where < source.length && rebuilt[where] === source[where]) where++;
  return [
    `${sentenceAt(article, where)}: ` +
      `the sentences joined differ from source.fr.txt at character ${where}: ` +
      `data has ${JSON.stringify(rebuilt.slice(where, where + 30))}, ` +
      `source has ${JSON.stringify(source.slice(where, where + 30))}`,
  ];
}

/**
 * Names the sentence of article.json that holds character `offset` of
 * `articleText(article)`, the way validation errors name a field. A
 * difference on the separator after a sentence is blamed on that sentence.
 */
function sentenceAt(article: Article, offset: number): string {
  let end = article.title.fr.length;
  if (offset <= end) return 'field "title", field "fr"';
  let last = 'field "title", field "fr"';
  for (const [p, paragraph] of article.paragraphs.entries()) {
    for (const [s, sentence] of paragraph.sentences.entries()) {
      end += 1 + sentence.fr.length; // one space or line break, then the sentence
      last =
        `field "paragraphs", entry ${p} (id "${paragraph.id}"), ` +
        `field "sentences", entry ${s} (id "${sentence.id}"), field "fr"`;
      if (offset <= end) return last;
    }
  }
  return last;
}

export function checkSentenceIds(article: Article): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const sentence of allSentences(article)) {
    if (seen.has(sentence.id)) problems.push(`sentence id "${sentence.id}" is used twice`);
    seen.add(sentence.id);
  }
  return problems;
}

export function checkVocabulary(article: Article, vocabulary: Vocabulary): string[] {
  const problems: string[] = [];
  const sentences = new Map(allSentences(article).map((s) => [s.id, s.fr]));
  const ids = new Set<string>();
  vocabulary.forEach((term, index) => {
    const entry = `entry ${index} (id "${term.id}")`;
    if (ids.has(term.id)) problems.push(`${entry}: field "id": used twice`);
    ids.add(term.id);
    for (const sentenceId of term.sentenceIds) {
      const fr = sentences.get(sentenceId);
      if (fr === undefined) {
        problems.push(`${entry}: field "sentenceIds": no sentence "${sentenceId}" in article.json`);
      } else if (!term.surfaces.some((surface) => indexOfWord(fr, surface) >= 0)) {
        problems.push(`${entry}: field "surfaces": none of them occurs in sentence "${sentenceId}"`);
      }
    }
    for (const surface of term.surfaces) {
      const found = term.sentenceIds.some((id) => indexOfWord(sentences.get(id) ?? "", surface) >= 0);
      if (!found) problems.push(`${entry}: field "surfaces": "${surface}" occurs in none of its sentences`);
    }
  });
  return problems;
}
