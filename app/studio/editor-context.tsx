"use client";

/**
 * The editor's store and the article built from its draft, for every pane.
 * One store per editor mount (zustand's Next.js pattern), never a module
 * singleton. The build (content checks and the question bank) runs a moment
 * after the teacher stops typing, so typing never waits for it.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Outsiders } from "@/questions/fact-schema";
import { buildArticle, type BuiltArticle } from "@/questions/studio/build";
import type { EditorStore, EditorStoreState } from "./editor-store";

const StoreContext = createContext<EditorStore | null>(null);
const BuiltContext = createContext<BuiltArticle | null>(null);

/** How long typing must pause before the preview and the checks are rebuilt. */
const BUILD_DELAY_MS = 350;

export function EditorProvider({
  store,
  outsiders,
  children,
}: {
  store: EditorStore;
  outsiders: Outsiders;
  children: ReactNode;
}) {
  const draft = useStore(store, (s) => s.draft);
  const [settled, setSettled] = useState(draft);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(draft), BUILD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const built = useMemo(() => buildArticle(settled, outsiders), [settled, outsiders]);
  return (
    <StoreContext.Provider value={store}>
      <BuiltContext.Provider value={built}>{children}</BuiltContext.Provider>
    </StoreContext.Provider>
  );
}

function useStoreApi(): EditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useEditor must be used within <EditorProvider>.");
  return store;
}

/** Subscribe with a narrow selector: `useEditor((s) => s.draft.terms)`. */
export function useEditor<T>(selector: (state: EditorStoreState) => T): T {
  return useStore(useStoreApi(), selector);
}

/** The store itself, for actions in event handlers. */
export function useEditorApi(): EditorStore {
  return useStoreApi();
}

export function useBuilt(): BuiltArticle {
  const built = useContext(BuiltContext);
  if (!built) throw new Error("useBuilt must be used within <EditorProvider>.");
  return built;
}
