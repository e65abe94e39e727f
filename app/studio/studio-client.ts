/**
 * The studio's calls to the API, checked against the wire contract: each
 * answers its value, or a refusal with a code the screens translate.
 */
import { readApiError, type ApiError } from "@/app/api/contract";
import {
  createdDraftSchema,
  draftViewSchema,
  lookupResponseSchema,
  publishedSchema,
  savedDraftSchema,
  type CreateDraftRequest,
  type CreatedDraft,
  type DraftView,
  type ImportRequest,
  type LookupRequest,
  type LookupResponse,
  type Published,
  type SavedDraft,
} from "@/app/api/studio-contract";
import type * as z from "zod/mini";

export type Refusal = Omit<ApiError, "error">;

export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: Refusal; offline?: boolean };

async function call<T>(
  url: string,
  init: RequestInit,
  schema: z.ZodMiniType<T>,
  key?: string,
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: {
        "Content-Type": "application/json",
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
      },
    });
  } catch {
    return { ok: false, refusal: { code: "server_error" }, offline: true };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
  }
  return { ok: false, refusal: readApiError(body) ?? { code: "server_error" } };
}

export function createDraft(request: CreateDraftRequest): Promise<Answer<CreatedDraft>> {
  return call("/api/studio/drafts", { method: "POST", body: JSON.stringify(request) }, createdDraftSchema);
}

export function importArticle(request: ImportRequest): Promise<Answer<CreatedDraft>> {
  return call("/api/studio/imports", { method: "POST", body: JSON.stringify(request) }, createdDraftSchema);
}

export function fetchDraft(id: string, key: string): Promise<Answer<DraftView>> {
  return call(`/api/studio/drafts/${id}`, { method: "GET", cache: "no-store" }, draftViewSchema, key);
}

export function saveDraft(
  id: string,
  key: string,
  revision: number,
  draft: unknown,
): Promise<Answer<SavedDraft>> {
  return call(
    `/api/studio/drafts/${id}`,
    { method: "PUT", body: JSON.stringify({ revision, draft }) },
    savedDraftSchema,
    key,
  );
}

export function publishDraft(
  id: string,
  key: string,
  revision: number,
  interfaceLanguage: "en" | "fr",
): Promise<Answer<Published>> {
  return call(
    `/api/studio/drafts/${id}/publish`,
    { method: "POST", body: JSON.stringify({ revision, interfaceLanguage }) },
    publishedSchema,
    key,
  );
}

export function lookupWords(
  id: string,
  key: string,
  request: LookupRequest,
): Promise<Answer<LookupResponse>> {
  return call(
    `/api/studio/drafts/${id}/lookup`,
    { method: "POST", body: JSON.stringify(request) },
    lookupResponseSchema,
    key,
  );
}
