"use client";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DraftSuggestion, DraftTerm } from "@/questions/studio/draft";
import {
  dismissSuggestion,
  pendingSuggestions,
  proposeWrongGlosses,
  removeTerm,
  saveTerm,
  termFromSuggestion,
  WRONG_GLOSSES_NEEDED,
} from "@/questions/studio/terms";
import { useBuilt, useEditor, useEditorApi } from "./editor-context";
import { ProblemNote } from "./problem-note";
import { SpanGloss } from "./span-gloss";
import { TermForm } from "./term-form";

const REASONS = ["rare", "expression", "tricky", "glossary", "cognate"] as const;
const isReason = (reason: string): reason is (typeof REASONS)[number] =>
  (REASONS as readonly string[]).includes(reason);

/** The DOM id of a term's row, where a problem about it leads. */
export const termRowId = (termId: string) => `studio-term-${termId}`;

export function GlossesPane() {
  const { t } = useTranslation("studio");
  const api = useEditorApi();
  const draft = useEditor((s) => s.draft);
  const built = useBuilt();
  /** The term being edited: an accepted one, a suggestion being accepted, or words just looked up. */
  const [editing, setEditing] = useState<DraftTerm | null>(null);
  const pending = pendingSuggestions(draft);

  function accept(suggestion: DraftSuggestion) {
    const term = termFromSuggestion(draft, suggestion);
    // A suggestion with its meaning and three wrong ones is glossed at once; otherwise the teacher completes it.
    if (term.gloss && term.wrongGlosses.length >= WRONG_GLOSSES_NEEDED) {
      api.getState().edit((d) => saveTerm(d, term));
    } else {
      setEditing(term);
    }
  }

  function save(term: DraftTerm) {
    api.getState().edit((d) => saveTerm(d, term));
    setEditing(null);
  }

  const editor = (term: DraftTerm) => (
    <TermForm
      key={term.id}
      term={term}
      propose={(partial) => proposeWrongGlosses(draft, partial)}
      onSave={save}
      onCancel={() => setEditing(null)}
    />
  );
  const editingNew = editing !== null && !draft.terms.some((term) => term.id === editing.id);

  return (
    <div className="glosses-pane">
      <h2 className="section-title section-title--first">{t("glosses.heading")}</h2>
      <p className="hint">{t("glosses.intro")}</p>
      {editingNew ? editor(editing) : null}

      <h3 className="subsection-title">{t("glosses.accepted", { count: draft.terms.length })}</h3>
      {draft.terms.length === 0 ? <p className="hint">{t("glosses.none")}</p> : null}
      <ul className="item-list">
        {draft.terms.map((term) => {
          const surface = term.surfaces[0] ?? term.lemma;
          const problems = built.problems.filter((p) => p.target.kind === "term" && p.target.id === term.id);
          return (
            <li key={term.id} id={termRowId(term.id)} tabIndex={-1} className="item-list__item">
              {editing?.id === term.id ? (
                editor(editing)
              ) : (
                <>
                  <TermSummary term={term} />
                  <div className="item-list__tools">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t("glosses.editLabel", { term: surface })}
                      onClick={() => setEditing(term)}
                    >
                      {t("glosses.edit")}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      aria-label={t("glosses.removeLabel", { term: surface })}
                      onClick={() => api.getState().edit((d) => removeTerm(d, term.id))}
                    >
                      {t("glosses.remove")}
                    </button>
                  </div>
                  {problems.map((problem) => (
                    <ProblemNote key={problem.code} problem={problem} />
                  ))}
                </>
              )}
            </li>
          );
        })}
      </ul>

      <SpanGloss onFound={setEditing} />

      <h3 className="subsection-title">{t("glosses.suggestions", { count: pending.length })}</h3>
      {pending.length === 0 ? <p className="hint">{t("glosses.noSuggestions")}</p> : null}
      <ul className="item-list">
        {pending.map((suggestion) => {
          const surface = suggestion.surfaces[0] ?? suggestion.lemma;
          return (
            <li key={suggestion.id} className="item-list__item">
              <TermSummary term={suggestion} />
              <p className="item-list__reasons">
                {suggestion.reasons.filter(isReason).map((reason) => (
                  <span key={reason} className="badge badge--quiet">
                    {t(`glosses.reasons.${reason}`)}
                  </span>
                ))}
              </p>
              <div className="item-list__tools">
                <button
                  type="button"
                  className="button button--small button--primary"
                  aria-label={t("glosses.acceptLabel", { term: surface })}
                  onClick={() => accept(suggestion)}
                >
                  {t("glosses.accept")}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t("glosses.editLabel", { term: surface })}
                  onClick={() => setEditing(termFromSuggestion(draft, suggestion))}
                >
                  {t("glosses.edit")}
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={t("glosses.dismissLabel", { term: surface })}
                  onClick={() => api.getState().edit((d) => dismissSuggestion(d, suggestion.id))}
                >
                  {t("glosses.remove")}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A term at a glance: its words, dictionary form, part of speech, gender, level and meaning. */
function TermSummary({
  term,
}: {
  term: Pick<DraftTerm, "surfaces" | "lemma" | "pos" | "gender" | "level"> & { gloss?: string };
}) {
  const { t } = useTranslation("studio");
  return (
    <div className="term-summary">
      <p className="term-summary__words">
        <strong lang="fr">{term.surfaces.join(", ")}</strong>{" "}
        <span className="term-summary__grammar">
          <span lang="fr">{term.lemma}</span> · {t(`glosses.pos.${term.pos}`)}
          {term.gender ? ` · ${t(`glosses.genders.${term.gender}`)}` : ""} · {term.level}
        </span>
      </p>
      {term.gloss ? (
        <p className="term-summary__gloss" lang="en">
          {term.gloss}
        </p>
      ) : null}
    </div>
  );
}
