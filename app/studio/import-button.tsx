"use client";

import { useId, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedDraft, ImportRequest } from "@/app/api/studio-contract";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import type { Locale } from "@/i18n-config";
import { ARTICLE_FILE_NAMES } from "@/questions/bundle-files";
import { importArticle } from "./studio-client";

type Files = ImportRequest["files"];

/**
 * The files of an article folder in a .zip, wherever the folder sits in it
 * (`article.json` or `my-text/article.json`). fflate is loaded only here,
 * when a teacher picks a file.
 */
async function readZip(file: File): Promise<{ files: Partial<Files> } | { unreadable: true }> {
  const { unzipSync } = await import("fflate");
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (entry) =>
        ARTICLE_FILE_NAMES.some((name) => entry.name === name || entry.name.endsWith(`/${name}`)),
    });
  } catch {
    return { unreadable: true };
  }
  const decoder = new TextDecoder("utf-8");
  const files: Partial<Record<(typeof ARTICLE_FILE_NAMES)[number], string>> = {};
  for (const [path, bytes] of Object.entries(entries)) {
    const name = ARTICLE_FILE_NAMES.find((n) => path === n || path.endsWith(`/${n}`));
    if (name && files[name] === undefined) files[name] = decoder.decode(bytes);
  }
  return { files };
}

export function ImportButton({
  lng,
  onCreated,
}: {
  lng: Locale;
  onCreated: (created: CreatedDraft) => void;
}) {
  const { t } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setProblem(null);
    setBusy(true);
    try {
      const read = await readZip(file);
      if ("unreadable" in read) return setProblem(t("import.unreadable"));
      const missing = (["source.fr.txt", "article.json", "vocabulary.json", "facts.json"] as const).find(
        (name) => read.files[name] === undefined,
      );
      if (missing) return setProblem(t("import.missing", { file: missing }));
      const answer = await importArticle({ files: read.files as Files, interfaceLanguage: lng });
      if (answer.ok) onCreated(answer.value);
      else setProblem(answer.offline ? t("paste.offline") : refusalMessage(answer.refusal));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="import-button">
      <label htmlFor={id} className="button">
        {busy ? t("import.busy") : t("import.choose")}
      </label>
      <input
        id={id}
        type="file"
        accept=".zip,application/zip"
        className="visually-hidden"
        onChange={onFile}
        disabled={busy}
      />
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
