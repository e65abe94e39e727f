/**
 * The facts a teacher writes in the studio, and how they become facts of the
 * content format (`fact-schema.ts`): the highlighted words are the answer
 * slot; the sentence restated with that slot is the statement a true/false
 * swaps; the teacher's question is asked in both languages; the sentence
 * with a gap is a cloze. Wrong answers are the text's other values of the
 * same kind, then the teacher's own; numbers get theirs from the value.
 */
import { indexOfWord } from "../article";
import type { Fact, SlotValue } from "../fact-schema";
import { typesetFrench } from "../french";
import { normalizeForComparison } from "../normalize";
import { formatQuantity } from "../quantity";
import {
  COUNTED_TYPES,
  type AnswerType,
  type DraftSentence,
  type StudioDraft,
  type TeacherFact,
} from "./draft";
import { kebabId, uniqueId } from "./terms";

/** The slot a teacher's fact asks about. */
export const ANSWER_SLOT = "answer";

/** Wrong answers a question needs: two, for three options (a fourth when one exists). */
export const WRONG_ANSWERS_NEEDED = 2;

export function isCountedType(type: string): boolean {
  return (COUNTED_TYPES as readonly string[]).includes(type);
}

/**
 * Invented people, for a question about a person the text names alone:
 * common French names, no public figure, so only a reader of the text can
 * rule them out.
 */
const INVENTED_PEOPLE = [
  "Claire Morel",
  "Julien Garnier",
  "Nathalie Roux",
  "Karim Haddad",
  "Isabelle Fabre",
  "Thomas Lemaire",
  "Aurélie Chevalier",
  "Olivier Masson",
  "Camille Perrin",
  "Sandrine Gauthier",
  "Lucas Renard",
  "Hélène Marchal",
  "Antoine Colin",
  "Élise Barbier",
  "Fatou Diallo",
  "Marc Aubert",
] as const;

/**
 * How a question about each kind of answer may start, in both languages:
 * the studio offers them to the teacher, who finishes the question.
 */
export const QUESTION_STARTERS: Readonly<Record<AnswerType, { en: string; fr: string }>> = {
  person: { en: "Who ", fr: "Qui " },
  organisation: { en: "Which organisation ", fr: "Quelle organisation " },
  place: { en: "Where ", fr: "Où " },
  role: { en: "What role ", fr: "Quel rôle " },
  job: { en: "Who ", fr: "Qui " },
  number: { en: "How many ", fr: "Combien " },
  amount: { en: "How much ", fr: "Combien " },
  share: { en: "What share ", fr: "Quelle part " },
  date: { en: "When ", fr: "Quand " },
  thing: { en: "What ", fr: "Qu’est-ce que " },
};

/** The sentence with `value` replaced by `{slot}`, in French and, where the English shows it, in English. */
export function restate(
  sentence: Pick<DraftSentence, "fr" | "en">,
  slots: Readonly<Record<string, Pick<SlotValue, "fr" | "en">>>,
): { fr: string; en: string } {
  let fr = sentence.fr;
  let en = sentence.en;
  for (const [name, slot] of Object.entries(slots)) {
    const at = indexOfWord(fr, slot.fr);
    if (at >= 0) fr = `${fr.slice(0, at)}{${name}}${fr.slice(at + slot.fr.length)}`;
    const enAt = slot.en ? indexOfWord(en, slot.en) : -1;
    if (enAt >= 0) en = `${en.slice(0, enAt)}{${name}}${en.slice(enAt + slot.en.length)}`;
  }
  return { fr, en };
}

/** The English of highlighted words when the translation shows them as they are (names, numbers). */
export function englishOfAnswer(sentence: Pick<DraftSentence, "en">, fr: string): string {
  return fr && indexOfWord(sentence.en, fr) >= 0 ? fr : "";
}

/** A number written plainly ("350", "14,3", "1 200"), or undefined. */
export function plainNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d+(,\d+)?$/.test(compact)) return undefined;
  const value = Number(compact.replace(",", "."));
  return value > 0 ? value : undefined;
}

/** Whether a counted answer's number reads as its words say, in both languages. */
export function quantityMatches(answer: TeacherFact["answer"]): boolean {
  if (!answer.quantity) return false;
  return (["fr", "en"] as const).every((language) => {
    const words = formatQuantity(answer.quantity!, language);
    return words === undefined || normalizeForComparison(words) === normalizeForComparison(answer[language]);
  });
}

/** An id for a new fact: its sentence and answer, unique among all the draft's facts. */
export function newFactId(draft: StudioDraft, sentenceId: string, answer: string): string {
  const taken = new Set([...draft.facts.map((f) => f.id), ...draft.baseFacts.map((f) => f.id)]);
  return uniqueId(`${sentenceId}-${kebabId(answer, "fact")}`, taken);
}

export function saveFact(draft: StudioDraft, fact: TeacherFact): StudioDraft {
  const exists = draft.facts.some((f) => f.id === fact.id);
  return {
    ...draft,
    facts: exists ? draft.facts.map((f) => (f.id === fact.id ? fact : f)) : [...draft.facts, fact],
  };
}

export function removeFact(draft: StudioDraft, id: string): StudioDraft {
  return { ...draft, facts: draft.facts.filter((f) => f.id !== id) };
}

export function removeBaseFact(draft: StudioDraft, id: string): StudioDraft {
  return { ...draft, baseFacts: draft.baseFacts.filter((f) => f.id !== id) };
}

/**
 * Wrong answers Glose proposes for a fact: the text's other values of the
 * same kind (from every fact), then, for a person, invented names. None for
 * numbers, whose wrong answers are computed from the value.
 */
export function proposeWrongAnswers(
  draft: StudioDraft,
  fact: Pick<TeacherFact, "id" | "answer" | "wrongAnswers">,
  count = WRONG_ANSWERS_NEEDED + 1,
): { fr: string; en: string }[] {
  if (isCountedType(fact.answer.type)) return [];
  const out = fact.wrongAnswers.filter((w) => w.fr.trim());
  const taken = new Set(
    [fact.answer.fr, fact.answer.en, ...out.map((w) => w.fr)].map(normalizeForComparison),
  );
  const add = (value: { fr: string; en: string }) => {
    const key = normalizeForComparison(value.fr);
    if (out.length >= count || !key || taken.has(key)) return;
    taken.add(key);
    out.push({ fr: value.fr, en: value.en });
  };
  for (const other of draft.facts) {
    if (other.id !== fact.id && other.answer.type === fact.answer.type) add(other.answer);
  }
  for (const base of draft.baseFacts) {
    for (const slot of Object.values(base.slots)) if (slot.type === fact.answer.type) add(slot);
  }
  if (fact.answer.type === "person") {
    for (const name of INVENTED_PEOPLE) add({ fr: name, en: name });
  }
  return out;
}

/** A teacher's fact in the content format, restated from its sentence as it stands now. */
export function toContentFact(fact: TeacherFact, sentence: Pick<DraftSentence, "fr" | "en">): Fact {
  const slot: SlotValue = {
    type: fact.answer.type,
    fr: fact.answer.fr.trim(),
    en: fact.answer.en.trim(),
    ...(isCountedType(fact.answer.type) && fact.answer.quantity ? { quantity: fact.answer.quantity } : {}),
  };
  const statement = restate(sentence, { [ANSWER_SLOT]: slot });
  return {
    id: fact.id,
    sentenceId: fact.sentenceId,
    subject: ANSWER_SLOT,
    slots: { [ANSWER_SLOT]: slot },
    statement,
    questions: [
      {
        ask: ANSWER_SLOT,
        en: fact.question.en.trim(),
        fr: typesetFrench(fact.question.fr.trim()),
      },
    ],
    trueFalse: statement.en.includes(`{${ANSWER_SLOT}}`) ? [ANSWER_SLOT] : [],
    cloze: [ANSWER_SLOT],
    difficulty: 2,
  };
}

/** A pipeline fact restated from its sentence as it stands now (the teacher may have edited it). */
export function restateBaseFact(fact: Fact, sentence: Pick<DraftSentence, "fr" | "en">): Fact {
  if (!fact.draft) return fact;
  const statement = restate(sentence, fact.slots);
  return {
    ...fact,
    statement,
    trueFalse: fact.trueFalse.filter((name) => statement.en.includes(`{${name}}`)),
  };
}
