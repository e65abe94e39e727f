/**
 * A draft's copy on this device, written on every change before anything is
 * sent (see `device-drafts.ts`), read back with the draft's schema: a copy
 * from an older Glose or damaged by hand is ignored, never trusted.
 */
import { studioDraftSchema, type StudioDraft } from "@/questions/studio/draft";
import { LOCAL_COPY_KEY, studioStorage } from "./device-drafts";

export interface LocalCopy {
  draft: StudioDraft;
  /** The server revision this copy was edited from. */
  baseRevision: number;
  /** Holds changes the server has not acknowledged. */
  dirty: boolean;
  savedAt: string;
}

function readCopy(id: string): unknown {
  try {
    return JSON.parse(studioStorage().getItem(LOCAL_COPY_KEY(id)) ?? "null") as unknown;
  } catch {
    return null;
  }
}

export function readLocalCopy(id: string): LocalCopy | null {
  const raw = readCopy(id);
  if (typeof raw !== "object" || raw === null) return null;
  const { draft, baseRevision, dirty, savedAt } = raw as Record<string, unknown>;
  const parsed = studioDraftSchema.safeParse(draft);
  if (!parsed.success || typeof baseRevision !== "number" || typeof dirty !== "boolean") return null;
  return { draft: parsed.data, baseRevision, dirty, savedAt: typeof savedAt === "string" ? savedAt : "" };
}

export function writeLocalCopy(id: string, copy: LocalCopy): void {
  studioStorage().setItem(LOCAL_COPY_KEY(id), JSON.stringify(copy));
}
