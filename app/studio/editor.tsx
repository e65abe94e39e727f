"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { CopyField } from "@/app/teach/copy-field";
import { severityOf } from "@/questions/studio/build";
import { onStorageProblem } from "./device-drafts";
import { useBuilt, useEditor, useEditorApi } from "./editor-context";
import { FactsPane } from "./facts-pane";
import { GlossesPane } from "./glosses-pane";
import { PreviewPane } from "./preview-pane";
import { PublishPane } from "./publish-pane";
import { SaveStatusLine } from "./save-status";
import { TextPane } from "./text-pane";

const TABS = ["text", "glosses", "facts", "preview", "publish"] as const;
export type EditorTab = (typeof TABS)[number];

/** From this width the text stays on the left and the tabs hold the rest. */
const WIDE = "(min-width: 64rem)";

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export interface EditorProps {
  /** Shown once, right after the draft was made; null otherwise. */
  ownerKey: string | null;
  onKeyKept: () => void;
  offline: boolean;
}

export function Editor({ ownerKey, onKeyKept, offline }: EditorProps) {
  const { t } = useTranslation("studio");
  const id = useId();
  const title = useEditor((s) => s.draft.title.fr);
  const termCount = useEditor((s) => s.draft.terms.length);
  const factCount = useEditor((s) => s.draft.facts.length);
  const api = useEditorApi();
  const built = useBuilt();
  const wide = useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
  // On a phone the teacher meets the sentences first; on a wide screen they stand beside every tab.
  const [tab, setTab] = useState<EditorTab>("text");
  const [storageProblem, setStorageProblem] = useState<"unavailable" | "full" | null>(null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    onStorageProblem(setStorageProblem);
    return () => onStorageProblem(null);
  }, []);

  // Changes kept on the device go out as soon as the connection returns (and when the draft opens).
  useEffect(() => {
    const send = () => void api.getState().saveNow();
    if (api.getState().dirty) send();
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [api]);

  const visibleTabs = TABS.filter((tabName) => !(wide && tabName === "text"));
  const current: EditorTab = wide && tab === "text" ? "glosses" : tab;
  const errors = built.problems.filter((p) => severityOf(p.code) === "error").length;
  const badge: Partial<Record<EditorTab, string>> = {
    glosses: t("editor.counts.terms", { count: termCount }),
    facts: t("editor.counts.facts", { count: factCount }),
    ...(errors ? { publish: t("editor.counts.problems", { count: errors }) } : {}),
  };

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = visibleTabs.indexOf(current);
    const next =
      event.key === "ArrowRight"
        ? visibleTabs[(index + 1) % visibleTabs.length]
        : event.key === "ArrowLeft"
          ? visibleTabs[(index - 1 + visibleTabs.length) % visibleTabs.length]
          : event.key === "Home"
            ? visibleTabs[0]
            : event.key === "End"
              ? visibleTabs.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  /** Moves to a tab and the item a problem is about. */
  function goTo(nextTab: EditorTab, elementId?: string) {
    setTab(nextTab);
    if (elementId) {
      window.setTimeout(() => {
        const element = document.getElementById(elementId);
        element?.scrollIntoView({ block: "center" });
        element?.focus();
      }, 0);
    }
  }

  const textPanel = <TextPane />;
  return (
    <div className="studio">
      <header className="studio__head">
        <h1 className="studio__title" lang="fr">
          {title || "…"}
        </h1>
        <SaveStatusLine />
      </header>
      {offline ? <p className="notice">{t("editor.offlineCopy")}</p> : null}
      {storageProblem ? (
        <p className="notice" role="alert">
          {storageProblem === "full" ? t("save.storageFull") : t("save.storageOff")}
        </p>
      ) : null}
      {ownerKey ? (
        <section className="warning studio-key" aria-labelledby={`${id}-key`}>
          <h2 id={`${id}-key`} className="section-title section-title--first">
            {t("key.heading")}
          </h2>
          <p>{t("key.body")}</p>
          <CopyField label={t("key.label")} value={ownerKey} />
          <div className="actions">
            <button type="button" className="button" onClick={onKeyKept}>
              {t("key.done")}
            </button>
          </div>
        </section>
      ) : null}

      <div className="studio__layout">
        {wide ? <section className="studio__text">{textPanel}</section> : null}
        <section className="studio__panel">
          <div role="tablist" aria-label={t("editor.tabs.label")} className="studio-tabs">
            {visibleTabs.map((tabName) => (
              <button
                key={tabName}
                ref={(element) => {
                  tabRefs.current[tabName] = element;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${tabName}`}
                aria-selected={current === tabName}
                aria-controls={`${id}-panel`}
                tabIndex={current === tabName ? 0 : -1}
                className="studio-tabs__tab"
                onClick={() => setTab(tabName)}
                onKeyDown={onTabKey}
              >
                {t(`editor.tabs.${tabName}`)}
                {badge[tabName] ? <span className="studio-tabs__badge">{badge[tabName]}</span> : null}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`${id}-panel`}
            aria-labelledby={`${id}-tab-${current}`}
            className="studio__tabpanel"
          >
            {current === "text" ? textPanel : null}
            {current === "glosses" ? <GlossesPane /> : null}
            {current === "facts" ? <FactsPane /> : null}
            {current === "preview" ? <PreviewPane /> : null}
            {current === "publish" ? <PublishPane goTo={goTo} /> : null}
          </div>
        </section>
      </div>
    </div>
  );
}
