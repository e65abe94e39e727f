"use client";

import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import type { Locale } from "@/i18n-config";
import type { Outsiders } from "@/questions/fact-schema";
import { studioDraftSchema } from "@/questions/studio/draft";
import { ownerKeyOf, rememberDraft } from "./device-drafts";
import { Editor } from "./editor";
import { EditorProvider } from "./editor-context";
import { createEditorStore, type EditorStore } from "./editor-store";
import { readLocalCopy } from "./local-copy";
import { fetchDraft, type Refusal } from "./studio-client";

type Phase =
  | { kind: "loading" }
  | { kind: "need-key"; refusal?: Refusal }
  | { kind: "failed"; refusal: Refusal }
  | { kind: "ready"; store: EditorStore; offline: boolean };

/**
 * Opens a draft: the device's copy first when it holds changes the server
 * has not seen (they are sent, or, if the server moved on meanwhile, the
 * teacher chooses), the server's otherwise; the device's copy alone when
 * there is no connection.
 */
async function openDraft(id: string, key: string, lng: Locale): Promise<Phase> {
  const local = readLocalCopy(id);
  const answer = await fetchDraft(id, key);
  const base = { id, ownerKey: key, lng };
  if (!answer.ok) {
    if (answer.offline && local) {
      const store = createEditorStore({
        ...base,
        draft: local.draft,
        revision: local.baseRevision,
        dirty: local.dirty,
        publishedVersion: null,
        offline: true,
      });
      return { kind: "ready", store, offline: true };
    }
    if (answer.refusal.code === "draft_not_found") return { kind: "need-key", refusal: answer.refusal };
    return { kind: "failed", refusal: answer.offline ? { code: "server_error" } : answer.refusal };
  }
  const view = answer.value;
  const server = studioDraftSchema.parse(view.draft);
  const published = { publishedVersion: view.publishedVersion };
  if (local?.dirty && local.baseRevision <= view.revision) {
    const store = createEditorStore({
      ...base,
      ...published,
      draft: local.draft,
      revision: local.baseRevision,
      dirty: true,
      ...(local.baseRevision < view.revision ? { conflictRevision: view.revision } : {}),
    });
    return { kind: "ready", store, offline: false };
  }
  const store = createEditorStore({
    ...base,
    ...published,
    draft: server,
    revision: view.revision,
    dirty: false,
  });
  return { kind: "ready", store, offline: false };
}

export interface StudioEditorProps {
  lng: Locale;
  id: string;
  outsiders: Outsiders;
}

export function StudioEditor({ lng, id, outsiders }: StudioEditorProps) {
  const { t } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [showKey, setShowKey] = useState(false);

  const open = useCallback(
    async (key: string) => {
      setPhase({ kind: "loading" });
      const next = await openDraft(id, key, lng);
      setPhase(next);
      return next;
    },
    [id, lng],
  );

  useEffect(() => {
    const key = ownerKeyOf(id);
    // The key is shown once, right after the draft is made; a reload does not show it again.
    const url = new URL(window.location.href);
    if (url.searchParams.has("new")) {
      url.searchParams.delete("new");
      window.history.replaceState(null, "", url);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the address is read after mount
      setShowKey(key !== null);
    }
    if (key) void open(key);
    else setPhase({ kind: "need-key" });
  }, [id, open]);

  if (phase.kind === "loading") {
    return (
      <p className="hint" role="status">
        {t("editor.loading")}
      </p>
    );
  }
  if (phase.kind === "need-key") {
    return (
      <KeyForm
        refusal={phase.refusal}
        onKey={async (key) => {
          const next = await open(key);
          if (next.kind === "ready") {
            const draft = next.store.getState().draft;
            rememberDraft({
              id,
              key,
              slug: draft.slug,
              title: draft.title.fr,
              updatedAt: new Date().toISOString(),
            });
          }
        }}
      />
    );
  }
  if (phase.kind === "failed") {
    return (
      <p className="form-error" role="alert">
        {refusalMessage(phase.refusal)}
      </p>
    );
  }
  return (
    <EditorProvider store={phase.store} outsiders={outsiders}>
      <Editor
        ownerKey={showKey ? phase.store.getState().ownerKey : null}
        onKeyKept={() => setShowKey(false)}
        offline={phase.offline}
      />
    </EditorProvider>
  );
}

function KeyForm({ refusal, onKey }: { refusal?: Refusal; onKey: (key: string) => Promise<void> }) {
  const { t } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const id = useId();
  const [key, setKey] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (key.trim()) void onKey(key.trim());
  }

  return (
    <form className="panel page--narrow studio-key-form" onSubmit={onSubmit}>
      <h1 className="page-title">{t("key.askHeading")}</h1>
      <p>{t("key.askBody")}</p>
      <div className="field">
        <label htmlFor={id}>{t("key.label")}</label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={key}
          aria-invalid={refusal ? true : undefined}
          aria-describedby={refusal ? `${id}-error` : undefined}
          onChange={(e) => setKey(e.target.value)}
        />
        {refusal ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {refusalMessage(refusal)}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t("key.open")}
        </button>
      </div>
    </form>
  );
}
