"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedDraft } from "@/app/api/studio-contract";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { LocalTime } from "@/app/_components/local-time";
import type { Locale } from "@/i18n-config";
import { deviceDrafts, keepNewDraft, rememberDraft, type DeviceDraftEntry } from "./device-drafts";
import { ImportButton } from "./import-button";
import { PasteForm } from "./paste-form";

/** Where a new draft goes: kept on this device with its key, then opened in the editor. */
export function openNewDraft(lng: Locale, created: CreatedDraft, navigate: (href: string) => void): void {
  const now = new Date().toISOString();
  const title = (created.draft as { title?: { fr?: unknown } } | null)?.title?.fr;
  rememberDraft({
    id: created.id,
    key: created.ownerKey,
    slug: created.slug,
    title: typeof title === "string" ? title : created.slug,
    updatedAt: now,
  });
  keepNewDraft(created.id, created.draft, created.revision);
  // `new` asks the editor to show the owner key once.
  navigate(`/${lng}/studio/${created.id}?new=1`);
}

export function StudioHome({ lng }: { lng: Locale }) {
  const { t } = useTranslation("studio");
  const router = useRouter();
  const [drafts, setDrafts] = useState<DeviceDraftEntry[]>([]);

  // The device's drafts exist only in the browser.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage exists only after mount
    setDrafts(deviceDrafts());
  }, []);

  return (
    <div className="studio-home">
      <PasteForm lng={lng} onCreated={(created) => openNewDraft(lng, created, router.push)} />
      <section className="panel studio-home__side" aria-labelledby="import-heading">
        <h2 id="import-heading" className="section-title section-title--first">
          {t("import.heading")}
        </h2>
        <p className="hint">{t("import.intro")}</p>
        <ImportButton lng={lng} onCreated={(created) => openNewDraft(lng, created, router.push)} />
        {drafts.length > 0 ? (
          <>
            <h2 className="section-title">{t("drafts.heading")}</h2>
            <ul className="studio-drafts">
              {drafts.map((draft) => (
                <li key={draft.id}>
                  <a
                    href={`/${lng}/studio/${draft.id}`}
                    aria-label={t("drafts.open", { title: draft.title })}
                  >
                    <span lang="fr">{draft.title}</span>
                  </a>
                  <span className="hint">
                    {fillNode(
                      t("drafts.updated", { date: SLOT }),
                      <LocalTime iso={draft.updatedAt} lng={lng} format="short" />,
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
