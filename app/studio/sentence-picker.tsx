"use client";

import { useId, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { draftSentences } from "@/questions/studio/draft";
import { useEditor } from "./editor-context";

export interface WordsInSentence {
  sentenceId: string;
  /** The words as they stand in the sentence. */
  words: string;
  /** Where they start in the sentence, when the teacher selected them. */
  start?: number;
}

export interface SentencePickerProps {
  value: WordsInSentence;
  onChange: (value: WordsInSentence) => void;
  labels: { sentence: string; words: string; wordsHint: string };
  invalid?: boolean;
}

/**
 * Picks a sentence, then words in it: selected with the mouse, a finger or
 * the keyboard in the sentence (a read-only text field, so selection works
 * everywhere), or typed as they stand.
 */
export function SentencePicker({ value, onChange, labels, invalid }: SentencePickerProps) {
  const { t } = useTranslation("studio");
  const id = useId();
  const draft = useEditor((s) => s.draft);
  const sentences = useMemo(() => draftSentences(draft), [draft]);
  const text = useRef<HTMLTextAreaElement>(null);
  const sentence = sentences.find((s) => s.id === value.sentenceId) ?? sentences[1] ?? sentences[0];

  function takeSelection() {
    const field = text.current;
    if (!field || !sentence) return;
    let start = field.selectionStart;
    let end = field.selectionEnd;
    // Whole words: a selection that cuts a word is widened to it.
    while (start > 0 && /[\p{L}\p{N}]/u.test(sentence.fr[start - 1] ?? "")) start--;
    while (end < sentence.fr.length && /[\p{L}\p{N}]/u.test(sentence.fr[end] ?? "")) end++;
    const words = sentence.fr.slice(start, end);
    const trimmed = words.trim();
    if (!trimmed) return;
    onChange({ sentenceId: sentence.id, words: trimmed, start: start + words.indexOf(trimmed) });
  }

  return (
    <div className="sentence-picker">
      <div className="field">
        <label htmlFor={`${id}-sentence`}>{labels.sentence}</label>
        <select
          id={`${id}-sentence`}
          value={sentence?.id}
          onChange={(e) => onChange({ sentenceId: e.target.value, words: "" })}
        >
          {sentences.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id === "title" ? t("text.title") : t("text.sentence", { number: s.id.slice(1) })} —{" "}
              {s.fr.length > 60 ? `${s.fr.slice(0, 58)}…` : s.fr}
            </option>
          ))}
        </select>
      </div>
      {sentence ? (
        <textarea
          ref={text}
          className="sentence-picker__text"
          lang="fr"
          readOnly
          rows={3}
          value={sentence.fr}
          aria-label={labels.sentence}
          onSelect={takeSelection}
        />
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-words`}>{labels.words}</label>
        <input
          id={`${id}-words`}
          type="text"
          lang="fr"
          value={value.words}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-words-hint`}
          onChange={(e) => onChange({ sentenceId: sentence?.id ?? value.sentenceId, words: e.target.value })}
        />
        <p className="hint" id={`${id}-words-hint`}>
          {labels.wordsHint}
        </p>
      </div>
    </div>
  );
}
