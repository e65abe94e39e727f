import type { TFunction } from "i18next";
import type { QuizHistoryLabels } from "./quiz-history";

/**
 * The trend's words, translated where i18next is (the server) for a chart
 * drawn where the history is (the browser). Placeholders pass through
 * i18next and are filled in the browser; `count` only picks the plural form,
 * since only the browser knows how many quizzes there are.
 */
export function quizHistoryLabels(t: TFunction<"quiz">): QuizHistoryLabels {
  return {
    empty: t("history.empty"),
    chartLabel: {
      one: t("history.chartLabel", { count: 1, shown: "{shown}", scores: "{scores}" }),
      other: t("history.chartLabel", { count: 2, shown: "{shown}", scores: "{scores}" }),
    },
    latest: t("history.latest", { percentage: "{percentage}", mode: "{mode}" }),
    practice: t("history.practice"),
    test: t("history.test"),
  };
}
