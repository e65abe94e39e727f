"use client";

import type { Locale } from "@/i18n-config";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { selectCurrentAnswer, selectCurrentQuestion } from "../quiz-selectors";
import { hasKey, type QuizQuestion } from "../quiz-state";
import { useQuizStore, useQuizStoreApi } from "../quiz-store-context";
import { fillNode, SLOT } from "@/app/_components/fill-node";
import { EvidenceQuote } from "./evidence-quote";
import type { SentenceTexts } from "./types";

const LETTERS = ["A", "B", "C", "D"] as const;

// A mouse or trackpad that hovers: most likely a keyboard too. A phone's touch screen has neither.
const KEYBOARD_LIKELY = "(hover: hover) and (pointer: fine)";
const subscribeToPointer = (onChange: () => void) => {
  const query = window.matchMedia?.(KEYBOARD_LIKELY);
  query?.addEventListener("change", onChange);
  return () => query?.removeEventListener("change", onChange);
};

/** Whether to mention the keyboard shortcuts: noise on a touch screen. Not on the server, which cannot tell. */
function useHasKeyboard(): boolean {
  return useSyncExternalStore(
    subscribeToPointer,
    () => window.matchMedia?.(KEYBOARD_LIKELY).matches ?? true,
    () => false,
  );
}

export interface QuestionScreenProps {
  lng: Locale;
  slug: string;
  sentences: SentenceTexts;
}

/** Which option a key press picks: 1–4 or A–D. */
function optionIndexForKey(key: string): number | null {
  if (/^[1-4]$/.test(key)) return Number(key) - 1;
  const letter = key.toUpperCase();
  const index = (LETTERS as readonly string[]).indexOf(letter);
  return key.length === 1 && index >= 0 ? index : null;
}

export function QuestionScreen({ lng, slug, sentences }: QuestionScreenProps) {
  const { t } = useTranslation("quiz");
  const store = useQuizStoreApi();
  const question = useQuizStore(selectCurrentQuestion);
  const answer = useQuizStore(selectCurrentAnswer);
  const status = useQuizStore((s) => s.status);
  const selected = useQuizStore((s) => s.selectedOptionId);
  const index = useQuizStore((s) => s.index);
  const total = useQuizStore((s) => s.questions.length);
  const mode = useQuizStore((s) => s.settings?.mode ?? "practice");
  const helpsAllowed = useQuizStore((s) => s.settings?.helpsAllowed ?? true);

  const hasKeyboard = useHasKeyboard();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const isLast = index === total - 1;
  const inFeedback = status === "feedback";

  // A new question: move focus to it, so screen readers and keyboards start there.
  useEffect(() => {
    headingRef.current?.focus();
  }, [question?.id]);

  // Feedback: the verdict is announced by the live region, and scrolled into view above the
  // sticky action bar (on a phone it would sit under it, and "Next" would be all one sees);
  // focus goes to the next step without scrolling away from it.
  useEffect(() => {
    if (!inFeedback) return;
    revealAboveBar(feedbackRef.current, actionsRef.current);
    nextRef.current?.focus({ preventScroll: true });
  }, [inFeedback]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input[type=text], textarea, select")) return;
      const state = store.getState();
      const current = selectCurrentQuestion(state);
      if (!current) return;
      const last = state.index === state.questions.length - 1;

      const optionIndex = optionIndexForKey(event.key);
      if (optionIndex !== null && state.status === "answering") {
        const option = current.options[optionIndex];
        if (option) {
          event.preventDefault();
          state.choose(option.id);
        }
        return;
      }
      // A focused button answers Enter itself; handling it here too would act twice.
      if (event.key !== "Enter" || target?.closest("button, a")) return;
      // Enter never ends the whole quiz: the last step takes a deliberate click.
      if (state.status === "answering" && state.selectedOptionId) {
        if (state.settings?.mode === "test" && last) return;
        event.preventDefault();
        state.confirm();
      } else if (state.status === "feedback" && !last) {
        event.preventDefault();
        state.next();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);

  if (!question) return null;

  const evidence = question.evidenceSentenceId ? sentences[question.evidenceSentenceId] : undefined;
  const helpUsed = answer?.help ?? { evidence: false, question: false };
  // Feedback needs the key, which only self-study questions carry (an assignment is a test).
  const keyed = inFeedback && hasKey(question) ? question : null;
  const confirmedOption = inFeedback ? answer?.optionId : null;
  const isCorrect = keyed !== null && confirmedOption === keyed.answerId;
  const keyOption = keyed?.options.find((option) => option.id === keyed.answerId);
  const canAskQuestionHelp = question.language === "fr" && question.stemEn !== undefined;
  const usedAnyHelp = helpUsed.evidence || helpUsed.question;
  const { useHelp: reveal } = store.getState();

  const finishLabel =
    mode === "test" ? (isLast ? t("question.finishTest") : t("question.confirmTest")) : t("question.confirm");

  return (
    <section className="quiz-question" aria-labelledby="question-heading">
      <div className="quiz-progress">
        <p id="progress-label" className="quiz-progress__label">
          {fillNode(
            t("question.progress", { current: index + 1, total, kind: SLOT }),
            <span className="quiz-progress__kind">{t(`kinds.${question.kind}`)}</span>,
          )}
        </p>
        <progress max={total} value={index + (inFeedback ? 1 : 0)} aria-labelledby="progress-label" />
      </div>

      <fieldset className="options" aria-describedby={hasKeyboard ? "shortcut-hint" : undefined}>
        <legend className="question-legend">
          <h2
            id="question-heading"
            ref={headingRef}
            tabIndex={-1}
            className="question-stem"
            lang={question.language}
          >
            {question.stem}
          </h2>
          {question.passage ? (
            <span className="question-passage" lang="fr">
              {question.passage}
            </span>
          ) : null}
        </legend>
        {helpUsed.question && canAskQuestionHelp ? (
          <p className="help-reveal">
            <span className="help-reveal__label">{t("question.questionLabel")}</span>{" "}
            <span lang="en">{question.stemEn}</span>
          </p>
        ) : null}
        <div className="options__list">
          {question.options.map((option, i) => (
            <OptionRow
              key={option.id}
              question={question}
              optionId={option.id}
              text={option.text}
              letter={LETTERS[i] ?? ""}
              checked={(inFeedback ? confirmedOption : selected) === option.id}
              disabled={inFeedback}
              verdict={
                keyed
                  ? option.id === keyed.answerId
                    ? "key"
                    : option.id === confirmedOption
                      ? "wrong"
                      : null
                  : null
              }
              onChoose={() => store.getState().choose(option.id)}
            />
          ))}
        </div>
      </fieldset>
      {hasKeyboard ? (
        <p id="shortcut-hint" className="hint">
          {t("question.shortcuts")}
        </p>
      ) : null}

      {!inFeedback && !helpsAllowed ? <p className="hint">{t("question.helpsNotAllowed")}</p> : null}
      {!inFeedback && helpsAllowed ? (
        <div className="help-tools" role="group" aria-label={t("question.help")}>
          {evidence && !helpUsed.evidence ? (
            <button type="button" className="button button--quiet" onClick={() => reveal("evidence")}>
              {t("question.showEvidence")}
            </button>
          ) : null}
          {canAskQuestionHelp && !helpUsed.question ? (
            <button type="button" className="button button--quiet" onClick={() => reveal("question")}>
              {t("question.showQuestion")}
            </button>
          ) : null}
          {!usedAnyHelp ? <p className="hint">{t("question.helpCost")}</p> : null}
        </div>
      ) : null}
      {helpUsed.evidence && evidence && !inFeedback ? (
        <p className="help-reveal">
          <span className="help-reveal__label">{t("question.evidenceLabel")}</span>{" "}
          <span lang="en">{evidence.en}</span>
        </p>
      ) : null}

      <div aria-live="polite" className="feedback-live">
        {keyed ? (
          <div ref={feedbackRef} className={`feedback ${isCorrect ? "feedback--right" : "feedback--wrong"}`}>
            <p className="feedback__verdict">
              {isCorrect
                ? usedAnyHelp
                  ? t("feedback.correctWithHelp")
                  : t("feedback.correct")
                : t("feedback.wrong")}
            </p>
            {!isCorrect && keyOption ? (
              <p>
                {t("feedback.answerWas")} <strong lang={question.optionsLanguage}>{keyOption.text}</strong>
              </p>
            ) : null}
            <p>{keyed.explanation[lng]}</p>
            {evidence ? (
              <EvidenceQuote
                lng={lng}
                slug={slug}
                sentenceId={keyed.evidenceSentenceId}
                evidence={evidence}
              />
            ) : null}
          </div>
        ) : null}
      </div>

      <div ref={actionsRef} className="actions actions--sticky">
        {inFeedback ? (
          <button
            ref={nextRef}
            type="button"
            className="button button--primary"
            onClick={() => store.getState().next()}
            onKeyDown={(event) => {
              // Enter on "See results" would end the quiz: that takes a click or Space.
              if (isLast && event.key === "Enter") event.preventDefault();
            }}
          >
            {isLast ? t("question.seeResults") : t("question.next")}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={!selected}
            onClick={() => store.getState().confirm()}
            onKeyDown={(event) => {
              if (mode === "test" && isLast && event.key === "Enter") event.preventDefault();
            }}
          >
            {finishLabel}
          </button>
        )}
        {/* On the last question the main button already ends the quiz. */}
        {isLast ? null : (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              if (window.confirm(t("question.endEarlyConfirm"))) store.getState().finish();
            }}
          >
            {t("question.endEarly")}
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * Scrolls just enough for `element` to stand whole between the top of the
 * window and the top of the sticky bar; if it is taller than that, its top
 * goes to the top of the window, so the verdict and the key are seen first.
 * Instant when the reader asked for reduced motion.
 */
function revealAboveBar(element: HTMLElement | null, bar: HTMLElement | null): void {
  if (!element) return;
  const margin = 8;
  const box = element.getBoundingClientRect();
  // Not laid out (hidden, or no layout engine): nothing to bring into view.
  if (box.height === 0) return;
  const barTop = bar?.getBoundingClientRect().top ?? window.innerHeight;
  const visibleBottom = Math.min(window.innerHeight, barTop) - margin;
  let delta = 0;
  if (box.bottom > visibleBottom) delta = box.bottom - visibleBottom;
  if (box.top - delta < margin) delta = box.top - margin;
  if (Math.abs(delta) < 1) return;
  const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  window.scrollBy({ top: delta, behavior: reduced ? "auto" : "smooth" });
}

interface OptionRowProps {
  question: QuizQuestion;
  optionId: string;
  text: string;
  letter: string;
  checked: boolean;
  disabled: boolean;
  verdict: "key" | "wrong" | null;
  onChoose: () => void;
}

function OptionRow({
  question,
  optionId,
  text,
  letter,
  checked,
  disabled,
  verdict,
  onChoose,
}: OptionRowProps) {
  const { t } = useTranslation("quiz");
  const className = ["option", checked ? "option--checked" : "", verdict ? `option--${verdict}` : ""]
    .join(" ")
    .trim();
  return (
    <label className={className}>
      <input
        type="radio"
        name={`question-${question.id}`}
        value={optionId}
        checked={checked}
        disabled={disabled}
        onChange={onChoose}
      />
      <span className="option__letter" aria-hidden="true">
        {letter}
      </span>
      <span className="option__text" lang={question.optionsLanguage}>
        {text}
      </span>
      {verdict ? (
        <span className="option__verdict">
          {verdict === "key" ? t("feedback.key") : t("feedback.yourAnswer")}
        </span>
      ) : null}
    </label>
  );
}
