/**
 * "My words" in the reader: saving a glossed term from its popover, counting
 * look-ups (three make a suggestion), saving any selected words with the
 * learner's own meaning, and marking the rest of the text as known. Loaded
 * by ReaderController the first time one of these is used, so the reader's
 * first load carries none of it.
 */
import { WORDS_DIALOG_ID, WORDS_STATUS_ID } from "@/app/_components/reader/reader-dom";
import { lemmaOf, tokenize, unsavedLemmas } from "@/questions/words/coverage";
import { wordKey, type WordContext } from "@/questions/words/word";
import enWords from "@/locales/en/words.json";
import frWords from "@/locales/fr/words.json";
import { fetchArticleWords } from "../article-words-client";
import { wordsStore, type WordsNotice } from "../words-store";

/** The storage notices, in the page's language: the reader's HTML carries none of them. */
const NOTICES: Record<string, Record<WordsNotice, string>> = { en: enWords.notice, fr: frWords.notice };

/** Look-ups of one term that make Glose suggest keeping it. */
export const SUGGEST_AFTER_LOOKUPS = 3;

function slugOfPage(): string {
  return document.querySelector<HTMLElement>("[data-slug]")?.dataset.slug ?? "";
}

/** The sentence a node stands in: a pair's French, or the title. */
export function sentenceOf(node: Node | null): { sentenceId: string; sentence: string } | null {
  const element = node instanceof Element ? node : node?.parentElement;
  const pair = element?.closest<HTMLElement>(".pair");
  const text = pair?.querySelector(".pair__text") ?? element?.closest<HTMLElement>(".reader-head__title");
  const id = pair?.id ?? (text instanceof HTMLElement ? text.id : "");
  const sentence = text?.textContent?.trim();
  return id && sentence ? { sentenceId: id, sentence } : null;
}

function context(form: string, node: Node | null): WordContext | null {
  const where = sentenceOf(node);
  const slug = slugOfPage();
  return where && slug ? { slug, form, ...where } : null;
}

function fill(template: string | undefined, values: Record<string, string>): string {
  return (template ?? "").replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/** How long "… is in your words" stays on screen; a storage notice stays twice as long. */
const ANNOUNCE_MS = 4000;
let clearTimer: number | undefined;

function announce(text: string) {
  const status = document.getElementById(WORDS_STATUS_ID);
  if (!status) return;
  status.textContent = fill(status.dataset.template, { text });
  const hadNotice = reportNotice();
  window.clearTimeout(clearTimer);
  clearTimer = window.setTimeout(() => (status.textContent = ""), hadNotice ? 2 * ANNOUNCE_MS : ANNOUNCE_MS);
}

/**
 * What storage could not do (no IndexedDB, a full disk…), said where the
 * learner is looking, once: words are never dropped without a word.
 */
function reportNotice(): boolean {
  const store = wordsStore();
  const notice = store.getState().notice;
  const status = document.getElementById(WORDS_STATUS_ID);
  if (!notice || !status) return false;
  const lang = document.documentElement.lang === "fr" ? "fr" : "en";
  status.textContent = [status.textContent, NOTICES[lang]?.[notice]].filter(Boolean).join(" ");
  store.getState().dismissNotice();
  return true;
}

interface GlossTerm {
  termId: string;
  lemma: string;
  gloss: string;
  form: string;
  source: HTMLElement;
}

function glossTerm(popover: HTMLElement, source: HTMLElement): GlossTerm | null {
  const termId = popover.dataset.term ?? "";
  const entry = document.getElementById(`term-${termId}`);
  const lemma = entry?.querySelector("dt")?.textContent?.trim();
  if (!termId || !lemma) return null;
  return {
    termId,
    lemma,
    gloss: entry?.querySelector(".glossary__gloss")?.textContent?.trim() ?? "",
    form: source.textContent?.trim() ?? lemma,
    source,
  };
}

/** Shows whether the open term is saved, and the suggestion once it was looked up often enough. */
function renderTermState(popover: HTMLElement, termId: string, saved: boolean, lookups: number) {
  if (popover.dataset.term !== termId) return; // another term opened meanwhile
  const button = popover.querySelector<HTMLElement>("[data-save-term]");
  const savedLine = popover.querySelector<HTMLElement>("[data-words-saved]");
  const suggest = popover.querySelector<HTMLElement>("[data-words-suggest]");
  if (button) button.hidden = saved;
  if (savedLine) savedLine.hidden = !saved;
  if (suggest) {
    suggest.hidden = saved || lookups < SUGGEST_AFTER_LOOKUPS;
    suggest.textContent = fill(suggest.dataset.template, { count: String(lookups) });
  }
}

/** A gloss opened: one more look-up, and the popover says whether the word is saved. */
export async function glossOpened(popover: HTMLElement, source: HTMLElement): Promise<void> {
  const term = glossTerm(popover, source);
  if (!term) return;
  // Until storage answers, the popover shows "Add": the common case, and never a wrong "saved".
  renderTermState(popover, term.termId, false, 0);
  const store = wordsStore();
  const [lookups] = await Promise.all([store.getState().countLookup(term.termId), store.getState().load()]);
  renderTermState(popover, term.termId, Boolean(store.getState().words[wordKey(term.lemma)]), lookups);
}

export async function saveGlossTerm(popover: HTMLElement, source: HTMLElement): Promise<void> {
  const term = glossTerm(popover, source);
  if (!term) return;
  const saved = await wordsStore()
    .getState()
    .save({
      lemma: term.lemma,
      meaning: term.gloss,
      termId: term.termId,
      context: context(term.form, source),
    });
  if (!saved) {
    reportNotice();
    return;
  }
  renderTermState(popover, term.termId, true, 0);
  announce(term.lemma);
  popover.querySelector<HTMLElement>("[data-words-saved] a")?.focus();
}

export interface SelectionToSave {
  text: string;
  node: Node | null;
}

/**
 * Any words the learner selected, with their own meaning: how a text with
 * no glossary (or a word the glossary left out) still feeds the review.
 * One word is saved under its lemma; a longer span as it stands.
 */
export async function saveSelection(selection: SelectionToSave, opener: HTMLElement | null): Promise<void> {
  const dialog = document.getElementById(WORDS_DIALOG_ID);
  if (!(dialog instanceof HTMLDialogElement)) return;
  const french = dialog.querySelector<HTMLElement>("[data-words-french]");
  const input = dialog.querySelector<HTMLInputElement>("input[name=meaning]");
  if (!french || !input) return;
  french.textContent = selection.text;
  input.value = "";
  dialog.returnValue = "";
  dialog.showModal();
  input.focus();
  const choice = await new Promise<string>((resolve) =>
    dialog.addEventListener("close", () => resolve(dialog.returnValue), { once: true }),
  );
  opener?.focus({ preventScroll: true });
  if (choice !== "save") return;
  const slug = slugOfPage();
  const tokens = tokenize(selection.text);
  let lemma = selection.text;
  if (tokens.length === 1 && tokens[0] === selection.text && slug) {
    // One word: its lemma from the article's profile (a lexicon's, once plugged in).
    lemma = await fetchArticleWords(slug)
      .then((profile) => lemmaOf(profile, selection.text))
      .catch(() => selection.text.toLocaleLowerCase("fr"));
  }
  const saved = await wordsStore()
    .getState()
    .save({ lemma, meaning: input.value, context: context(selection.text, selection.node) });
  if (saved) announce(saved.lemma);
  else reportNotice();
}

/** "Mark all the rest as known": every lemma of the text not saved yet becomes a known word. */
export async function markRestKnown(button: HTMLElement): Promise<void> {
  const slug = slugOfPage();
  const status = button.parentElement?.querySelector<HTMLElement>("[data-mark-known-status]");
  if (!slug || !status) return;
  button.setAttribute("aria-disabled", "true");
  try {
    const store = wordsStore();
    const [profile] = await Promise.all([fetchArticleWords(slug), store.getState().load()]);
    const saved = new Set(Object.keys(store.getState().words));
    const count = await store.getState().markKnown(unsavedLemmas(profile, saved), slug);
    const lang = document.documentElement.lang || "en";
    const form = new Intl.PluralRules(lang).select(count) === "one" ? "one" : "other";
    status.textContent = fill(status.dataset[form], { count: new Intl.NumberFormat(lang).format(count) });
    reportNotice();
  } catch {
    status.textContent = status.dataset.failed ?? "";
  } finally {
    button.removeAttribute("aria-disabled");
  }
}
