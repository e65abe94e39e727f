"use client";

import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { useWords, wordsActions } from "../use-words";

export interface TransferProps {
  lng: "en" | "fr";
}

type Format = "anki" | "csv" | "json";

const FILES: Record<Format, { name: string; type: string }> = {
  // Anki's import dialog opens .txt and .tsv alike; .txt is what phones open without asking.
  anki: { name: "glose-words-anki.txt", type: "text/tab-separated-values;charset=utf-8" },
  csv: { name: "glose-words.csv", type: "text/csv;charset=utf-8" },
  json: { name: "glose-words.json", type: "application/json" },
};

function download(text: string, format: Format) {
  const url = URL.createObjectURL(new Blob([text], { type: FILES[format].type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = FILES[format].name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports (Anki, CSV, Glose JSON) and the JSON import; their code loads only when used. */
export function Transfer({ lng }: TransferProps) {
  const { t } = useTranslation("words");
  const words = useWords((s) => s.words);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function exportAs(format: Format) {
    const list = Object.values(words);
    if (format === "json") {
      const [{ wordsFileJson }, unreadable] = await Promise.all([
        import("@/questions/words/glose-json"),
        wordsActions().asideRecords(),
      ]);
      download(wordsFileJson(list, unreadable, Date.now()), format);
      return;
    }
    const files = await import("@/questions/words/export-files");
    download(format === "anki" ? files.ankiTsv(list) : files.wordsCsv(list), format);
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setMessage(null);
    try {
      const [{ parseWordsFile }, text] = await Promise.all([
        import("@/questions/words/glose-json"),
        file.text(),
      ]);
      const parsed = parseWordsFile(text);
      if (!parsed.ok) {
        setMessage({ text: t(`transfer.error.${parsed.error}`), error: true });
        return;
      }
      const result = await wordsActions().importWords(parsed.words);
      if (!result) return; // the storage notice says why
      const summary = t("transfer.imported", {
        added: new Intl.NumberFormat(lng).format(result.added),
        updated: new Intl.NumberFormat(lng).format(result.updated),
        unchanged: new Intl.NumberFormat(lng).format(result.unchanged),
      });
      const skipped = parsed.skipped > 0 ? ` ${t("transfer.skipped", { count: parsed.skipped })}` : "";
      setMessage({ text: summary + skipped, error: false });
    } catch {
      setMessage({ text: t("transfer.error.unreadable"), error: true });
    }
  }

  return (
    <section aria-labelledby="transfer-heading" className="transfer">
      <h2 id="transfer-heading" className="section-title">
        {t("transfer.heading")}
      </h2>
      <p className="hint">{t("transfer.intro")}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void exportAs("anki")}>
          {t("transfer.anki")}
        </button>
        <button type="button" className="button" onClick={() => void exportAs("csv")}>
          {t("transfer.csv")}
        </button>
        <button type="button" className="button" onClick={() => void exportAs("json")}>
          {t("transfer.json")}
        </button>
      </div>
      <div className="transfer__import">
        <label htmlFor="words-import">{t("transfer.importLabel")}</label>
        <input
          id="words-import"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importFile(e)}
        />
      </div>
      <p role="status" className={message?.error ? "form-error" : "hint"}>
        {message?.text}
      </p>
    </section>
  );
}
