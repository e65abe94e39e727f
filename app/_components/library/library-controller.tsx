"use client";

import { useEffect } from "react";
import { bestQuizPercentage } from "@/app/_lib/quiz-best";
import { readRecords } from "@/app/_lib/reading-records";
import { deviceStorage } from "@/app/_lib/safe-storage";

export interface LibraryControllerLabels {
  read: string;
  /** With a `{percent}` placeholder. */
  best: string;
  none: string;
  separator: string;
  /** What the filter leaves, for screen readers: `{count}` (and `{level}`), one form per plural category. */
  count: Record<"one" | "other", string>;
  countAtLevel: Record<"one" | "other", string>;
}

export interface LibraryControllerProps {
  lng: "en" | "fr";
  /** The element holding the filter and the cards. */
  libraryId: string;
  /** A polite live region the count is written to. */
  statusId: string;
  labels: LibraryControllerLabels;
}

/**
 * Gives the server-rendered library what only this device knows, the way the
 * reader's controller does: one component, no client component per card.
 * - each card's progress line: read to the end, best quiz score (from what
 *   the reader and the quiz already keep in localStorage);
 * - after a level is chosen (the filter itself is CSS), how many texts are left.
 */
export function LibraryController({ lng, libraryId, statusId, labels }: LibraryControllerProps) {
  useEffect(() => {
    const library = document.getElementById(libraryId);
    if (!library) return;
    const storage = deviceStorage();
    const read = readRecords(storage);
    const percent = new Intl.NumberFormat(lng, { style: "percent", maximumFractionDigits: 0 });
    for (const line of library.querySelectorAll<HTMLElement>("[data-progress]")) {
      const slug = line.dataset.progress ?? "";
      const best = bestQuizPercentage(slug, storage);
      const parts = [
        ...(read[slug] !== undefined ? [labels.read] : []),
        ...(best !== null ? [labels.best.replace("{percent}", percent.format(best / 100))] : []),
      ];
      line.textContent = parts.length ? parts.join(labels.separator) : labels.none;
      line.dataset.state = parts.length ? "started" : "none";
    }

    const plural = new Intl.PluralRules(lng);
    const onChange = (event: Event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.name !== "library-level") return;
      const level = input.value;
      const items = [...library.querySelectorAll<HTMLElement>("[data-levels]")];
      const count =
        level === "all"
          ? items.length
          : items.filter((i) => i.dataset.levels?.split(" ").includes(level)).length;
      const form = plural.select(count) === "one" ? "one" : "other";
      const text = (level === "all" ? labels.count : labels.countAtLevel)[form]
        .replace("{count}", String(count))
        .replace("{level}", level);
      const status = document.getElementById(statusId);
      if (status) status.textContent = text;
    };
    library.addEventListener("change", onChange);
    return () => library.removeEventListener("change", onChange);
  }, [lng, libraryId, statusId, labels]);
  return null;
}
