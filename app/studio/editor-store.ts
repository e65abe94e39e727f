/**
 * The studio editor's store: the draft being edited, and where it stands
 * with the device and the server. Every edit is a pure operation of
 * `questions/studio/` applied to the draft; it is written to the device at
 * once, then sent to the server a moment later with the revision it was
 * based on. A 409 from the server (another tab or device saved meanwhile)
 * overwrites nothing: the teacher chooses which version to keep.
 */
import { createStore } from "zustand/vanilla";
import type { Published } from "@/app/api/studio-contract";
import { rememberDeviceArticle } from "@/app/_lib/device-articles";
import { libraryLevel, type LibraryArticle } from "@/questions/library";
import type { Locale } from "@/i18n-config";
import { studioDraftSchema, type StudioDraft } from "@/questions/studio/draft";
import { touchDraft } from "./device-drafts";
import { writeLocalCopy } from "./local-copy";
import { fetchDraft, publishDraft, saveDraft, type Refusal } from "./studio-client";

/** Typing pauses this long before a save goes out. */
export const SAVE_DELAY_MS = 800;

export type SaveStatus =
  /** The server has everything. */
  | "saved"
  /** Changes are on the device and will be sent in a moment. */
  | "pending"
  | "saving"
  /** No connection: the changes are on the device, sent when it returns. */
  | "offline"
  /** Another tab or device saved first: the teacher chooses. */
  | "conflict"
  /** The server refused the draft (a bug, a limit): kept on the device. */
  | "refused";

export interface EditorState {
  id: string;
  ownerKey: string;
  lng: Locale;
  draft: StudioDraft;
  /** The server revision the draft was edited from. */
  revision: number;
  dirty: boolean;
  /** One more per edit: tells a finished save whether edits came in while it was on its way. */
  edits: number;
  saveStatus: SaveStatus;
  /** With "conflict": the revision the server is at. */
  conflictRevision: number | null;
  refusal: Refusal | null;
  publishedVersion: number | null;
  publishing: boolean;
  published: Published | null;
  /** Why the last publish did not happen: a refusal, or no connection. */
  publishRefusal: Refusal | "offline" | null;
}

export interface EditorActions {
  /** Applies an edit (a pure operation on the draft), keeps it on the device, schedules a save. */
  edit(change: (draft: StudioDraft) => StudioDraft): void;
  /** Sends what the server does not have yet; true when the server has everything. */
  saveNow(): Promise<boolean>;
  /** After a conflict: this device's version replaces the server's, knowingly. */
  keepMine(): Promise<void>;
  /** After a conflict: the server's version replaces this device's. */
  loadTheirs(): Promise<void>;
  /** Publishes the draft; `built` is the article it makes, for this device's library. */
  publish(built: LibraryArticle | null): Promise<void>;
}

export type EditorStoreState = EditorState & EditorActions;
export type EditorStore = ReturnType<typeof createEditorStore>;

export interface EditorInit {
  id: string;
  ownerKey: string;
  lng: Locale;
  draft: StudioDraft;
  revision: number;
  dirty: boolean;
  publishedVersion: number | null;
  /** Opened from the device's copy, with no connection. */
  offline?: boolean;
  /** Opened with changes based on an older revision than the server's: the teacher must choose. */
  conflictRevision?: number;
}

export function createEditorStore({ offline, conflictRevision, ...init }: EditorInit) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | null = null;

  return createStore<EditorStoreState>()((set, get) => {
    const keepOnDevice = () => {
      const { id, draft, revision, dirty } = get();
      writeLocalCopy(id, { draft, baseRevision: revision, dirty, savedAt: new Date().toISOString() });
      touchDraft(id, draft.title.fr);
    };

    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void get().saveNow(), SAVE_DELAY_MS);
    };

    async function send(): Promise<boolean> {
      const { id, ownerKey, draft, revision, edits } = get();
      set({ saveStatus: "saving" });
      const answer = await saveDraft(id, ownerKey, revision, draft);
      if (answer.ok) {
        const caughtUp = get().edits === edits;
        set({
          revision: answer.value.revision,
          dirty: !caughtUp,
          saveStatus: caughtUp ? "saved" : "pending",
          refusal: null,
          conflictRevision: null,
        });
        keepOnDevice();
        if (!caughtUp) schedule();
        return caughtUp;
      }
      if (answer.offline) {
        set({ saveStatus: "offline" });
      } else if (answer.refusal.code === "draft_conflict") {
        set({ saveStatus: "conflict", conflictRevision: answer.refusal.revision ?? null });
      } else {
        set({ saveStatus: "refused", refusal: answer.refusal });
      }
      return false;
    }

    return {
      ...init,
      edits: 0,
      saveStatus:
        conflictRevision !== undefined ? "conflict" : offline ? "offline" : init.dirty ? "pending" : "saved",
      conflictRevision: conflictRevision ?? null,
      refusal: null,
      publishing: false,
      published: null,
      publishRefusal: null,

      edit(change) {
        const next = change(get().draft);
        if (next === get().draft) return;
        set((s) => ({ draft: next, dirty: true, edits: s.edits + 1, published: null, publishRefusal: null }));
        keepOnDevice();
        // Nothing is sent over a conflict until the teacher has chosen.
        if (get().saveStatus === "conflict") return;
        set({ saveStatus: "pending" });
        schedule();
      },

      async saveNow() {
        if (timer) clearTimeout(timer);
        if (get().saveStatus === "conflict") return false;
        if (inFlight) await inFlight;
        if (!get().dirty) return true;
        inFlight = send();
        try {
          return await inFlight;
        } finally {
          inFlight = null;
        }
      },

      async keepMine() {
        const { conflictRevision } = get();
        if (conflictRevision === null) return;
        set({ revision: conflictRevision, saveStatus: "pending", conflictRevision: null });
        keepOnDevice();
        await get().saveNow();
      },

      async loadTheirs() {
        const { id, ownerKey } = get();
        const answer = await fetchDraft(id, ownerKey);
        if (!answer.ok) {
          set({ saveStatus: answer.offline ? "offline" : "refused", refusal: answer.refusal });
          return;
        }
        const parsed = studioDraftSchema.safeParse(answer.value.draft);
        if (!parsed.success) return;
        set({
          draft: parsed.data,
          revision: answer.value.revision,
          publishedVersion: answer.value.publishedVersion,
          dirty: false,
          saveStatus: "saved",
          conflictRevision: null,
        });
        keepOnDevice();
      },

      async publish(built) {
        set({ publishing: true, publishRefusal: null, published: null });
        const saved = await get().saveNow();
        if (!saved) {
          const { saveStatus, refusal } = get();
          const why =
            saveStatus === "offline"
              ? "offline"
              : saveStatus === "conflict"
                ? { code: "draft_conflict" as const }
                : refusal;
          set({ publishing: false, publishRefusal: why ?? { code: "server_error" } });
          return;
        }
        const { id, ownerKey, revision, lng } = get();
        const answer = await publishDraft(id, ownerKey, revision, lng);
        if (!answer.ok) {
          set({ publishing: false, publishRefusal: answer.offline ? "offline" : answer.refusal });
          if (!answer.offline && answer.refusal.code === "draft_conflict") {
            set({ saveStatus: "conflict", conflictRevision: answer.refusal.revision ?? null });
          }
          return;
        }
        const published = answer.value;
        // What was published is the built article: the library lists it on this device.
        if (built)
          rememberDeviceArticle({ ...libraryLevel(built), topic: built.article.topic, role: "created" });
        set({ publishing: false, published, publishedVersion: published.version });
      },
    };
  });
}
