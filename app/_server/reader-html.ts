import "server-only";
import { segmentSentence, sortedGlossary } from "@/questions/article";
import type { Article, Sentence, Term, Vocabulary } from "@/questions/schema";
import { frenchSpacing } from "@/questions/typography";
import { GLOSS_POPOVER_ID } from "@/app/_components/reader/reader-dom";

/**
 * The reader's article, glossary and gloss popovers as plain HTML.
 *
 * Why not JSX: this markup never changes after it is served, yet React would
 * hydrate every one of its ~1,100 nodes on a phone before the page answers
 * taps (Lighthouse measured 300–500 ms of blocking time). Inserted with
 * dangerouslySetInnerHTML it is one node to React; ReaderController gives it
 * its behaviour with delegated listeners. Every text and attribute goes
 * through `escapeHtml`, so content can never become markup.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

type Attributes = Record<string, string | boolean | undefined>;

const VOID_ELEMENTS = new Set(["input", "br", "img"]);

/** An element with escaped attributes; `inner` must already be safe HTML. */
export function element(tag: string, attributes: Attributes, inner = ""): string {
  const rendered = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join("");
  return VOID_ELEMENTS.has(tag) ? `<${tag}${rendered}>` : `<${tag}${rendered}>${inner}</${tag}>`;
}

export interface ReaderLabels {
  glossFor: (term: string) => string;
  show: string;
  hide: string;
  listen: string;
  stop: string;
  close: string;
  partOfSpeech: (pos: Term["pos"]) => string;
  gender: (gender: NonNullable<Term["gender"]>) => string;
  level: (level: string) => string;
}

/** A French sentence exactly as written, each glossed term a link to its glossary entry. */
export function frenchHtml(
  sentence: Sentence,
  vocabulary: Vocabulary,
  labels: Pick<ReaderLabels, "glossFor">,
): string {
  return segmentSentence(sentence, vocabulary)
    .map((segment) =>
      segment.termId
        ? element(
            "a",
            {
              href: `#term-${segment.termId}`,
              class: "term",
              "data-term": segment.termId,
              "aria-label": labels.glossFor(segment.text),
              // A button that opens the gloss (ReaderController), written here rather
              // than set by script on every term at hydration, which made the
              // browser restyle each one on a phone's busiest moment. Without
              // JavaScript it stays a link to the glossary entry.
              role: "button",
              "aria-haspopup": "dialog",
              "aria-expanded": "false",
              "aria-controls": GLOSS_POPOVER_ID,
            },
            escapeHtml(frenchSpacing(segment.text)),
          )
        : escapeHtml(frenchSpacing(segment.text)),
    )
    .join("");
}

const LISTEN_ICON =
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"/></svg>';
const CLOSE_ICON =
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path fill="currentColor" d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"/></svg>';

/**
 * One French sentence and its English twin, side by side from 768 px, stacked
 * on a phone where the English opens on demand.
 */
function pairHtml(sentence: Sentence, vocabulary: Vocabulary, labels: ReaderLabels): string {
  const englishId = `${sentence.id}-en`;
  const listen = element(
    "button",
    {
      type: "button",
      class: "icon-button listen-button",
      "data-listen": "",
      "aria-pressed": "false",
      "aria-label": labels.listen,
      title: labels.listen,
      "data-label-alt": labels.stop,
      // Shown where the browser has a French voice: html[data-voice] (see reader-preferences-script.tsx).
    },
    LISTEN_ICON,
  );
  const reveal = element(
    "button",
    {
      type: "button",
      class: "icon-button reveal-button",
      "data-reveal": "",
      "aria-expanded": "false",
      "aria-controls": englishId,
      "aria-label": labels.show,
      title: labels.show,
      "data-label-alt": labels.hide,
    },
    '<span aria-hidden="true">EN</span>',
  );
  return element(
    "div",
    { class: "pair", id: sentence.id },
    element(
      "div",
      { class: "pair__fr" },
      element("p", { lang: "fr", class: "pair__text" }, frenchHtml(sentence, vocabulary, labels)) +
        element("div", { class: "pair__tools" }, listen + reveal),
    ) + element("p", { lang: "en", class: "pair__en", id: englishId }, escapeHtml(sentence.en)),
  );
}

export function articleBodyHtml(article: Article, vocabulary: Vocabulary, labels: ReaderLabels): string {
  return article.paragraphs
    .map((paragraph) =>
      element(
        "section",
        { class: "paragraph", id: paragraph.id },
        paragraph.sentences.map((sentence) => pairHtml(sentence, vocabulary, labels)).join(""),
      ),
    )
    .join("");
}

function grammar(term: Term, labels: ReaderLabels): string {
  return `${labels.partOfSpeech(term.pos)}${term.gender ? `, ${labels.gender(term.gender)}` : ""}`;
}

/** The glossary entries, alphabetical; each is where a glossed word links without JavaScript. */
export function glossaryHtml(vocabulary: Vocabulary, labels: ReaderLabels): string {
  return sortedGlossary(vocabulary)
    .map((term) =>
      element(
        "div",
        {
          class: "glossary__entry",
          id: `term-${term.id}`,
          // What the gloss popover shows for this term, read by ReaderController.
          "data-grammar": grammar(term, labels),
          "data-level": labels.level(term.level),
        },
        element("dt", { lang: "fr" }, escapeHtml(term.lemma)) +
          element(
            "dd",
            {},
            element(
              "span",
              { class: "glossary__grammar" },
              escapeHtml(`${grammar(term, labels)} · ${term.level}`),
            ) + element("span", { lang: "en", class: "glossary__gloss" }, escapeHtml(term.gloss)),
          ),
      ),
    )
    .join("");
}

/**
 * The one gloss popover of the page, filled from a glossary entry when a
 * term is opened: the browser's own popover, so Escape and a tap elsewhere
 * close it with no code of ours, and there is only ever one open.
 */
export function glossPopoverHtml(labels: Pick<ReaderLabels, "close">, wordsHtml = ""): string {
  const id = GLOSS_POPOVER_ID;
  const head = element(
    "div",
    { class: "gloss-popover__head" },
    element("p", { id: `${id}-lemma`, lang: "fr", class: "gloss-popover__lemma" }) +
      element(
        "button",
        {
          type: "button",
          class: "icon-button",
          popovertarget: id,
          popovertargetaction: "hide",
          "aria-label": labels.close,
        },
        CLOSE_ICON,
      ),
  );
  const body =
    element(
      "p",
      { class: "gloss-popover__grammar" },
      element("span", { "data-grammar": "" }) +
        element("span", { class: "badge badge--small", "data-level": "" }),
    ) +
    element("p", { lang: "en", class: "gloss-popover__gloss" }) +
    wordsHtml;
  return element(
    "div",
    { id, popover: "auto", role: "dialog", class: "gloss-popover", "aria-labelledby": `${id}-lemma` },
    head + body,
  );
}
