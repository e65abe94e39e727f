import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, i18nConfig, isValidLocale, type Locale } from "./i18n-config";

/** Cookie first (the learner chose), then the browser's languages, then English. */
function negotiateLocale(request: NextRequest): Locale {
  const fromCookie = request.cookies.get(LOCALE_COOKIE)?.value;
  if (isValidLocale(fromCookie)) return fromCookie;
  const languages = new Negotiator({
    headers: { "accept-language": request.headers.get("accept-language") ?? "" },
  }).languages();
  try {
    const matched = match(languages, i18nConfig.locales, i18nConfig.defaultLocale);
    return isValidLocale(matched) ? matched : i18nConfig.defaultLocale;
  } catch {
    // A malformed Accept-Language (e.g. "*;q=x") must not break the front door.
    return i18nConfig.defaultLocale;
  }
}

const ONE_YEAR = 60 * 60 * 24 * 365;

let repositorySlugs: ReadonlySet<string> | null = null;

/**
 * The repository's articles, whose pages were rendered at build time. Read
 * once from the same folder the build read (`questions/articles/<slug>/`).
 */
function isRepositoryArticle(slug: string): boolean {
  if (!repositorySlugs) {
    const root = path.join(/*turbopackIgnore: true*/ process.cwd(), "questions", "articles");
    repositorySlugs = new Set(
      readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(root, entry.name, "article.json")))
        .map((entry) => entry.name),
    );
  }
  return repositorySlugs.has(slug);
}

/** `/api/words/<slug>`: an article's words, built as static JSON for the repository's. */
const ARTICLE_WORDS = /^\/api\/words\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** `/en/teach?article=<slug>`: the teacher's form with their own article offered first. */
const TEACH_PAGE = /^\/([a-z]{2})\/teach\/?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `/en/read/<slug>`, `/fr/quiz/<slug>`: an article's reader or quiz. */
const ARTICLE_PAGE = /^\/([a-z]{2})\/(read|quiz)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split("/")[1];

  const words = ARTICLE_WORDS.exec(pathname);
  if (words) {
    if (isRepositoryArticle(words[1] ?? "")) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.pathname = `/api/articles/${words[1]}/words`;
    return NextResponse.rewrite(url);
  }

  if (isValidLocale(first)) {
    // A teacher's article (published in the studio) has the same address as
    // the repository's, but its pages are rendered per request from the
    // database: same page, another route, so the built pages stay static.
    const article = ARTICLE_PAGE.exec(pathname);
    let response = NextResponse.next();
    if (article && !isRepositoryArticle(article[3] ?? "")) {
      const url = request.nextUrl.clone();
      url.pathname = `/${article[1]}/published/${article[2]}/${article[3]}`;
      response = NextResponse.rewrite(url);
    }
    const teach = TEACH_PAGE.exec(pathname);
    const own = request.nextUrl.searchParams.get("article") ?? "";
    if (teach && SLUG.test(own) && !isRepositoryArticle(own)) {
      const url = request.nextUrl.clone();
      url.pathname = `/${teach[1]}/published/teach/${own}`;
      url.search = "";
      response = NextResponse.rewrite(url);
    }
    // Remember the language the learner is reading in, so "/" sends them back to it.
    if (request.cookies.get(LOCALE_COOKIE)?.value !== first) {
      response.cookies.set(LOCALE_COOKIE, first, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
    }
    return response;
  }

  // Only the bare root (and unprefixed pages) are redirected; "/de/…" stays and answers 404.
  if (pathname !== "/" && first && /^[a-z]{2}(-[A-Za-z]{2})?$/.test(first)) return NextResponse.next();
  const locale = negotiateLocale(request);
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not the API, Next's assets, the service worker or files with an extension.
  matcher: [
    "/((?!api|_next/static|_next/image|favicon.ico|sw.js|manifest.webmanifest|.*\\..*).*)",
    // An article's words: a teacher's article has them per request (see ARTICLE_WORDS).
    "/api/words/:slug",
  ],
};
