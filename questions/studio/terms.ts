/**
 * Glossed terms in a draft: accepting one of the pipeline's suggestions,
 * glossing any span the teacher selects (several words included), editing
 * and removing. A gloss needs three wrong meanings for its vocabulary
 * question; Glose proposes them from the glosses of other words of the same
 * part of speech, the teacher keeps or rewrites them.
 */
import { indexOfWord } from "../article";
import { normalizeForComparison } from "../normalize";
import type { CefrLevel, Gender, PartOfSpeech } from "../schema";
import { draftSentences, type DraftSuggestion, type DraftTerm, type StudioDraft } from "./draft";

/** What a vocabulary question needs besides the key. */
export const WRONG_GLOSSES_NEEDED = 3;

export function kebabId(text: string, fallback = "x"): string {
  return normalizeForComparison(text).replace(/\s+/g, "-").slice(0, 48).replace(/-+$/, "") || fallback;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The suggestions still waiting for the teacher: neither accepted as a term nor removed. */
export function pendingSuggestions(draft: StudioDraft): DraftSuggestion[] {
  const accepted = new Set(draft.terms.map((t) => t.id));
  const dismissed = new Set(draft.dismissed);
  return draft.suggestions.filter((s) => !accepted.has(s.id) && !dismissed.has(s.id));
}

const firstSense = (gloss: string) => gloss.split(/[,;]/)[0]?.trim() ?? gloss;

/**
 * Wrong meanings for a gloss: glosses of the draft's other terms of the same
 * part of speech first (they belong to the text's world), then the pool of
 * Glose's glossary; those closest in length to the gloss first, so that none
 * stands out.
 */
export function proposeWrongGlosses(
  draft: StudioDraft,
  term: Pick<DraftTerm, "id" | "pos" | "gloss" | "wrongGlosses">,
  count = WRONG_GLOSSES_NEEDED,
): string[] {
  const chosen = term.wrongGlosses.filter((g) => g.trim());
  if (chosen.length >= count) return chosen;
  const taken = new Set([term.gloss, ...chosen].map((g) => normalizeForComparison(firstSense(g))));
  const length = firstSense(term.gloss).length;
  const byLength = (list: string[]) =>
    [...list].sort((a, b) => Math.abs(a.length - length) - Math.abs(b.length - length) || a.localeCompare(b));
  const fromText = draft.terms.filter((t) => t.id !== term.id && t.pos === term.pos).map((t) => t.gloss);
  const fromPool = draft.glossPool[term.pos] ?? [];
  const out = [...chosen];
  for (const gloss of [...byLength(fromText.map(firstSense)), ...byLength(fromPool.map(firstSense))]) {
    if (out.length >= count) break;
    const key = normalizeForComparison(gloss);
    if (!gloss || !key || taken.has(key)) continue;
    taken.add(key);
    out.push(gloss);
  }
  return out;
}

/** A suggestion as a term, ready to edit: its gloss if Glose has one, wrong meanings proposed. */
export function termFromSuggestion(draft: StudioDraft, suggestion: DraftSuggestion): DraftTerm {
  const term: DraftTerm = {
    id: suggestion.id,
    surfaces: suggestion.surfaces,
    lemma: suggestion.lemma,
    pos: suggestion.pos,
    ...(suggestion.pos === "noun" ? { gender: suggestion.gender ?? "m" } : {}),
    gloss: suggestion.gloss ?? "",
    wrongGlosses: suggestion.wrongGlosses ?? [],
    level: suggestion.level,
    sentenceIds: suggestion.sentenceIds,
  };
  return term.gloss ? { ...term, wrongGlosses: proposeWrongGlosses(draft, term) } : term;
}

/** Only nouns carry a gender in vocabulary.json. */
function withGender(term: DraftTerm): DraftTerm {
  if (term.pos === "noun") return { ...term, gender: term.gender ?? "m" };
  const rest = { ...term };
  delete rest.gender;
  return rest;
}

/** Adds `term`, or replaces the term with its id. */
export function saveTerm(draft: StudioDraft, term: DraftTerm): StudioDraft {
  const fixed = withGender(term);
  const exists = draft.terms.some((t) => t.id === term.id);
  return {
    ...draft,
    terms: exists ? draft.terms.map((t) => (t.id === term.id ? fixed : t)) : [...draft.terms, fixed],
  };
}

/** Removes a term; a suggested one goes back to the suggestions. */
export function removeTerm(draft: StudioDraft, id: string): StudioDraft {
  return { ...draft, terms: draft.terms.filter((t) => t.id !== id) };
}

export function dismissSuggestion(draft: StudioDraft, id: string): StudioDraft {
  return draft.dismissed.includes(id) ? draft : { ...draft, dismissed: [...draft.dismissed, id] };
}

export interface SpanGloss {
  sentenceId: string;
  /** The words exactly as they stand in the sentence. */
  surface: string;
  lemma: string;
  pos: PartOfSpeech;
  gender?: Gender;
  level: CefrLevel;
  gloss?: string;
  wrongGlosses?: readonly string[];
}

/**
 * A term for any words the teacher selected: glossed in every sentence where
 * those words stand, like the pipeline's suggestions. Its id comes from the
 * lemma; a span already glossed becomes that term again.
 */
export function termFromSpan(draft: StudioDraft, span: SpanGloss): DraftTerm {
  const surface = span.surface.trim();
  const existing = draft.terms.find((t) => t.surfaces.includes(surface));
  if (existing) return existing;
  const sentenceIds = draftSentences(draft)
    .filter((s) => indexOfWord(s.fr, surface) >= 0)
    .map((s) => s.id);
  const taken = new Set([...draft.terms.map((t) => t.id), ...draft.suggestions.map((s) => s.id)]);
  const term: DraftTerm = {
    id: uniqueId(kebabId(span.lemma || surface, "terme"), taken),
    surfaces: [surface],
    lemma: span.lemma || surface,
    pos: span.pos,
    ...(span.pos === "noun" ? { gender: span.gender ?? "m" } : {}),
    gloss: span.gloss ?? "",
    wrongGlosses: [...(span.wrongGlosses ?? [])],
    level: span.level,
    sentenceIds: sentenceIds.length ? sentenceIds : [span.sentenceId],
  };
  return term.gloss ? { ...term, wrongGlosses: proposeWrongGlosses(draft, term) } : term;
}
