/// <reference lib="webworker" />
/**
 * Glose's service worker, built by Serwist (`serwist build` after `next
 * build`). It precaches the app shell, every prerendered page (home, reader,
 * quiz, in both languages) and each article's question bank, so that after
 * one visit reading and practising work offline.
 *
 * A new version installs in the background and waits (no skipWaiting): it
 * takes over on the next visit, never under a learner mid-quiz.
 */
import { defaultCache } from "@serwist/next/worker";
import { NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const languageOf = (url: URL) => (url.pathname.startsWith("/fr") ? "fr" : "en");

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true, ignoreURLParametersMatching: [/^_rsc$/] },
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    {
      // Class results carry the teacher key in their URL: never keep a copy.
      matcher: ({ url, sameOrigin }) => sameOrigin && /^\/(en|fr)\/teach\/[^/]+/.test(url.pathname),
      handler: new NetworkOnly(),
    },
    {
      // Assignments and submissions are live data; the outbox handles being offline.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/api/assignments"),
      handler: new NetworkOnly(),
    },
    ...defaultCache,
  ],
  fallbacks: {
    entries: (["en", "fr"] as const).map((lng) => ({
      url: `/${lng}/offline`,
      matcher: ({ request }: { request: Request }) =>
        request.destination === "document" && languageOf(new URL(request.url)) === lng,
    })),
  },
});

serwist.addEventListeners();
