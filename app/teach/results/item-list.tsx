import "server-only";
import type { Locale } from "@/i18n-config";
import { getT } from "@/app/i18n/server";
import { formatIndex, formatPercent } from "@/app/_lib/format";
import type { AnalysedItem } from "@/app/_server/assignments/views";

export interface ItemListProps {
  lng: Locale;
  items: AnalysedItem[];
}

/** Question by question: share correct, discrimination, and how many chose each option, weak distractors flagged. */
export async function ItemList({ lng, items }: ItemListProps) {
  const [t, tq] = await Promise.all([getT(lng, "teach"), getT(lng, "quiz")]);
  return (
    <ol className="items">
      {items.map((item) => (
        <li key={item.questionId} className="item">
          <p className="item__head">
            <span className="badge">{t("results.position", { n: item.position })}</span>{" "}
            <span>{tq(`kinds.${item.kind}`)}</span>
            {item.percentCorrect !== null ? (
              <strong className="item__share">
                {t("results.correctShare", { percentage: formatPercent(lng, item.percentCorrect) })}
              </strong>
            ) : null}
          </p>
          <p className="item__prompt">{item.prompt}</p>
          <p className="item__discrimination">
            {item.discrimination === null
              ? t("results.discriminationPending")
              : t("results.discrimination", { value: formatIndex(lng, item.discrimination) })}
            {item.negativeDiscrimination ? (
              <>
                {" "}
                <span className="badge badge--small badge--warn">{t("results.negativeDiscrimination")}</span>
              </>
            ) : null}
          </p>
          <ul className="item__options">
            {item.options.map((option) => (
              <li
                key={option.id}
                className={`item__option${option.isKey ? " item__option--key" : ""}${option.notWorking ? " item__option--weak" : ""}`}
              >
                <span className="item__option-text">
                  {option.text}
                  {option.isKey ? <span className="badge badge--small">{t("results.key")}</span> : null}
                  {option.notWorking ? (
                    <span className="badge badge--small badge--warn">{t("results.notWorking")}</span>
                  ) : null}
                  {option.weakReasons.length ? (
                    <span className="item__weak-why">
                      {option.weakReasons
                        .map((reason) =>
                          reason === "rarely-chosen"
                            ? t("results.weakRarelyChosen")
                            : t("results.weakChosenByStronger"),
                        )
                        .join(t("results.reasonSeparator"))}
                    </span>
                  ) : null}
                </span>
                <span className="item__option-count">
                  {t("results.chosenBy", {
                    count: option.count,
                    percentage: formatPercent(lng, option.percent),
                  })}
                </span>
                <span className="item__option-bar" aria-hidden="true">
                  <span style={{ width: `${option.percent}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
