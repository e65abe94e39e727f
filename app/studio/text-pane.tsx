"use client";

import { memo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CEFR_LEVELS } from "@/questions/schema-values";
import type { CefrLevel } from "@/questions/schema";
import type { DraftSentence } from "@/questions/studio/draft";
import {
  canMergeWithNext,
  confirmSentence,
  defaultSplitPoint,
  editSentence,
  mergeWithNext,
  splitSentence,
} from "@/questions/studio/sentences";
import { useBuilt, useEditor, useEditorApi } from "./editor-context";
import { ProblemNote } from "./problem-note";

/** Sentences are one line each in the content: a line break typed into one becomes a space. */
const oneLine = (text: string) => text.replace(/\r?\n/g, " ");

/** The DOM id of a sentence's French, where a problem about it leads. */
export const sentenceFieldId = (sentenceId: string) => `studio-sentence-${sentenceId}-fr`;

export function TextPane() {
  const { t } = useTranslation("studio");
  const paragraphs = useEditor((s) => s.draft.paragraphs);
  const title = useEditor((s) => s.draft.title);
  return (
    <div className="text-pane">
      <AboutText />
      <h2 className="section-title">{t("text.heading")}</h2>
      <p className="hint">{t("text.intro")}</p>
      <SentenceRow sentence={title} label={t("text.title")} canMerge={false} />
      {paragraphs.map((paragraph, p) => (
        <section
          key={paragraph.id}
          className="text-pane__paragraph"
          aria-label={t("text.paragraph", { number: p + 1 })}
        >
          {paragraph.sentences.map((sentence, index) => (
            <SentenceRow
              key={sentence.id}
              sentence={sentence}
              label={t("text.sentence", { number: sentence.id.slice(1) })}
              canMerge={index < paragraph.sentences.length - 1}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

function AboutText() {
  const { t } = useTranslation("studio");
  const api = useEditorApi();
  const level = useEditor((s) => s.draft.level);
  const topic = useEditor((s) => s.draft.topic);
  const source = useEditor((s) => s.draft.source);
  const licence = useEditor((s) => s.draft.licence);
  const notices = useEditor((s) => s.draft.notices);
  return (
    <section className="about-text" aria-labelledby="studio-about-heading">
      <h2 id="studio-about-heading" className="section-title section-title--first">
        {t("about.heading")}
      </h2>
      {notices.map((notice) => (
        <p key={notice} className="notice">
          {t(`about.notices.${notice}`)}
        </p>
      ))}
      <div className="field-row">
        <div className="field">
          <label htmlFor="studio-level">{t("about.level")}</label>
          <select
            id="studio-level"
            value={level}
            onChange={(e) => api.getState().edit((d) => ({ ...d, level: e.target.value as CefrLevel }))}
          >
            {CEFR_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="studio-topic-en">{t("about.topicEn")}</label>
          <input
            id="studio-topic-en"
            type="text"
            lang="en"
            value={topic.en}
            aria-describedby="studio-topic-hint"
            onChange={(e) =>
              api.getState().edit((d) => ({ ...d, topic: { ...d.topic, en: e.target.value } }))
            }
          />
        </div>
        <div className="field">
          <label htmlFor="studio-topic-fr">{t("about.topicFr")}</label>
          <input
            id="studio-topic-fr"
            type="text"
            lang="fr"
            value={topic.fr}
            aria-describedby="studio-topic-hint"
            onChange={(e) =>
              api.getState().edit((d) => ({ ...d, topic: { ...d.topic, fr: e.target.value } }))
            }
          />
        </div>
      </div>
      <p className="hint" id="studio-topic-hint">
        {t("about.topicHint")}
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="studio-source">{t("about.source")}</label>
          <input
            id="studio-source"
            type="text"
            value={source}
            onChange={(e) => api.getState().edit((d) => ({ ...d, source: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor="studio-licence">{t("about.licence")}</label>
          <input
            id="studio-licence"
            type="text"
            value={licence}
            onChange={(e) => api.getState().edit((d) => ({ ...d, licence: e.target.value }))}
          />
        </div>
      </div>
    </section>
  );
}

interface SentenceRowProps {
  sentence: DraftSentence;
  label: string;
  canMerge: boolean;
}

/** One sentence: its French and English side by side, split, merge, and the pairing to check. */
const SentenceRow = memo(function SentenceRow({ sentence, label, canMerge }: SentenceRowProps) {
  const { t } = useTranslation("studio");
  const api = useEditorApi();
  const built = useBuilt();
  const french = useRef<HTMLTextAreaElement>(null);
  const [needsCursor, setNeedsCursor] = useState(false);
  const number = sentence.id === "title" ? label : sentence.id.slice(1);
  const problems = built.problems.filter(
    (p) => p.target.kind === "sentence" && p.target.id === sentence.id && p.code !== "sentence-check",
  );
  const frId = sentenceFieldId(sentence.id);
  const enId = `studio-sentence-${sentence.id}-en`;

  function split() {
    const field = french.current;
    const caret = field?.selectionStart ?? 0;
    const at = caret > 0 && caret < sentence.fr.length ? caret : defaultSplitPoint(sentence.fr);
    if (at === undefined) return setNeedsCursor(true);
    setNeedsCursor(false);
    api.getState().edit((d) => splitSentence(d, sentence.id, at));
  }

  return (
    <div
      className={`sentence-row${sentence.check ? " sentence-row--check" : ""}`}
      role="group"
      aria-label={label}
    >
      <div className="sentence-row__head">
        <span className="sentence-row__label">{label}</span>
        {sentence.id !== "title" ? (
          <span className="sentence-row__tools">
            <button
              type="button"
              className="button button--small"
              aria-label={t("text.splitLabel", { number })}
              onClick={split}
            >
              {t("text.split")}
            </button>
            {canMerge ? (
              <button
                type="button"
                className="button button--small"
                aria-label={t("text.mergeLabel", { number })}
                onClick={() =>
                  api
                    .getState()
                    .edit((d) => (canMergeWithNext(d, sentence.id) ? mergeWithNext(d, sentence.id) : d))
                }
              >
                {t("text.merge")}
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      <div className="sentence-row__pair">
        <div className="sentence-row__side">
          <label htmlFor={frId} className="sentence-row__language">
            {t("text.french")}
          </label>
          <textarea
            ref={french}
            id={frId}
            lang="fr"
            rows={2}
            value={sentence.fr}
            aria-invalid={problems.length ? true : undefined}
            onChange={(e) =>
              api.getState().edit((d) => editSentence(d, sentence.id, { fr: oneLine(e.target.value) }))
            }
          />
        </div>
        <div className="sentence-row__side">
          <label htmlFor={enId} className="sentence-row__language">
            {t("text.english")}
          </label>
          <textarea
            id={enId}
            lang="en"
            rows={2}
            value={sentence.en}
            onChange={(e) =>
              api.getState().edit((d) => editSentence(d, sentence.id, { en: oneLine(e.target.value) }))
            }
          />
        </div>
      </div>
      {needsCursor ? <p className="field-error">{t("text.splitNeedsCursor")}</p> : null}
      {sentence.check ? (
        <div className="sentence-row__check">
          <p>{t("text.check")}</p>
          <button
            type="button"
            className="button button--small"
            aria-label={t("text.confirmLabel", { number })}
            onClick={() => api.getState().edit((d) => confirmSentence(d, sentence.id))}
          >
            {t("text.confirm")}
          </button>
        </div>
      ) : null}
      {problems.map((problem) => (
        <ProblemNote key={problem.code} problem={problem} />
      ))}
    </div>
  );
});
