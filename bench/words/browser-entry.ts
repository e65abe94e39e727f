/**
 * Bundled by scripts/bench-words.ts (esbuild) and run in Chromium: the real
 * repository code (app/words/words-db.ts) against the browser's IndexedDB.
 */
import { openDB } from "idb";
import { openWordsRepository, WORDS_DB_NAME } from "@/app/words/words-db";
import { recordAnswer } from "@/questions/words/status";
import type { SavedWord } from "@/questions/words/word";

async function run(words: SavedWord[]) {
  const { repository, problem } = await openWordsRepository();
  if (problem) throw new Error(`storage: ${problem}`);
  const t0 = performance.now();
  const merged = await repository.merge(words);
  const t1 = performance.now();
  const read = await repository.readAll();
  const t2 = performance.now();
  const first = words[0]!;
  await repository.update(first.id, (current) =>
    current
      ? recordAnswer(current, { id: "bench", card: "recognition", grade: "good", at: Date.now() })
      : current,
  );
  const t3 = performance.now();
  const estimate = await navigator.storage.estimate();
  repository.close();
  // The same read without validation: how much of "read all" is IndexedDB itself.
  const db = await openDB(WORDS_DB_NAME);
  const t4 = performance.now();
  await db.getAll("words");
  const rawReadMs = performance.now() - t4;
  db.close();
  return {
    importMs: t1 - t0,
    added: merged.added,
    readAllMs: t2 - t1,
    read: read.words.length,
    answerMs: t3 - t2,
    rawReadMs,
    usageBytes: estimate.usage ?? null,
  };
}

(window as unknown as { benchWords: typeof run }).benchWords = run;
