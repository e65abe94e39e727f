"use client";

import { useEffect } from "react";
import { markRead } from "@/app/_lib/reading-records";
import { useReaderPreferences } from "./reader-preferences";
import { GLOSS_POPOVER_ID, WORDS_SELECTION_ID } from "./reader-dom";
import { FRENCH_VOICE_KEY } from "./reader-preferences-key";
import { hasFrenchVoice } from "./use-french-speech";

type ShowPopoverWithSource = (options?: { source?: HTMLElement }) => void;

function rememberVoice(has: boolean) {
  try {
    if (has) window.localStorage.setItem(FRENCH_VOICE_KEY, "1");
    else window.localStorage.removeItem(FRENCH_VOICE_KEY);
  } catch {
    // Storage off: the controls then appear when the voices are listed.
  }
}

/** The "my words" code: loaded the first time a gloss opens or a word is saved. */
const readerWords = () => import("@/app/words/reader/reader-words");

/** Longest selection offered for saving: a word or an expression, not a paragraph. */
const MAX_SELECTION_CHARS = 80;

/** The selected French text worth offering to save, and where it stands; null for anything else. */
function frenchSelection(): { text: string; node: Node | null } | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const text = selection.toString().replace(/\s+/g, " ").trim();
  if (!text || text.length > MAX_SELECTION_CHARS || !/\p{L}/u.test(text)) return null;
  const inFrench = (node: Node | null) =>
    (node instanceof Element ? node : node?.parentElement)?.closest(".pair__text, .reader-head__title");
  const start = inFrench(selection.anchorNode);
  // Both ends in the same French sentence.
  if (!start || start !== inFrench(selection.focusNode)) return null;
  return { text, node: selection.anchorNode };
}

/** Swaps a button's label with its alternative ("Show" ⇄ "Hide", "Listen" ⇄ "Stop"). */
function swapLabel(button: HTMLElement) {
  const current = button.getAttribute("aria-label") ?? "";
  const alternative = button.dataset.labelAlt ?? current;
  button.setAttribute("aria-label", alternative);
  button.setAttribute("title", alternative);
  button.dataset.labelAlt = current;
}

/**
 * Gives the server-rendered reader its behaviour with a few delegated
 * listeners, instead of a client component per sentence:
 * - glossed terms open their popover beside the word (tap, click, Enter,
 *   Space); the browser's popover closes it on Escape or a tap elsewhere and
 *   keeps one open at a time;
 * - "EN" under a sentence shows or hides its English;
 * - "listen" reads a sentence aloud, where the browser has a French voice;
 * - "my words": the popover's "Add to my words", the bar that offers to
 *   save selected words, "mark all the rest as known" (their code loads on
 *   first use);
 * - reaching the end of the text (the quiz button comes into view) marks it
 *   read on this device, for the library.
 */
export function ReaderController({ slug }: { slug: string }) {
  useEffect(() => {
    const end = document.querySelector(".reader-cta");
    if (!end || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      markRead(slug);
      observer.disconnect();
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [slug]);

  useEffect(() => {
    // Terms come from the server already marked up as buttons that control
    // the popover: nothing here touches every term at hydration.
    const popover = document.getElementById(GLOSS_POPOVER_ID);

    let lastSource: HTMLElement | null = null;
    const selectionBar = document.getElementById(WORDS_SELECTION_ID);
    let pendingSelection: ReturnType<typeof frenchSelection> = null;
    let selectionTimer: number | undefined;
    let speakingButton: HTMLElement | null = null;
    let stopSpeaking: (() => void) | null = null;

    /** Fills the page's one popover from the term's glossary entry. */
    function fillGloss(termId: string): boolean {
      const entry = document.getElementById(`term-${termId}`);
      if (!popover || !entry) return false;
      const set = (selector: string, text: string) => {
        const target = popover.querySelector(selector);
        if (target) target.textContent = text;
      };
      set(".gloss-popover__lemma", entry.querySelector("dt")?.textContent ?? "");
      set("[data-grammar]", entry.dataset.grammar ?? "");
      set("[data-level]", entry.dataset.level ?? "");
      set(".gloss-popover__gloss", entry.querySelector(".glossary__gloss")?.textContent ?? "");
      popover.dataset.term = termId;
      return true;
    }

    function openGloss(term: HTMLElement) {
      if (!popover) return;
      const wasOpenHere = popover.matches(":popover-open") && lastSource === term;
      if (popover.matches(":popover-open")) popover.hidePopover();
      if (wasOpenHere || !fillGloss(term.dataset.term ?? "")) return;
      lastSource = term;
      try {
        (popover.showPopover as ShowPopoverWithSource)({ source: term });
      } catch {
        popover.showPopover(); // Browsers without `source` show it as a bottom sheet.
      }
    }

    function toggleEnglish(button: HTMLElement) {
      const pair = button.closest<HTMLElement>(".pair");
      if (!pair) return;
      const open = pair.dataset.revealed !== "true";
      if (open) pair.dataset.revealed = "true";
      else delete pair.dataset.revealed;
      button.setAttribute("aria-expanded", String(open));
      swapLabel(button);
    }

    function endSpeech() {
      if (speakingButton) {
        speakingButton.setAttribute("aria-pressed", "false");
        swapLabel(speakingButton);
      }
      speakingButton = null;
      stopSpeaking = null;
    }

    async function toggleSpeech(button: HTMLElement) {
      const wasThis = speakingButton === button;
      stopSpeaking?.();
      endSpeech();
      if (wasThis) return;
      const text = button.closest(".pair")?.querySelector(".pair__text")?.textContent ?? "";
      // The speech code loads only the first time a learner listens.
      const { speakFrench } = await import("./speech");
      speakingButton = button;
      button.setAttribute("aria-pressed", "true");
      swapLabel(button);
      stopSpeaking = speakFrench(text, useReaderPreferences.getState().slowSpeech, () => {
        if (speakingButton === button) endSpeech();
      });
    }

    /** Selected French words: the bar at the bottom offers to save them. */
    function onSelectionChange() {
      window.clearTimeout(selectionTimer);
      selectionTimer = window.setTimeout(() => {
        const selected = frenchSelection();
        const button = selectionBar?.querySelector<HTMLElement>("[data-save-selection]");
        if (!selectionBar || !button) return;
        if (!selected) {
          // A tap on the bar itself collapses the selection on some phones: keep the offer for that tap.
          if (!selectionBar.contains(document.activeElement)) selectionBar.hidden = true;
          return;
        }
        pendingSelection = selected;
        button.textContent = (button.dataset.template ?? "").replace("{text}", selected.text);
        selectionBar.hidden = false;
      }, 120);
    }

    function onClick(event: MouseEvent) {
      const target = event.target as Element | null;
      const saveTerm = target?.closest<HTMLElement>("[data-save-term]");
      if (saveTerm && popover && lastSource) {
        const source = lastSource;
        void readerWords().then((words) => words.saveGlossTerm(popover, source));
        return;
      }
      const saveSelection = target?.closest<HTMLElement>("[data-save-selection]");
      if (saveSelection && pendingSelection) {
        const selected = pendingSelection;
        if (selectionBar) selectionBar.hidden = true;
        void readerWords().then((words) => words.saveSelection(selected, null));
        return;
      }
      const markKnown = target?.closest<HTMLElement>("[data-mark-known]");
      if (markKnown) {
        if (markKnown.getAttribute("aria-disabled") !== "true")
          void readerWords().then((words) => words.markRestKnown(markKnown));
        return;
      }
      const term = target?.closest<HTMLElement>("a.term[data-term]");
      if (term) {
        event.preventDefault();
        openGloss(term);
        return;
      }
      const reveal = target?.closest<HTMLElement>("[data-reveal]");
      if (reveal) return toggleEnglish(reveal);
      const listen = target?.closest<HTMLElement>("[data-listen]");
      if (listen) void toggleSpeech(listen);
    }

    function onKeyDown(event: KeyboardEvent) {
      const term = (event.target as Element | null)?.closest<HTMLElement>("a.term[data-term]");
      if (!term || event.key !== " ") return;
      event.preventDefault(); // Space activates a button; it must not scroll.
      openGloss(term);
    }

    function onToggle(event: Event) {
      if (event.target !== popover || !popover) return;
      const isOpen = (event as ToggleEvent).newState === "open";
      // Only the term that was open and the one opening change state.
      for (const term of document.querySelectorAll<HTMLElement>('a.term[aria-expanded="true"]'))
        if (!isOpen || term !== lastSource) term.setAttribute("aria-expanded", "false");
      if (isOpen) lastSource?.setAttribute("aria-expanded", "true");
      if (isOpen && lastSource) {
        const source = lastSource;
        void readerWords().then((words) => words.glossOpened(popover, source));
      }
      if (!isOpen && lastSource) {
        // Back to the word the learner was reading, as a dialog would.
        if (document.activeElement === document.body || popover.contains(document.activeElement)) {
          lastSource.focus({ preventScroll: true });
        }
      }
    }

    /**
     * The speech controls follow html[data-voice]: set before paint where this
     * browser had a French voice before (see reader-preferences-script.tsx),
     * and corrected here once the browser lists its voices.
     */
    function showSpeechControls() {
      const root = document.documentElement;
      const voices = "speechSynthesis" in window ? window.speechSynthesis.getVoices() : [];
      if (hasFrenchVoice()) {
        root.dataset.voice = "fr";
        rememberVoice(true);
      } else if (voices.length > 0 || !("speechSynthesis" in window)) {
        delete root.dataset.voice;
        rememberVoice(false);
      }
    }
    showSpeechControls();
    if ("speechSynthesis" in window)
      window.speechSynthesis.addEventListener("voiceschanged", showSpeechControls);
    // A browser that never lists a voice has none to read with.
    const voiceTimer = window.setTimeout(() => {
      if (!hasFrenchVoice()) delete document.documentElement.dataset.voice;
    }, 3000);

    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("selectionchange", onSelectionChange);
    // Pressing the bar's button must not drop the selection it offers to save.
    const keepSelection = (event: Event) => event.preventDefault();
    selectionBar?.addEventListener("mousedown", keepSelection);
    document.addEventListener("toggle", onToggle, true);
    return () => {
      stopSpeaking?.();
      window.clearTimeout(voiceTimer);
      if ("speechSynthesis" in window)
        window.speechSynthesis.removeEventListener("voiceschanged", showSpeechControls);
      window.clearTimeout(selectionTimer);
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("selectionchange", onSelectionChange);
      selectionBar?.removeEventListener("mousedown", keepSelection);
      document.removeEventListener("toggle", onToggle, true);
    };
  }, []);
  return null;
}
