"use client";

import { useEffect } from "react";
import { useStore } from "zustand";
import { wordsStore, type WordsActions, type WordsState } from "./words-store";

/** A slice of the page's words; the first component to ask opens the database. */
export function useWords<T>(selector: (state: WordsState & WordsActions) => T): T {
  const store = wordsStore();
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  return useStore(store, selector);
}

export function wordsActions(): WordsActions {
  return wordsStore().getState();
}
