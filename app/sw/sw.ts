/// <reference lib="webworker" />
/**
 * Glose's service worker, built by Serwist (`serwist build` after `next
 * build`). It precaches the app shell, every prerendered page (home, reader,
 * quiz, review, my words, in both languages) and each article's question bank
 * and word profile, so that after one visit reading, practising and
 * reviewing saved words work offline.
 *
 * A new version installs in the background and waits (no skipWaiting): it
 * takes over on the next visit, never under a learner mid-quiz.
 *
 * A student's answers that could not be sent are also queued here, with
 * Background Sync, so the browser can send them once it is back online even
 * if no Glose page is open. The page keeps its own outbox too (browsers
 * without Background Sync); sending twice is harmless, the server answers
 * the same attempt with the same result.
 */
import { defaultCache } from "@serwist/next/worker";
import {
  BackgroundSyncPlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  type PrecacheEntry,
  type SerwistGlobalConfig,
} from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** A teacher's article (published in the studio): its reader and quiz pages, rendered per request. */
const ARTICLE_PAGE = /^\/(en|fr)\/(read|quiz)\/[a-z0-9-]+\/?$/;
/** A published version's question bank: it never changes. */
const VERSIONED_BANK = /^\/api\/articles\/[a-z0-9-]+\/bank$/;
const DAY_SECONDS = 24 * 60 * 60;

/** Where students' answers are posted; see app/api/assignments/[id]/submissions/route.ts. */
const SUBMISSIONS_PATH = /^\/api\/assignments\/[^/]+\/submissions$/;
/** The Background Sync queue's name; its sync tag is "serwist-background-sync:" and this. */
const SUBMISSIONS_QUEUE = "glose-submissions";

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
      // A submission that fails for want of a network waits in IndexedDB for the browser's
      // next "sync", for up to two weeks (maxRetentionTime is in minutes).
      matcher: ({ url, sameOrigin }) => sameOrigin && SUBMISSIONS_PATH.test(url.pathname),
      method: "POST",
      handler: new NetworkOnly({
        plugins: [new BackgroundSyncPlugin(SUBMISSIONS_QUEUE, { maxRetentionTime: 14 * 24 * 60 })],
      }),
    },
    {
      // Drafts and owner keys travel here: never kept in a cache.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/api/studio/"),
      handler: new NetworkOnly(),
    },
    {
      // A teacher's article, once opened, stays readable offline: the latest
      // version when online (a slow network gives up after 4 s), the copy kept
      // otherwise. The repository's pages are precached instead.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && ARTICLE_PAGE.test(url.pathname),
      handler: new NetworkFirst({
        cacheName: "glose-articles",
        networkTimeoutSeconds: 4,
        plugins: [new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: 180 * DAY_SECONDS })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && VERSIONED_BANK.test(url.pathname) && url.searchParams.has("version"),
      handler: new CacheFirst({
        cacheName: "glose-article-banks",
        plugins: [new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 180 * DAY_SECONDS })],
      }),
    },
    {
      // Assignments and results are live data: always from the network, never cached.
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
