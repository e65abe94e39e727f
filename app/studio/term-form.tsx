"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { CEFR_LEVELS, PARTS_OF_SPEECH } from "@/questions/schema-values";
import type { CefrLevel, PartOfSpeech } from "@/questions/schema";
import type { DraftTerm } from "@/questions/studio/draft";
import { WRONG_GLOSSES_NEEDED } from "@/questions/studio/terms";

export interface TermFormProps {
  term: DraftTerm;
  /** Glose's proposals of wrong meanings for a gloss. */
  propose: (term: Pick<DraftTerm, "id" | "pos" | "gloss" | "wrongGlosses">) => string[];
  onSave: (term: DraftTerm) => void;
  onCancel: () => void;
}

const padded = (list: readonly string[]) =>
  Array.from({ length: WRONG_GLOSSES_NEEDED }, (_, i) => list[i] ?? "");

/** A gloss being written or corrected: meaning, three wrong meanings, and the word's grammar. */
export function TermForm({ term, propose, onSave, onCancel }: TermFormProps) {
  const { t } = useTranslation("studio");
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState<DraftTerm>(term);
  const [wrong, setWrong] = useState<string[]>(padded(term.wrongGlosses));
  const surface = term.surfaces[0] ?? term.lemma;

  useEffect(() => {
    first.current?.focus();
  }, []);

  /** Once the meaning is there, Glose fills the wrong meanings still blank. */
  function fillWrong() {
    if (!value.gloss.trim()) return;
    const proposals = propose({ ...value, wrongGlosses: wrong.filter((w) => w.trim()) });
    setWrong((current) => {
      const extra = proposals.filter((p) => !current.includes(p));
      return current.map((w) => (w.trim() ? w : (extra.shift() ?? "")));
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave({ ...value, wrongGlosses: wrong.map((w) => w.trim()).filter(Boolean) });
  }

  return (
    <form className="term-form panel panel--inset" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="subsection-title">
        {fillNode(t("glosses.form.heading", { term: SLOT }), <span lang="fr">{surface}</span>)}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-gloss`}>{t("glosses.form.gloss")}</label>
        <input
          ref={first}
          id={`${id}-gloss`}
          type="text"
          lang="en"
          value={value.gloss}
          onChange={(e) => setValue({ ...value, gloss: e.target.value })}
          onBlur={fillWrong}
        />
      </div>
      <fieldset className="field term-form__wrong">
        <legend>{t("glosses.form.wrongHint")}</legend>
        {wrong.map((gloss, i) => (
          <div key={i} className="field">
            <label htmlFor={`${id}-wrong-${i}`}>{t("glosses.form.wrong", { number: i + 1 })}</label>
            <input
              id={`${id}-wrong-${i}`}
              type="text"
              lang="en"
              value={gloss}
              onChange={(e) => setWrong(wrong.map((w, j) => (j === i ? e.target.value : w)))}
            />
          </div>
        ))}
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-lemma`}>{t("glosses.form.lemma")}</label>
          <input
            id={`${id}-lemma`}
            type="text"
            lang="fr"
            value={value.lemma}
            onChange={(e) => setValue({ ...value, lemma: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pos`}>{t("glosses.form.pos")}</label>
          <select
            id={`${id}-pos`}
            value={value.pos}
            onChange={(e) => setValue({ ...value, pos: e.target.value as PartOfSpeech })}
          >
            {PARTS_OF_SPEECH.map((pos) => (
              <option key={pos} value={pos}>
                {t(`glosses.pos.${pos}`)}
              </option>
            ))}
          </select>
        </div>
        {value.pos === "noun" ? (
          <div className="field">
            <label htmlFor={`${id}-gender`}>{t("glosses.form.gender")}</label>
            <select
              id={`${id}-gender`}
              value={value.gender ?? "m"}
              onChange={(e) => setValue({ ...value, gender: e.target.value === "f" ? "f" : "m" })}
            >
              <option value="m">{t("glosses.genders.m")}</option>
              <option value="f">{t("glosses.genders.f")}</option>
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-level`}>{t("glosses.form.level")}</label>
          <select
            id={`${id}-level`}
            value={value.level}
            onChange={(e) => setValue({ ...value, level: e.target.value as CefrLevel })}
          >
            {CEFR_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t("glosses.form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("glosses.form.cancel")}
        </button>
      </div>
    </form>
  );
}
