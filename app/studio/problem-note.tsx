"use client";

import { useTranslation } from "react-i18next";
import { severityOf, type StudioProblem } from "@/questions/studio/build";
import { useEditor } from "./editor-context";

/** A problem of the draft in words, naming its item the way the teacher sees it. */
export function useProblemText(): (problem: StudioProblem) => string {
  const { t } = useTranslation("studio");
  const draft = useEditor((s) => s.draft);
  return (problem) => {
    const { kind, id } = problem.target;
    const item =
      kind === "term"
        ? (draft.terms.find((term) => term.id === id)?.surfaces[0] ?? id)
        : kind === "fact"
          ? (draft.facts.find((fact) => fact.id === id)?.answer.fr ?? id)
          : id;
    return t(`publish.problems.${problem.code}`, {
      item,
      number: id === "title" ? t("text.title") : id.slice(1),
      detail: problem.detail ?? "",
    });
  };
}

/** A problem beside the item it is about: red when it stops publishing, amber when it only asks a look. */
export function ProblemNote({ problem }: { problem: StudioProblem }) {
  const text = useProblemText()(problem);
  return <p className={`problem problem--${severityOf(problem.code)}`}>{text}</p>;
}
