import { dueByCount, dueCards, LEARN_AHEAD_MS, nextDue } from "@/questions/words/cards";
import { applyReview, gradeCard, newCard, previewDue, replayReviews } from "@/questions/words/schedule";
import { recordAnswer } from "@/questions/words/status";
import { DAY, MINUTE, T0, word } from "./word-fixtures";

describe("scheduling through ts-fsrs, on a fixed clock", () => {
  it("a new card is due at once and each answer brings it back later the better it went", () => {
    const card = newCard(T0);
    expect(card.due).toBe(T0);
    const due = previewDue(card, T0);
    expect(due.again).toBeLessThan(due.hard);
    expect(due.hard).toBeLessThan(due.good);
    expect(due.good).toBeLessThan(due.easy);
    // FSRS's default learning steps (1 and 10 minutes); Easy skips them and goes to days.
    expect(due.again - T0).toBe(MINUTE);
    expect(due.good - T0).toBe(10 * MINUTE);
    expect(due.easy - T0).toBeGreaterThanOrEqual(DAY);
  });

  it("gives the same schedule for the same answers at the same times (no fuzz)", () => {
    const run = () => {
      let card = newCard(T0);
      card = gradeCard(card, "good", T0);
      card = gradeCard(card, "good", T0 + 10 * MINUTE);
      return gradeCard(card, "hard", T0 + 3 * DAY);
    };
    expect(run()).toEqual(run());
  });

  it("the preview is exactly what answering gives", () => {
    const card = gradeCard(newCard(T0), "good", T0);
    const at = T0 + 10 * MINUTE;
    const due = previewDue(card, at);
    for (const grade of ["again", "hard", "good", "easy"] as const)
      expect(gradeCard(card, grade, at).due).toBe(due[grade]);
  });

  it("opens the production card once recognition leaves its learning steps", () => {
    let cards = { recognition: newCard(T0), production: null } as ReturnType<typeof replayReviews>;
    cards = applyReview(cards, "recognition", "good", T0);
    expect(cards.production).toBeNull();
    cards = applyReview(cards, "recognition", "good", T0 + 10 * MINUTE);
    expect(cards.production).not.toBeNull();
    expect(cards.production?.due).toBe(T0 + 10 * MINUTE);
  });

  it("replaying a history gives the cards that answering one by one gave", () => {
    let saved = word("recruter");
    const answers = [
      { card: "recognition", grade: "good", at: T0 },
      { card: "recognition", grade: "good", at: T0 + 10 * MINUTE },
      { card: "production", grade: "again", at: T0 + 11 * MINUTE },
      { card: "production", grade: "good", at: T0 + 12 * MINUTE },
      { card: "recognition", grade: "hard", at: T0 + 4 * DAY },
    ] as const;
    answers.forEach((answer, i) => (saved = recordAnswer(saved, { id: `r${i}`, ...answer })));
    expect(replayReviews(saved.createdAt, saved.reviews)).toEqual(saved.cards);
    expect(saved.status).toBe("learning");
  });
});

describe("the review queue", () => {
  it("asks due cards, recognition before production, the most overdue first", () => {
    const a = word("a", {}, T0 - 2 * DAY);
    let b = word("b", {}, T0 - DAY);
    b = recordAnswer(b, { id: "1", card: "recognition", grade: "easy", at: T0 - DAY });
    b = { ...b, cards: { ...b.cards, production: { ...b.cards.recognition, due: T0 - 3 * DAY } } };
    const c = word("c", { status: "known" }, T0 - 3 * DAY);
    const queue = dueCards([b, c, a], T0);
    expect(queue.map((card) => `${card.wordId}/${card.kind}`)).toEqual(["a/recognition", "b/production"]);
  });

  it("when nothing is due, learns ahead within 20 minutes, and no further", () => {
    const soon = recordAnswer(word("bientôt"), { id: "1", card: "recognition", grade: "good", at: T0 });
    expect(dueCards([soon], T0 + MINUTE)).toHaveLength(1); // due at T0 + 10 min
    let later = recordAnswer(word("plus tard"), { id: "1", card: "recognition", grade: "easy", at: T0 });
    // Easy graduates recognition, which opens production at once.
    expect(dueCards([later], T0 + MINUTE).map((card) => card.kind)).toEqual(["production"]);
    later = recordAnswer(later, { id: "2", card: "production", grade: "easy", at: T0 + MINUTE });
    expect(dueCards([later], T0 + MINUTE)).toHaveLength(0);
    expect(nextDue([later])).toBeGreaterThan(T0 + LEARN_AHEAD_MS);
  });

  it("counts the cards due by a time, ignoring known and ignored words", () => {
    const words = [word("un"), word("deux", { status: "ignored" }), word("trois", { status: "known" })];
    expect(dueByCount(words, T0)).toBe(1);
    expect(dueByCount([], T0)).toBe(0);
  });
});
