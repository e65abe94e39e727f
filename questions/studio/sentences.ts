/**
 * Editing the text of a draft: a sentence's French or English, splitting one
 * sentence in two, merging two. Sentence ids stay as content needs them
 * (title, s1, s2… in reading order), so a split or a merge renumbers every
 * sentence after it; glossed terms, suggestions and facts follow their words
 * to the new ids.
 */
import { indexOfWord } from "../article";
import type { DraftParagraph, DraftSentence, StudioDraft } from "./draft";

/** A sentence and the ids it was made from, before renumbering. */
interface Traced {
  sentence: DraftSentence;
  from: readonly string[];
}

/**
 * New ids for every sentence and paragraph; every reference in the draft
 * follows its sentence: to the new sentence holding its words when one old
 * sentence became two.
 */
function renumber(draft: StudioDraft, paragraphs: Traced[][]): StudioDraft {
  const made: { id: string; fr: string; from: readonly string[] }[] = [];
  let n = 0;
  const kept = paragraphs.filter((p) => p.length > 0);
  const newParagraphs: DraftParagraph[] = kept.map((sentences, p) => ({
    id: `p${p + 1}`,
    sentences: sentences.map(({ sentence, from }) => {
      const id = `s${++n}`;
      made.push({ id, fr: sentence.fr, from });
      return { ...sentence, id };
    }),
  }));

  /** The new id of old sentence `old`: the part holding most of `words` when it was split. */
  const resolve = (old: string, words: readonly string[]): string | undefined => {
    if (old === "title") return "title";
    const candidates = made.filter((m) => m.from.includes(old));
    const held = (c: { fr: string }) => words.filter((w) => w && indexOfWord(c.fr, w) >= 0).length;
    const best = candidates.reduce<(typeof candidates)[number] | undefined>(
      (a, c) => (a === undefined || held(c) > held(a) ? c : a),
      undefined,
    );
    return best?.id;
  };
  const resolveAll = (ids: readonly string[], words: readonly string[]) => [
    ...new Set(ids.flatMap((id) => resolve(id, words) ?? [])),
  ];

  return {
    ...draft,
    paragraphs: newParagraphs,
    terms: draft.terms.map((t) => ({ ...t, sentenceIds: resolveAll(t.sentenceIds, t.surfaces) })),
    suggestions: draft.suggestions.map((s) => ({ ...s, sentenceIds: resolveAll(s.sentenceIds, s.surfaces) })),
    facts: draft.facts.map((f) => ({
      ...f,
      sentenceId: resolve(f.sentenceId, [f.answer.fr]) ?? f.sentenceId,
    })),
    baseFacts: draft.baseFacts.map((f) => ({
      ...f,
      sentenceId:
        resolve(
          f.sentenceId,
          Object.values(f.slots).map((slot) => slot.fr),
        ) ?? f.sentenceId,
    })),
  };
}

function traced(draft: StudioDraft): Traced[][] {
  return draft.paragraphs.map((p) => p.sentences.map((sentence) => ({ sentence, from: [sentence.id] })));
}

export interface SentenceEdit {
  fr?: string;
  en?: string;
}

/** Rewrites a sentence's French and/or English; editing the English means it has been checked. */
export function editSentence(draft: StudioDraft, id: string, edit: SentenceEdit): StudioDraft {
  const apply = <S extends DraftSentence | StudioDraft["title"]>(s: S): S => {
    const next = { ...s, ...(edit.fr !== undefined ? { fr: edit.fr } : {}) };
    if (edit.en === undefined) return next;
    const checked = { ...next, en: edit.en };
    delete checked.check;
    return checked;
  };
  if (id === "title") return { ...draft, title: apply(draft.title) };
  return {
    ...draft,
    paragraphs: draft.paragraphs.map((p) => ({
      ...p,
      sentences: p.sentences.map((s) => (s.id === id ? apply(s) : s)),
    })),
  };
}

/** The teacher has read the pairing and it is right. */
export function confirmSentence(draft: StudioDraft, id: string): StudioDraft {
  const sentence = id === "title" ? draft.title : findSentence(draft, id);
  return sentence ? editSentence(draft, id, { en: sentence.en }) : draft;
}

export function findSentence(draft: StudioDraft, id: string): DraftSentence | undefined {
  if (id === "title") return draft.title;
  for (const p of draft.paragraphs) for (const s of p.sentences) if (s.id === id) return s;
  return undefined;
}

/** Where a sentence ends and another starts: a stop, then (quotes aside) a capital or a digit. */
const SENTENCE_END =
  /[.!?…]+[\s\u00a0\u202f]*["”’»)\]]*[\s\u00a0\u202f]+(?=[«"“‘'(\[\s\u00a0\u202f]*[\p{Lu}\d])/gu;

/** Offsets where `text` could be split into two sentences, quotations included. */
export function sentenceBreaks(text: string): number[] {
  return [...text.matchAll(SENTENCE_END)]
    .map((m) => (m.index ?? 0) + m[0].length)
    .filter((at) => at > 0 && at < text.length);
}

function nearest(points: readonly number[], target: number): number | undefined {
  return points.reduce<number | undefined>(
    (best, p) => (best === undefined || Math.abs(p - target) < Math.abs(best - target) ? p : best),
    undefined,
  );
}

/** Where to split a French sentence when the teacher did not say: the sentence break nearest its middle. */
export function defaultSplitPoint(fr: string): number | undefined {
  return nearest(sentenceBreaks(fr), fr.length / 2);
}

/**
 * The English split where the French is: at the sentence break nearest the
 * same proportion, else at a comma, a semicolon or "and", else a space.
 */
export function splitEnglish(en: string, share: number): [string, string] {
  const target = en.length * share;
  const at =
    nearest(sentenceBreaks(en), target) ??
    nearest(
      [...en.matchAll(/[,;:] |\s(?:and|but|while|which) /g)].map(
        (m) => (m.index ?? 0) + (m[0].startsWith(" ") ? 0 : 1),
      ),
      target,
    ) ??
    nearest(
      [...en.matchAll(/ /g)].map((m) => m.index ?? 0),
      target,
    );
  if (at === undefined) return [en, ""];
  return [en.slice(0, at).trim(), en.slice(at).trim()];
}

/**
 * Splits sentence `id` at offset `at` of its French. The English is split
 * at the matching place and both halves are marked for checking. Nothing
 * changes when either half of the French would be empty, or for the title.
 */
export function splitSentence(draft: StudioDraft, id: string, at: number): StudioDraft {
  const sentence = id === "title" ? undefined : findSentence(draft, id);
  if (!sentence) return draft;
  const first = sentence.fr.slice(0, at).trim();
  const second = sentence.fr.slice(at).trim();
  if (!first || !second) return draft;
  const [en1, en2] = splitEnglish(sentence.en, at / sentence.fr.length);
  const paragraphs = traced(draft).map((p) =>
    p.flatMap((t) =>
      t.sentence.id === id
        ? [
            { sentence: { id, fr: first, en: en1, check: true as const }, from: [id] },
            { sentence: { id, fr: second, en: en2, check: true as const }, from: [id] },
          ]
        : [t],
    ),
  );
  return renumber(draft, paragraphs);
}

/** Joins sentence `id` with the next one of its paragraph; nothing changes for the last one. */
export function mergeWithNext(draft: StudioDraft, id: string): StudioDraft {
  const paragraphs = traced(draft);
  for (const p of paragraphs) {
    const index = p.findIndex((t) => t.sentence.id === id);
    const current = p[index];
    const next = p[index + 1];
    if (!current || !next) continue;
    const join = (a: string, b: string) => [a, b].filter((s) => s.trim()).join(" ");
    const check = current.sentence.check || next.sentence.check;
    p.splice(index, 2, {
      sentence: {
        id,
        fr: join(current.sentence.fr, next.sentence.fr),
        en: join(current.sentence.en, next.sentence.en),
        ...(check ? { check: true as const } : {}),
      },
      from: [...current.from, ...next.from],
    });
    return renumber(draft, paragraphs);
  }
  return draft;
}

/** Whether sentence `id` has a next sentence in its paragraph to merge with. */
export function canMergeWithNext(draft: StudioDraft, id: string): boolean {
  return draft.paragraphs.some((p) => {
    const index = p.sentences.findIndex((s) => s.id === id);
    return index >= 0 && index < p.sentences.length - 1;
  });
}
