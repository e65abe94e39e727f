/**
 * Coverage of each article from this device's words: loaded by the home
 * page (and later the library) only when the learner has saved words.
 */
import { coverage, type Coverage } from "@/questions/words/coverage";
import { fetchArticleWords } from "./article-words-client";
import { wordsStore } from "./words-store";

export async function loadCoverage(slugs: readonly string[]): Promise<Record<string, Coverage>> {
  const store = wordsStore();
  await store.getState().load();
  const words = Object.values(store.getState().words);
  const known = new Set(words.filter((word) => word.status === "known").map((word) => word.id));
  const ignored = new Set(words.filter((word) => word.status === "ignored").map((word) => word.id));
  const profiles = await Promise.allSettled(slugs.map((slug) => fetchArticleWords(slug)));
  const result: Record<string, Coverage> = {};
  profiles.forEach((profile, i) => {
    const slug = slugs[i];
    // An article whose profile cannot load (offline, not cached yet) simply shows no figure.
    if (slug && profile.status === "fulfilled") result[slug] = coverage(profile.value, known, ignored);
  });
  return result;
}
