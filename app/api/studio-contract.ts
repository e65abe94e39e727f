/**
 * The studio's wire contract: limits, request and response shapes of
 * `/api/studio/…`, imported by the route handlers, the studio's screens and
 * the tests. Error codes live with every other code in `contract.ts`.
 *
 * zod/mini, like `contract.ts`: the paste form checks what it sends with
 * these schemas before anything goes out. The draft document itself is
 * checked by the server with the content schemas (`questions/studio/draft.ts`):
 * here it is only "an object".
 */
import * as z from "zod/mini";
import { i18nConfig } from "@/i18n-config";
import { countWords } from "@/questions/article";
import { CEFR_LEVELS, PARTS_OF_SPEECH } from "@/questions/schema-values";
import { lineOfText, STUDIO_LIMITS, type ErrorCode } from "./contract";

export { STUDIO_LIMITS };

// Pasted text keeps its line breaks and tabs; other control characters, and
// halves of broken characters, come from binary files or bad copies.
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const readable = (text: string) => !UNREADABLE.test(text) && !LONE_SURROGATE.test(text);

/** A pasted text: not blank, not unreadable, at most `STUDIO_LIMITS.words` words. */
function pastedText(codes: { required?: ErrorCode; tooLong: ErrorCode; unreadable: ErrorCode }) {
  return z.string().check(
    z.maxLength(STUDIO_LIMITS.characters, { error: codes.tooLong }),
    z.refine((text: string) => readable(text), { error: codes.unreadable }),
    z.refine((text: string) => codes.required === undefined || text.trim() !== "", {
      error: codes.required ?? "invalid_request",
    }),
    z.refine((text: string) => countWords(text) <= STUDIO_LIMITS.words, { error: codes.tooLong }),
  );
}

/** A free-text field (source, licence): optional, any characters a person types, shown as text. */
function freeText(max: number, codes: { tooLong: ErrorCode; invalidCharacters: ErrorCode }) {
  return z.optional(
    z.string().check(
      z.maxLength(max, { error: codes.tooLong }),
      z.refine((text: string) => readable(text), { error: codes.invalidCharacters }),
    ),
  );
}

/* ------------------------------------------------------------------------ */
/* POST /api/studio/drafts: paste a text                                    */
/* ------------------------------------------------------------------------ */

export const createDraftRequestSchema = z.strictObject({
  title: lineOfText(STUDIO_LIMITS.titleLength, {
    required: "article_title_required",
    tooLong: "article_title_too_long",
    invalidCharacters: "article_title_invalid_characters",
  }),
  text: pastedText({ required: "text_required", tooLong: "text_too_long", unreadable: "text_unreadable" }),
  /** Optional; blank counts as absent. Paired with the French sentence by sentence. */
  english: z.optional(pastedText({ tooLong: "translation_too_long", unreadable: "translation_unreadable" })),
  source: freeText(STUDIO_LIMITS.sourceLength, {
    tooLong: "source_too_long",
    invalidCharacters: "source_invalid_characters",
  }),
  licence: freeText(STUDIO_LIMITS.licenceLength, {
    tooLong: "licence_too_long",
    invalidCharacters: "licence_invalid_characters",
  }),
  /** The teacher's interface language, for the studio link. */
  interfaceLanguage: z.optional(z.enum(i18nConfig.locales)),
});
export type CreateDraftRequest = z.input<typeof createDraftRequestSchema>;
export type CreateDraftInput = z.output<typeof createDraftRequestSchema>;

/* ------------------------------------------------------------------------ */
/* POST /api/studio/imports: an article folder, from a .zip                 */
/* ------------------------------------------------------------------------ */

const fileText = z.string().check(z.maxLength(STUDIO_LIMITS.bodyBytes));

export const importRequestSchema = z.strictObject({
  files: z.strictObject({
    "source.fr.txt": fileText,
    "article.json": fileText,
    "vocabulary.json": fileText,
    "facts.json": z.optional(fileText),
    "outsiders.json": z.optional(fileText),
    "discourse.json": z.optional(fileText),
  }),
  interfaceLanguage: z.optional(z.enum(i18nConfig.locales)),
});
export type ImportRequest = z.input<typeof importRequestSchema>;
export type ImportInput = z.output<typeof importRequestSchema>;

/** 201 for a new draft: the owner key is in this response and nowhere else, ever. */
export const createdDraftSchema = z.object({
  id: z.string(),
  ownerKey: z.string(),
  revision: z.number(),
  slug: z.string(),
  studioUrl: z.string(),
  /** The draft document (checked by the studio with `studioDraftSchema`). */
  draft: z.unknown(),
});
export type CreatedDraft = z.infer<typeof createdDraftSchema>;

/* ------------------------------------------------------------------------ */
/* GET and PUT /api/studio/drafts/{id} (owner key as bearer token)          */
/* ------------------------------------------------------------------------ */

export const draftViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  revision: z.number(),
  updatedAt: z.string(),
  /** The latest published version, or null before the first publish. */
  publishedVersion: z.nullable(z.number()),
  draft: z.unknown(),
});
export type DraftView = z.infer<typeof draftViewSchema>;

const revisionSchema = z.int().check(z.minimum(1), z.maximum(2 ** 31 - 1));

/** A save based on `revision`: refused with 409 `draft_conflict` if the draft has moved on. */
export const saveDraftRequestSchema = z.strictObject({
  revision: revisionSchema,
  draft: z.record(z.string(), z.unknown()),
});
export type SaveDraftRequest = z.input<typeof saveDraftRequestSchema>;

export const savedDraftSchema = z.object({ revision: z.number(), updatedAt: z.string() });
export type SavedDraft = z.infer<typeof savedDraftSchema>;

/** The body of a 409 `draft_conflict`: the revision the draft is at now. */
export const draftConflictSchema = z.object({ code: z.literal("draft_conflict"), revision: z.number() });

/* ------------------------------------------------------------------------ */
/* POST /api/studio/drafts/{id}/publish                                     */
/* ------------------------------------------------------------------------ */

export const publishRequestSchema = z.strictObject({
  revision: revisionSchema,
  interfaceLanguage: z.optional(z.enum(i18nConfig.locales)),
});
export type PublishRequest = z.input<typeof publishRequestSchema>;

export const publishedSchema = z.object({
  slug: z.string(),
  version: z.number(),
  title: z.string(),
  level: z.string(),
  readerUrl: z.string(),
  quizUrl: z.string(),
});
export type Published = z.infer<typeof publishedSchema>;

/* ------------------------------------------------------------------------ */
/* POST /api/studio/drafts/{id}/lookup: any words of a sentence             */
/* ------------------------------------------------------------------------ */

export const lookupRequestSchema = z
  .strictObject({
    sentence: z.string().check(
      z.minLength(1),
      z.maxLength(STUDIO_LIMITS.sentenceLength),
      z.refine((text: string) => readable(text)),
    ),
    start: z.int().check(z.minimum(0)),
    end: z.int().check(z.minimum(1)),
  })
  .check(
    z.refine(
      (r) => r.start < r.end && r.end <= r.sentence.length && r.sentence.slice(r.start, r.end).trim() !== "",
      {
        error: "must select words of the sentence",
        path: ["end"],
      },
    ),
  );
export type LookupRequest = z.input<typeof lookupRequestSchema>;

export const lookupResponseSchema = z.object({
  surface: z.string(),
  lemma: z.string(),
  pos: z.enum(PARTS_OF_SPEECH),
  gender: z.optional(z.enum(["m", "f"])),
  level: z.enum(CEFR_LEVELS),
  gloss: z.optional(z.string()),
  wrongGlosses: z.optional(z.array(z.string())),
  /** The words name someone or something: a person, an organisation, a place. */
  name: z.optional(z.enum(["person", "organisation", "place"])),
  /** The words are a number: how it reads in English, and its value when Glose can read it. */
  quantity: z.optional(
    z.object({
      type: z.enum(["amount", "number", "share", "date"]),
      en: z.string(),
      value: z.optional(
        z.object({
          value: z.number(),
          format: z.enum(["decimal", "magnitude", "fraction"]),
          unit: z.optional(z.enum(["USD", "EUR", "percent"])),
        }),
      ),
    }),
  ),
});
export type LookupResponse = z.infer<typeof lookupResponseSchema>;
