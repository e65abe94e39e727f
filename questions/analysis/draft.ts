/**
 * An analysis becomes a draft content folder in the existing format, so that
 * `buildQuestionBank` and `npm run questions` treat it as any article:
 *
 * - article.json: the sentences with their aligned English, the estimated level;
 * - vocabulary.json: the suggestions that have a gloss (from Glose's glossary
 *   or the tricky-word list), each marked `draft: true`;
 * - facts.json: facts made with no hand-written data, each `draft: true`:
 *   every name (options: the text's other names of the same kind), every
 *   number (rescaled by `quantity.ts`), and every suggested word (a cloze
 *   whose options share its part of speech and form). True/false swaps a
 *   name or a number for another the text gives. Comprehension questions
 *   are left to the teacher: a draft fact may have none;
 * - outsiders.json: the lexicon words offered as wrong options in those clozes.
 *
 * A use (cloze, true/false) that the text cannot give enough wrong values for
 * is dropped, so the fact checks pass by construction.
 */
import type { Fact, Facts, Outsider, Outsiders, SlotValue } from "../fact-schema";
import { pruneFactUses } from "../fact-uses";
import { normalizeForComparison } from "../normalize";
import type { Article, Sentence, Term, Vocabulary } from "../schema";
import {
  allAnalysedSentences,
  DEFAULT_TRICKY_WORDS,
  type AnalysedSentence,
  type TextAnalysis,
} from "./analyse";
import type { Glossary, TrickyWord } from "./glossary";
import type { Lexicon } from "./lexicon";
import type { Suggestion } from "./suggest";
import { lexiconOptions, WORD_SLOT_TYPE, wordCategory } from "./word-options";

/** What a sentence shows in place of English when the teacher gave none. */
export const MISSING_TRANSLATION = "(no translation yet)";

export interface DraftOptions {
  slug: string;
  topic?: { en: string; fr: string };
  /** Shared outsiders (`questions/outsiders.json`): fractions come from there. */
  outsiders: Outsiders;
  lexicon: Lexicon;
  glossary?: Glossary;
  trickyWords?: readonly TrickyWord[];
}

export interface DraftContent {
  source: string;
  article: Article;
  vocabulary: Vocabulary;
  facts: Facts;
  /** The draft's own wrong values (type "word"), merged with the shared ones when loaded. */
  outsiders: Outsiders;
  /** Every ranked suggestion, glossed or not, for the teacher to confirm. */
  suggestions: Suggestion[];
}

const NEEDED = { cloze: 3, trueFalse: 1 } as const;
/** Clozes on words: enough for a quiz, not so many that they crowd out the rest. */
const MAX_WORD_CLOZES = 30;

function kebab(text: string): string {
  return normalizeForComparison(text).replace(/\s+/g, "-").slice(0, 40).replace(/-+$/, "") || "x";
}

function toSentence(s: AnalysedSentence): Sentence {
  return { id: s.id, fr: s.fr, en: s.en ?? MISSING_TRANSLATION };
}

function buildArticle(analysis: TextAnalysis, options: DraftOptions): Article {
  const title = analysis.title;
  if (!title) throw new Error("an analysis always has a title");
  return {
    slug: options.slug,
    level: analysis.level.level,
    topic: options.topic ?? { en: "Imported text", fr: "Texte importé" },
    title: { ...toSentence(title), id: "title" },
    paragraphs: analysis.paragraphs.map((p) => ({ id: p.id, sentences: p.sentences.map(toSentence) })),
    draft: true,
  };
}

/** Wrong glosses for a term: the glossary's, or the false friend's trap and glosses of other words of its kind. */
function wrongGlossesFor(suggestion: Suggestion, pool: readonly { gloss: string; pos: string }[]): string[] {
  const own = suggestion.wrongGlosses ?? [];
  const key = normalizeForComparison(suggestion.gloss ?? "");
  const out = [...own];
  const first = (gloss: string) => gloss.split(/[,;]/)[0]?.trim() ?? gloss;
  const length = first(suggestion.gloss ?? "").length;
  const others = pool
    .filter((p) => p.pos === suggestion.pos)
    .map((p) => first(p.gloss))
    .filter((g) => normalizeForComparison(g) !== key)
    .sort((a, b) => Math.abs(a.length - length) - Math.abs(b.length - length) || a.localeCompare(b));
  for (const gloss of others) {
    if (out.length >= 3) break;
    if (!out.some((o) => normalizeForComparison(o) === normalizeForComparison(gloss))) out.push(gloss);
  }
  return out;
}

function buildVocabulary(suggestions: readonly Suggestion[], options: DraftOptions): Vocabulary {
  const pool = [
    ...[...(options.glossary?.values() ?? [])].map((g) => ({ gloss: g.gloss, pos: g.pos })),
    ...(options.trickyWords ?? DEFAULT_TRICKY_WORDS).map((t) => ({ gloss: t.gloss, pos: t.pos })),
  ];
  const terms: Term[] = [];
  for (const s of suggestions) {
    if (!s.gloss) continue;
    const wrongGlosses = wrongGlossesFor(s, pool);
    if (wrongGlosses.length < 3) continue;
    terms.push({
      id: s.id,
      surfaces: s.surfaces,
      lemma: s.lemma,
      pos: s.pos,
      ...(s.pos === "noun" ? { gender: s.gender ?? "m" } : {}),
      gloss: s.gloss,
      wrongGlosses,
      level: s.level,
      sentenceIds: s.sentenceIds,
      draft: true,
    });
  }
  return terms;
}

/** The sentence with one span replaced by a placeholder, in French and, when the English shows the value, in English. */
function statementFor(sentence: AnalysedSentence, span: string, en: string | undefined, slot: string) {
  const at = sentence.fr.indexOf(span);
  const fr = `${sentence.fr.slice(0, at)}{${slot}}${sentence.fr.slice(at + span.length)}`;
  const english = sentence.en;
  const enAt = english && en ? english.indexOf(en) : -1;
  const withSlot =
    english && en && enAt >= 0
      ? `${english.slice(0, enAt)}{${slot}}${english.slice(enAt + en.length)}`
      : undefined;
  return { fr, en: withSlot ?? english ?? MISSING_TRANSLATION, enHasSlot: withSlot !== undefined };
}

function occursOnce(text: string, part: string): boolean {
  const first = text.indexOf(part);
  return first >= 0 && text.indexOf(part, first + 1) < 0;
}

function nameAndNumberFacts(sentences: readonly AnalysedSentence[]): Fact[] {
  const out: Fact[] = [];
  for (const sentence of sentences) {
    const others = [...sentence.names.map((n) => n.text), ...sentence.quantities.map((q) => q.text)];
    const values: { text: string; slot: SlotValue; kind: string }[] = [
      ...sentence.names.map((n) => ({
        text: n.text,
        kind: n.kind,
        slot: { type: n.kind, category: "in-text", fr: n.text, en: n.text } as SlotValue,
      })),
      ...sentence.quantities.map((q) => ({
        text: q.text,
        kind: q.type,
        slot: {
          type: q.type,
          ...(q.type === "date" ? { category: "in-text" } : {}),
          fr: q.text,
          en: q.en,
          ...(q.quantity ? { quantity: q.quantity } : {}),
        } as SlotValue,
      })),
    ];
    for (const { text, kind, slot } of values) {
      if (!occursOnce(sentence.fr, text)) continue;
      const exclude = others.filter((o) => o !== text);
      const statement = statementFor(sentence, text, slot.en, "value");
      out.push({
        id: `${sentence.id}-${kind}-${kebab(text)}`,
        sentenceId: sentence.id,
        subject: "value",
        slots: { value: { ...slot, ...(exclude.length ? { exclude } : {}) } },
        statement: { fr: statement.fr, en: statement.en },
        questions: [],
        trueFalse: statement.enHasSlot ? ["value"] : [],
        cloze: ["value"],
        difficulty: kind === "person" || kind === "organisation" || kind === "place" ? 1 : 2,
        draft: true,
      });
    }
  }
  return out;
}

function wordFacts(
  sentences: readonly AnalysedSentence[],
  suggestions: readonly Suggestion[],
  vocabulary: Vocabulary,
): Fact[] {
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const glosses = new Map(vocabulary.map((t) => [t.id, t.gloss]));
  const out: Fact[] = [];
  for (const s of suggestions) {
    if (out.length >= MAX_WORD_CLOZES) break;
    const surface = s.surfaces[0];
    const sentence = byId.get(s.sentenceIds[0] ?? "");
    const category = wordCategory(s.pos, s.tag);
    if (!surface || !sentence || !category || /[\s'’]/.test(surface) || s.reasons.includes("cognate"))
      continue;
    if (!occursOnce(sentence.fr, surface)) continue;
    const statement = statementFor(sentence, surface, undefined, "word");
    const agrees = s.pos === "noun" || s.pos === "adjective";
    // A word the sentence already holds ("semer et à ____" offering "semer") is no option.
    const exclude = [
      ...new Set(
        sentence.words
          .filter((w) => ["noun", "verb", "adjective", "adverb"].includes(w.pos) && w.token.text !== surface)
          .map((w) => w.token.text),
      ),
    ];
    out.push({
      id: `${sentence.id}-word-${kebab(s.lemma)}`,
      sentenceId: sentence.id,
      subject: "word",
      slots: {
        word: {
          type: WORD_SLOT_TYPE,
          category,
          fr: surface,
          // The explanation names the meaning: the gloss when there is one, else the dictionary form.
          en: glosses.get(s.id) ?? s.lemma,
          ...(agrees && s.gender ? { gender: s.gender } : {}),
          ...(agrees && s.number ? { number: s.number } : {}),
          ...(exclude.length ? { exclude } : {}),
        },
      },
      statement: { fr: statement.fr, en: statement.en },
      questions: [],
      trueFalse: [],
      cloze: ["word"],
      difficulty: 2,
      draft: true,
    });
  }
  return out;
}

function wordOutsiders(
  facts: readonly Fact[],
  suggestions: readonly Suggestion[],
  analysis: TextAnalysis,
  lexicon: Lexicon,
): Outsider[] {
  const inText = new Set(
    allAnalysedSentences(analysis).flatMap((s) =>
      s.words.flatMap((w) => [normalizeForComparison(w.token.text), normalizeForComparison(w.lemma)]),
    ),
  );
  const bySurface = new Map(suggestions.map((s) => [`${s.sentenceIds[0]}/${s.surfaces[0]}`, s]));
  const out: Outsider[] = [];
  const seen = new Set<string>();
  for (const fact of facts) {
    const slot = fact.slots.word;
    const suggestion = slot ? bySurface.get(`${fact.sentenceId}/${slot.fr}`) : undefined;
    if (!slot || !suggestion) continue;
    const options = lexiconOptions(
      lexicon,
      {
        pos: suggestion.pos,
        tag: suggestion.tag,
        gender: slot.gender,
        number: slot.number,
        rank: suggestion.rank,
        compound: /[-'’]/.test(slot.fr),
      },
      inText,
    );
    for (const option of options) {
      const key = `${option.category}/${option.gender ?? ""}/${option.number ?? ""}/${normalizeForComparison(option.fr)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(option);
    }
  }
  return out;
}

/**
 * A true statement is its sentence: two facts of one sentence with a
 * true/false use would state the same thing twice. The first keeps it.
 */
function oneTrueFalsePerSentence(facts: Fact[]): Fact[] {
  const taken = new Set<string>();
  return facts
    .map((fact) => {
      if (fact.trueFalse.length === 0) return fact;
      if (taken.has(fact.sentenceId)) return { ...fact, trueFalse: [] };
      taken.add(fact.sentenceId);
      return fact;
    })
    .filter((fact) => fact.cloze.length + fact.trueFalse.length + fact.questions.length > 0);
}

function uniqueIds(facts: Fact[]): Fact[] {
  const seen = new Map<string, number>();
  return facts.map((fact) => {
    const count = seen.get(fact.id) ?? 0;
    seen.set(fact.id, count + 1);
    return count === 0 ? fact : { ...fact, id: `${fact.id}-${count + 1}` };
  });
}

export function buildDraft(analysis: TextAnalysis, options: DraftOptions): DraftContent {
  const sentences = allAnalysedSentences(analysis);
  const article = buildArticle(analysis, options);
  const vocabulary = buildVocabulary(analysis.suggestions, options);
  const words = wordFacts(sentences, analysis.suggestions, vocabulary);
  const own: Outsiders = {};
  const options_ = wordOutsiders(words, analysis.suggestions, analysis, options.lexicon);
  if (options_.length) own[WORD_SLOT_TYPE] = options_;
  const merged: Outsiders = { ...options.outsiders };
  for (const [type, values] of Object.entries(own)) merged[type] = [...(merged[type] ?? []), ...values];
  // Pruned again: facts dropped for their true/false use take their values out of others' options.
  const facts = pruneFactUses(
    oneTrueFalsePerSentence(
      pruneFactUses(uniqueIds([...nameAndNumberFacts(sentences), ...words]), merged, NEEDED),
    ),
    merged,
    NEEDED,
  );
  // Keep only the outsiders some remaining cloze can use.
  const categories = new Set(facts.flatMap((f) => Object.values(f.slots).map((s) => s.category)));
  const usedOwn = (own[WORD_SLOT_TYPE] ?? []).filter((o) => categories.has(o.category));
  return {
    source: analysis.source,
    article,
    vocabulary,
    facts,
    outsiders: usedOwn.length ? { [WORD_SLOT_TYPE]: usedOwn } : {},
    suggestions: analysis.suggestions,
  };
}
