/**
 * Vocabulary in context: what a glossed word or expression means in the
 * sentence where it stands, the sentence always shown. Options are English
 * glosses: the key is the term's gloss, the distractors its authored wrong
 * glosses (false friends, other senses). Only terms worth asking: B1 and
 * above (a text's own level when it is written below B1), no transparent cognate unless a false friend is among the options,
 * and none whose sentence gives it away to anyone who knows the world.
 */
import { indexOfWord } from "../article";
import { frenchText } from "../french";
import type { QuestionLanguage } from "../question-types";
import { CEFR_LEVELS, type CefrLevel, type Term } from "../schema";
import { allDistinct, normalizeForComparison } from "../normalize";
import { isTransparentCognate } from "../cognates";
import { itemDifficulty } from "./difficulty";
import { itemSentences, LANGUAGES, type GenerationContext, type QuestionDraft } from "./types";

const LEVEL_DIFFICULTY: Readonly<Record<string, number>> = { A1: 1, A2: 1, B1: 1, B2: 2, C1: 3, C2: 3 };

/**
 * The lowest level a word must have to be asked. A test item is mis-levelled
 * when it is far too easy for its learners: for the B1–B2 readers most texts
 * are written for, an A1 or A2 word ("rester", "outil") tests nothing, so
 * words are asked from B1. A text written at A2 is read by A2 learners, for
 * whom the A2 words of the text ("métier", "moitié", "embaucher") are the very
 * words their level is about: there the floor is the text's own level. A1
 * words are never asked.
 */
export function lowestAskedLevel(articleLevel: CefrLevel): CefrLevel {
  const rank = Math.min(
    Math.max(CEFR_LEVELS.indexOf(articleLevel), CEFR_LEVELS.indexOf("A2")),
    CEFR_LEVELS.indexOf("B1"),
  );
  return CEFR_LEVELS[rank] ?? "B1";
}

/** Whether a word (or connector) of this level is too easy to ask in a text of that level. */
export function isBelowAskedLevel(termLevel: CefrLevel, articleLevel: CefrLevel): boolean {
  return CEFR_LEVELS.indexOf(termLevel) < CEFR_LEVELS.indexOf(lowestAskedLevel(articleLevel));
}

function inSentenceStem(surface: string): Record<QuestionLanguage, string> {
  return {
    en: `What does “${surface}” mean in this sentence?`,
    fr: frenchText`Que signifie « ${surface} » dans cette phrase ?`,
  };
}

/**
 * A verb shown in another form than its glosses' English infinitives ("nommé"
 * against "to appoint"): the stem asks what the verb means, naming the form
 * the sentence shows, so that question and options are in one form (eleventh
 * blind review: "What does “nommé” mean?" answered "to appoint").
 */
export function lemmaStem(lemma: string, surface: string): Record<QuestionLanguage, string> {
  return {
    en: `What does “${lemma}” (here “${surface}”) mean in this sentence?`,
    fr: frenchText`Que signifie « ${lemma} » (ici « ${surface} ») dans cette phrase ?`,
  };
}

/** Whether every option is an English infinitive ("to appoint") while the sentence shows another form. */
export function glossedAsInfinitive(lemma: string, surface: string, options: readonly string[]): boolean {
  return (
    normalizeForComparison(surface) !== normalizeForComparison(lemma) &&
    options.every((o) => /^to\s/i.test(o))
  );
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

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  man: "men",
  woman: "women",
  person: "people",
  child: "children",
};

/** "researcher" → "researchers", "job seeker" → "job seekers"; a word already plural stays. */
function pluralWord(word: string): string {
  const irregular = IRREGULAR_PLURALS[word.toLowerCase()];
  if (irregular) return irregular;
  if (/[^s]s$/i.test(word) || /^\W*$/.test(word)) return word;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Each sense of a gloss in the plural: "executive, manager" → "executives, managers"; a bracket stays last. */
export function pluralGloss(gloss: string): string {
  return gloss
    .split(/,\s*(?![^(]*\))/)
    .map((sense) => {
      const match = /^(.*?)(\w+)(\s*\([^)]*\))?$/.exec(sense);
      return match ? `${match[1]}${pluralWord(match[2] ?? "")}${match[3] ?? ""}` : sense;
    })
    .join(", ");
}

/**
 * Options take the number the passage shows, so that they are alike in form
 * with the word asked ("chercheurs": researchers, job seekers, inspectors).
 * English adjectives and infinitive glosses need no change.
 */
export function glossAsShown(term: Pick<Term, "pos" | "lemma">, surface: string, gloss: string): string {
  const plural =
    term.pos === "noun" &&
    /[sx]$/i.test(surface) &&
    normalizeForComparison(surface) !== normalizeForComparison(term.lemma);
  return plural ? pluralGloss(gloss) : gloss;
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

/** Whether a term is worth a vocabulary question at all, in a text of that level. */
export function isWorthAsking(term: Term, articleLevel: CefrLevel): boolean {
  if (isBelowAskedLevel(term.level, articleLevel) || term.worldKnowledge || term.contextUndecided)
    return false;
  return !isTransparentCognate(term) || (term.falseFriends ?? []).length > 0;
}

/**
 * A term is asked in two of its sentences at most, its first and its last:
 * "refuge" stands in seven sentences of its article, and seven items with one
 * stem and one key are duplicates to a learner, whatever the sentence shown.
 * Two give a retry the same word in another context.
 */
export const MAX_SENTENCES_PER_TERM = 2;

export function askedSentenceIds(term: Pick<Term, "sentenceIds">): string[] {
  const ids = term.sentenceIds;
  return ids.length <= MAX_SENTENCES_PER_TERM ? [...ids] : [ids[0] ?? "", ids.at(-1) ?? ""];
}

/**
 * A word asked as a connector ("Cependant": what does it signal?) is not
 * also asked as vocabulary in that sentence (what does it mean?): the two
 * items test one thing and answer each other.
 */
function askedAsConnector(context: GenerationContext, sentenceId: string, surface: string): boolean {
  const words = normalizeForComparison(surface);
  return (context.content.discourse?.connectors ?? []).some(
    (c) => c.sentenceId === sentenceId && normalizeForComparison(c.surface) === words,
  );
}

export function vocabularyDrafts(context: GenerationContext, term: Term): QuestionDraft[] {
  if (!isWorthAsking(term, context.content.article.level)) return [];
  const wrong = usableWrongGlosses(term).slice(0, 3);
  if (wrong.length < 2) return [];
  const drafts: QuestionDraft[] = [];
  for (const language of LANGUAGES) {
    askedSentenceIds(term).forEach((sentenceId, index) => {
      const sentence = context.sentences.get(sentenceId);
      if (!sentence) return;
      const surface = term.surfaces.find((s) => indexOfWord(sentence.fr, s) >= 0);
      if (!surface || askedAsConnector(context, sentenceId, surface)) return;
      const shown = (gloss: string) => glossAsShown(term, surface, gloss);
      // Each sentence prefers another form of the gloss, so a retry reads differently.
      const options = optionTexts({ ...term, gloss: shown(term.gloss) }, wrong.map(shown), index % 2 === 1);
      if (!options) return;
      const stem = glossedAsInfinitive(term.lemma, surface, options)
        ? lemmaStem(term.lemma, surface)
        : inSentenceStem(surface);
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
        target: surface,
        evidenceSentenceId: sentence.id,
        sentences: itemSentences([sentence.id]),
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
          falseFriendShown: (term.falseFriends ?? []).some((f) => options.includes(shown(f))),
        },
      });
    });
  }
  return drafts;
}
