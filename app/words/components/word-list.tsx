"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { strength, statusCounts } from "@/questions/words/status";
import { WORD_STATUSES, type SavedWord, type WordStatus } from "@/questions/words/word";
import { useWords } from "../use-words";
import { HomeCounts } from "./home-counts";
import { Transfer } from "./transfer";
import { WordsNotice } from "./words-notice";

export interface WordListProps {
  lng: "en" | "fr";
}

/** Rows drawn at once: 10,000 saved words must not make a phone draw 10,000 rows. */
const PAGE_SIZE = 200;

type Filter = WordStatus | "all";

/** Every saved word: its meaning and status to change, newest first; exports and import below. */
export function WordList({ lng }: WordListProps) {
  const { t } = useTranslation("words");
  const status = useWords((s) => s.status);
  const words = useWords((s) => s.words);
  const [filter, setFilter] = useState<Filter>("all");
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);

  const list = useMemo(() => Object.values(words).sort((a, b) => b.createdAt - a.createdAt), [words]);
  const counts = useMemo(() => statusCounts(list), [list]);
  const shown = useMemo(() => {
    const needle = deferredQuery.trim().toLocaleLowerCase(lng);
    return list.filter(
      (word) =>
        (filter === "all" || word.status === filter) &&
        (!needle || word.id.includes(needle) || word.meaning.toLocaleLowerCase(lng).includes(needle)),
    );
  }, [list, filter, deferredQuery, lng]);

  if (status !== "ready")
    return (
      <p className="hint" role="status">
        {t("loading")}
      </p>
    );

  return (
    <>
      <WordsNotice />
      {list.length > 0 ? <HomeCounts lng={lng} /> : null}
      <section aria-labelledby="list-heading" className="word-list">
        <h2 id="list-heading" className="section-title">
          {t("list.count", { count: list.length })}
        </h2>
        {list.length === 0 ? (
          <p>{t("list.empty")}</p>
        ) : (
          <>
            <div className="word-list__filters">
              <label>
                <span>{t("list.filterLabel")}</span>
                <select value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
                  <option value="all">{t("list.all")}</option>
                  {WORD_STATUSES.map((value) => (
                    <option key={value} value={value}>
                      {t(`status.${value}`)} ({counts[value]})
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t("list.search")}</span>
                <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
              </label>
            </div>
            <ul className="word-list__items">
              {shown.slice(0, PAGE_SIZE).map((word) => (
                <WordRow key={word.id} word={word} />
              ))}
            </ul>
            {shown.length > PAGE_SIZE ? (
              <p className="hint">{t("list.more", { count: shown.length - PAGE_SIZE })}</p>
            ) : null}
          </>
        )}
      </section>
      <Transfer lng={lng} />
    </>
  );
}

function WordRow({ word }: { word: SavedWord }) {
  const { t } = useTranslation("words");
  const setMeaning = useWords((s) => s.setMeaning);
  const setStatus = useWords((s) => s.setStatus);
  const remove = useWords((s) => s.remove);
  const [meaning, setDraft] = useState(word.meaning);
  const level = strength(word);
  return (
    <li className="word-row">
      <div className="word-row__head">
        <span className="word-row__lemma" lang="fr">
          {word.lemma}
        </span>
        {word.status === "learning" ? (
          <span className="word-row__strength">
            <meter min={0} max={5} value={level} aria-hidden="true" />
            <span>{t("strength", { strength: level })}</span>
          </span>
        ) : null}
      </div>
      {word.context ? (
        <p className="word-row__sentence" lang="fr">
          {word.context.sentence}
        </p>
      ) : null}
      <div className="word-row__edit">
        <input
          type="text"
          aria-label={t("list.meaningFor", { word: word.lemma })}
          value={meaning}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => void setMeaning(word.id, meaning)}
          onKeyDown={(event) => {
            if (event.key === "Enter") void setMeaning(word.id, meaning);
          }}
        />
        <select
          aria-label={t("list.statusFor", { word: word.lemma })}
          value={word.status}
          onChange={(event) => void setStatus(word.id, event.target.value as WordStatus)}
        >
          {WORD_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--quiet"
          aria-label={t("list.removeFor", { word: word.lemma })}
          onClick={() => void remove(word.id)}
        >
          {t("list.remove")}
        </button>
      </div>
    </li>
  );
}
