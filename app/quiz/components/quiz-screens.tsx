"use client";

import type { Locale } from "@/i18n-config";
import type { ReactNode } from "react";
import { selectIsResumable } from "../quiz-selectors";
import { useQuizStore } from "../quiz-store-context";
import { QuestionScreen } from "./question-screen";
import { ResultsScreen } from "./results-screen";
import { ResumeOffer } from "./resume-offer";
import { StorageNotice } from "./storage-notice";
import type { SentenceTexts } from "./types";

export interface QuizScreensProps {
  lng: Locale;
  slug: string;
  sentences: SentenceTexts;
  /** What the idle screen shows: the self-study setup, or an assignment's name form. */
  setup: ReactNode;
  /** Shown above the results, e.g. an assignment's "sent / waiting to send". */
  resultsHeader?: ReactNode;
  /** Assignments have no retries; self-study does. */
  allowRetry?: boolean;
}

/** Chooses the screen from the store's status: the one place the quiz's flow is visible. */
export function QuizScreens({
  lng,
  slug,
  sentences,
  setup,
  resultsHeader,
  allowRetry = true,
}: QuizScreensProps) {
  const status = useQuizStore((s) => s.status);
  const resumable = useQuizStore(selectIsResumable);

  let screen: ReactNode;
  if (resumable) screen = <ResumeOffer />;
  else if (status === "answering" || status === "feedback")
    screen = <QuestionScreen lng={lng} slug={slug} sentences={sentences} />;
  else if (status === "finished")
    screen = (
      <ResultsScreen
        lng={lng}
        slug={slug}
        sentences={sentences}
        header={resultsHeader}
        allowRetry={allowRetry}
      />
    );
  else screen = setup;

  return (
    <>
      <StorageNotice />
      {screen}
    </>
  );
}
