/**
 * The zod schema of `<article>/discourse.json`: what only the text as a whole
 * answers. Paragraph gists (the main idea of a paragraph, the other
 * paragraphs' gists as wrong answers), references (what "Son entreprise" or
 * "cette dynamique" points back to) and connectors (what "Cependant" or
 * "tout en" signals). Optional: an article without it simply gets no
 * questions of these kinds.
 */
import { z } from "zod";
import { cefrLevelSchema, sentenceIdSchema } from "./schema";

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const bilingualSchema = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });

/**
 * What a connector can signal; each has a fixed wording in `generators/discourse.ts`.
 * Some exist for the misreadings they name: "time" (_suite aux_ read as mere
 * order in time, _Or_ as the narrative "now"), "manner" (the gerund of _tout en_
 * read as "by doing"), "comparison" (_comme_ read as "like", _autant_ as "as much").
 */
export const CONNECTOR_FUNCTIONS = [
  "contrast",
  "concession",
  "addition",
  "cause",
  "consequence",
  "example",
  "simultaneity",
  "reformulation",
  "time",
  "manner",
  "comparison",
] as const;
export type ConnectorFunction = (typeof CONNECTOR_FUNCTIONS)[number];

/**
 * Where a connector stands in its sentence, which decides what it can signal
 * there: an adverb linking to what came before (_Cependant_, _Malgré cela_),
 * a conjunction opening a clause (_alors que_, _car_, _mais aussi_), a
 * preposition before a noun (_suite aux_, _même avec_, _comme_ + noun), an
 * apposition before words that restate or illustrate (_c’est-à-dire_), a
 * gerund (_tout en_ + -ant).
 */
export const CONNECTOR_POSITIONS = ["adverb", "conjunction", "preposition", "apposition", "gerund"] as const;
export type ConnectorPosition = (typeof CONNECTOR_POSITIONS)[number];

/**
 * The functions each position can carry at all. A gerund never gives an
 * example, restates, compares or adds a result; a clause is not "an example of"
 * nor "the same idea in other words"; a preposition's noun is never a result.
 * An apposition only restates, illustrates, adds or likens what it follows.
 * An option outside these fails the connector's grammar and is dead on sight.
 */
export const POSITION_FUNCTIONS: Readonly<Record<ConnectorPosition, readonly ConnectorFunction[]>> = {
  adverb: CONNECTOR_FUNCTIONS,
  conjunction: CONNECTOR_FUNCTIONS.filter((f) => f !== "example" && f !== "reformulation"),
  preposition: CONNECTOR_FUNCTIONS.filter((f) => f !== "consequence"),
  apposition: ["reformulation", "example", "addition", "comparison"],
  gerund: ["simultaneity", "concession", "contrast", "manner", "cause", "time"],
};

/** Pairs a learner drops together (rule 2): never both offered as wrong answers. */
export const NEAR_FUNCTIONS: readonly (readonly [ConnectorFunction, ConnectorFunction])[] = [
  ["contrast", "concession"],
  ["time", "simultaneity"],
];

/**
 * How a wrong main idea misreads its paragraph. Never a reversal of the
 * paragraph's point ("Meta teams up with its rivals" for a merciless battle):
 * anyone who skimmed drops it, so the item tests nothing.
 * - roles: who does what to whom is swapped (Meta loses researchers to OpenAI).
 *   Still read, never offered: a reader who knows the story's winners and
 *   losers drops it as a reversal (third blind review), so `mainIdeaDrafts`
 *   leaves it out;
 * - scope: one firm taken for the whole sector, a part for the whole, or the reverse;
 * - detail: one detail of the paragraph stretched into its point;
 * - cause: the paragraph's facts with a wrong link between them;
 * - substitution: one element replaced by a near neighbour the text does not give
 *   (models built from scratch for existing ones adapted).
 */
export const GIST_TRAPS = ["roles", "scope", "detail", "cause", "substitution"] as const;
export type GistTrap = (typeof GIST_TRAPS)[number];

export const gistDistractorSchema = z.strictObject({
  en: z.string().min(1),
  fr: z.string().min(1),
  trap: z
    .enum(GIST_TRAPS, {
      error: `must be one of ${GIST_TRAPS.join(", ")}: a misreading of the paragraph, never a reversal of its point`,
    })
    .optional(),
});

export const gistSchema = z.strictObject({
  paragraphId: z.string().regex(/^p\d+$/, 'must be "p" followed by a number'),
  /** The sentence that carries the paragraph's main idea: the evidence. */
  sentenceId: sentenceIdSchema,
  /** French words of that sentence that state the idea. */
  support: z.string().min(1),
  /** The main idea in our own words, about as long as the other gists. */
  gist: bilingualSchema,
  /** Paragraphs whose gists could pass for this paragraph's main idea: never offered as wrong answers here. */
  exclude: z.array(z.string().regex(/^p\d+$/)).optional(),
  /**
   * Wrong main ideas written for this paragraph: misreadings of it, each
   * declaring its `trap` (never a reversal), about the same things and
   * naming only what the paragraph names. Preferred to the other
   * paragraphs' gists, which a learner rules out by the names they carry.
   * Two good ones make a three-option item; a third only if it is as good.
   */
  distractors: z.array(gistDistractorSchema).min(2).max(3).optional(),
});

/** A wrong answer of a reference: something else the text names, and where it names it. */
export const referenceDistractorSchema = z.strictObject({
  en: z.string().min(1),
  fr: z.string().min(1),
  /**
   * The sentence that names it. A reference is asked only when two wrong
   * answers stand in the text before the referring words (and fit them as
   * well as the key): a candidate named later, or only in the same sentence,
   * is ruled out by position alone.
   */
  sentenceId: sentenceIdSchema.optional(),
});

export const referenceSchema = z.strictObject({
  id: z.string().regex(kebabCase, "must be kebab-case"),
  /** The sentence where the referring words stand: the passage shown. */
  sentenceId: sentenceIdSchema,
  /** The referring words exactly as in the sentence ("Son entreprise", "cette dynamique"). */
  surface: z.string().min(1),
  /** Where the text names what the words point back to: the evidence. */
  antecedentSentenceId: sentenceIdSchema,
  /** French words of that sentence naming it. */
  support: z.string().min(1),
  key: bilingualSchema,
  /** Other people, companies or events that the text mentions: never outsiders. */
  distractors: z.array(referenceDistractorSchema).min(2).max(3),
  /**
   * What the words take up, when it is an idea or an event rather than a
   * person or a thing ("cette dynamique", "cela"): the stem then asks which
   * idea (twelfth blind review: "une personne ou une chose" fitted a trend badly).
   */
  antecedent: z.literal("idea").optional(),
});

export const connectorSchema = z.strictObject({
  id: z.string().regex(kebabCase, "must be kebab-case"),
  sentenceId: sentenceIdSchema,
  surface: z.string().min(1),
  function: z.enum(CONNECTOR_FUNCTIONS),
  position: z.enum(CONNECTOR_POSITIONS),
  /** Functions also defensible here ("tout en" also concedes): never offered as wrong. */
  exclude: z.array(z.enum(CONNECTOR_FUNCTIONS)).optional(),
  /**
   * The other readings these words have elsewhere, that a learner really
   * makes: temporal "alors que", "alors" read as "so", "suite à" as mere order
   * in time, the gerund of "tout en" as "by doing". The first wrong answers;
   * one that also holds here stays listed and is left out by `exclude`. None
   * that can be offered: the connector has one reading here ("Cependant"),
   * tests the word alone, and is asked only at the word's own level.
   */
  readings: z.array(z.enum(CONNECTOR_FUNCTIONS)).optional(),
  /**
   * Functions that are not readings of the words but that a reader of the
   * passage could suppose here ("so" where "Pourtant" stands): wrong answers
   * after the readings. Never one that also holds here.
   */
  alternatives: z.array(z.enum(CONNECTOR_FUNCTIONS)).optional(),
  /**
   * The CEFR level of this use of the word ("comme" giving examples is A1).
   * Without it, the glossary's level of the same word in the same sentence
   * decides. A connector with another reading to offer is asked from B1 like
   * any word; one with a single reading only at its own level (up to B2).
   */
  level: cefrLevelSchema.optional(),
});

export const discourseSchema = z.strictObject({
  paragraphs: z.array(gistSchema).default([]),
  references: z.array(referenceSchema).default([]),
  connectors: z.array(connectorSchema).default([]),
});
export type Discourse = z.infer<typeof discourseSchema>;
export type Gist = z.infer<typeof gistSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Connector = z.infer<typeof connectorSchema>;
