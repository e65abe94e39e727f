"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

import { READER_PREFERENCES_KEY } from "./reader-preferences-key";

interface ReaderPreferencesState {
  showEnglish: boolean;
  slowSpeech: boolean;
}

interface ReaderPreferencesActions {
  setShowEnglish: (show: boolean) => void;
  setSlowSpeech: (slow: boolean) => void;
}

/** Safe storage: private mode or a full disk must not break reading. */
const safeLocalStorage = createJSONStorage(() => {
  try {
    const probe = "__glose_probe__";
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
});

export const useReaderPreferences = create<ReaderPreferencesState & ReaderPreferencesActions>()(
  persist(
    (set) => ({
      showEnglish: false,
      slowSpeech: false,
      setShowEnglish: (showEnglish) => {
        // The attribute on <html> drives the CSS, also before React hydrates (see the inline script).
        document.documentElement.dataset.showEn = String(showEnglish);
        set({ showEnglish });
      },
      setSlowSpeech: (slowSpeech) => set({ slowSpeech }),
    }),
    {
      name: READER_PREFERENCES_KEY,
      version: 1,
      storage: safeLocalStorage,
      partialize: ({ showEnglish, slowSpeech }) => ({ showEnglish, slowSpeech }),
      migrate: () => ({ showEnglish: false, slowSpeech: false }),
      skipHydration: true,
    },
  ),
);
