"use client";

import { useState } from "react";
import enWords from "@/locales/en/words.json";
import frWords from "@/locales/fr/words.json";
import type { Question } from "@/questions/question-types";
import { fetchArticleWords } from "../article-words-client";
import { wordsStore } from "../words-store";

export interface MistakesToReviewProps {
  lng: "en" | "fr";
  slug: string;
  /** Missed vocabulary questions: their topic is `term:<termId>`. */
  questions: readonly Pick<Question, "topicId" | "support" | "evidenceSentenceId">[];
  /** The French of each evidence sentence, by id. */
  sentences: Record<string, { fr: string } | undefined>;
}

const STRINGS = { en: enWords.quiz, fr: frWords.quiz } as const;

function plural(lng: string, count: number, one: string, other: string): string {
  const text = new Intl.PluralRules(lng).select(count) === "one" ? one : other;
  return text.replace("{{count}}", new Intl.NumberFormat(lng).format(count));
}

/** termIds of the missed vocabulary questions, once each. */
export function missedTermIds(questions: MistakesToReviewProps["questions"]): string[] {
  return [...new Set(questions.flatMap((q) => (q.topicId.startsWith("term:") ? [q.topicId.slice(5)] : [])))];
}

/**
 * The words a learner missed in a quiz, offered for review: saved like a
 * word looked up in the reader, in the sentence the question asked about.
 * Loaded by the results screen only when a vocabulary question was missed;
 * it carries its own strings.
 */
export function MistakesToReview({ lng, slug, questions, sentences }: MistakesToReviewProps) {
  const strings = STRINGS[lng];
  const terms = missedTermIds(questions);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (terms.length === 0) return null;

  async function addAll() {
    setBusy(true);
    try {
      const profile = await fetchArticleWords(slug);
      const store = wordsStore();
      let added = 0;
      for (const termId of terms) {
        const term = profile.terms[termId];
        const question = questions.find((q) => q.topicId === `term:${termId}`);
        if (!term || !question) continue;
        const sentence = sentences[question.evidenceSentenceId]?.fr;
        const saved = await store.getState().save({
          lemma: term.lemma,
          meaning: term.gloss,
          termId,
          context: sentence
            ? { slug, sentenceId: question.evidenceSentenceId, sentence, form: question.support }
            : null,
        });
        if (saved) added += 1;
      }
      const notice = store.getState().notice;
      setMessage(
        [
          plural(lng, added, strings.added_one, strings.added_other),
          notice ? (lng === "fr" ? frWords : enWords).notice[notice] : "",
        ]
          .filter(Boolean)
          .join(" "),
      );
    } catch {
      setMessage(strings.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mistakes-to-review">
      {message === null ? (
        <button type="button" className="button" disabled={busy} onClick={() => void addAll()}>
          {plural(lng, terms.length, strings.offer_one, strings.offer_other)}
        </button>
      ) : null}
      <p role="status" className="hint">
        {message}
        {message !== null ? (
          <>
            {" "}
            <a href={`/${lng}/review`}>{(lng === "fr" ? frWords : enWords).reader.reviewLink}</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
