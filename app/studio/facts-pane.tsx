"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ANSWER_TYPES, type AnswerType, type TeacherFact } from "@/questions/studio/draft";
import { removeBaseFact, removeFact, saveFact } from "@/questions/studio/facts";
import { useBuilt, useEditor, useEditorApi } from "./editor-context";
import { FactForm } from "./fact-form";
import { GeneratedList } from "./generated-list";
import { ProblemNote } from "./problem-note";

/** The DOM id of a fact's row, where a problem about it leads. */
export const factRowId = (factId: string) => `studio-fact-${factId}`;

const isAnswerType = (type: string): type is AnswerType => (ANSWER_TYPES as readonly string[]).includes(type);

export function FactsPane() {
  const { t } = useTranslation("studio");
  const api = useEditorApi();
  const facts = useEditor((s) => s.draft.facts);
  const baseFacts = useEditor((s) => s.draft.baseFacts);
  const built = useBuilt();
  /** The fact being edited: its id, or "new". */
  const [editing, setEditing] = useState<string | null>(null);

  function save(fact: TeacherFact) {
    api.getState().edit((d) => saveFact(d, fact));
    setEditing(null);
  }

  const typeName = (type: string) => (isAnswerType(type) ? t(`facts.form.types.${type}`) : type);

  return (
    <div className="facts-pane">
      <h2 className="section-title section-title--first">{t("facts.heading")}</h2>
      <p className="hint">{t("facts.intro")}</p>
      {facts.length === 0 && editing === null ? <p className="hint">{t("facts.none")}</p> : null}
      <ul className="item-list">
        {facts.map((fact) => {
          if (editing === fact.id) {
            return (
              <li key={fact.id} className="item-list__item">
                <FactForm fact={fact} onSave={save} onCancel={() => setEditing(null)} />
              </li>
            );
          }
          const content = built.bundle?.facts.find((f) => f.id === fact.id);
          const questions = built.generated.filter((g) => g.meta.factId === fact.id);
          const problems = built.problems.filter((p) => p.target.kind === "fact" && p.target.id === fact.id);
          return (
            <li key={fact.id} id={factRowId(fact.id)} tabIndex={-1} className="item-list__item">
              <p className="fact-summary">
                <strong lang="fr">{fact.answer.fr}</strong> · {typeName(fact.answer.type)} ·{" "}
                {t("text.sentence", { number: fact.sentenceId.slice(1) })}
              </p>
              <p className="fact-summary__question" lang="en">
                {fact.question.en}
              </p>
              <p className="fact-summary__question" lang="fr">
                {fact.question.fr}
              </p>
              <div className="item-list__tools">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t("facts.editLabel", { answer: fact.answer.fr })}
                  onClick={() => setEditing(fact.id)}
                >
                  {t("glosses.edit")}
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t("facts.removeLabel", { answer: fact.answer.fr })}
                  onClick={() => api.getState().edit((d) => removeFact(d, fact.id))}
                >
                  {t("glosses.remove")}
                </button>
              </div>
              {problems.map((problem) => (
                <ProblemNote key={problem.code} problem={problem} />
              ))}
              {content ? (
                <div className="builds">
                  <p className="builds__heading">{t("facts.builds.heading")}</p>
                  <ul className="builds__list">
                    <li className="builds__yes">{t("facts.builds.comprehension")}</li>
                    <li className={content.cloze.length ? "builds__yes" : "builds__no"}>
                      {content.cloze.length ? t("facts.builds.cloze") : t("facts.builds.noCloze")}
                    </li>
                    <li className={content.trueFalse.length ? "builds__yes" : "builds__no"}>
                      {t(content.trueFalse.length ? "facts.builds.trueFalse" : "facts.builds.noTrueFalse", {
                        type: typeName(fact.answer.type),
                      })}
                    </li>
                  </ul>
                  <GeneratedList
                    generated={questions}
                    heading={t("facts.builds.questions", { count: questions.length })}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {editing === "new" ? (
        <FactForm fact={null} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
            {t("facts.new")}
          </button>
        </div>
      )}

      <details className="base-facts">
        <summary>{t("facts.glose.heading", { count: baseFacts.length })}</summary>
        <p className="hint">{t("facts.glose.intro")}</p>
        <ul className="base-facts__list">
          {baseFacts.map((fact) => {
            const value = Object.values(fact.slots)[0]?.fr ?? fact.id;
            const outdated = built.problems.some(
              (p) => p.target.kind === "base-fact" && p.target.id === fact.id,
            );
            return (
              <li
                key={fact.id}
                className={outdated ? "base-facts__item base-facts__item--bad" : "base-facts__item"}
              >
                <span>
                  <span lang="fr">{value}</span> · {t("text.sentence", { number: fact.sentenceId.slice(1) })}
                </span>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t("facts.glose.removeLabel", { value })}
                  onClick={() => api.getState().edit((d) => removeBaseFact(d, fact.id))}
                >
                  {t("glosses.remove")}
                </button>
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}
