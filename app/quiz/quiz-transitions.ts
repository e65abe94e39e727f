/**
 * How the quiz moves, as pure functions of the state: each takes the state
 * (and what the action brings: an option, the time, a source of ids) and returns the
 * fields that change, or `null` when the action makes no sense in the current
 * status and is ignored. The store only wires them to `set`.
 */
import { QUESTION_KINDS, type QuestionKind } from "@/questions/question-kinds";
import type { Question } from "@/questions/question-types";
import { selectCurrentAnswer, selectCurrentQuestion, selectMistakes, selectScore } from "./quiz-selectors";
import {
  HISTORY_LIMIT,
  idleAttempt,
  isInProgress,
  type AnswerEntry,
  type HelpKind,
  type HistoryEntry,
  type QuizQuestion,
  type QuizSettings,
  type QuizState,
} from "./quiz-state";

type Change = Partial<QuizState> | null;

function newEntry(at: number): AnswerEntry {
  return { optionId: null, help: { evidence: false, question: false }, startedAt: at, answeredAt: null };
}

function kindsOf(questions: readonly QuizQuestion[]): QuestionKind[] {
  const present = new Set(questions.map((question) => question.kind));
  return QUESTION_KINDS.filter((kind) => present.has(kind));
}

function finishAttempt(state: QuizState, at: number): Partial<QuizState> {
  const finished: Partial<QuizState> = {
    status: "finished",
    finishedAt: at,
    selectedOptionId: null,
    awaitingResume: false,
  };
  const { settings, attemptId } = state;
  if (!settings || !attemptId || state.history.some((entry) => entry.attemptId === attemptId)) {
    return finished;
  }
  const score = selectScore(state);
  // An attempt the browser cannot score (an assignment's) has no place in the learner's trend.
  if (!score) return finished;
  const entry: HistoryEntry = {
    attemptId,
    finishedAt: at,
    mode: settings.mode,
    articleSlug: settings.articleSlug,
    score: score.score,
    maxScore: score.maxScore,
    percentage: score.percentage,
    kinds: kindsOf(state.questions),
    isRetry: state.retryOf !== null,
  };
  return { ...finished, history: [...state.history, entry].slice(-HISTORY_LIMIT) };
}

function advance(state: QuizState, at: number): Partial<QuizState> {
  const index = state.index + 1;
  const question = state.questions[index];
  if (!question) return finishAttempt(state, at);
  return {
    status: "answering",
    index,
    selectedOptionId: null,
    answers: { ...state.answers, [question.id]: newEntry(at) },
  };
}

function beginAttempt(
  questions: readonly QuizQuestion[],
  settings: QuizSettings,
  ids: { attemptId: string; retryOf: string | null },
  at: number,
): Change {
  // Answers are keyed by question id, so a duplicate would share its twin's answer.
  const unique = questions.filter((question, i) => questions.findIndex((q) => q.id === question.id) === i);
  const first = unique[0];
  if (!first) return null;
  return {
    ...idleAttempt,
    status: "answering",
    settings,
    questions: unique,
    answers: { [first.id]: newEntry(at) },
    attemptId: ids.attemptId,
    retryOf: ids.retryOf,
    startedAt: at,
    awaitingResume: false,
  };
}

/** From idle or finished; an attempt in progress must be reset first. */
export function start(
  state: QuizState,
  questions: readonly QuizQuestion[],
  settings: QuizSettings,
  newId: () => string,
  at: number,
): Change {
  if (state.status !== "idle" && state.status !== "finished") return null;
  return beginAttempt(questions, settings, { attemptId: newId(), retryOf: null }, at);
}

/** While answering, an option of the current question; the choice may change until confirmed. */
export function choose(state: QuizState, optionId: string): Change {
  const question = selectCurrentQuestion(state);
  if (state.status !== "answering" || !question) return null;
  if (!question.options.some((option) => option.id === optionId)) return null;
  return { selectedOptionId: optionId };
}

/** While answering with a choice: practice → feedback, test → next question (or finished). */
export function confirm(state: QuizState, at: number): Change {
  const question = selectCurrentQuestion(state);
  const entry = selectCurrentAnswer(state);
  const optionId = state.selectedOptionId;
  if (state.status !== "answering" || !question || !entry || optionId === null) return null;
  const answers = { ...state.answers, [question.id]: { ...entry, optionId, answeredAt: at } };
  if (state.settings?.mode === "test") {
    return { answers, ...advance({ ...state, selectedOptionId: null, answers }, at) };
  }
  return { answers, selectedOptionId: null, status: "feedback" };
}

/** In feedback: the next question, or finished after the last. */
export function next(state: QuizState, at: number): Change {
  if (state.status !== "feedback") return null;
  return advance(state, at);
}

/** While answering, if helps are allowed; each help is counted once. */
export function revealHelp(state: QuizState, kind: HelpKind): Change {
  const question = selectCurrentQuestion(state);
  const entry = selectCurrentAnswer(state);
  if (state.status !== "answering" || !state.settings?.helpsAllowed || !question || !entry) return null;
  // The stem is already English: revealing it again reveals nothing and must not cost half a point.
  if (kind === "question" && question.language === "en") return null;
  if (entry.help[kind]) return null;
  return {
    answers: { ...state.answers, [question.id]: { ...entry, help: { ...entry.help, [kind]: true } } },
  };
}

/** While answering or in feedback: ends early, unanswered questions count as wrong. */
export function finish(state: QuizState, at: number): Change {
  if (!isInProgress(state.status)) return null;
  return finishAttempt(state, at);
}

/** When finished with mistakes: a new attempt on the retry questions, same settings, next seed. */
export function retryMistakes(
  state: QuizState,
  getRetryQuestions: (missed: Question[], seed: number) => Question[],
  newId: () => string,
  at: number,
): Change {
  const { settings } = state;
  if (state.status !== "finished" || !settings || !state.attemptId) return null;
  const missed = selectMistakes(state);
  if (missed.length === 0) return null;
  // A new seed so the generator picks other variants (and another order) for the same topics.
  const seed = settings.options.seed + 1;
  return beginAttempt(
    getRetryQuestions(missed, seed),
    { ...settings, options: { ...settings.options, seed } },
    { attemptId: newId(), retryOf: state.attemptId },
    at,
  );
}

/** Accepts the resume offer; restarts the clock of the current question. */
export function resume(state: QuizState, at: number): Change {
  if (!state.awaitingResume) return null;
  const question = selectCurrentQuestion(state);
  const entry = selectCurrentAnswer(state);
  if (state.status !== "answering" || !question || !entry) return { awaitingResume: false };
  // Time away (a closed tab, a night) is not time on the question; what was spent
  // before the interruption is unknown, so the question's clock starts again.
  return { awaitingResume: false, answers: { ...state.answers, [question.id]: { ...entry, startedAt: at } } };
}

/** Back to idle; keeps history. */
export function reset(): Change {
  return { ...idleAttempt, awaitingResume: false };
}
