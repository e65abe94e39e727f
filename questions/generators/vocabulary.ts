/**
 * Vocabulary in context: what a glossed word or expression means in this
 * article. Options are English glosses: the key is the term's gloss, the
 * distractors its authored wrong glosses (false friends, other senses).
 */
import { indexOfWord } from "../article";
import { frenchText } from "../french";
import type { QuestionLanguage } from "../question-types";
import type { Term } from "../schema";
import { allDistinct, normalizeForComparison } from "../normalize";
import { clampDifficulty, LANGUAGES, type GenerationContext, type QuestionDraft } from "./types";

const LEVEL_DIFFICULTY: Readonly<Record<string, number>> = { A1: 1, A2: 1, B1: 1, B2: 2, C1: 3, C2: 3 };

function isExpression(term: Term, surface: string): boolean {
  return term.pos === "expression" || /\s/.test(surface.trim());
}

function bareStem(term: Term, surface: string): Record<QuestionLanguage, string> {
  return {
    en: "What does this mean in the article?",
    fr: isExpression(term, surface)
      ? frenchText`Que signifie cette expression dans l'article ?`
      : frenchText`Que signifie ce mot dans l'article ?`,
  };
}

function inSentenceStem(surface: string): Record<QuestionLanguage, string> {
  return {
    en: `What does “${surface}” mean in this sentence?`,
    fr: frenchText`Que signifie « ${surface} » dans cette phrase ?`,
  };
}

/** Wrong glosses that differ from the gloss and from each other, in authored order. */
function usableWrongGlosses(term: Term): string[] {
  const seen = new Set([normalizeForComparison(term.gloss)]);
  return term.wrongGlosses.filter((gloss) => {
    const key = normalizeForComparison(gloss);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "pay, earnings" → "pay": the first sense, commas inside brackets kept. */
export function firstSense(gloss: string): string {
  let depth = 0;
  for (let i = 0; i < gloss.length; i++) {
    const ch = gloss[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) return gloss.slice(0, i).trim();
  }
  return gloss.trim();
}

function keyIsLongest(options: readonly string[]): boolean {
  const [key = "", ...others] = options;
  return others.every((o) => key.length > o.length);
}

/**
 * Glosses often list two senses ("pay, earnings") where wrong glosses list
 * one, which would make the key the longest option. Each variant prefers a
 * form (whole glosses on their own, first senses in a sentence, so a retry
 * reads differently) and takes the other when its own gives the key away.
 */
function optionTexts(
  term: Term,
  distractors: readonly string[],
  preferFirstSense: boolean,
): string[] | undefined {
  const whole = [term.gloss, ...distractors];
  const first = whole.map(firstSense);
  const forms = (preferFirstSense ? [first, whole] : [whole, first]).filter((form) => allDistinct(form));
  return forms.find((form) => !keyIsLongest(form)) ?? forms[0];
}

function distractorSet(wrong: readonly string[], setIndex: number, count = 3): string[] {
  if (wrong.length <= count) return [...wrong];
  const start = (setIndex * count) % wrong.length;
  return Array.from({ length: count }, (_, i) => wrong[(start + i) % wrong.length] as string);
}

export function vocabularyDrafts(context: GenerationContext, term: Term): QuestionDraft[] {
  const wrong = usableWrongGlosses(term);
  if (wrong.length === 0) return [];
  // First the term on its own, then the term inside each sentence where it stands.
  const contexts = [
    { sentenceId: term.sentenceIds[0], inSentence: false },
    ...term.sentenceIds.map((sentenceId) => ({ sentenceId, inSentence: true })),
  ];
  const drafts: QuestionDraft[] = [];
  for (const language of LANGUAGES) {
    contexts.forEach(({ sentenceId, inSentence }, index) => {
      const sentence = sentenceId === undefined ? undefined : context.sentences.get(sentenceId);
      if (!sentence) return;
      const surface = term.surfaces.find((s) => indexOfWord(sentence.fr, s) >= 0);
      if (!surface) return;
      const stem = inSentence ? inSentenceStem(surface) : bareStem(term, surface);
      const options = optionTexts(term, distractorSet(wrong, index), inSentence);
      if (!options) return;
      drafts.push({
        kind: "vocabulary",
        topicId: `term:${term.id}`,
        language,
        stem: stem[language],
        stemEn: stem.en,
        passage: inSentence ? sentence.fr : surface,
        options,
        answer: 0,
        optionsLanguage: "en",
        support: surface,
        evidenceSentenceId: sentence.id,
        explanation: {
          en: `Here “${surface}” means “${term.gloss}”: “${sentence.en}”`,
          fr: frenchText`Ici, « ${surface} » veut dire « ${term.gloss} » : « ${sentence.fr} »`,
        },
        difficulty: clampDifficulty(LEVEL_DIFFICULTY[term.level] ?? 2),
        meta: { termId: term.id },
      });
    });
  }
  return drafts;
}
