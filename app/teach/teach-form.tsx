"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  LIMITS,
  createAssignmentRequestSchema,
  createdAssignmentSchema,
  dueDateProblem,
  isErrorCode,
  readApiError,
  type CreateAssignmentRequest,
  type CreatedAssignment,
  type ErrorCode,
} from "@/app/api/contract";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import type { Locale } from "@/i18n-config";
import { QUESTION_KINDS, type QuestionKind, type QuestionLanguage } from "@/questions/question-kinds";
import { ArticleChoice, type TeachArticle } from "./article-choice";
import { CreatedPanel } from "./created-panel";
import { OfflineNotice, useOnline } from "./online";

export type { TeachArticle };

const COUNTS = [5, 10, 15, 20] as const;

/** The fields a refusal can point at, in the order they appear. */
const FIELDS = ["articleSlug", "title", "kinds", "dueAt"] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, ErrorCode>>;

const isField = (value: unknown): value is Field => (FIELDS as readonly unknown[]).includes(value);

/** What a teacher fills in; turned into the API's body by `toRequest`. */
interface Draft {
  articleSlug: string;
  everyLevel: boolean;
  title: string;
  count: number;
  kinds: QuestionKind[];
  language: QuestionLanguage;
  mode: "practice" | "test";
  helpsAllowed: boolean;
  dueAt: string; // <input type="datetime-local"> value, local time
  oneAttempt: boolean;
}

/** The request the draft stands for; a due date the browser cannot read is sent as it is, and refused. */
function toRequest(draft: Draft, lng: Locale): CreateAssignmentRequest {
  const due = draft.dueAt ? new Date(draft.dueAt) : null;
  return {
    articleSlug: draft.articleSlug,
    ...(draft.everyLevel ? { everyLevel: true } : {}),
    title: draft.title,
    kinds: draft.kinds,
    count: draft.count,
    language: draft.language,
    mode: draft.mode,
    helpsAllowed: draft.helpsAllowed,
    dueAt: due === null ? null : Number.isNaN(due.getTime()) ? draft.dueAt : due.toISOString(),
    maxAttempts: draft.oneAttempt ? 1 : null,
    interfaceLanguage: lng,
  };
}

/** What the server would refuse, checked with the same contract before anything is sent. */
function validate(request: CreateAssignmentRequest): FieldErrors {
  const found: FieldErrors = {};
  const parsed = createAssignmentRequestSchema.safeParse(request);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0];
    if (isField(field) && isErrorCode(issue.message)) found[field] ??= issue.message;
  }
  if (request.dueAt && !found.dueAt) {
    const problem = dueDateProblem(request.dueAt, Date.now());
    if (problem) found.dueAt = problem;
  }
  return found;
}

export interface TeachFormProps {
  lng: Locale;
  articles: TeachArticle[];
}

export function TeachForm({ lng, articles }: TeachFormProps) {
  const { t } = useTranslation("teach");
  const refusalMessage = useRefusalMessage();
  const { t: tq } = useTranslation("quiz");
  const online = useOnline();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({
    articleSlug: articles[0]?.defaultSlug ?? "",
    everyLevel: false,
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
  const [created, setCreated] = useState<CreatedAssignment | null>(null);
  const createdHeadingRef = useRef<HTMLHeadingElement>(null);

  // The links appear in place of the form: take the teacher there.
  useEffect(() => {
    if (created) createdHeadingRef.current?.focus();
  }, [created]);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function showErrors(found: FieldErrors) {
    setErrors(found);
    // Focus the first field that needs attention, as a screen-reader user would expect.
    const first = FIELDS.find((field) => found[field]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const request = toRequest(draft, lng);
    const found = validate(request);
    showErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const response = await fetch("/api/assignments", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(request),
      });
      const body: unknown = await response.json().catch(() => null);
      const ok = response.status === 201 ? createdAssignmentSchema.safeParse(body) : null;
      if (ok?.success) {
        setCreated(ok.data);
        return;
      }
      const refusal = readApiError(body) ?? { code: "server_error" as const };
      // A refusal about one field is shown at that field; any other above the button.
      if (isField(refusal.field)) showErrors({ [refusal.field]: refusal.code });
      else setFormError(refusalMessage(refusal));
    } catch {
      setFormError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <CreatedPanel
        lng={lng}
        created={created}
        headingRef={createdHeadingRef}
        onAnother={() => setCreated(null)}
      />
    );
  }

  const fieldError = (name: Field) => {
    const code = errors[name];
    return code ? (
      <p id={`${id}-${name}-error`} className="form-error">
        {refusalMessage({ code })}
      </p>
    ) : null;
  };

  return (
    <form className="panel teach-form" onSubmit={onSubmit} noValidate>
      <OfflineNotice message={t("errors.offline")} />
      <ArticleChoice
        idPrefix={id}
        articles={articles}
        articleSlug={draft.articleSlug}
        everyLevel={draft.everyLevel}
        error={fieldError("articleSlug")}
        invalid={errors.articleSlug !== undefined}
        onChange={(articleSlug, everyLevel) => setDraft((d) => ({ ...d, articleSlug, everyLevel }))}
      />

      <div className="field">
        <label htmlFor={`${id}-title`}>{t("form.title")}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={draft.title}
          maxLength={LIMITS.titleLength}
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

      <fieldset className="choice-group" aria-describedby={`${id}-language-hint`}>
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
        <p id={`${id}-language-hint`} className="hint">
          {tq("setup.languageHint")}
        </p>
      </fieldset>

      <fieldset className="choice-group" aria-describedby={`${id}-mode-hint`}>
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
        <p id={`${id}-mode-hint`} className="hint">
          {t("form.modeHint")}
        </p>
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
        <label htmlFor={`${id}-dueAt`}>{t("form.dueAt")}</label>
        <input
          id={`${id}-dueAt`}
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
