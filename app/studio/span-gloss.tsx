"use client";

import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useRefusalMessage } from "@/app/_components/use-refusal-message";
import { indexOfWord } from "@/questions/article";
import type { DraftTerm } from "@/questions/studio/draft";
import { findSentence } from "@/questions/studio/sentences";
import { termFromSpan } from "@/questions/studio/terms";
import { useEditorApi } from "./editor-context";
import { SentencePicker, type WordsInSentence } from "./sentence-picker";
import { lookupWords } from "./studio-client";

/** Glossing any words of the text: Glose looks them up (lemma, part of speech, gender, a known gloss). */
export function SpanGloss({ onFound }: { onFound: (term: DraftTerm) => void }) {
  const { t } = useTranslation("studio");
  const refusalMessage = useRefusalMessage();
  const api = useEditorApi();
  const [value, setValue] = useState<WordsInSentence>({ sentenceId: "s1", words: "" });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { draft, id, ownerKey } = api.getState();
    const sentence = findSentence(draft, value.sentenceId);
    const words = value.words.trim();
    const start =
      value.start !== undefined && sentence?.fr.startsWith(words, value.start)
        ? value.start
        : indexOfWord(sentence?.fr ?? "", words);
    if (!sentence || !words || start < 0) return setProblem(t("glosses.span.notInSentence"));
    setProblem(null);
    setBusy(true);
    const answer = await lookupWords(id, ownerKey, {
      sentence: sentence.fr,
      start,
      end: start + words.length,
    });
    setBusy(false);
    if (!answer.ok) return setProblem(answer.offline ? t("paste.offline") : refusalMessage(answer.refusal));
    const found = answer.value;
    onFound(
      termFromSpan(api.getState().draft, {
        sentenceId: sentence.id,
        surface: found.surface,
        lemma: found.lemma,
        pos: found.pos,
        ...(found.gender ? { gender: found.gender } : {}),
        level: found.level,
        ...(found.gloss ? { gloss: found.gloss } : {}),
        ...(found.wrongGlosses ? { wrongGlosses: found.wrongGlosses } : {}),
      }),
    );
    setValue({ sentenceId: sentence.id, words: "" });
  }

  return (
    <details className="span-gloss">
      <summary>{t("glosses.span.heading")}</summary>
      <form className="panel panel--inset" onSubmit={onSubmit}>
        <p className="hint">{t("glosses.span.intro")}</p>
        <SentencePicker
          value={value}
          onChange={setValue}
          invalid={problem !== null}
          labels={{
            sentence: t("glosses.span.sentence"),
            words: t("glosses.span.words"),
            wordsHint: t("glosses.span.wordsHint"),
          }}
        />
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !value.words.trim()}>
            {busy ? t("glosses.span.busy") : t("glosses.span.lookUp")}
          </button>
        </div>
      </form>
    </details>
  );
}
