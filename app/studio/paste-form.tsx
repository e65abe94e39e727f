"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isErrorCode, STUDIO_LIMITS, type ErrorCode } from "@/app/api/contract";
import {
  createDraftRequestSchema,
  type CreateDraftRequest,
  type CreatedDraft,
} from "@/app/api/studio-contract";
import { deviceStorage } from "@/app/_lib/safe-storage";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import type { Locale } from "@/i18n-config";
import { countWords } from "@/questions/article";
import { createDraft } from "./studio-client";

/** The paste form's fields, in the order a refusal focuses them. */
const FIELDS = ["title", "text", "english", "source", "licence"] as const;
type Field = (typeof FIELDS)[number];
type Fields = Record<Field, string>;
const isField = (value: unknown): value is Field => (FIELDS as readonly unknown[]).includes(value);

/** What the teacher typed, kept on the device until a draft is made of it. */
const PASTE_KEY = "glose:studio:paste";
const EMPTY: Fields = { title: "", text: "", english: "", source: "", licence: "" };

function readPaste(): Fields {
  try {
    const saved = JSON.parse(deviceStorage().getItem(PASTE_KEY) ?? "null") as unknown;
    if (typeof saved !== "object" || saved === null) return EMPTY;
    return Object.fromEntries(
      FIELDS.map((f) => [
        f,
        typeof (saved as Record<string, unknown>)[f] === "string" ? (saved as Fields)[f] : "",
      ]),
    ) as Fields;
  } catch {
    return EMPTY;
  }
}

/** The fields' values when the page hydrated, if anything had been typed in them; else null. */
function typedBeforeReady(id: string): Fields | null {
  const typed = Object.fromEntries(
    FIELDS.map((f) => {
      const element = document.getElementById(`${id}-${f}`);
      return [
        f,
        element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : "",
      ];
    }),
  ) as Fields;
  return FIELDS.some((f) => typed[f] !== "") ? typed : null;
}

function toRequest(fields: Fields, lng: Locale): CreateDraftRequest {
  return {
    title: fields.title,
    text: fields.text,
    ...(fields.english.trim() ? { english: fields.english } : {}),
    ...(fields.source.trim() ? { source: fields.source.trim() } : {}),
    ...(fields.licence.trim() ? { licence: fields.licence.trim() } : {}),
    interfaceLanguage: lng,
  };
}

export interface PasteFormProps {
  lng: Locale;
  onCreated: (created: CreatedDraft) => void;
}

export function PasteForm({ lng, onCreated }: PasteFormProps) {
  const { t, i18n } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const id = useId();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, ErrorCode>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until the page has hydrated, a click would submit the form natively and lose the text; and
  // until the saved copy is read, saving the empty fields would overwrite it.
  const [ready, setReady] = useState(false);

  // A text pasted and not yet analysed survives a reload or a closed tab. What was typed or pasted
  // while the page was still loading (a slow phone) is in the fields, and wins over the saved copy.
  useEffect(() => {
    const typed = typedBeforeReady(id);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage and the fields exist only after mount
    setFields(typed ?? readPaste());
    setReady(true);
  }, [id]);
  useEffect(() => {
    if (ready) deviceStorage().setItem(PASTE_KEY, JSON.stringify(fields));
  }, [fields, ready]);

  const update = (field: Field, value: string) => {
    setFields((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const request = toRequest(fields, lng);
    const parsed = createDraftRequestSchema.safeParse(request);
    const found: Partial<Record<Field, ErrorCode>> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0];
      if (isField(field) && isErrorCode(issue.message)) found[field] ??= issue.message;
    }
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const answer = await createDraft(request);
    setBusy(false);
    if (answer.ok) {
      deviceStorage().removeItem(PASTE_KEY);
      onCreated(answer.value);
      return;
    }
    if (answer.offline) {
      setFormError(t("paste.offline"));
      return;
    }
    const field = answer.refusal.field;
    if (isField(field)) {
      setErrors({ [field]: answer.refusal.code });
      document.getElementById(`${id}-${field}`)?.focus();
    } else {
      setFormError(refusalMessage(answer.refusal));
    }
  }

  const words = countWords(fields.text);
  const described = (field: Field, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : "", errors[field] ? `${id}-${field}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const error = (field: Field) =>
    errors[field] ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {refusalMessage({ code: errors[field] })}
      </p>
    ) : null;

  return (
    <form className="panel paste-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title section-title--first">
        {t("paste.heading")}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("paste.title")}</label>
        <input
          id={`${id}-title`}
          type="text"
          lang="fr"
          value={fields.title}
          maxLength={STUDIO_LIMITS.titleLength * 2}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={described("title", true)}
          onChange={(e) => update("title", e.target.value)}
        />
        <p className="hint" id={`${id}-title-hint`}>
          {t("paste.titleHint")}
        </p>
        {error("title")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t("paste.text")}</label>
        <textarea
          id={`${id}-text`}
          lang="fr"
          rows={10}
          value={fields.text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={described("text", true)}
          onChange={(e) => update("text", e.target.value)}
        />
        <p className="hint" id={`${id}-text-hint`}>
          {t("paste.textHint", { max: new Intl.NumberFormat(i18n.language).format(STUDIO_LIMITS.words) })}{" "}
          <span aria-live="polite">{t("paste.words", { count: words })}</span>
        </p>
        {error("text")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-english`}>{t("paste.english")}</label>
        <textarea
          id={`${id}-english`}
          lang="en"
          rows={8}
          value={fields.english}
          aria-invalid={errors.english ? true : undefined}
          aria-describedby={described("english", true)}
          onChange={(e) => update("english", e.target.value)}
        />
        <p className="hint" id={`${id}-english-hint`}>
          {t("paste.englishHint")}
        </p>
        {error("english")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-source`}>{t("paste.source")}</label>
          <input
            id={`${id}-source`}
            type="text"
            value={fields.source}
            aria-invalid={errors.source ? true : undefined}
            aria-describedby={described("source", true)}
            onChange={(e) => update("source", e.target.value)}
          />
          <p className="hint" id={`${id}-source-hint`}>
            {t("paste.sourceHint")}
          </p>
          {error("source")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-licence`}>{t("paste.licence")}</label>
          <input
            id={`${id}-licence`}
            type="text"
            value={fields.licence}
            aria-invalid={errors.licence ? true : undefined}
            aria-describedby={described("licence", true)}
            onChange={(e) => update("licence", e.target.value)}
          />
          <p className="hint" id={`${id}-licence-hint`}>
            {t("paste.licenceHint")}
          </p>
          {error("licence")}
        </div>
      </div>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !ready}>
          {busy ? t("paste.busy") : t("paste.submit")}
        </button>
        <span className="visually-hidden" aria-live="polite">
          {busy ? t("paste.busy") : ""}
        </span>
      </div>
    </form>
  );
}
