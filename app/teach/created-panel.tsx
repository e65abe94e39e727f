"use client";

import { useId, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedAssignment } from "@/app/api/contract";
import type { Locale } from "@/i18n-config";
import { CopyField } from "./copy-field";

export interface CreatedPanelProps {
  lng: Locale;
  created: CreatedAssignment;
  /** Focus lands here when the panel replaces the form. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  onAnother: () => void;
}

/** What the teacher needs once the assignment exists: the links (one per level, at every level), the QR code, the private key. */
export function CreatedPanel({ lng, created, headingRef, onAnother }: CreatedPanelProps) {
  const { t } = useTranslation("teach");
  const id = useId();
  return (
    <section className="panel created" aria-labelledby={`${id}-created`}>
      <h2 id={`${id}-created`} tabIndex={-1} ref={headingRef}>
        {t("created.heading")}
      </h2>
      <CopyField label={t("created.studentLink")} value={created.studentUrl} />
      {created.levels.length ? <p className="hint">{t("created.chooseHint")}</p> : null}
      <figure className="qr">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn by our own API, no optimisation to gain */}
        <img
          src={`/api/assignments/${created.id}/qr.svg?lng=${lng}`}
          alt={t("created.qr")}
          width={220}
          height={220}
        />
        <figcaption className="hint">{t("created.qrHint")}</figcaption>
      </figure>
      {created.levels.length ? (
        <section aria-labelledby={`${id}-level-links`} className="level-links">
          <h3 id={`${id}-level-links`}>{t("created.levelLinks")}</h3>
          {created.levels.map((level) => (
            <CopyField
              key={level.level}
              label={t("created.levelLink", { level: level.level })}
              value={level.studentUrl}
            />
          ))}
        </section>
      ) : null}
      <div className="warning" role="note">
        <CopyField label={t("created.teacherLink")} value={created.teacherUrl} />
        <p>{t("created.teacherWarning")}</p>
      </div>
      <div className="actions">
        <a className="button button--primary" href={created.teacherUrl} target="_blank" rel="noreferrer">
          {t("created.openResults")}
        </a>
        <button type="button" className="button" onClick={onAnother}>
          {t("created.another")}
        </button>
      </div>
    </section>
  );
}
