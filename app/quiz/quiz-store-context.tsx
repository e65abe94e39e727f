"use client";

/**
 * One quiz store per provider mount (zustand's Next.js guide): never a module
 * singleton, which the server would share between requests.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Question } from "@/questions/question-types";
import { createQuizStore, type QuizStore, type QuizStoreState } from "./quiz-store";

const QuizStoreContext = createContext<QuizStore | null>(null);

type GetRetryQuestions = (missed: Question[], seed: number) => Question[];

export interface QuizStoreProviderProps {
  /** Unique per quiz ("self-study", `assignment:${id}`); a new key gives a new store. */
  persistKey: string;
  /**
   * Read once, when the store is created (per `persistKey`): pass a function of the
   * question bank for this quiz, which does not change while the quiz is on screen.
   */
  getRetryQuestions?: GetRetryQuestions;
  children: ReactNode;
}

export function QuizStoreProvider({ persistKey, getRetryQuestions, children }: QuizStoreProviderProps) {
  // Keyed so that moving from one assignment to another never keeps the previous quiz's store.
  return (
    <QuizStoreScope key={persistKey} persistKey={persistKey} getRetryQuestions={getRetryQuestions}>
      {children}
    </QuizStoreScope>
  );
}

function QuizStoreScope({ persistKey, getRetryQuestions, children }: QuizStoreProviderProps) {
  // Created once per mount: a store per render would drop the attempt on every re-render.
  const [store] = useState(() => createQuizStore({ persistKey, getRetryQuestions }));

  // After mount only: the server and the first client render both see the empty, unhydrated state.
  useEffect(() => {
    void store.persist.rehydrate();
  }, [store]);

  return <QuizStoreContext.Provider value={store}>{children}</QuizStoreContext.Provider>;
}

function useQuizStoreContext(): QuizStore {
  const store = useContext(QuizStoreContext);
  if (!store) throw new Error("useQuizStore must be used within <QuizStoreProvider>.");
  return store;
}

/** Subscribe with a narrow selector: `useQuizStore((s) => s.status)`, never the whole state. */
export function useQuizStore<T>(selector: (state: QuizStoreState) => T): T {
  return useStore(useQuizStoreContext(), selector);
}

/** The store itself, for reading `getState()` in an event handler without subscribing. */
export function useQuizStoreApi(): QuizStore {
  return useQuizStoreContext();
}
