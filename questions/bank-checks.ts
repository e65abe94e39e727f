/**
 * What every generated question must satisfy, whatever the content: checked
 * by `npm run questions` on every run and by the tests. A failure here is a
 * generator bug or content the generator cannot handle, never a learner's
 * problem to discover.
 */
import { allSentences, indexOfWord } from "./article";
import { promptText } from "./french";
import { normalizeForComparison } from "./normalize";
import { questionSchema, type Question } from "./question-types";
import type { Article } from "./schema";

/** Kinds whose key must stand, in French, in the evidence sentence. */
export const EVIDENCED_KINDS = ["comprehension-en", "comprehension-fr", "true-false", "cloze"] as const;

const CATCH_ALL =
  /\b(all|none|both|neither) of (the|these) (above|answers|options)\b|\b(toutes|aucune) (les réponses|des réponses|de ces réponses)\b/i;

export function checkQuestion(question: Question, sentences: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const parsed = questionSchema.safeParse(question);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => `field "${i.path.join(".")}": ${i.message}`));
  }
  const keys = question.options.filter((o) => o.id === question.answerId);
  if (keys.length !== 1)
    problems.push(`field "answerId": ${keys.length} options have id "${question.answerId}"`);
  if (new Set(question.options.map((o) => o.id)).size !== question.options.length) {
    problems.push(`field "options": two options share an id`);
  }
  const texts = question.options.map((o) => normalizeForComparison(o.text));
  if (new Set(texts).size !== texts.length) problems.push(`field "options": two options read the same`);
  if (question.options.some((o) => CATCH_ALL.test(o.text))) {
    problems.push(`field "options": "all/none of the above" is not an answer`);
  }
  const sentence = sentences.get(question.evidenceSentenceId);
  if (sentence === undefined) {
    problems.push(`field "evidenceSentenceId": no sentence "${question.evidenceSentenceId}"`);
  } else if (indexOfWord(sentence, question.support) < 0) {
    problems.push(
      `field "support": "${question.support}" is not in sentence "${question.evidenceSentenceId}"`,
    );
  }
  if (question.prompt !== promptText(question.stem, question.passage))
    problems.push(`field "prompt": is not the stem followed by the passage`);
  if (question.language === "en" && question.stemEn !== question.stem) {
    problems.push(`field "stemEn": differs from the English stem`);
  }
  return problems;
}

/** Problems across a whole bank, each prefixed with the question id. */
export function checkBank(article: Article, bank: readonly Question[]): string[] {
  const sentences = new Map(allSentences(article).map((s) => [s.id, s.fr]));
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const question of bank) {
    if (ids.has(question.id)) problems.push(`question "${question.id}": id is used twice`);
    ids.add(question.id);
    problems.push(...checkQuestion(question, sentences).map((p) => `question "${question.id}": ${p}`));
  }
  return problems;
}
