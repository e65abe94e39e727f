"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return () => {};
  window.speechSynthesis.addEventListener("voiceschanged", onChange);
  return () => window.speechSynthesis.removeEventListener("voiceschanged", onChange);
}

/** Whether this browser has a French voice to read with (false on the server). */
export function hasFrenchVoice(): boolean {
  if (!("speechSynthesis" in window)) return false;
  return window.speechSynthesis.getVoices().some((voice) => voice.lang.toLowerCase().startsWith("fr"));
}

/** True once the browser shows it can speak French; false on the server and where it cannot. */
export function useFrenchSpeech(): boolean {
  return useSyncExternalStore(subscribe, hasFrenchVoice, () => false);
}
