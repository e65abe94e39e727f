/**
 * Vocabulary in context: what a glossed word or expression means in the
 * sentence where it stands, the sentence always shown. Options are English
 * glosses: the key is the term's gloss, the distractors its authored wrong
 * glosses (false friends, other senses). Only terms worth asking: B1 and
 * above, no transparent cognate unless a false friend is among the options,
 * and none whose sentence gives it away to anyone who knows the world.
 */
import { indexOfWord } from "../article";
import { frenchText } from "../french";
import type { QuestionLanguage } from "../question-types";
import type { Term } from "../schema";
import { allDistinct, normalizeForComparison } from "../normalize";
import { isTransparentCognate } from "../cognates";
import { itemDifficulty } from "./difficulty";
import { LANGUAGES, type GenerationContext, type QuestionDraft } from "./types";

const LEVEL_DIFFICULTY: Readonly<Record<string, number>> = { A1: 1, A2: 1, B1: 1, B2: 2, C1: 3, C2: 3 };
export const BELOW_B1: ReadonlySet<string> = new Set(["A1", "A2"]);

function inSentenceStem(surface: string): Record<QuestionLanguage, string> {
  return {
    en: `What does “${surface}” mean in this sentence?`,
    fr: frenchText`Que signifie « ${surface} » dans cette phrase ?`,
  };
}

/** Wrong glosses that differ from the gloss and from each other, false friends first. */
function usableWrongGlosses(term: Term): string[] {
  const seen = new Set([normalizeForComparison(term.gloss)]);
  const friends = term.falseFriends ?? [];
  const ordered = [...friends, ...term.wrongGlosses.filter((g) => !friends.includes(g))];
  return ordered.filter((gloss) => {
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

/** Whether a term is worth a vocabulary question at all. */
export function isWorthAsking(term: Term): boolean {
  if (BELOW_B1.has(term.level) || term.worldKnowledge) return false;
  return !isTransparentCognate(term) || (term.falseFriends ?? []).length > 0;
}

export function vocabularyDrafts(context: GenerationContext, term: Term): QuestionDraft[] {
  if (!isWorthAsking(term)) return [];
  const wrong = usableWrongGlosses(term).slice(0, 3);
  if (wrong.length < 2) return [];
  const drafts: QuestionDraft[] = [];
  for (const language of LANGUAGES) {
    term.sentenceIds.forEach((sentenceId, index) => {
      const sentence = context.sentences.get(sentenceId);
      if (!sentence) return;
      const surface = term.surfaces.find((s) => indexOfWord(sentence.fr, s) >= 0);
      if (!surface) return;
      const stem = inSentenceStem(surface);
      // Each sentence prefers another form of the gloss, so a retry reads differently.
      const options = optionTexts(term, wrong, index % 2 === 1);
      if (!options) return;
      drafts.push({
        kind: "vocabulary",
        topicId: `term:${term.id}`,
        language,
        stem: stem[language],
        stemEn: stem.en,
        passage: sentence.fr,
        options,
        answer: 0,
        optionsLanguage: "en",
        support: surface,
        evidenceSentenceId: sentence.id,
        explanation: {
          en: `Here “${surface}” means “${term.gloss}”: “${sentence.en}”`,
          fr: frenchText`Ici, « ${surface} » se traduit par « ${term.gloss} » : « ${sentence.fr} »`,
        },
        difficulty: itemDifficulty({
          base: LEVEL_DIFFICULTY[term.level] ?? 2,
          frenchStem: false,
          paraphrasedKey: false,
          articleDistractors: 0,
          optionCount: options.length,
        }),
        meta: {
          termId: term.id,
          falseFriendShown: (term.falseFriends ?? []).some((f) => options.includes(f)),
        },
      });
    });
  }
  return drafts;
}
