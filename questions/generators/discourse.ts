/**
 * Questions that only the text as a whole answers:
 * - main-idea: a paragraph shown whole, "what is it mainly about?", the wrong
 *   answers misreadings written for that paragraph (else the other
 *   paragraphs' gists, minus those too close to the key);
 * - reference: what words such as "Son entreprise" or "cette dynamique" point
 *   back to, the wrong answers being other things the text names;
 * - connector: what "tout en" or "suite aux" signals, shown with the sentence
 *   before it when it opens its sentence, the wrong answers the connector's
 *   other readings that a learner makes (temporal "alors que", "suite à" as
 *   mere order in time), then functions a reader could suppose there, all
 *   fitting its position and worded alike (minus functions also defensible there).
 * Options are in the quiz's language; the passage is always the article's French.
 *
 * Names decide at a glance for a learner who cannot read the passage: an
 * option naming a company the paragraph never mentions is ruled out, and a
 * key that alone names what the passage names is picked. So a main idea's
 * options name only what its paragraph names, and either all of them name
 * something or none does; a reference whose key alone stands named in the
 * sentence shown is not asked.
 */
import { indexOfWord } from "../article";
import type { Connector, ConnectorFunction, ConnectorPosition, Gist, Reference } from "../discourse-schema";
import { NEAR_FUNCTIONS, POSITION_FUNCTIONS } from "../discourse-schema";
import { frenchText, joinFrench, typesetFrench } from "../french";
import { namesAllIn, namesIn } from "../names";
import { normalizeForComparison } from "../normalize";
import { createRandom, shuffle } from "../random";
import { CEFR_LEVELS, type CefrLevel } from "../levels";
import type { QuestionLanguage } from "../question-types";
import { itemDifficulty } from "./difficulty";
import { isBelowAskedLevel } from "./vocabulary";
import {
  itemSentences,
  LANGUAGES,
  previousSentence,
  type GenerationContext,
  type QuestionDraft,
} from "./types";

/** Same pattern and about the same length (30–34 characters) in each language, so none stands out. */
export const FUNCTION_WORDING: Readonly<Record<ConnectorFunction, Record<QuestionLanguage, string>>> = {
  contrast: { en: "an opposition between two facts", fr: "une opposition entre deux faits" },
  concession: { en: "a fact that holds all the same", fr: "un fait qui reste vrai malgré tout" },
  // Not "of the same kind": "mais aussi" adds items of another kind (tenth blind review).
  addition: { en: "one more point added to the others", fr: "un élément de plus qui s’ajoute" },
  cause: { en: "the reason for what is described", fr: "la raison de ce qui est décrit" },
  consequence: { en: "a result of what has come before", fr: "une conséquence de ce qui précède" },
  example: { en: "an example of a wider category", fr: "un exemple d’un groupe plus large" },
  // Not "en même temps": the key would repeat the words of "En même temps" or "Dans le même temps".
  // Nor "at the same time" in English: it translates "en même temps" word for word (fifth blind review).
  // Nor "menée de front" in French: metalanguage above B1 (eighth blind review).
  simultaneity: { en: "a second action done alongside", fr: "une autre action au même moment" },
  // "c’est-à-dire", "autrement dit": what an A2 text uses to explain a hard word.
  reformulation: { en: "the same idea put in other words", fr: "la même idée exprimée autrement" },
  time: { en: "the moment when something happens", fr: "le moment où une chose se produit" },
  manner: { en: "the manner in which it is done", fr: "la manière dont une chose se fait" },
  comparison: { en: "a resemblance between two things", fr: "une ressemblance entre deux choses" },
};

/**
 * Wordings for a connector whose own words stand in the usual one ("Malgré
 * cela" against "un fait qui reste vrai malgré tout"): a learner would match
 * the word instead of reading the link.
 */
const OTHER_WORDING: Partial<Record<ConnectorFunction, Record<QuestionLanguage, string>>> = {
  // Not "un fait vrai quoi qu’il arrive": that is "de toute façon", not a concession (eighth blind review).
  concession: { en: "a fact that holds all the same", fr: "ce qui reste vrai en dépit de tout" },
  // For "En même temps", "Dans le même temps".
  simultaneity: { en: "a second action done alongside", fr: "une action qui a lieu en parallèle" },
};

/**
 * What a concession introduces depends on where it stands: an adverb
 * ("Cependant", "Malgré cela") opens the fact that holds all the same, while
 * a preposition, conjunction or gerund ("même avec", "bien que", "tout en")
 * opens the concession itself, named with a connector that does the same
 * (fifth blind review: "a fact that holds all the same" described the main
 * clause, not what "même avec" opens; sixth: AI tools are no "obstacle";
 * twelfth: "a condition that changes nothing" was opaque, and "suite à"
 * cannot open a condition; thirteenth: "a fact that does not stop the rest"
 * was vague and unidiomatic).
 */
const INTRODUCED_WORDING: Partial<Record<ConnectorFunction, Record<QuestionLanguage, string>>> = {
  concession: { en: "a concession, such as “although”", fr: "une concession, comme «\u00a0bien que\u00a0»" },
};

const WORDING_STOPWORDS = new Set(["un", "une", "de", "du", "d", "la", "le", "les", "qui", "ce", "a"]);

/** How the options word a function for this connector: never with the connector's own words. */
export function functionWording(
  fn: ConnectorFunction,
  surface: string,
  position: ConnectorPosition = "adverb",
): Readonly<Record<QuestionLanguage, string>> {
  const words = new Set(normalizeForComparison(surface).split(" "));
  const shares = (wording: Readonly<Record<QuestionLanguage, string>>) =>
    normalizeForComparison(wording.fr)
      .split(" ")
      .some((w) => !WORDING_STOPWORDS.has(w) && words.has(w));
  const usual = (position !== "adverb" && INTRODUCED_WORDING[fn]) || FUNCTION_WORDING[fn];
  const other = OTHER_WORDING[fn];
  return shares(usual) && other && !shares(other) ? other : usual;
}

/** Our own French (gists, references) gets French spacing; English is left as written. */
function ours(text: string, language: QuestionLanguage): string {
  return language === "fr" ? typesetFrench(text) : text;
}

function paragraphText(context: GenerationContext, paragraphId: string): string | undefined {
  const paragraph = context.content.article.paragraphs.find((p) => p.id === paragraphId);
  return paragraph?.sentences.map((s) => s.fr).join(" ");
}

function paragraphSentenceIds(context: GenerationContext, paragraphId: string): string[] {
  return (
    context.content.article.paragraphs.find((p) => p.id === paragraphId)?.sentences.map((s) => s.id) ?? []
  );
}

/** Where a sentence stands in the text: earlier sentences have smaller positions. */
function positionOf(context: GenerationContext, sentenceId: string): number {
  return [...context.sentences.keys()].indexOf(sentenceId);
}

type Bilingual = Readonly<Record<QuestionLanguage, string>>;

/** The names an option mentions, in either language. */
function optionNames(context: GenerationContext, option: Bilingual): string[] {
  return [...new Set([...namesIn(option.en, context.names), ...namesIn(option.fr, context.names)])];
}

/**
 * The wrong main ideas a learner cannot rule out by names: each names only
 * what the paragraph names, and they name something exactly when the key does.
 */
export function nameFairDistractors(
  context: GenerationContext,
  key: Bilingual,
  candidates: readonly Bilingual[],
  passage: string,
): Bilingual[] {
  const keyNamed = optionNames(context, key).length > 0;
  return candidates.filter((candidate) => {
    const names = optionNames(context, candidate);
    return namesAllIn(names, passage) && names.length > 0 === keyNamed;
  });
}

export function mainIdeaDrafts(context: GenerationContext, gist: Gist): QuestionDraft[] {
  const gists = context.content.discourse?.paragraphs ?? [];
  const passage = paragraphText(context, gist.paragraphId);
  const sentence = context.sentences.get(gist.sentenceId);
  if (!passage || !sentence) return [];
  if (!namesAllIn(optionNames(context, gist.gist), passage)) return [];
  const excluded = new Set([gist.paragraphId, ...(gist.exclude ?? [])]);
  // Who did what to whom swapped reads as a reversal to anyone who knows the story: never offered.
  const written = gist.distractors?.filter((d) => d.trap !== "roles");
  // Seeded by the paragraph, so each paragraph meets a different set of wrong gists.
  const candidates =
    written ??
    shuffle(
      gists.filter((g) => !excluded.has(g.paragraphId)),
      createRandom(`main-idea/${gist.paragraphId}`),
    ).map((g) => g.gist);
  const others = nameFairDistractors(context, gist.gist, candidates, passage).slice(0, 3);
  if (others.length < 2) return [];
  return LANGUAGES.map((language) => ({
    kind: "main-idea" as const,
    topicId: `paragraph:${gist.paragraphId}`,
    language,
    stem:
      language === "en"
        ? "What is this paragraph mainly about?"
        : frenchText`Quelle est l’idée principale de ce paragraphe ?`,
    stemEn: "What is this paragraph mainly about?",
    passage,
    options: [gist.gist, ...others].map((g) => ours(g[language], language)),
    answer: 0,
    optionsLanguage: language,
    support: gist.support,
    evidenceSentenceId: gist.sentenceId,
    // The whole paragraph is shown: the item stands on every sentence of it.
    sentences: itemSentences(paragraphSentenceIds(context, gist.paragraphId)),
    explanation: {
      en: `The paragraph turns on this sentence: “${sentence.en}”`,
      fr: frenchText`Le paragraphe s’articule autour de cette phrase : « ${sentence.fr} »`,
    },
    difficulty: itemDifficulty({
      // A longer paragraph is more to hold in mind.
      base: 0.5 + 0.5 * Math.max(1, paragraphSentenceIds(context, gist.paragraphId).length),
      frenchStem: language === "fr",
      paraphrasedKey: true,
      articleDistractors: others.length,
      optionCount: others.length + 1,
    }),
    meta: { discourseId: gist.paragraphId },
  }));
}

/** Whether an option is nothing but a name ("Scale AI"): it shows no claim of the text. */
function onlyNames(context: GenerationContext, option: Bilingual): boolean {
  return (["en", "fr"] as const).every((language) => {
    const rest = namesIn(option[language], context.names).reduce(
      (text, name) => text.replace(name, " "),
      option[language],
    );
    return !/\p{L}/u.test(rest);
  });
}

/** Whether an option names something, and all it names stands in the passage. */
function namedIn(context: GenerationContext, option: Bilingual, passage: string): boolean {
  const names = optionNames(context, option);
  return names.length > 0 && namesAllIn(names, passage);
}

export function referenceDrafts(context: GenerationContext, reference: Reference): QuestionDraft[] {
  const sentence = context.sentences.get(reference.sentenceId);
  const antecedent = context.sentences.get(reference.antecedentSentenceId);
  if (!sentence || !antecedent) return [];
  /*
   * Resolving a reference means choosing among what came before. The key stands in an earlier
   * sentence (not spelled out after a colon in the same one), and two wrong answers do too: a
   * candidate named only later, or nowhere, is ruled out by position alone.
   */
  const before = (sentenceId: string | undefined) =>
    sentenceId !== undefined && positionOf(context, sentenceId) < positionOf(context, reference.sentenceId);
  const wrong = reference.distractors.filter((d) => before(d.sentenceId));
  if (!before(reference.antecedentSentenceId) || wrong.length < 2) return [];
  // "son entreprise" next to "Marc Benioff de Salesforce": the one name in the sentence answers it.
  if (namedIn(context, reference.key, sentence.fr) && !wrong.some((d) => namedIn(context, d, sentence.fr)))
    return [];
  // The passage is the referring sentence alone, so the stem says where to look: earlier in the
  // text (eighth blind review: "in this sentence" asked for an antecedent the passage does not show).
  const stem =
    reference.antecedent === "idea"
      ? {
          en: `In this sentence, which idea from earlier in the text does “${reference.surface}” take up?`,
          fr: frenchText`Dans cette phrase, à quelle idée exprimée plus haut dans le texte renvoie « ${reference.surface} » ?`,
        }
      : {
          // "Someone or something": "something … What is it?" was wrong for "lui", "Ils" (eleventh blind review).
          en: `In this sentence, “${reference.surface}” refers back to someone or something named earlier in the text. Who or what is it?`,
          fr: frenchText`Dans cette phrase, « ${reference.surface} » reprend une personne ou une chose citée plus haut dans le texte. Laquelle ?`,
        };
  return LANGUAGES.map((language) => ({
    kind: "reference" as const,
    topicId: `reference:${reference.id}`,
    language,
    stem: stem[language],
    stemEn: stem.en,
    passage: sentence.fr,
    options: [reference.key, ...wrong].map((o) => ours(o[language], language)),
    answer: 0,
    optionsLanguage: language,
    support: reference.support,
    target: reference.surface,
    evidenceSentenceId: reference.antecedentSentenceId,
    // On its sentence; its options restate the antecedent and what the other sentences say
    // ("the tailoring of AI to finance"), unless they only name a company or a person.
    sentences: itemSentences([reference.sentenceId], {
      reveals: [{ ...reference.key, sentenceId: reference.antecedentSentenceId }, ...wrong].flatMap((o) =>
        o.sentenceId && !onlyNames(context, o) ? [o.sentenceId] : [],
      ),
      answeredBy: [reference.antecedentSentenceId],
    }),
    explanation: {
      en: `“${reference.surface}” refers to ${reference.key.en}: “${antecedent.en}”`,
      fr: frenchText`${joinFrench(frenchText`« ${reference.surface} » renvoie à `, reference.key.fr)} : « ${antecedent.fr} »`,
    },
    difficulty: itemDifficulty({
      base: reference.antecedentSentenceId === reference.sentenceId ? 1 : 2,
      frenchStem: language === "fr",
      paraphrasedKey: true,
      articleDistractors: wrong.length,
      optionCount: wrong.length + 1,
    }),
    meta: { discourseId: reference.id, anchorSentenceId: reference.sentenceId },
  }));
}

/** The connector's level: its own, else the glossary's for the same word in the same sentence. */
function connectorLevel(context: GenerationContext, connector: Connector): CefrLevel | undefined {
  if (connector.level) return connector.level;
  const surface = normalizeForComparison(connector.surface);
  return context.content.vocabulary.find(
    (term) =>
      term.sentenceIds.includes(connector.sentenceId) &&
      term.surfaces.some((s) => normalizeForComparison(s) === surface),
  )?.level;
}

function near(a: ConnectorFunction, b: ConnectorFunction): boolean {
  return NEAR_FUNCTIONS.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/**
 * The functions that may stand as wrong answers: what the connector's position can carry, not its
 * own function, none that also holds here (`exclude`), none a learner drops together with the key
 * or with another wrong answer ("contrast" and "concession").
 */
function offerable(connector: Connector, functions: readonly ConnectorFunction[]): ConnectorFunction[] {
  const fits = new Set(POSITION_FUNCTIONS[connector.position]);
  const excluded = new Set([connector.function, ...(connector.exclude ?? [])]);
  const chosen: ConnectorFunction[] = [];
  for (const fn of functions) {
    if (excluded.has(fn) || !fits.has(fn) || near(fn, connector.function)) continue;
    if (chosen.some((other) => other === fn || near(other, fn))) continue;
    chosen.push(fn);
  }
  return chosen;
}

/** The other readings of the words that can be offered here: none means one reading. */
export function offeredReadings(connector: Connector): ConnectorFunction[] {
  return offerable(connector, connector.readings ?? []);
}

/** The wrong answers of a connector item: its other readings first, then functions plausible there. */
export function connectorDistractors(connector: Connector): ConnectorFunction[] {
  return offerable(connector, [...(connector.readings ?? []), ...(connector.alternatives ?? [])]).slice(0, 3);
}

/**
 * A connector read more than one way is asked from the level words are asked
 * at (B1, or an A2 text's own level), like any word: "comme" giving examples
 * is A1, "également" A2, so neither is asked in a B2 text. A connector with
 * one reading here ("Cependant" opening its sentence) tests that one word,
 * not the passage: it is asked only at its own level, the text's up to B2
 * (a B1 "Cependant" in a B1 text, not in a B2 one), and never without a level.
 */
export function isTooEasyConnector(
  level: CefrLevel | undefined,
  articleLevel: CefrLevel,
  ambiguous: boolean,
): boolean {
  if (ambiguous) return level !== undefined && isBelowAskedLevel(level, articleLevel);
  if (level === undefined) return true;
  const floor = Math.min(CEFR_LEVELS.indexOf(articleLevel), CEFR_LEVELS.indexOf("B2"));
  return CEFR_LEVELS.indexOf(level) < floor;
}

/**
 * Connectors are asked in texts from B1 on. Naming what a link word signals
 * ("an opposition between two facts", "la raison de ce qui est décrit") is
 * metalanguage above A2 in either language (eighth blind review): an A2
 * text's link words are read in its main ideas and cloze gaps instead.
 */
export const CONNECTORS_FROM: CefrLevel = "B1";

export function connectorDrafts(context: GenerationContext, connector: Connector): QuestionDraft[] {
  const sentence = context.sentences.get(connector.sentenceId);
  const ambiguous = offeredReadings(connector).length > 0;
  if (
    !sentence ||
    CEFR_LEVELS.indexOf(context.content.article.level) < CEFR_LEVELS.indexOf(CONNECTORS_FROM) ||
    isTooEasyConnector(connectorLevel(context, connector), context.content.article.level, ambiguous)
  )
    return [];
  // The sentence before is shown only when the connector links to it: when it opens its sentence,
  // or is an adverb wherever it stands ("ne … pas pour autant" concedes what came before);
  // "suite aux", "tout en" link parts of their own sentence, and more text shown is more given away.
  const links = indexOfWord(sentence.fr, connector.surface) === 0 || connector.position === "adverb";
  const before = links ? previousSentence(context, connector.sentenceId) : undefined;
  const wrong = connectorDistractors(connector);
  if (wrong.length < 2) return [];
  const stem = {
    en: `In the second sentence, what does “${connector.surface}” signal?`,
    fr: frenchText`Dans la seconde phrase, qu’annonce « ${connector.surface} » ?`,
  };
  const passage = before ? `${before.fr} ${sentence.fr}` : sentence.fr;
  const single = !before;
  if (single) {
    stem.en = `In this sentence, what does “${connector.surface}” signal?`;
    stem.fr = frenchText`Dans cette phrase, qu’annonce « ${connector.surface} » ?`;
  }
  return LANGUAGES.map((language) => ({
    kind: "connector" as const,
    topicId: `connector:${connector.id}`,
    language,
    stem: stem[language],
    stemEn: stem.en,
    passage,
    options: [
      functionWording(connector.function, connector.surface, connector.position)[language],
      ...wrong.map((f) => functionWording(f, connector.surface, connector.position)[language]),
    ],
    answer: 0,
    optionsLanguage: language,
    support: connector.surface,
    target: connector.surface,
    evidenceSentenceId: connector.sentenceId,
    sentences: itemSentences(before ? [before.id, connector.sentenceId] : [connector.sentenceId]),
    explanation: {
      en: `“${connector.surface}” introduces ${functionWording(connector.function, connector.surface, connector.position).en}: “${sentence.en}”`,
      fr: frenchText`« ${connector.surface} » introduit ${functionWording(connector.function, connector.surface, connector.position).fr} : « ${sentence.fr} »`,
    },
    difficulty: itemDifficulty({
      base: 2,
      frenchStem: language === "fr",
      paraphrasedKey: true,
      articleDistractors: 0,
      optionCount: wrong.length + 1,
    }),
    meta: { discourseId: connector.id },
  }));
}
