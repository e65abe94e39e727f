/**
 * What screens read from the quiz store: plain functions of the state, passed
 * to `useQuizStore(selector)` one at a time.
 */
import type { Question } from "@/questions/question-types";
import { scoreAnswers, type AnswerRecord, type QuizScore } from "@/questions/scoring";
import { hasKey, isInProgress, type AnswerEntry, type QuizQuestion, type QuizState } from "./quiz-state";

/*
 * zustand 5 hands selectors to useSyncExternalStore, which loops forever if a
 * selector returns a new object for the same state. Derived objects are
 * therefore cached on the (immutable) `questions` and `answers` they come from.
 */
function memoOn<R extends object | null>(
  compute: (questions: QuizQuestion[], answers: Record<string, AnswerEntry>) => R,
): (state: Pick<QuizState, "questions" | "answers">) => R {
  const cache = new WeakMap<QuizQuestion[], WeakMap<Record<string, AnswerEntry>, R>>();
  return ({ questions, answers }) => {
    let byAnswers = cache.get(questions);
    if (!byAnswers) {
      byAnswers = new WeakMap();
      cache.set(questions, byAnswers);
    }
    if (byAnswers.has(answers)) return byAnswers.get(answers) as R;
    const result = compute(questions, answers);
    byAnswers.set(answers, result);
    return result;
  };
}

export function selectCurrentQuestion(state: QuizState): QuizQuestion | null {
  if (!isInProgress(state.status)) return null;
  return state.questions[state.index] ?? null;
}

/** The current question's entry: its confirmed option (in feedback) and the help used. */
export function selectCurrentAnswer(state: QuizState): AnswerEntry | null {
  const question = selectCurrentQuestion(state);
  return question ? (state.answers[question.id] ?? null) : null;
}

/** What a submission sends and `scoreAnswers` reads; time from timestamps, never a ticking timer. */
export const selectAnswerRecords = memoOn((questions, answers): AnswerRecord[] =>
  questions.flatMap((question) => {
    const entry = answers[question.id];
    if (!entry) return [];
    const answered = entry.answeredAt !== null;
    return [
      {
        questionId: question.id,
        optionId: answered ? entry.optionId : null,
        helpUsed: entry.help.evidence || entry.help.question,
        ms: entry.answeredAt !== null ? Math.max(0, entry.answeredAt - entry.startedAt) : 0,
      },
    ];
  }),
);

export interface QuizProgress {
  answered: number;
  total: number;
}

export const selectProgress = memoOn((questions, answers): QuizProgress => ({
  answered: questions.filter((question) => answers[question.id]?.answeredAt != null).length,
  total: questions.length,
}));

/** The score, or null when the browser holds no keys (an assignment: the server scores it). */
export const selectScore = memoOn((questions, answers): QuizScore | null => {
  const scorable = questions.filter(hasKey);
  if (scorable.length === 0 || scorable.length !== questions.length) return null;
  return scoreAnswers(scorable, selectAnswerRecords({ questions, answers }));
});

/** Questions not answered correctly (wrong or unanswered); the "retry my mistakes" set once finished. */
export const selectMistakes = memoOn((questions, answers): Question[] => {
  const score = selectScore({ questions, answers });
  if (!score) return [];
  const correct = new Set(
    score.perQuestion.filter((result) => result.correct).map((result) => result.questionId),
  );
  return questions.filter(hasKey).filter((question) => !correct.has(question.id));
});

/** After hydration, an attempt in progress came back from storage: offer to resume or start afresh. */
export function selectIsResumable(state: QuizState): boolean {
  return state.hasHydrated && state.awaitingResume && isInProgress(state.status);
}
