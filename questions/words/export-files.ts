/**
 * The learner's words as files other tools read: a tab-separated file Anki
 * imports as it is (French, meaning, sentence, tags), and a CSV for a
 * spreadsheet. Loaded only when the learner exports.
 */
import { stringify } from "csv-stringify/sync";
import { spreadsheetText } from "../spreadsheet";
import { strength } from "./status";
import type { SavedWord } from "./word";

export const ANKI_COLUMNS = ["French", "Meaning", "Sentence", "Tags"] as const;

/** Anki's text import reads one note per line: a field must hold no tab or line break. */
function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ").trim();
}

function tagsOf(word: SavedWord): string {
  return ["glose", ...(word.context ? [`glose::${word.context.slug}`] : []), ...word.tags].join(" ");
}

/**
 * Anki's plain-text import (File → Import), with the header lines Anki reads
 * since 2.1.55: tab separator, plain text (no HTML), the column names, and the
 * fourth column as tags. Ignored words stay out.
 */
export function ankiTsv(words: readonly SavedWord[]): string {
  const rows = words
    .filter((word) => word.status !== "ignored")
    .map((word) => [word.lemma, word.meaning, word.context?.sentence ?? "", tagsOf(word)].map(oneLine));
  const header = `#separator:tab\n#html:false\n#columns:${ANKI_COLUMNS.join("\t")}\n#tags column:${ANKI_COLUMNS.length}\n`;
  return header + stringify(rows, { delimiter: "\t", record_delimiter: "unix" });
}

export const CSV_COLUMNS = [
  "french",
  "meaning",
  "sentence",
  "status",
  "strength",
  "tags",
  "article",
  "added",
  "next_review",
  "reviews",
] as const;

/** RFC 4180 with a byte-order mark, so a spreadsheet shows accents right; cells that would run as formulas are quoted as text. */
export function wordsCsv(words: readonly SavedWord[]): string {
  const rows = words.map((word) => {
    const next = Math.min(word.cards.recognition.due, word.cards.production?.due ?? Infinity);
    return [
      spreadsheetText(word.lemma),
      spreadsheetText(word.meaning),
      spreadsheetText(word.context?.sentence ?? ""),
      word.status,
      word.status === "learning" ? strength(word) : "",
      spreadsheetText(word.tags.join(" ")),
      word.context?.slug ?? "",
      new Date(word.createdAt).toISOString(),
      word.status === "new" || word.status === "learning" ? new Date(next).toISOString() : "",
      word.reviews.length,
    ];
  });
  return `\uFEFF${stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: "windows" })}`;
}
