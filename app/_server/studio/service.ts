import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import * as z from "zod/mini";
import type { ErrorCode } from "@/app/api/contract";
import type {
  CreateDraftInput,
  CreatedDraft,
  DraftView,
  ImportInput,
  LookupResponse,
  Published,
  SavedDraft,
} from "@/app/api/studio-contract";
import { parseArticleBundle, parseJsonFile, parseOutsiders, type ArticleFiles } from "@/questions/bundle";
import { buildArticle } from "@/questions/studio/build";
import { studioDraftSchema, type StudioDraft } from "@/questions/studio/draft";
import { draftFromContent } from "@/questions/studio/from-content";
import { normalizeForComparison } from "@/questions/normalize";
import { ContentError } from "@/questions/validate";
import { getArticleSlugs, sharedOutsiders } from "../content";
import { getStore, type GloseStore, type StoredDraft } from "../db";
import { Refusal } from "../refusal";
import { analysePaste, lookup, suggestionsFor, type AnalysisErrorCode } from "./analysis";

/**
 * The studio's service: drafts created from a pasted text or an imported
 * article folder, saved with optimistic concurrency, published as immutable
 * versions. The owner key works like an assignment's teacher key: shown once,
 * stored as a SHA-256 hash, and a wrong key is the same 404 as no draft.
 * Refusals are `Refusal`s with a code of the wire contract; nothing here
 * knows about HTTP.
 */

export interface StudioDeps {
  store: GloseStore;
  now: () => Date;
}

function defaultDeps(): StudioDeps {
  return { store: getStore(), now: () => new Date() };
}

const draftIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,32}$/));

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

const notFound = () => new Refusal("draft_not_found");

/** ~64 random bits in 11 URL-safe characters, like an assignment's id. */
const newDraftId = () => randomBytes(8).toString("base64url");
const newOwnerKey = () => randomBytes(32).toString("base64url");

const SLUG_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * The article's address: its title's words, then 8 random characters (41
 * bits), so an unlisted article cannot be found by guessing its title.
 */
function newArticleSlug(title: string): string {
  const bytes = randomBytes(8);
  const suffix = Array.from(bytes, (b) => SLUG_ALPHABET[b % SLUG_ALPHABET.length]).join("");
  const kebab = normalizeForComparison(title).replace(/\s+/g, "-") || "texte";
  // Whole words only, at most about 48 characters of them.
  const words = kebab.length <= 48 ? kebab : kebab.slice(0, kebab.lastIndexOf("-", 48)) || kebab.slice(0, 48);
  return `${words}-${suffix}`;
}

const ANALYSIS_REFUSALS: Readonly<Record<AnalysisErrorCode, { code: ErrorCode; field: string }>> = {
  "empty-text": { code: "text_required", field: "text" },
  "no-sentences": { code: "text_required", field: "text" },
  "text-too-long": { code: "text_too_long", field: "text" },
  "binary-content": { code: "text_unreadable", field: "text" },
  "invalid-encoding": { code: "text_unreadable", field: "text" },
  "control-characters": { code: "text_unreadable", field: "text" },
  "not-french": { code: "text_not_french", field: "text" },
  "translation-empty": { code: "translation_unreadable", field: "english" },
  "translation-too-short": { code: "translation_too_short", field: "english" },
  "translation-not-english": { code: "translation_not_english", field: "english" },
  "lexicon-invalid": { code: "analysis_unavailable", field: "text" },
};

function isAnalysisFailure(error: unknown): error is Error & { code: AnalysisErrorCode } {
  return error instanceof Error && error.name === "AnalysisError" && "code" in error;
}

/** Stores a new draft under fresh ids; a collision (practically never) draws again. */
async function storeNewDraft(
  make: (slug: string) => StudioDraft,
  title: string,
  lng: string,
  origin: string,
  deps: StudioDeps,
): Promise<CreatedDraft> {
  const ownerKey = newOwnerKey();
  const repository = new Set(getArticleSlugs());
  for (let tries = 0; tries < 5; tries++) {
    const slug = newArticleSlug(title);
    if (repository.has(slug)) continue;
    const draft = make(slug);
    const id = newDraftId();
    const created = await deps.store.createDraft({
      id,
      ownerKeyHash: sha256(ownerKey),
      articleSlug: slug,
      document: JSON.stringify(draft),
      createdAt: deps.now().toISOString(),
    });
    if (created)
      return { id, ownerKey, revision: 1, slug, studioUrl: `${origin}/${lng}/studio/${id}`, draft };
  }
  throw new Error("Could not draw an unused draft id.");
}

/** A pasted text, analysed by the pipeline, becomes a draft. */
export async function createDraft(
  input: CreateDraftInput,
  origin: string,
  deps: StudioDeps = defaultDeps(),
): Promise<CreatedDraft> {
  const pasted = {
    title: input.title,
    text: input.text,
    ...(input.english?.trim() ? { english: input.english } : {}),
    ...(input.source ? { source: input.source } : {}),
    ...(input.licence ? { licence: input.licence } : {}),
  };
  const analyse = (slug: string) => {
    try {
      return analysePaste(pasted, slug);
    } catch (error) {
      if (!isAnalysisFailure(error)) throw error;
      const refusal = ANALYSIS_REFUSALS[error.code];
      throw new Refusal(refusal.code, { field: refusal.field, detail: error.message });
    }
  };
  return storeNewDraft(analyse, input.title, input.interfaceLanguage ?? "en", origin, deps);
}

/** An article folder (an exported .zip, a repository folder) becomes a draft, validated as content. */
export async function importDraft(
  input: ImportInput,
  origin: string,
  deps: StudioDeps = defaultDeps(),
): Promise<CreatedDraft> {
  const files = input.files as ArticleFiles;
  let make: (slug: string) => StudioDraft;
  let title: string;
  try {
    const bundle = parseArticleBundle(files, { sharedOutsiders: sharedOutsiders() });
    const own =
      files["outsiders.json"] === undefined
        ? {}
        : parseOutsiders(parseJsonFile(files["outsiders.json"], "outsiders.json"), "outsiders.json");
    const help = suggestionsFor(bundle.source);
    title = bundle.article.title.fr;
    make = (slug) => studioDraftSchema.parse(draftFromContent(bundle, { slug, ownOutsiders: own, ...help }));
  } catch (error) {
    if (error instanceof ContentError) {
      throw new Refusal("import_invalid", { detail: `${error.file}: ${error.problems[0] ?? "invalid"}` });
    }
    if (error instanceof Error && error.name === "ZodError") {
      throw new Refusal("import_invalid", { detail: "The article holds text the studio cannot keep." });
    }
    throw error;
  }
  return storeNewDraft(make, title, input.interfaceLanguage ?? "en", origin, deps);
}

// Compared against when the draft does not exist, so that "no such draft"
// and "wrong key" take the same time and give the same answer.
const ABSENT_KEY_HASH = sha256("no draft has this key");

/** The draft if `key` is its owner key; otherwise the same refusal as a missing one. */
async function draftForOwner(id: string, key: string | null, store: GloseStore): Promise<StoredDraft> {
  const draft = draftIdSchema.safeParse(id).success ? await store.getDraft(id) : null;
  const expected = draft?.ownerKeyHash ?? ABSENT_KEY_HASH;
  const presented = sha256(key ?? "");
  const matches = expected.length === presented.length && timingSafeEqual(expected, presented);
  if (!draft || key === null || !matches) throw notFound();
  return draft;
}

function parseDocument(stored: StoredDraft): StudioDraft {
  return studioDraftSchema.parse(JSON.parse(stored.document));
}

export async function getDraft(
  id: string,
  key: string | null,
  deps: StudioDeps = defaultDeps(),
): Promise<DraftView> {
  const stored = await draftForOwner(id, key, deps.store);
  return {
    id: stored.id,
    slug: stored.articleSlug,
    revision: stored.revision,
    updatedAt: stored.updatedAt,
    publishedVersion: stored.publishedVersion,
    draft: parseDocument(stored),
  };
}

/** Why a draft document was refused, in plain words naming the first bad field. */
function describeDraftIssue(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return "The draft is not a studio draft.";
  const where = first.path.map(String).join(".") || "draft";
  return `draft.${where}: ${first.message}`.replace("draft.draft", "draft");
}

export async function saveDraft(
  id: string,
  key: string | null,
  request: { revision: number; draft: unknown },
  deps: StudioDeps = defaultDeps(),
): Promise<SavedDraft> {
  const stored = await draftForOwner(id, key, deps.store);
  const parsed = studioDraftSchema.safeParse(request.draft);
  if (!parsed.success)
    throw new Refusal("invalid_request", { detail: describeDraftIssue(parsed.error.issues) });
  if (parsed.data.slug !== stored.articleSlug) {
    throw new Refusal("invalid_request", {
      detail: "draft.slug cannot change: it is the article's address.",
    });
  }
  const updatedAt = deps.now().toISOString();
  const outcome = await deps.store.saveDraft(id, request.revision, JSON.stringify(parsed.data), updatedAt);
  switch (outcome.status) {
    case "saved":
      return { revision: outcome.revision, updatedAt };
    case "conflict":
      throw new Refusal("draft_conflict", { revision: outcome.revision });
    case "not-found":
      throw notFound();
  }
}

export async function publishDraft(
  id: string,
  key: string | null,
  request: { revision: number; interfaceLanguage?: string },
  origin: string,
  deps: StudioDeps = defaultDeps(),
): Promise<Published> {
  const stored = await draftForOwner(id, key, deps.store);
  if (stored.revision !== request.revision)
    throw new Refusal("draft_conflict", { revision: stored.revision });
  const built = buildArticle(parseDocument(stored), sharedOutsiders());
  if (!built.publishable || !built.files || !built.bundle) {
    const first = built.problems.find(
      (p) => p.code !== "sentence-untranslated" && p.code !== "sentence-check",
    );
    throw new Refusal("draft_invalid", {
      detail: first
        ? `The draft is not ready to publish: ${first.code} (${first.target.kind} ${first.target.id}).`
        : "The draft is not ready to publish.",
    });
  }
  const { article } = built.bundle;
  const outcome = await deps.store.publishDraft({
    draftId: id,
    expectedRevision: request.revision,
    title: article.title.fr,
    level: article.level,
    files: JSON.stringify(built.files),
    publishedAt: deps.now().toISOString(),
  });
  switch (outcome.status) {
    case "published": {
      const lng = request.interfaceLanguage ?? "en";
      return {
        slug: outcome.slug,
        version: outcome.version,
        title: article.title.fr,
        level: article.level,
        readerUrl: `${origin}/${lng}/read/${outcome.slug}`,
        quizUrl: `${origin}/${lng}/quiz/${outcome.slug}`,
      };
    }
    case "conflict":
      throw new Refusal("draft_conflict", { revision: outcome.revision });
    case "not-found":
      throw notFound();
  }
}

/** What selected words are, for a draft's owner (the lexicon is the server's). */
export async function lookupInDraft(
  id: string,
  key: string | null,
  request: { sentence: string; start: number; end: number },
  deps: StudioDeps = defaultDeps(),
): Promise<LookupResponse> {
  await draftForOwner(id, key, deps.store);
  try {
    const found = lookup(request.sentence, request.start, request.end);
    return {
      ...found,
      ...(found.wrongGlosses ? { wrongGlosses: found.wrongGlosses.slice(0, 6) } : {}),
    };
  } catch (error) {
    if (isAnalysisFailure(error)) throw new Refusal("analysis_unavailable");
    throw error;
  }
}
