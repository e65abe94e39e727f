/**
 * Checks of discourse.json against article.json: every gist names a real
 * paragraph and its support stands in its sentence, every reference and
 * connector stands word for word where it claims to, and no wrong answer
 * reads like the key. Messages name the entry and the field.
 */
import { allSentences, indexOfWord } from "./article";
import { POSITION_FUNCTIONS, type Discourse } from "./discourse-schema";
import { normalizeForComparison } from "./normalize";
import type { Article } from "./schema";

export function checkDiscourse(article: Article, discourse: Discourse): string[] {
  const problems: string[] = [];
  const sentences = new Map(allSentences(article).map((s) => [s.id, s.fr]));
  const paragraphs = new Map(article.paragraphs.map((p) => [p.id, p]));
  const stands = (entry: string, field: string, sentenceId: string, words: string) => {
    const sentence = sentences.get(sentenceId);
    if (sentence === undefined) problems.push(`${entry}: field "${field}": no sentence "${sentenceId}"`);
    else if (indexOfWord(sentence, words) < 0)
      problems.push(`${entry}: field "${field}": "${words}" does not occur in sentence "${sentenceId}"`);
  };

  discourse.paragraphs.forEach((gist, i) => {
    const entry = `paragraphs entry ${i} ("${gist.paragraphId}")`;
    const paragraph = paragraphs.get(gist.paragraphId);
    if (!paragraph) problems.push(`${entry}: field "paragraphId": no paragraph "${gist.paragraphId}"`);
    else if (!paragraph.sentences.some((s) => s.id === gist.sentenceId))
      problems.push(
        `${entry}: field "sentenceId": "${gist.sentenceId}" is not in paragraph "${gist.paragraphId}"`,
      );
    stands(entry, "support", gist.sentenceId, gist.support);
  });
  const seen = new Set<string>();
  discourse.paragraphs.forEach((gist, i) => {
    for (const language of ["en", "fr"] as const) {
      const key = `${language}:${normalizeForComparison(gist.gist[language])}`;
      if (seen.has(key))
        problems.push(`paragraphs entry ${i}: field "gist.${language}": same gist as another paragraph`);
      seen.add(key);
    }
  });

  discourse.references.forEach((reference, i) => {
    const entry = `references entry ${i} (id "${reference.id}")`;
    stands(entry, "surface", reference.sentenceId, reference.surface);
    stands(entry, "support", reference.antecedentSentenceId, reference.support);
    reference.distractors.forEach((d, j) => {
      if (d.sentenceId !== undefined && !sentences.has(d.sentenceId))
        problems.push(`${entry}: field "distractors.${j}.sentenceId": no sentence "${d.sentenceId}"`);
    });
    for (const language of ["en", "fr"] as const) {
      const texts = [reference.key, ...reference.distractors].map((o) => normalizeForComparison(o[language]));
      if (new Set(texts).size !== texts.length)
        problems.push(`${entry}: field "distractors": two options read the same in ${language}`);
    }
  });

  discourse.connectors.forEach((connector, i) => {
    const entry = `connectors entry ${i} (id "${connector.id}")`;
    stands(entry, "surface", connector.sentenceId, connector.surface);
    if (connector.exclude?.includes(connector.function))
      problems.push(`${entry}: field "exclude": excludes its own function "${connector.function}"`);
    const fits = POSITION_FUNCTIONS[connector.position];
    for (const field of ["readings", "alternatives"] as const) {
      for (const fn of connector[field] ?? []) {
        if (fn === connector.function)
          problems.push(`${entry}: field "${field}": lists its own function "${fn}"`);
        else if (!fits.includes(fn))
          problems.push(`${entry}: field "${field}": a ${connector.position} cannot signal "${fn}"`);
      }
    }
    // A reading that also holds here stays listed (and is never offered); a mere alternative that holds is a mistake.
    for (const fn of connector.alternatives ?? [])
      if (connector.exclude?.includes(fn))
        problems.push(`${entry}: field "alternatives": "${fn}" is excluded as also holding here`);
  });
  return problems;
}
