/**
 * Fetches an article's word profile (app/api/words/[slug]), checked on
 * arrival: it crosses the network, or comes from the service worker's cache.
 */
import * as z from "zod/mini";
import type { ArticleWords } from "@/questions/words/article-words";

const articleWordsSchema = z.object({
  slug: z.string(),
  lemmas: z.record(z.string(), z.number()),
  forms: z.record(z.string(), z.string()),
  terms: z.record(
    z.string(),
    z.object({ lemma: z.string(), gloss: z.string(), sentenceId: z.string(), surface: z.string() }),
  ),
});

const loaded = new Map<string, Promise<ArticleWords>>();

export function fetchArticleWords(slug: string): Promise<ArticleWords> {
  let pending = loaded.get(slug);
  if (!pending) {
    pending = fetch(`/api/words/${encodeURIComponent(slug)}`)
      .then((response) =>
        response.ok ? response.json() : Promise.reject(new Error(String(response.status))),
      )
      .then((data: unknown) => articleWordsSchema.parse(data));
    // A failure (offline before the service worker cached it) may be retried later.
    pending.catch(() => loaded.delete(slug));
    loaded.set(slug, pending);
  }
  return pending;
}
