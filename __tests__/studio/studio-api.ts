/**
 * Calls the studio's route handlers the way Next does: a real Request, and
 * `params` as a Promise; no server, no mocks.
 */
import { POST as createRoute } from "@/app/api/studio/drafts/route";
import { GET as getRoute, PUT as saveRoute } from "@/app/api/studio/drafts/[id]/route";
import { POST as publishRoute } from "@/app/api/studio/drafts/[id]/publish/route";
import { POST as lookupRoute } from "@/app/api/studio/drafts/[id]/lookup/route";
import { POST as importRoute } from "@/app/api/studio/imports/route";
import { GET as bankRoute } from "@/app/api/articles/[slug]/bank/route";
import { ORIGIN, type ApiResponse } from "../api/api-helpers";

async function settle(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function request(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    ...(body === undefined
      ? {}
      : {
          body:
            typeof body === "string"
              ? body
              : body instanceof Uint8Array
                ? new Uint8Array(body)
                : JSON.stringify(body),
        }),
  });
}

const auth = (key: string | null): Record<string, string> =>
  key === null ? {} : { Authorization: `Bearer ${key}` };
const context = (id: string) => ({ params: Promise.resolve({ id }) });

export async function createDraft(body: unknown, headers: Record<string, string> = {}) {
  return settle(await createRoute(request(`${ORIGIN}/api/studio/drafts`, "POST", body, headers)));
}

export async function importFiles(body: unknown) {
  return settle(await importRoute(request(`${ORIGIN}/api/studio/imports`, "POST", body)));
}

export async function getDraft(id: string, key: string | null) {
  return settle(
    await getRoute(request(`${ORIGIN}/api/studio/drafts/${id}`, "GET", undefined, auth(key)), context(id)),
  );
}

export async function saveDraft(id: string, key: string | null, body: unknown) {
  return settle(
    await saveRoute(request(`${ORIGIN}/api/studio/drafts/${id}`, "PUT", body, auth(key)), context(id)),
  );
}

export async function publish(
  id: string,
  key: string | null,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return settle(
    await publishRoute(
      request(`${ORIGIN}/api/studio/drafts/${id}/publish`, "POST", body, { ...auth(key), ...headers }),
      context(id),
    ),
  );
}

export async function lookup(id: string, key: string | null, body: unknown) {
  return settle(
    await lookupRoute(
      request(`${ORIGIN}/api/studio/drafts/${id}/lookup`, "POST", body, auth(key)),
      context(id),
    ),
  );
}

export async function bank(slug: string, version?: string) {
  const query = version === undefined ? "" : `?version=${version}`;
  return settle(
    await bankRoute(new Request(`${ORIGIN}/api/articles/${slug}/bank${query}`), {
      params: Promise.resolve({ slug }),
    }),
  );
}
