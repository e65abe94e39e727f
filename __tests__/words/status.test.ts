import {
  createWord,
  MAX_STRENGTH,
  recordAnswer,
  setMeaning,
  setStatus,
  statusCounts,
  strength,
} from "@/questions/words/status";
import { parseSavedWord, wordKey, WORD_RECORD_VERSION } from "@/questions/words/word";
import { DAY, MINUTE, T0, word } from "./word-fixtures";

describe("statuses", () => {
  it("a saved word is new, keyed by its lemma whatever its case or apostrophe", () => {
    const saved = createWord(
      { lemma: "  L’Intelligence  artificielle ", meaning: " AI ", context: null },
      T0,
    );
    expect(saved.status).toBe("new");
    expect(saved.id).toBe("l'intelligence artificielle");
    expect(saved.lemma).toBe("L’Intelligence artificielle");
    expect(saved.meaning).toBe("AI");
    expect(wordKey("L'INTELLIGENCE artificielle")).toBe(saved.id);
  });

  it("the first answer makes a new word learning, and answering twice with one id counts once", () => {
    const first = recordAnswer(word("précieux"), { id: "x", card: "recognition", grade: "good", at: T0 });
    expect(first.status).toBe("learning");
    expect(recordAnswer(first, { id: "x", card: "recognition", grade: "again", at: T0 + 1 })).toBe(first);
  });

  it("strength grows with FSRS stability, from 1 to 5", () => {
    let saved = word("recruter");
    expect(strength(saved)).toBe(0);
    saved = recordAnswer(saved, { id: "1", card: "recognition", grade: "again", at: T0 });
    expect(strength(saved)).toBe(1);
    let at = T0;
    for (let i = 2; i < 12; i++) {
      at += Math.max(MINUTE, saved.cards.recognition.due - at);
      saved = recordAnswer(saved, { id: String(i), card: "recognition", grade: "easy", at });
    }
    expect(strength(saved)).toBe(MAX_STRENGTH);
    expect(saved.cards.recognition.stability).toBeGreaterThan(30);
  });

  it("known and ignored keep the history; learning again without reviews stays new", () => {
    const reviewed = recordAnswer(word("offensive"), { id: "1", card: "recognition", grade: "good", at: T0 });
    const known = setStatus(reviewed, "known", T0 + DAY);
    expect(known.status).toBe("known");
    expect(known.reviews).toHaveLength(1);
    expect(known.updatedAt).toBe(T0 + DAY);
    expect(setStatus(known, "learning", T0 + 2 * DAY).status).toBe("learning");
    expect(setStatus(word("neuf"), "learning", T0).status).toBe("new");
    expect(setStatus(known, "known", T0 + 5 * DAY)).toBe(known);
  });

  it("edits the meaning only when it changes", () => {
    const saved = word("valeur");
    expect(setMeaning(saved, " meaning of valeur ", T0 + 1)).toBe(saved);
    expect(setMeaning(saved, "worth", T0 + 1)).toMatchObject({ meaning: "worth", updatedAt: T0 + 1 });
  });

  it("counts words by status", () => {
    const words = [
      word("a"),
      word("b", { status: "known" }),
      word("c", { status: "known" }),
      word("d", { status: "ignored" }),
    ];
    expect(statusCounts(words)).toEqual({ new: 1, learning: 0, known: 2, ignored: 1 });
  });
});

describe("reading a stored record", () => {
  it("accepts a valid record", () => {
    const saved = recordAnswer(word("gagnant"), { id: "1", card: "recognition", grade: "good", at: T0 });
    expect(parseSavedWord(JSON.parse(JSON.stringify(saved)))).toEqual({ ok: true, word: saved });
  });

  it("tells corrupted, inconsistent, older and newer records apart", () => {
    const saved = word("gagnant");
    expect(parseSavedWord("not a record")).toEqual({ ok: false, reason: "corrupted" });
    expect(parseSavedWord({ ...saved, status: "mastered" })).toEqual({ ok: false, reason: "corrupted" });
    expect(parseSavedWord({ ...saved, id: "perdant" })).toEqual({ ok: false, reason: "corrupted" });
    const twice = { id: "1", card: "recognition", grade: "good", at: T0 };
    expect(parseSavedWord({ ...saved, reviews: [twice, twice] })).toEqual({ ok: false, reason: "corrupted" });
    expect(parseSavedWord({ ...saved, v: 0 })).toEqual({ ok: false, reason: "outdated" });
    expect(parseSavedWord({ ...saved, v: WORD_RECORD_VERSION + 1 })).toEqual({ ok: false, reason: "newer" });
  });
});
