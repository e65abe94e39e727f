"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import { indexOfWord } from "@/questions/article";
import { formatQuantity, rescaledQuantities } from "@/questions/quantity";
import { ANSWER_TYPES, type AnswerType, type TeacherFact } from "@/questions/studio/draft";
import {
  englishOfAnswer,
  isCountedType,
  newFactId,
  plainNumber,
  proposeWrongAnswers,
  QUESTION_STARTERS,
  WRONG_ANSWERS_NEEDED,
} from "@/questions/studio/facts";
import { findSentence } from "@/questions/studio/sentences";
import { useEditorApi } from "./editor-context";
import { SentencePicker, type WordsInSentence } from "./sentence-picker";
import { lookupWords } from "./studio-client";

const isAnswerType = (type: string): type is AnswerType => (ANSWER_TYPES as readonly string[]).includes(type);

const WRONG_ROWS = WRONG_ANSWERS_NEEDED + 1;

export interface FactFormProps {
  /** The fact being edited, or null for a new one. */
  fact: TeacherFact | null;
  onSave: (fact: TeacherFact) => void;
  onCancel: () => void;
}

/**
 * A question on one sentence: the words that answer it, what they are, the
 * question in both languages, and wrong answers of the same kind (proposed
 * from the text; computed from the value for numbers).
 */
export function FactForm({ fact, onSave, onCancel }: FactFormProps) {
  const { t } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const api = useEditorApi();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [where, setWhere] = useState<WordsInSentence>({
    sentenceId: fact?.sentenceId ?? "s1",
    words: fact?.answer.fr ?? "",
  });
  const [type, setType] = useState<string>(fact?.answer.type ?? "person");
  const [answerEn, setAnswerEn] = useState(fact?.answer.en ?? "");
  const [question, setQuestion] = useState(fact?.question ?? { en: "", fr: "" });
  const [wrong, setWrong] = useState(
    Array.from({ length: WRONG_ROWS }, (_, i) => fact?.wrongAnswers[i] ?? { fr: "", en: "" }),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const counted = isCountedType(type);
  const draft = api.getState().draft;
  const sentence = findSentence(draft, where.sentenceId);

  /** New words: their English when the translation shows them, and wrong answers of their kind. */
  function chooseWords(next: WordsInSentence) {
    setWhere(next);
    const sentenceNow = findSentence(api.getState().draft, next.sentenceId);
    const english = answerEn.trim() || (sentenceNow ? englishOfAnswer(sentenceNow, next.words) : "");
    setAnswerEn(english);
    if (!isCountedType(type) && wrong.every((w) => !w.fr.trim())) propose(type, next.words, english);
  }

  function propose(forType: string, words: string, english: string) {
    const proposals = proposeWrongAnswers(api.getState().draft, {
      id: fact?.id ?? "",
      answer: { fr: words, en: english, type: forType },
      wrongAnswers: wrong.filter((w) => w.fr.trim()),
    });
    setWrong(Array.from({ length: WRONG_ROWS }, (_, i) => proposals[i] ?? { fr: "", en: "" }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { id: draftId, ownerKey } = api.getState();
    const words = where.words.trim();
    if (!sentence || !words || indexOfWord(sentence.fr, words) < 0) {
      return setProblem(t("glosses.span.notInSentence"));
    }
    let quantity: TeacherFact["answer"]["quantity"];
    let english = answerEn.trim();
    if (counted) {
      const plain = plainNumber(words);
      if (plain !== undefined) {
        quantity = { value: plain, format: "decimal" };
      } else {
        setBusy(true);
        const start = where.start ?? indexOfWord(sentence.fr, words);
        const found = await lookupWords(draftId, ownerKey, {
          sentence: sentence.fr,
          start,
          end: start + words.length,
        });
        setBusy(false);
        if (!found.ok) return setProblem(found.offline ? t("paste.offline") : refusalMessage(found.refusal));
        quantity = found.value.quantity?.value;
        if (found.value.quantity && !english) english = found.value.quantity.en;
      }
      if (!quantity) return setProblem(t("facts.form.unreadableNumber"));
      english ||= formatQuantity(quantity, "en") ?? words;
    }
    setProblem(null);
    onSave({
      id: fact?.id ?? newFactId(api.getState().draft, sentence.id, words),
      sentenceId: sentence.id,
      answer: { fr: words, en: english, type, ...(quantity ? { quantity } : {}) },
      question: { en: question.en.trim(), fr: question.fr.trim() },
      wrongAnswers: counted
        ? []
        : wrong.map((w) => ({ fr: w.fr.trim(), en: w.en.trim() || w.fr.trim() })).filter((w) => w.fr),
    });
  }

  const starter = isAnswerType(type) ? QUESTION_STARTERS[type] : QUESTION_STARTERS.thing;
  const plain = counted ? plainNumber(where.words) : undefined;
  const examples =
    plain !== undefined
      ? rescaledQuantities({ value: plain, format: "decimal" })
          .slice(0, 3)
          .map((q) => q.fr)
          .join(", ")
      : "…";

  return (
    <form className="fact-form panel panel--inset" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1} className="subsection-title">
        {t("facts.form.heading")}
      </h3>
      <SentencePicker
        value={where}
        onChange={chooseWords}
        invalid={problem !== null}
        labels={{
          sentence: t("facts.form.sentence"),
          words: t("facts.form.answer"),
          wordsHint: t("facts.form.answerHint"),
        }}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-type`}>{t("facts.form.type")}</label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              if (!isCountedType(e.target.value)) propose(e.target.value, where.words, answerEn);
            }}
          >
            {ANSWER_TYPES.map((answerType) => (
              <option key={answerType} value={answerType}>
                {t(`facts.form.types.${answerType}`)}
              </option>
            ))}
            {isAnswerType(type) ? null : <option value={type}>{type}</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-answer-en`}>{t("facts.form.answerEn")}</label>
          <input
            id={`${id}-answer-en`}
            type="text"
            lang="en"
            value={answerEn}
            aria-describedby={`${id}-answer-en-hint`}
            onChange={(e) => setAnswerEn(e.target.value)}
          />
          <p className="hint" id={`${id}-answer-en-hint`}>
            {t("facts.form.answerEnHint")}
          </p>
        </div>
      </div>
      {(["en", "fr"] as const).map((language) => (
        <div key={language} className="field">
          <label htmlFor={`${id}-question-${language}`}>
            {language === "en" ? t("facts.form.questionEn") : t("facts.form.questionFr")}
          </label>
          <input
            id={`${id}-question-${language}`}
            type="text"
            lang={language}
            value={question[language]}
            onChange={(e) => setQuestion({ ...question, [language]: e.target.value })}
          />
          {question[language] ? null : (
            <p className="hint">
              {t("facts.form.stemsHint")}{" "}
              <button
                type="button"
                className="button button--small button--quiet"
                lang={language}
                onClick={() => setQuestion({ ...question, [language]: starter[language] })}
              >
                {starter[language].trim()}…
              </button>
            </p>
          )}
        </div>
      ))}
      {counted ? (
        <p className="hint">{t("facts.form.counted", { examples })}</p>
      ) : (
        <fieldset className="field fact-form__wrong">
          <legend>{t("facts.form.wrong")}</legend>
          <p className="hint">{t("facts.form.wrongHint")}</p>
          {wrong.map((answer, i) => (
            <div key={i} className="field-row">
              {(["fr", "en"] as const).map((language) => (
                <div key={language} className="field">
                  <label htmlFor={`${id}-wrong-${i}-${language}`}>
                    {t(language === "fr" ? "facts.form.wrongFr" : "facts.form.wrongEn", { number: i + 1 })}
                  </label>
                  <input
                    id={`${id}-wrong-${i}-${language}`}
                    type="text"
                    lang={language}
                    value={answer[language]}
                    onChange={(e) =>
                      setWrong(wrong.map((w, j) => (j === i ? { ...w, [language]: e.target.value } : w)))
                    }
                  />
                </div>
              ))}
            </div>
          ))}
        </fieldset>
      )}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("facts.form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("facts.form.cancel")}
        </button>
      </div>
    </form>
  );
}
