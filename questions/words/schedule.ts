/**
 * Scheduling through ts-fsrs (FSRS). Nothing here decides an interval: it
 * converts between Glose's stored card (plain JSON) and ts-fsrs's `Card`, and
 * asks the library. Fuzz stays off, so the same answers at the same times
 * always give the same schedule: a merged history replays to the same cards
 * on every device, and tests can use a fixed clock.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import type { CardKind, CardState, GradeName, Review, SavedWord } from "./word";

const scheduler = fsrs({ enable_fuzz: false });

const RATINGS: Record<GradeName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

function toCard(state: CardState): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview === null ? undefined : new Date(state.lastReview),
  };
}

function fromCard(card: Card): CardState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState["state"],
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** A card never reviewed, due at once. */
export function newCard(now: number): CardState {
  return fromCard(createEmptyCard(new Date(now)));
}

/** The card after one answer. */
export function gradeCard(card: CardState, grade: GradeName, now: number): CardState {
  return fromCard(scheduler.next(toCard(card), new Date(now), RATINGS[grade]).card);
}

/** When each answer would bring the card back: what the buttons show before the learner chooses. */
export function previewDue(card: CardState, now: number): Record<GradeName, number> {
  const preview = scheduler.repeat(toCard(card), new Date(now));
  return {
    again: preview[Rating.Again].card.due.getTime(),
    hard: preview[Rating.Hard].card.due.getTime(),
    good: preview[Rating.Good].card.due.getTime(),
    easy: preview[Rating.Easy].card.due.getTime(),
  };
}

/** Past the learning steps: the card is scheduled in days. */
export function isGraduated(card: CardState): boolean {
  return card.state === State.Review;
}

/** The probability (0–1) of recalling the card now, by FSRS's forgetting curve. */
export function recallProbability(card: CardState, now: number): number {
  if (card.state === State.New) return 0;
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}

export type WordCards = SavedWord["cards"];

/**
 * One answer applied to a word's cards. Production (the sentence with the
 * word blanked) opens the moment recognition leaves its learning steps, due
 * at once, so the learner meets it next.
 */
export function applyReview(cards: WordCards, card: CardKind, grade: GradeName, at: number): WordCards {
  if (card === "recognition") {
    const recognition = gradeCard(cards.recognition, grade, at);
    const opensProduction = cards.production === null && isGraduated(recognition);
    return { recognition, production: opensProduction ? newCard(at) : cards.production };
  }
  // A production answer with no production card comes from a merge of two devices'
  // histories: the card is taken as opened at that answer.
  return {
    recognition: cards.recognition,
    production: gradeCard(cards.production ?? newCard(at), grade, at),
  };
}

/** The cards rebuilt from a history alone, oldest answer first: how a merge settles two devices. */
export function replayReviews(createdAt: number, reviews: readonly Review[]): WordCards {
  const ordered = [...reviews].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return ordered.reduce<WordCards>(
    (cards, review) => applyReview(cards, review.card, review.grade, review.at),
    { recognition: newCard(createdAt), production: null },
  );
}
