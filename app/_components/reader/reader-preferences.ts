"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

import { deviceStorage } from "@/app/_lib/safe-storage";
import { READER_PREFERENCES_KEY } from "./reader-preferences-key";

interface ReaderPreferencesState {
  showEnglish: boolean;
  slowSpeech: boolean;
}

interface ReaderPreferencesActions {
  setShowEnglish: (show: boolean) => void;
  setSlowSpeech: (slow: boolean) => void;
}

/** Private mode or a full disk must not break reading: preferences then last the visit. */
const preferencesStorage = createJSONStorage(() => deviceStorage());

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
      storage: preferencesStorage,
      partialize: ({ showEnglish, slowSpeech }) => ({ showEnglish, slowSpeech }),
      migrate: () => ({ showEnglish: false, slowSpeech: false }),
      skipHydration: true,
    },
  ),
);
