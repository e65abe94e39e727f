import "server-only";
import { WORDS_DIALOG_ID, WORDS_SELECTION_ID, WORDS_STATUS_ID } from "@/app/_components/reader/reader-dom";
import { element, escapeHtml } from "./reader-html";

/**
 * The reader's "my words" controls as static HTML, like the rest of the
 * reader (see reader-html.ts): they cost nothing at hydration, and their
 * code (app/words/reader/reader-words.ts) loads when the learner first uses
 * one. Strings with a number or a text in them carry a `{…}` placeholder,
 * filled in the browser.
 */
export interface ReaderWordsLabels {
  add: string;
  saved: string;
  open: string;
  /** With `{count}`. */
  suggest: string;
  /** With `{text}`. */
  selection: string;
  dialogTitle: string;
  french: string;
  meaning: string;
  meaningHelp: string;
  save: string;
  cancel: string;
  /** With `{text}`. */
  savedText: string;
}

/** Inside the gloss popover: save the term, or see that it is saved. */
export function glossWordsHtml(labels: ReaderWordsLabels, wordsHref: string): string {
  return element(
    "div",
    { class: "gloss-popover__words" },
    element("p", {
      class: "gloss-popover__suggest",
      "data-words-suggest": "",
      "data-template": labels.suggest,
      hidden: true,
    }) +
      element(
        "button",
        { type: "button", class: "button button--small", "data-save-term": "" },
        escapeHtml(labels.add),
      ) +
      element(
        "p",
        { class: "gloss-popover__saved", "data-words-saved": "", hidden: true },
        element("span", { "aria-hidden": "true" }, "✓ ") +
          escapeHtml(labels.saved) +
          " · " +
          element("a", { href: wordsHref }, escapeHtml(labels.open)),
      ),
  );
}

/** The selection bar, the "your own meaning" dialog and the live region that says what was saved. */
export function selectionWordsHtml(labels: ReaderWordsLabels): string {
  const bar = element(
    "div",
    { id: WORDS_SELECTION_ID, class: "words-selection", hidden: true },
    element("button", {
      type: "button",
      class: "button button--primary",
      "data-save-selection": "",
      "data-template": labels.selection,
    }),
  );
  const inputId = `${WORDS_DIALOG_ID}-meaning`;
  const form = element(
    "form",
    { method: "dialog", class: "words-dialog__form" },
    element(
      "h2",
      { id: `${WORDS_DIALOG_ID}-title`, class: "words-dialog__title" },
      escapeHtml(labels.dialogTitle),
    ) +
      element(
        "p",
        { class: "words-dialog__french" },
        element("span", { class: "words-dialog__label" }, escapeHtml(labels.french)) +
          " " +
          element("span", { lang: "fr", "data-words-french": "" }),
      ) +
      element("label", { for: inputId }, escapeHtml(labels.meaning)) +
      element("input", {
        id: inputId,
        name: "meaning",
        type: "text",
        autocomplete: "off",
        "aria-describedby": `${inputId}-help`,
      }) +
      element("p", { id: `${inputId}-help`, class: "hint" }, escapeHtml(labels.meaningHelp)) +
      element(
        "div",
        { class: "actions" },
        element(
          "button",
          { type: "submit", value: "save", class: "button button--primary" },
          escapeHtml(labels.save),
        ) +
          element(
            "button",
            { type: "submit", value: "cancel", class: "button", formnovalidate: true },
            escapeHtml(labels.cancel),
          ),
      ),
  );
  const dialog = element(
    "dialog",
    { id: WORDS_DIALOG_ID, class: "words-dialog", "aria-labelledby": `${WORDS_DIALOG_ID}-title` },
    form,
  );
  const status = element("p", {
    id: WORDS_STATUS_ID,
    class: "words-status",
    role: "status",
    "data-template": labels.savedText,
  });
  return bar + dialog + status;
}
