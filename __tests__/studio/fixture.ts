/**
 * The studio's test text (e2e/fixtures/studio: an original B1 text with its
 * translation, the glosses and facts a teacher would write), and the edits
 * that teacher makes, done with the studio's own operations.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { StudioDraft, TeacherFact } from "@/questions/studio/draft";
import { defaultSplitPoint, findSentence, splitSentence } from "@/questions/studio/sentences";
import { newFactId, proposeWrongAnswers, saveFact } from "@/questions/studio/facts";
import {
  pendingSuggestions,
  proposeWrongGlosses,
  saveTerm,
  termFromSpan,
  termFromSuggestion,
} from "@/questions/studio/terms";

const DIR = path.join(__dirname, "..", "..", "e2e", "fixtures", "studio");

export const FRENCH = readFileSync(path.join(DIR, "fr.txt"), "utf8");
export const ENGLISH = readFileSync(path.join(DIR, "en.txt"), "utf8");

/** The French as a teacher pastes it: the title in its field, the rest as the text. */
export function pasted() {
  const [title = "", ...rest] = FRENCH.split("\n");
  return { title, text: rest.join("\n"), english: ENGLISH };
}

interface Gloss {
  surface: string;
  lemma: string;
  pos: "noun" | "verb" | "adjective" | "adverb" | "expression";
  gender: "m" | "f" | null;
  gloss: string;
  wrongGlosses: string[];
  level: "A2" | "B1" | "B2";
}

export const GLOSSES = JSON.parse(readFileSync(path.join(DIR, "glossary.json"), "utf8")) as Gloss[];

/** Accepts the suggestions the glossary covers (up to `count`), with its glosses. */
export function acceptGlosses(draft: StudioDraft, count = 10): StudioDraft {
  let next = draft;
  for (const gloss of GLOSSES) {
    if (next.terms.length >= count) break;
    const suggestion = pendingSuggestions(next).find((s) => s.surfaces.includes(gloss.surface));
    const term = suggestion
      ? termFromSuggestion(next, suggestion)
      : termFromSpan(next, {
          sentenceId: "s1",
          surface: gloss.surface,
          lemma: gloss.lemma,
          pos: gloss.pos,
          ...(gloss.gender ? { gender: gloss.gender } : {}),
          level: gloss.level,
        });
    if (!term.sentenceIds.some((id) => findSentence(next, id)?.fr.includes(gloss.surface))) continue;
    next = saveTerm(next, {
      ...term,
      lemma: gloss.lemma,
      pos: gloss.pos,
      ...(gloss.gender ? { gender: gloss.gender } : {}),
      gloss: gloss.gloss,
      wrongGlosses: proposeWrongGlosses(next, {
        ...term,
        gloss: gloss.gloss,
        wrongGlosses: gloss.wrongGlosses,
      }),
    });
  }
  return next;
}

/** Splits the quotation (s4) in two, as facts.md counts the sentences. */
export function splitQuotation(draft: StudioDraft): StudioDraft {
  const quote = findSentence(draft, "s4");
  if (!quote) throw new Error("no s4");
  return splitSentence(draft, "s4", defaultSplitPoint(quote.fr) ?? 0);
}

/** The two facts of facts.md: Sophie Lambert (s3) and 350 (s6). */
export function addFacts(draft: StudioDraft): StudioDraft {
  const person: TeacherFact = {
    id: newFactId(draft, "s3", "Sophie Lambert"),
    sentenceId: "s3",
    answer: { fr: "Sophie Lambert", en: "Sophie Lambert", type: "person" },
    question: { en: "Whose idea was the library of things?", fr: "De qui vient l’idée ?" },
    wrongAnswers: [],
  };
  let next = saveFact(draft, { ...person, wrongAnswers: proposeWrongAnswers(draft, person) });
  const count: TeacherFact = {
    id: newFactId(next, "s6", "350"),
    sentenceId: "s6",
    answer: { fr: "350", en: "350", type: "number", quantity: { value: 350, format: "decimal" } },
    question: {
      en: "How many items does the library of things offer?",
      fr: "Combien d’objets la bibliothèque d’objets propose-t-elle ?",
    },
    wrongAnswers: [],
  };
  next = saveFact(next, count);
  return next;
}
