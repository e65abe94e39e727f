"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isErrorCode, studentNameSchema, type ErrorCode, type StudentView } from "@/app/api/contract";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { LocalTime } from "@/app/_components/local-time";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import { useQuizStore } from "@/app/quiz/quiz-store-context";
import type { Locale } from "@/i18n-config";
import { saveName, savedName } from "./device-records";

export interface NameFormProps {
  lng: Locale;
  slug: string;
  assignment: StudentView;
}

/** The assignment's first screen: the student's name, checked as the server will check it. */
export function NameForm({ lng, slug, assignment }: NameFormProps) {
  const { t } = useTranslation("assignment");
  const refusalMessage = useRefusalMessage();
  const start = useQuizStore((s) => s.start);
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<ErrorCode | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // On a slow phone a student may type before the page is interactive: what
    // they typed wins over the name this device remembers.
    const typed = inputRef.current?.value ?? "";
    setName(typed || savedName(assignment.id));
  }, [assignment.id]);

  if (assignment.closed) {
    return (
      <section className="panel" aria-labelledby={`${id}-closed`}>
        <h2 id={`${id}-closed`}>{t("closedTitle")}</h2>
        <p>{t("closedBody")}</p>
      </section>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = studentNameSchema.safeParse(name);
    if (!checked.success) {
      const code = checked.error.issues[0]?.message;
      setError(isErrorCode(code) ? code : "name_required");
      return;
    }
    setError(null);
    saveName(assignment.id, checked.data);
    const { questions } = assignment;
    start(questions, {
      options: {
        seed: 0,
        count: questions.length,
        kinds: [...new Set(questions.map((q) => q.kind))],
        language: assignment.language,
      },
      // Feedback comes from the server after sending: the browser does not know the keys.
      mode: "test",
      helpsAllowed: assignment.helpsAllowed,
      articleSlug: slug,
    });
  }

  return (
    <form className="panel" onSubmit={onSubmit} noValidate>
      <p>{t("questionCount", { count: assignment.questions.length })}</p>
      <p className="hint">
        {assignment.mode === "practice"
          ? t("practiceNotice")
          : assignment.dueAt
            ? fillNode(
                t("testAfterDue", { date: SLOT }),
                <LocalTime iso={assignment.dueAt} lng={lng} format="long" />,
              )
            : t("testOnClose")}
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("name")}</label>
        <input
          ref={inputRef}
          id={`${id}-name`}
          type="text"
          autoComplete="name"
          value={name}
          maxLength={60}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t("nameHint")}
        </p>
        {error ? (
          <p id={`${id}-error`} className="form-error" role="alert">
            {refusalMessage({ code: error })}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary button--wide">
          {t("start")}
        </button>
        <a className="button button--quiet" href={`/${lng}/read/${slug}`}>
          {t("readFirst")}
        </a>
      </div>
    </form>
  );
}
