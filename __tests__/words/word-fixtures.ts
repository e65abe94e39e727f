import { createWord } from "@/questions/words/status";
import type { SavedWord } from "@/questions/words/word";

/** 2026-03-02 09:00 UTC: every test's clock starts here. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function word(lemma: string, overrides: Partial<SavedWord> = {}, at = T0): SavedWord {
  return {
    ...createWord(
      {
        lemma,
        meaning: `meaning of ${lemma}`,
        context: {
          slug: "ai-talent-race",
          sentenceId: "s1",
          sentence: `Une phrase avec ${lemma} dedans.`,
          form: lemma,
        },
      },
      at,
    ),
    ...overrides,
  };
}
