/**
 * What the kind generators hand to the assembler: a question before it has
 * an id, a variant number and shuffled options.
 */
import type { Discourse } from "../discourse-schema";
import type { Fact, Facts, Outsiders } from "../fact-schema";
import type { Question, QuestionKind, QuestionLanguage } from "../question-types";
import type { Article, Sentence, SentenceId, Vocabulary } from "../schema";
import type { Candidate, DistractorUsage, Pools } from "./distractors";
import type { FormPlan } from "./forms";

/** Everything one article's bank is built from; the caller reads and validates it. */
export interface ArticleContent {
  article: Article;
  vocabulary: Vocabulary;
  facts: Facts;
  outsiders: Outsiders;
  /**
   * What only the text as a whole answers: paragraph gists, what a phrase
   * refers to, what a connector signals (`discourse.json`). Optional: an
   * article without it gets no questions of those kinds.
   */
  discourse?: Discourse;
}

export interface GenerationContext {
  content: ArticleContent;
  pools: Pools;
  sentences: ReadonlyMap<SentenceId, Sentence>;
  /** Every proper name the content knows (`names.ts`): options must not give themselves away by them. */
  names: readonly string[];
  /** The one form each point (a fact's slot) is asked in (`forms.ts`). */
  forms: FormPlan;
  /** Wrong answers already offered, so that items vary theirs (filled as the bank is made). */
  usage: DistractorUsage;
}

/** Facts about how a question was made, for tests and the summary; never exported. */
export interface QuestionMeta {
  factId?: string;
  termId?: string;
  /** The slot asked, blanked or swapped. */
  slot?: string;
  key?: Pick<Candidate, "fr" | "en" | "quantity" | "type" | "category" | "paraphrase">;
  distractors?: readonly Candidate[];
  /** Vrai ou faux: whether the statement is true, and the value swapped in when it is not. */
  truth?: boolean;
  swapped?: Candidate;
  /** Vocabulary: a false friend of the term stands among the options. */
  falseFriendShown?: boolean;
  /** Text-level kinds: the paragraph, reference or connector asked about. */
  discourseId?: string;
  /**
   * The sentence the item is about when it is not its evidence: a reference
   * sits on the sentence of its referring words, its evidence is where the
   * text names what they point back to. Items are spread over sentences by it.
   */
  anchorSentenceId?: SentenceId;
}

/** Where an item stands in the text: see `Question["sentences"]`. */
export interface ItemSentences {
  on: SentenceId[];
  reveals: SentenceId[];
  answeredBy: SentenceId[];
}

/** An item's sentences, each list without repeats; what it is on, it reveals. */
export function itemSentences(
  on: readonly SentenceId[],
  {
    reveals = [],
    answeredBy = [],
  }: { reveals?: readonly SentenceId[]; answeredBy?: readonly SentenceId[] } = {},
): ItemSentences {
  const unique = (ids: readonly SentenceId[]) => [...new Set(ids)];
  return { on: unique(on), reveals: unique([...on, ...reveals]), answeredBy: unique(answeredBy) };
}

/**
 * An item on a fact: on its sentence; answered by that sentence, by the
 * fact's other sentences (`alsoAnsweredBy`), by the sentences that give a
 * wrong person the article names that person's own role (Marc Benioff "de
 * Salesforce" is not Meta's new head of AI; a company or an amount plays
 * several parts in a text, and seeing one among options rules nothing out),
 * and by the sentence a false statement's swapped value comes from ("100
 * millions" belongs to the offers, not to the investment): `swapped`.
 */
export function factItemSentences(
  fact: Pick<Fact, "sentenceId" | "alsoAnsweredBy">,
  wrong: readonly Pick<Candidate, "sentenceIds" | "type">[],
  swapped = false,
): ItemSentences {
  const roles = wrong.filter((c) => swapped || c.type === "person").flatMap((c) => c.sentenceIds ?? []);
  return itemSentences([fact.sentenceId], {
    answeredBy: [fact.sentenceId, ...(fact.alsoAnsweredBy ?? []), ...roles],
  });
}

export interface QuestionDraft {
  kind: QuestionKind;
  topicId: string;
  language: QuestionLanguage;
  stem: string;
  stemEn: string;
  passage?: string;
  /** Option texts; `answer` indexes the key. */
  options: string[];
  answer: number;
  /** Keep the options in the given order (True before False) instead of shuffling. */
  fixedOrder?: boolean;
  optionsLanguage: QuestionLanguage;
  support: string;
  /** The passage's words the item tests: a term, a connector, a referring phrase, a gap's key. */
  target?: string;
  evidenceSentenceId: SentenceId;
  sentences: ItemSentences;
  explanation: { en: string; fr: string };
  difficulty: 1 | 2 | 3;
  meta: QuestionMeta;
}

/** The sentence before another in the text, never the title. */
export function previousSentence(context: GenerationContext, sentenceId: SentenceId): Sentence | undefined {
  const all = [...context.sentences.values()];
  const index = all.findIndex((s) => s.id === sentenceId);
  const previous = index > 0 ? all[index - 1] : undefined;
  // The title is not the sentence before the first paragraph's first sentence.
  return previous?.id === "title" ? undefined : previous;
}

/** The sentence an item is about: its anchor when it has one, else its evidence. */
export function anchorOf(item: { evidenceSentenceId: SentenceId; meta: QuestionMeta }): SentenceId {
  return item.meta.anchorSentenceId ?? item.evidenceSentenceId;
}

export interface GeneratedQuestion {
  question: Question;
  meta: QuestionMeta;
}

export type FactGenerator = (context: GenerationContext, fact: Fact) => QuestionDraft[];

export const LANGUAGES: readonly QuestionLanguage[] = ["en", "fr"];

export function clampDifficulty(n: number): 1 | 2 | 3 {
  return n <= 1 ? 1 : n >= 3 ? 3 : 2;
}
