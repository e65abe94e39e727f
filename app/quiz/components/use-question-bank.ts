"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Question } from "@/questions/question-types";

export type BankState =
  { status: "idle" } | { status: "loading" } | { status: "ready"; bank: Question[] } | { status: "error" };

export interface QuestionBank {
  state: BankState;
  /** Starts loading, once; cheap to call on every interaction. */
  load: () => void;
}

/**
 * An article's question bank (~900 kB of JSON), fetched when the learner
 * first touches the setup form rather than during page load, where parsing
 * and validating it would hold up the main thread. Validated, since it
 * crosses the network; the schemas (and zod) load alongside the bank.
 */
export function useQuestionBank(url: string, initialBank?: Question[]): QuestionBank {
  const [state, setState] = useState<BankState>(() =>
    initialBank ? { status: "ready", bank: initialBank } : { status: "idle" },
  );
  const started = useRef(Boolean(initialBank));
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setState({ status: "loading" });
    Promise.all([
      fetch(url).then((response) =>
        response.ok
          ? (response.json() as Promise<unknown>)
          : Promise.reject(new Error(String(response.status))),
      ),
      import("@/questions/question-types"),
    ])
      .then(([data, { questionSchema }]) => {
        if (!Array.isArray(data)) throw new Error("not a question list");
        const bank = data.filter((item): item is Question => questionSchema.safeParse(item).success);
        if (bank.length === 0) throw new Error("no valid questions");
        if (mounted.current) setState({ status: "ready", bank });
      })
      .catch(() => {
        started.current = false; // A later tap may try again, e.g. once back online.
        if (mounted.current) setState({ status: "error" });
      });
  }, [url]);

  return { state, load };
}
