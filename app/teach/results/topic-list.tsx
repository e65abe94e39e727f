import "server-only";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import type { TeacherResults } from "@/app/_server/assignments/views";
import { formatIndex, formatPercent } from "@/app/_lib/format";

export interface TopicListProps {
  lng: Locale;
  topics: TeacherResults["topics"];
}

/** Fact by fact across levels: the whole class on each fact, then each level's figure beside it. */
export async function TopicList({ lng, topics }: TopicListProps) {
  const [t, tq] = await Promise.all([getT(lng, "teach"), getT(lng, "quiz")]);
  return (
    <ol className="items topics">
      {topics.map((topic) => (
        <li key={topic.topicId} className="item">
          <p className="item__head">
            <span>{tq(`kinds.${topic.kind}`)}</span>
            {topic.percentCorrect !== null ? (
              <strong className="item__share">
                {t("results.correctShare", { percentage: formatPercent(lng, topic.percentCorrect) })}
              </strong>
            ) : null}
          </p>
          <p className="item__prompt">{topic.prompt}</p>
          <p className="item__discrimination">
            {topic.discrimination === null
              ? t("results.discriminationPending")
              : t("results.discrimination", { value: formatIndex(lng, topic.discrimination) })}
            {topic.negativeDiscrimination ? (
              <>
                {" "}
                <span className="badge badge--small badge--warn">{t("results.negativeDiscrimination")}</span>
              </>
            ) : null}
          </p>
          <ul className="topic__levels">
            {topic.levels.map((figure) => (
              <li key={figure.level} className="topic__level">
                <span>
                  {figure.percentCorrect === null
                    ? t("results.factLevelNone", { level: figure.level })
                    : t("results.factLevel", {
                        level: figure.level,
                        percentage: formatPercent(lng, figure.percentCorrect),
                      })}
                </span>
                <span className="hint">{t("results.factLevelCount", { count: figure.responses })}</span>
                <span className="item__option-bar" aria-hidden="true">
                  <span style={{ width: `${figure.percentCorrect ?? 0}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
