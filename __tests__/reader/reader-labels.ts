import type { ReaderLabels } from "@/app/_server/reader-html";

/** The reader's English labels as the tests expect to read them in the HTML. */
export const READER_LABELS: ReaderLabels = {
  glossFor: (term) => `Gloss for “${term}”`,
  show: "Show the English",
  hide: "Hide the English",
  listen: "Listen",
  stop: "Stop",
  close: "Close",
  partOfSpeech: (pos) => pos,
  gender: (gender) => (gender === "f" ? "feminine" : "masculine"),
  level: (level) => `Level ${level}`,
};
