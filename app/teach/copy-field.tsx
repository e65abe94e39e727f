"use client";

import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

/** A read-only link with a copy button; selecting the text is the fallback where the clipboard is off. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation("teach");
  const id = useId();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2500);
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
    }
  }

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input id={id} type="text" readOnly value={value} onFocus={(event) => event.target.select()} />
        <button type="button" className="button" onClick={copy}>
          {copied ? t("created.copied") : t("created.copy")}
        </button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {copied ? t("created.copied") : ""}
      </span>
    </div>
  );
}
