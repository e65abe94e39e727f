"use client";

import type { Resource } from "i18next";
import type { StudentView } from "@/app/api/contract";
import { I18nProvider } from "@/app/i18n/i18n-provider";
import { QuizStoreProvider } from "@/app/quiz/quiz-store-context";
import { QuizScreens } from "@/app/quiz/components/quiz-screens";
import type { SentenceTexts } from "@/app/quiz/components/types";
import type { Locale } from "@/i18n-config";
import { NameForm } from "./name-form";
import { SubmissionStatus } from "./submission-status";

export interface AssignmentQuizProps {
  lng: Locale;
  slug: string;
  assignment: StudentView;
  sentences: SentenceTexts;
  resources: Resource[string];
}

/**
 * An assignment on the student's device: the quiz screens of self-study with
 * the assignment's public questions, a name first, and the server's verdict
 * (sent, waiting, refused; the score and, when allowed, the answers) at the end.
 */
export function AssignmentQuiz({ lng, slug, assignment, sentences, resources }: AssignmentQuizProps) {
  return (
    <I18nProvider lng={lng} resources={resources}>
      {/* Each level has its own questions, so its own attempt: switching level never resumes the other's. */}
      <QuizStoreProvider
        persistKey={`assignment:${assignment.id}${assignment.levels.length && assignment.level ? `:${assignment.level}` : ""}`}
      >
        <QuizScreens
          lng={lng}
          slug={slug}
          sentences={sentences}
          allowRetry={false}
          setup={<NameForm lng={lng} slug={slug} assignment={assignment} />}
          resultsHeader={<SubmissionStatus lng={lng} assignment={assignment} />}
        />
      </QuizStoreProvider>
    </I18nProvider>
  );
}
