"use client";

import { useEffect } from "react";

type ShowPopoverWithSource = (options?: { source?: HTMLElement }) => void;

/**
 * Wires every glossed term of the page to its popover with one delegated
 * listener: tap, click, Enter or Space opens it beside the word; the browser's
 * popover closes it on Escape or a tap elsewhere, and keeps one open at a time.
 */
export function GlossController() {
  useEffect(() => {
    const terms = () => document.querySelectorAll<HTMLElement>("a.term[data-term]");
    for (const term of terms()) {
      term.setAttribute("role", "button");
      term.setAttribute("aria-haspopup", "dialog");
      term.setAttribute("aria-expanded", "false");
      term.setAttribute("aria-controls", `gloss-${term.dataset.term}`);
    }

    let lastSource: HTMLElement | null = null;

    function open(term: HTMLElement) {
      const popover = document.getElementById(`gloss-${term.dataset.term}`);
      if (!popover) return;
      if (popover.matches(":popover-open")) {
        popover.hidePopover();
        if (lastSource === term) return;
      }
      lastSource = term;
      try {
        (popover.showPopover as ShowPopoverWithSource)({ source: term });
      } catch {
        popover.showPopover(); // Browsers without `source` show it as a bottom sheet.
      }
    }

    function onClick(event: MouseEvent) {
      const term = (event.target as Element | null)?.closest<HTMLElement>("a.term[data-term]");
      if (!term) return;
      event.preventDefault();
      open(term);
    }
    function onKeyDown(event: KeyboardEvent) {
      const term = (event.target as Element | null)?.closest<HTMLElement>("a.term[data-term]");
      if (!term || event.key !== " ") return;
      event.preventDefault(); // Space activates a button; it must not scroll.
      open(term);
    }
    function onToggle(event: Event) {
      const popover = event.target as HTMLElement;
      if (!popover.classList?.contains("gloss-popover")) return;
      const isOpen = (event as ToggleEvent).newState === "open";
      for (const term of terms()) {
        if (term.getAttribute("aria-controls") === popover.id) {
          term.setAttribute("aria-expanded", String(isOpen && term === lastSource));
        }
      }
      if (!isOpen && lastSource?.getAttribute("aria-controls") === popover.id) {
        // Back to the word the learner was reading, as a dialog would.
        if (document.activeElement === document.body || popover.contains(document.activeElement)) {
          lastSource.focus({ preventScroll: true });
        }
      }
    }

    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("toggle", onToggle, true);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("toggle", onToggle, true);
    };
  }, []);
  return null;
}
