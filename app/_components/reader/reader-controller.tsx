"use client";

import { useEffect } from "react";
import { useReaderPreferences } from "./reader-preferences";
import { GLOSS_POPOVER_ID } from "./reader-dom";
import { hasFrenchVoice } from "./use-french-speech";

type ShowPopoverWithSource = (options?: { source?: HTMLElement }) => void;

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
 * - "listen" reads a sentence aloud, where the browser has a French voice.
 */
export function ReaderController() {
  useEffect(() => {
    // Terms come from the server already marked up as buttons that control
    // the popover: nothing here touches every term at hydration.
    const popover = document.getElementById(GLOSS_POPOVER_ID);

    let lastSource: HTMLElement | null = null;
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

    function onClick(event: MouseEvent) {
      const target = event.target as Element | null;
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
      if (!isOpen && lastSource) {
        // Back to the word the learner was reading, as a dialog would.
        if (document.activeElement === document.body || popover.contains(document.activeElement)) {
          lastSource.focus({ preventScroll: true });
        }
      }
    }

    function showListenButtons() {
      const available = hasFrenchVoice();
      if (!available && !document.querySelector("[data-listen]:not([hidden])")) return;
      for (const button of document.querySelectorAll<HTMLElement>("[data-listen]"))
        button.hidden = !available;
    }
    showListenButtons();
    if ("speechSynthesis" in window)
      window.speechSynthesis.addEventListener("voiceschanged", showListenButtons);

    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("toggle", onToggle, true);
    return () => {
      stopSpeaking?.();
      if ("speechSynthesis" in window)
        window.speechSynthesis.removeEventListener("voiceschanged", showListenButtons);
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("toggle", onToggle, true);
    };
  }, []);
  return null;
}
