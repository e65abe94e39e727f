"use client";

import type { Locale } from "@/i18n-config";
import { useCallback, useEffect, useRef } from "react";
import type { Resource } from "i18next";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import type { Question } from "@/questions/question-types";
import { retryQuestions } from "@/questions/quiz";
import { QuizStoreProvider } from "../quiz-store-context";
import { QuizScreens } from "./quiz-screens";
import { SELF_STUDY_KEY } from "./self-study-key";
import { SetupForm } from "./setup-form";
import type { SentenceTexts } from "./types";
import { useQuestionBank } from "./use-question-bank";

export interface SelfStudyQuizProps {
  lng: Locale;
  slug: string;
  sentences: SentenceTexts;
  resources: Resource[string];
  /** Where the bank is fetched from; tests pass `initialBank` instead. */
  bankUrl: string;
  initialBank?: Question[];
}

export function SelfStudyQuiz({ lng, slug, sentences, resources, bankUrl, initialBank }: SelfStudyQuizProps) {
  const bank = useQuestionBank(bankUrl, initialBank);
  const bankRef = useRef<Question[] | null>(null);
  useEffect(() => {
    bankRef.current = bank.state.status === "ready" ? bank.state.bank : null;
  }, [bank.state]);

  // Retries ask the missed facts again through their other variants. The store
  // reads this once, so it looks the bank up when called, not when created.
  const getRetryQuestions = useCallback(
    (missed: Question[], seed: number) =>
      bankRef.current ? retryQuestions(bankRef.current, missed, seed) : missed,
    [],
  );

  return (
    <I18nProvider lng={lng} resources={resources}>
      <QuizStoreProvider persistKey={SELF_STUDY_KEY(slug)} getRetryQuestions={getRetryQuestions}>
        <QuizScreens
          lng={lng}
          slug={slug}
          sentences={sentences}
          setup={<SetupForm lng={lng} slug={slug} bank={bank} />}
        />
      </QuizStoreProvider>
    </I18nProvider>
  );
}
