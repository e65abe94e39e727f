"use client";

import { useEffect, useState } from "react";
import { questionSchema, type Question } from "@/questions/question-types";

export type BankState = { status: "loading" } | { status: "ready"; bank: Question[] } | { status: "error" };

/** Fetches an article's question bank once; validated, since it crosses the network. */
export function useQuestionBank(url: string, initialBank?: Question[]): BankState {
  const [state, setState] = useState<BankState>(() =>
    initialBank ? { status: "ready", bank: initialBank } : { status: "loading" },
  );

  useEffect(() => {
    if (initialBank) return;
    let cancelled = false;
    fetch(url)
      .then((response) =>
        response.ok ? response.json() : Promise.reject(new Error(String(response.status))),
      )
      .then((data: unknown) => {
        if (!Array.isArray(data)) throw new Error("not a question list");
        const bank = data.filter((item): item is Question => questionSchema.safeParse(item).success);
        if (bank.length === 0) throw new Error("no valid questions");
        if (!cancelled) setState({ status: "ready", bank });
      })
      .catch(() => {
        if (!cancelled) setState({ status: "error" });
      });
    return () => {
      cancelled = true;
    };
  }, [url, initialBank]);

  return state;
}
