"use client";

import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { segmentSentence } from "@/questions/article";
import { QUESTION_KINDS } from "@/questions/question-kinds";
import { buildQuiz } from "@/questions/quiz";
import type { Sentence, Vocabulary } from "@/questions/schema";
import { useBuilt } from "./editor-context";
import { GeneratedList } from "./generated-list";

/** A sentence's French with its glossed terms underlined and their meaning beside: text only, never markup. */
function GlossedFrench({ sentence, vocabulary }: { sentence: Sentence; vocabulary: Vocabulary }) {
  const glosses = new Map(vocabulary.map((term) => [term.id, term.gloss]));
  return (
    <>
      {segmentSentence(sentence, vocabulary).map((segment, i) =>
        segment.termId ? (
          <span key={i} className="preview-term">
            {segment.text}
            <span className="preview-term__gloss" lang="en">
              {" "}
              ({glosses.get(segment.termId)})
            </span>
          </span>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/** The reader and a sample quiz, built from the draft as publishing would build them. */
export function PreviewPane() {
  const { t, i18n } = useTranslation("studio");
  const built = useBuilt();
  const [seed, setSeed] = useState(1);
  const language = i18n.language === "fr" ? "fr" : "en";

  const sample = useMemo(() => {
    if (built.generated.length === 0) return [];
    const byId = new Map(built.generated.map((g) => [g.question.id, g]));
    const quiz = buildQuiz(
      built.generated.map((g) => g.question),
      { seed, count: 10, kinds: [...QUESTION_KINDS], language },
    );
    return quiz.flatMap((q) => byId.get(q.id) ?? []);
  }, [built, seed, language]);

  if (!built.bundle) return <p className="hint">{t("preview.empty")}</p>;
  const { article, vocabulary } = built.bundle;

  return (
    <div className="preview-pane">
      <h2 className="section-title section-title--first">{t("preview.reader")}</h2>
      <p className="hint">{t("preview.readerIntro")}</p>
      <article className="preview-reader">
        <h3 className="preview-reader__title" lang="fr">
          <GlossedFrench sentence={article.title} vocabulary={vocabulary} />
        </h3>
        <p className="preview-reader__gloss" lang="en">
          {article.title.en}
        </p>
        {article.paragraphs.map((paragraph) => (
          <div key={paragraph.id} className="preview-reader__paragraph">
            <p lang="fr">
              {paragraph.sentences.map((sentence) => (
                <span key={sentence.id}>
                  <GlossedFrench sentence={sentence} vocabulary={vocabulary} />{" "}
                </span>
              ))}
            </p>
            <p lang="en" className="preview-reader__english">
              {paragraph.sentences.map((sentence) => sentence.en).join(" ")}
            </p>
          </div>
        ))}
      </article>

      <h2 className="section-title">{t("preview.quiz")}</h2>
      <p className="hint">
        {t("preview.quizIntro")} {t("preview.bankSize", { count: built.generated.length })}
      </p>
      <GeneratedList generated={sample} heading="" />
      <div className="actions">
        <button type="button" className="button" onClick={() => setSeed((s) => s + 1)}>
          {t("preview.draw")}
        </button>
      </div>
    </div>
  );
}
