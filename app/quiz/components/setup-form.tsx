"use client";

import type { Locale } from "@/i18n-config";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { QUESTION_KINDS, type QuestionKind, type QuestionLanguage } from "@/questions/question-kinds";
import type { Question } from "@/questions/question-types";
import { buildQuiz } from "@/questions/quiz";
import type { QuizMode } from "../quiz-state";
import { useQuizStore } from "../quiz-store-context";
import type { QuestionBank } from "./use-question-bank";

const LENGTHS = [5, 10, 20, "all"] as const;
type Length = (typeof LENGTHS)[number];

export interface SetupFormProps {
  lng: Locale;
  slug: string;
  bank: QuestionBank;
}

function comprehensionIn(language: QuestionLanguage): QuestionKind {
  return language === "fr" ? "comprehension-fr" : "comprehension-en";
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** Defaults that make one tap on "Start" a 10-question practice quiz in the learner's language. */
function defaultKinds(language: QuestionLanguage): QuestionKind[] {
  return QUESTION_KINDS.filter(
    (kind) => !kind.startsWith("comprehension") || kind === comprehensionIn(language),
  );
}

export function SetupForm({ lng, slug, bank: questionBank }: SetupFormProps) {
  const bankState = questionBank.state;
  const { t } = useTranslation("quiz");
  const start = useQuizStore((s) => s.start);
  const [length, setLength] = useState<Length>(10);
  const [language, setLanguage] = useState<QuestionLanguage>(lng);
  const [kinds, setKinds] = useState<QuestionKind[]>(() => defaultKinds(lng));
  const [mode, setMode] = useState<QuizMode>("practice");
  const [error, setError] = useState<string | null>(null);
  // One seed for the label and the quiz: "all" is every topic that can stand together, which the seed decides.
  const [seed, setSeed] = useState(randomSeed);
  const id = useId();

  const bank = bankState.status === "ready" ? bankState.bank : null;
  // Once the questions are here, a kind this text has none of (an A2 text asks no connectors) is
  // shown but cannot be chosen: ticking it would start a quiz that leaves it out without a word.
  const present = bank ? new Set(bank.map((q) => q.kind)) : null;
  const offered = (kind: QuestionKind) => present === null || present.has(kind);
  const chosen = kinds.filter(offered);
  const allCount = bank
    ? buildQuiz(bank, {
        seed,
        count: "all",
        kinds: chosen.length ? chosen : defaultKinds(language),
        language,
      }).length
    : null;

  function changeLanguage(next: QuestionLanguage) {
    // Comprehension follows the question language unless the learner picked both.
    setKinds((current) => {
      const hasOld = current.includes(comprehensionIn(language));
      const hasNew = current.includes(comprehensionIn(next));
      if (hasOld && !hasNew)
        return current.map((kind) => (kind === comprehensionIn(language) ? comprehensionIn(next) : kind));
      return current;
    });
    setLanguage(next);
  }

  function toggleKind(kind: QuestionKind, on: boolean) {
    setError(null);
    setKinds((current) =>
      on
        ? QUESTION_KINDS.filter((k) => k === kind || current.includes(k))
        : current.filter((k) => k !== kind),
    );
  }

  // A tap on Start before the questions arrive is remembered, not lost.
  const [startWhenReady, setStartWhenReady] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (chosen.length === 0) {
      setError(t("setup.noKinds"));
      return;
    }
    if (!bank) {
      setStartWhenReady(true);
      questionBank.load();
      return;
    }
    startQuiz(bank);
  }

  // Called from this render (a tap) or the effect after it (the bank arrived), so `chosen` is this bank's.
  function startQuiz(bank: Question[]) {
    if (chosen.length === 0) {
      setStartWhenReady(false);
      setError(t("setup.noKinds"));
      return;
    }
    const options = { seed, count: length, kinds: chosen, language } as const;
    const questions = buildQuiz(bank, options);
    setSeed(randomSeed());
    start(questions, {
      options: { ...options, kinds: [...chosen] },
      mode,
      helpsAllowed: true,
      articleSlug: slug,
    });
  }

  useEffect(() => {
    if (startWhenReady && bank) startQuiz(bank);
  });

  return (
    <form
      className="panel setup"
      onSubmit={onSubmit}
      noValidate
      aria-describedby={`${id}-intro`}
      // The bank loads as soon as the learner shows interest, not during page load.
      onPointerDownCapture={questionBank.load}
      onFocusCapture={questionBank.load}
      onKeyDownCapture={questionBank.load}
    >
      <p id={`${id}-intro`} className="setup__intro">
        {t("setup.intro")}
      </p>

      <fieldset className="choice-group">
        <legend>{t("setup.length")}</legend>
        <div className="chips">
          {LENGTHS.map((value) => (
            <label key={value} className="chip">
              <input
                type="radio"
                name="length"
                checked={length === value}
                onChange={() => setLength(value)}
              />
              <span>
                {value === "all"
                  ? allCount === null
                    ? t("setup.allPlain")
                    : t("setup.all", { count: allCount })
                  : value}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="choice-group">
        <legend>{t("setup.mode")}</legend>
        <div className="cards-choice">
          {(["practice", "test"] as const).map((value) => (
            <label key={value} className="card-choice">
              <input type="radio" name="mode" checked={mode === value} onChange={() => setMode(value)} />
              <span>
                <strong>{t(`setup.${value}`)}</strong>
                <span className="hint">{t(`setup.${value}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="choice-group" aria-describedby={`${id}-language-hint`}>
        <legend>{t("setup.language")}</legend>
        <div className="chips">
          {(["en", "fr"] as const).map((value) => (
            <label key={value} className="chip">
              <input
                type="radio"
                name="language"
                checked={language === value}
                onChange={() => changeLanguage(value)}
              />
              <span>{value === "en" ? t("setup.languageEn") : t("setup.languageFr")}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-language-hint`} className="hint">
          {t("setup.languageHint")}
        </p>
      </fieldset>

      <fieldset className="choice-group" aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{t("setup.kinds")}</legend>
        <div className="checks">
          {QUESTION_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={offered(kind) && kinds.includes(kind)}
                disabled={!offered(kind)}
                aria-describedby={offered(kind) ? undefined : `${id}-absent`}
                onChange={(event) => toggleKind(kind, event.target.checked)}
              />
              <span>{t(`kinds.${kind}`)}</span>
            </label>
          ))}
        </div>
        {QUESTION_KINDS.some((kind) => !offered(kind)) ? (
          <p id={`${id}-absent`} className="hint">
            {t("setup.kindsAbsent")}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>

      {bankState.status === "error" ? (
        <p className="form-error" role="alert">
          {t("setup.bankError")}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary button--wide">
          {t("setup.start")}
        </button>
        {bankState.status !== "ready" && bankState.status !== "error" && startWhenReady ? (
          <span className="hint" role="status">
            {t("loading")}
          </span>
        ) : null}
        <a className="button button--quiet" href={`/${lng}/read/${slug}`}>
          {t("setup.readFirst")}
        </a>
      </div>
    </form>
  );
}
