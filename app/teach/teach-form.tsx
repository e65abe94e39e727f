"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { QUESTION_KINDS, type QuestionKind, type QuestionLanguage } from "@/questions/question-kinds";
import { CopyField } from "./copy-field";
import { OfflineNotice, useOnline } from "./online";

const COUNTS = [5, 10, 15, 20] as const;
const TITLE_MAX = 120;

interface Created {
  id: string;
  teacherKey: string;
  studentUrl: string;
  teacherUrl: string;
}

type FieldErrors = Partial<Record<"title" | "kinds" | "dueAt", string>>;

/** What a teacher fills in; turned into the API's body by `toRequest`. */
interface Draft {
  title: string;
  count: number;
  kinds: QuestionKind[];
  language: QuestionLanguage;
  mode: "practice" | "test";
  helpsAllowed: boolean;
  dueAt: string; // <input type="datetime-local"> value, local time
  oneAttempt: boolean;
}

export function TeachForm({ lng }: { lng: "en" | "fr" }) {
  const { t } = useTranslation("teach");
  const { t: tq } = useTranslation("quiz");
  const online = useOnline();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({
    title: "",
    count: 10,
    kinds: QUESTION_KINDS.filter((kind) => kind !== (lng === "fr" ? "comprehension-en" : "comprehension-fr")),
    language: lng,
    mode: "practice",
    helpsAllowed: true,
    dueAt: "",
    oneAttempt: true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const createdHeadingRef = useRef<HTMLHeadingElement>(null);

  // The links appear in place of the form: take the teacher there.
  useEffect(() => {
    if (created) createdHeadingRef.current?.focus();
  }, [created]);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    const title = draft.title.trim();
    if (title.length === 0 || title.length > TITLE_MAX) found.title = t("errors.title");
    if (draft.kinds.length === 0) found.kinds = t("errors.kinds");
    if (draft.dueAt) {
      const due = new Date(draft.dueAt);
      if (Number.isNaN(due.getTime()) || due.getTime() <= Date.now()) found.dueAt = t("errors.dueAt");
    }
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      // Focus the first field that needs attention, as a screen-reader user would expect.
      const firstField = found.title ? `${id}-title` : found.kinds ? `${id}-kinds` : `${id}-due`;
      document.getElementById(firstField)?.focus();
      return;
    }
    setBusy(true);
    try {
      const response = await fetch("/api/assignments", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          title: draft.title.trim(),
          kinds: draft.kinds,
          count: draft.count,
          language: draft.language,
          mode: draft.mode,
          helpsAllowed: draft.helpsAllowed,
          dueAt: draft.dueAt ? new Date(draft.dueAt).toISOString() : null,
          maxAttempts: draft.oneAttempt ? 1 : null,
          interfaceLanguage: lng,
        }),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<Created> & { error?: string };
      if (response.status === 201 && body.id && body.teacherKey && body.studentUrl && body.teacherUrl) {
        setCreated(body as Created);
      } else {
        setFormError(t("errors.server", { message: body.error ?? response.statusText }));
      }
    } catch {
      setFormError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <section className="panel created" aria-labelledby={`${id}-created`}>
        <h2 id={`${id}-created`} tabIndex={-1} ref={createdHeadingRef}>
          {t("created.heading")}
        </h2>
        <CopyField label={t("created.studentLink")} value={created.studentUrl} />
        <figure className="qr">
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn by our own API, no optimisation to gain */}
          <img
            src={`/api/assignments/${created.id}/qr.svg?lng=${lng}`}
            alt={t("created.qr")}
            width={220}
            height={220}
          />
          <figcaption className="hint">{t("created.qrHint")}</figcaption>
        </figure>
        <div className="warning" role="note">
          <CopyField label={t("created.teacherLink")} value={created.teacherUrl} />
          <p>{t("created.teacherWarning")}</p>
        </div>
        <div className="actions">
          <a className="button button--primary" href={created.teacherUrl} target="_blank" rel="noreferrer">
            {t("created.openResults")}
          </a>
          <button type="button" className="button" onClick={() => setCreated(null)}>
            {t("created.another")}
          </button>
        </div>
      </section>
    );
  }

  const fieldError = (name: keyof FieldErrors) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="form-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="panel teach-form" onSubmit={onSubmit} noValidate>
      <OfflineNotice message={t("errors.offline")} />
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("form.title")}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={draft.title}
          maxLength={TITLE_MAX}
          autoComplete="off"
          aria-invalid={errors.title ? "true" : undefined}
          aria-describedby={`${id}-title-hint${errors.title ? ` ${id}-title-error` : ""}`}
          onChange={(event) => update("title", event.target.value)}
        />
        <p id={`${id}-title-hint`} className="hint">
          {t("form.titleHint")}
        </p>
        {fieldError("title")}
      </div>

      <fieldset className="choice-group">
        <legend>{t("form.count")}</legend>
        <div className="chips">
          {COUNTS.map((count) => (
            <label key={count} className="chip">
              <input
                type="radio"
                name="count"
                checked={draft.count === count}
                onChange={() => update("count", count)}
              />
              <span>{count}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="choice-group" aria-describedby={errors.kinds ? `${id}-kinds-error` : undefined}>
        <legend>{t("form.kinds")}</legend>
        <div className="checks">
          {QUESTION_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                id={kind === QUESTION_KINDS[0] ? `${id}-kinds` : undefined}
                checked={draft.kinds.includes(kind)}
                onChange={(event) =>
                  update(
                    "kinds",
                    event.target.checked
                      ? QUESTION_KINDS.filter((k) => k === kind || draft.kinds.includes(k))
                      : draft.kinds.filter((k) => k !== kind),
                  )
                }
              />
              <span>{tq(`kinds.${kind}`)}</span>
            </label>
          ))}
        </div>
        {fieldError("kinds")}
      </fieldset>

      <fieldset className="choice-group">
        <legend>{t("form.language")}</legend>
        <div className="chips">
          {(["en", "fr"] as const).map((language) => (
            <label key={language} className="chip">
              <input
                type="radio"
                name="language"
                checked={draft.language === language}
                onChange={() => update("language", language)}
              />
              <span>{language === "en" ? t("form.languageEn") : t("form.languageFr")}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="choice-group">
        <legend>{t("form.mode")}</legend>
        <div className="checks">
          {(["practice", "test"] as const).map((mode) => (
            <label key={mode} className="check">
              <input
                type="radio"
                name="mode"
                checked={draft.mode === mode}
                onChange={() => update("mode", mode)}
              />
              <span>{t(`form.${mode}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={draft.helpsAllowed}
            onChange={(event) => update("helpsAllowed", event.target.checked)}
          />
          <span>{t("form.helps")}</span>
        </label>
      </div>

      <div className="field">
        <label htmlFor={`${id}-due`}>{t("form.dueAt")}</label>
        <input
          id={`${id}-due`}
          type="datetime-local"
          value={draft.dueAt}
          aria-invalid={errors.dueAt ? "true" : undefined}
          aria-describedby={`${id}-due-hint${errors.dueAt ? ` ${id}-dueAt-error` : ""}`}
          onChange={(event) => update("dueAt", event.target.value)}
        />
        <p id={`${id}-due-hint`} className="hint">
          {t("form.dueAtHint")}
        </p>
        {fieldError("dueAt")}
      </div>

      <fieldset className="choice-group">
        <legend>{t("form.attempts")}</legend>
        <div className="chips">
          <label className="chip">
            <input
              type="radio"
              name="attempts"
              checked={draft.oneAttempt}
              onChange={() => update("oneAttempt", true)}
            />
            <span>{t("form.attemptsOne")}</span>
          </label>
          <label className="chip">
            <input
              type="radio"
              name="attempts"
              checked={!draft.oneAttempt}
              onChange={() => update("oneAttempt", false)}
            />
            <span>{t("form.attemptsUnlimited")}</span>
          </label>
        </div>
      </fieldset>

      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary button--wide" disabled={busy || !online}>
          {busy ? t("form.creating") : t("form.create")}
        </button>
      </div>
    </form>
  );
}
