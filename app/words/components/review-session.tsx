"use client";

import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFrenchSpeech } from "@/app/_components/reader/use-french-speech";
import {
  checkTyped,
  dueCards,
  nextDue,
  productionAnswer,
  productionChoices,
  splitSentence,
  type DueCard,
  type TypedVerdict,
} from "@/questions/words/cards";
import { previewDue } from "@/questions/words/schedule";
import { GRADES, type GradeName, type SavedWord } from "@/questions/words/word";
import { formatInterval, formatWhen } from "../format";
import { useWords } from "../use-words";
import { WordsNotice } from "./words-notice";

export interface ReviewSessionProps {
  lng: "en" | "fr";
}

const cardKey = (card: DueCard) => `${card.wordId}/${card.kind}`;

/** Keys 1–4 answer Again, Hard, Good, Easy (Anki's). */
function gradeForKey(key: string): GradeName | null {
  return /^[1-4]$/.test(key) ? (GRADES[Number(key) - 1] ?? null) : null;
}

/**
 * One review session: the cards due now, recognition first, each in its own
 * sentence. Answers are written to IndexedDB before the next card shows.
 */
export function ReviewSession({ lng }: ReviewSessionProps) {
  const { t } = useTranslation("words");
  const status = useWords((s) => s.status);
  const words = useWords((s) => s.words);
  const answer = useWords((s) => s.answer);
  const [now, setNow] = useState(() => Date.now());
  // Both belong to one card: a new card starts unrevealed without resetting anything.
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ key: string; verdict: TypedVerdict; given: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const goodRef = useRef<HTMLButtonElement>(null);

  const list = useMemo(() => Object.values(words), [words]);
  const queue = useMemo(() => dueCards(list, now), [list, now]);
  const current = queue[0];
  const word = current ? words[current.wordId] : undefined;
  const key = current ? cardKey(current) : null;
  const revealed = key !== null && revealedKey === key;
  const verdict = checked && checked.key === key ? checked : null;
  const setRevealed = () => setRevealedKey(key);

  // A new card: focus on its question; production focuses its own field instead.
  const kind = current?.kind;
  useEffect(() => {
    if (kind !== "production") headingRef.current?.focus();
  }, [key, kind]);

  // The card shown was answered in another tab: its due date moved past now.
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);

  // The answer is shown: focus on "Good", the usual answer, so Enter or a tap gives it.
  useEffect(() => {
    if (revealed) goodRef.current?.focus({ preventScroll: true });
  }, [revealed]);

  async function grade(choice: GradeName) {
    if (!current || busy) return;
    setBusy(true);
    await answer(current.wordId, current.kind, choice);
    setBusy(false);
    setNow(Date.now());
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || !current) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select")) return;
      const choice = gradeForKey(event.key);
      if (choice && revealed) {
        event.preventDefault();
        void grade(choice);
        return;
      }
      if ((event.key === " " || event.key === "Enter") && !revealed && current.kind === "recognition") {
        if (target?.closest("button, a") && event.key === "Enter") return; // the button does it
        event.preventDefault();
        setRevealed();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  });

  if (status !== "ready") {
    return (
      <p className="hint" role="status">
        {t("loading")}
      </p>
    );
  }

  if (list.length === 0 || (!current && nextDue(list) === null)) {
    return (
      <>
        <WordsNotice />
        <p>{t("review.empty")}</p>
        <p>
          <a className="button button--primary" href={`/${lng}`}>
            {t("allWords")}
          </a>
        </p>
      </>
    );
  }

  if (!current || !word) {
    const next = nextDue(list);
    return (
      <>
        <WordsNotice />
        <div className="review-done" role="status">
          <h2 ref={headingRef} tabIndex={-1}>
            {t("review.done")}
          </h2>
          {next !== null ? <p>{t("review.nextDue", { when: formatWhen(next, now, lng) })}</p> : null}
        </div>
        <p className="actions">
          <a className="button button--primary" href={`/${lng}/words`}>
            {t("allWords")}
          </a>
        </p>
      </>
    );
  }

  const card = current.kind === "recognition" ? word.cards.recognition : word.cards.production;
  const due = card ? previewDue(card, now) : null;

  return (
    <>
      <WordsNotice />
      <p className="review-progress" aria-live="polite">
        {t("review.remaining", { count: queue.length })}
      </p>
      <section className="review-card" aria-labelledby="review-prompt" data-card={key ?? undefined}>
        <p className="review-card__kind">{t(`review.kind.${current.kind}`)}</p>
        <h2 id="review-prompt" ref={headingRef} tabIndex={-1} className="review-card__prompt">
          {current.kind === "recognition" ? t("review.recognitionPrompt") : t("review.productionPrompt")}
        </h2>
        {current.kind === "recognition" ? (
          <Recognition word={word} revealed={revealed} lng={lng} onReveal={setRevealed} />
        ) : (
          <Production
            key={key}
            word={word}
            others={list}
            verdict={verdict}
            onCheck={(given) => {
              if (key) setChecked({ key, verdict: checkTyped(given, productionAnswer(word)), given });
              setRevealed();
            }}
          />
        )}
        {revealed && due ? (
          <fieldset className="grades" aria-describedby="review-keys">
            <legend>{t("review.gradesLabel")}</legend>
            {GRADES.map((choice, index) => (
              <button
                key={choice}
                ref={choice === "good" ? goodRef : undefined}
                type="button"
                data-grade={choice}
                className={`button grade grade--${choice}`}
                disabled={busy}
                onClick={() => void grade(choice)}
              >
                <span className="grade__name">
                  <kbd aria-hidden="true">{index + 1}</kbd> {t(`review.grade.${choice}`)}
                </span>
                <span className="grade__interval">
                  {t("review.nextIn", { interval: formatInterval(due[choice] - now, lng) })}
                </span>
              </button>
            ))}
          </fieldset>
        ) : null}
      </section>
      <p id="review-keys" className="hint">
        {t("review.keys")}
      </p>
    </>
  );
}

function Listen({ text }: { text: string }) {
  const { t } = useTranslation("words");
  const canSpeak = useFrenchSpeech();
  if (!canSpeak) return null;
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={() =>
        void import("@/app/_components/reader/speech").then(({ speakFrench }) =>
          speakFrench(text, false, () => {}),
        )
      }
    >
      {t("review.listen")}
    </button>
  );
}

/** The sentence with the word marked; the lemma alone when no sentence was saved. */
function WordInSentence({ word }: { word: SavedWord }) {
  const split = splitSentence(word);
  return (
    <>
      <p className="review-card__word" lang="fr">
        {word.lemma}
      </p>
      {split ? (
        <p className="review-card__sentence" lang="fr">
          {split.before}
          {split.form ? <mark>{split.form}</mark> : null}
          {split.after}
        </p>
      ) : null}
    </>
  );
}

function Meaning({ word }: { word: SavedWord }) {
  // Glossary meanings are English; a learner's own may be in any language.
  return (
    <p className="review-card__meaning" lang={word.termId ? "en" : undefined}>
      {word.meaning || "—"}
    </p>
  );
}

function SourceLink({ word, lng }: { word: SavedWord; lng: string }) {
  const { t } = useTranslation("words");
  if (!word.context) return null;
  return (
    <a href={`/${lng}/read/${word.context.slug}#${word.context.sentenceId}`}>{t("review.fromArticle")}</a>
  );
}

interface RecognitionProps {
  word: SavedWord;
  revealed: boolean;
  lng: string;
  onReveal: () => void;
}

function Recognition({ word, revealed, lng, onReveal }: RecognitionProps) {
  const { t } = useTranslation("words");
  return (
    <>
      <WordInSentence word={word} />
      <div className="review-card__tools">
        <Listen text={word.context?.sentence ?? word.lemma} />
      </div>
      {revealed ? (
        <div className="review-card__answer" role="status">
          <Meaning word={word} />
          <SourceLink word={word} lng={lng} />
        </div>
      ) : (
        <button type="button" className="button button--primary button--wide" onClick={onReveal}>
          {t("review.showAnswer")}
        </button>
      )}
    </>
  );
}

interface ProductionProps {
  word: SavedWord;
  others: readonly SavedWord[];
  verdict: { verdict: TypedVerdict; given: string } | null;
  onCheck: (given: string) => void;
}

function Production({ word, others, verdict, onCheck }: ProductionProps) {
  const { t } = useTranslation("words");
  const [typed, setTyped] = useState("");
  const split = splitSentence(word);
  const answerText = productionAnswer(word);
  // The same choices all day for the same word.
  const choices = useMemo(
    () => productionChoices(word, others, new Date().toDateString()),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fixed for the card's life
    [word.id],
  );
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus({ preventScroll: true }), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!verdict && typed.trim()) onCheck(typed);
  }

  return (
    <>
      {split?.form ? (
        <p className="review-card__sentence" lang="fr">
          {split.before}
          <span className="gap">
            {verdict ? (
              answerText
            ) : (
              <>
                <span aria-hidden="true">_____</span>
                <span className="visually-hidden">{t("review.gap")}</span>
              </>
            )}
          </span>
          {split.after}
        </p>
      ) : null}
      <p className="review-card__hint">{t("review.meaningHint", { meaning: word.meaning || "—" })}</p>
      <form className="production" onSubmit={submit}>
        <label htmlFor="production-input">{t("review.typeLabel")}</label>
        <div className="production__row">
          <input
            ref={inputRef}
            id="production-input"
            type="text"
            lang="fr"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={typed}
            readOnly={verdict !== null}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={verdict !== null || !typed.trim()}
          >
            {t("review.check")}
          </button>
        </div>
      </form>
      {choices.length > 0 && !verdict ? (
        <div className="production__choices" role="group" aria-label={t("review.pickLabel")}>
          <p className="hint">{t("review.pickLabel")}</p>
          {choices.map((choice) => (
            <button key={choice} type="button" className="button" lang="fr" onClick={() => onCheck(choice)}>
              {choice}
            </button>
          ))}
        </div>
      ) : null}
      {verdict ? (
        <p className={`verdict verdict--${verdict.verdict}`} role="status">
          {verdict.verdict === "right"
            ? t("review.right")
            : t(`review.${verdict.verdict}`, { answer: answerText })}
        </p>
      ) : null}
    </>
  );
}
