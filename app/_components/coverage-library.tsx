"use client";

import {
  Children,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import type { Coverage, CoverageBand } from "@/questions/words/coverage";
import { hasSavedWords } from "@/app/words/has-words";
import { whenIdleAfterLoad } from "./when-idle-after-load";

export interface CoverageLabels {
  /** With a `{percent}` placeholder, filled in the browser. */
  line: string;
  bands: Record<CoverageBand, string>;
  /** The meter's accessible name, with `{percent}`. */
  meter: string;
  sortLabel: string;
  sortDefault: string;
  sortCoverage: string;
}

interface CoverageContextValue {
  lng: "en" | "fr";
  labels: CoverageLabels;
  coverage: Record<string, Coverage> | null;
}

const CoverageContext = createContext<CoverageContextValue | null>(null);

/** The coverage of one article, once known; null before, and where nothing is saved. */
export function useArticleCoverage(slug: string): (CoverageContextValue & { value: Coverage }) | null {
  const context = useContext(CoverageContext);
  const value = context?.coverage?.[slug];
  return context && value ? { ...context, value } : null;
}

const IDLE_TIMEOUT_MS = 3000;

export interface CoverageLibraryProps {
  lng: "en" | "fr";
  labels: CoverageLabels;
  /** One `<li key={slug}>` per article, in the default order. */
  children: ReactNode;
  /** The heading the list belongs to (its id). */
  headingId: string;
  /** Every slug whose coverage the cards show (all the levels of each text); the items' keys by default. */
  coverageSlugs?: string[];
  /** Shown before the sort, on the same row: the library's level filter. */
  filter?: ReactNode;
}

/**
 * A list of articles that can be sorted by how much of each the learner
 * knows. The coverage code (IndexedDB, the articles' word profiles) loads
 * once the page is idle, and only on a device with saved words: a first
 * visit loads nothing more.
 */
export function CoverageLibrary({
  lng,
  labels,
  children,
  headingId,
  coverageSlugs,
  filter,
}: CoverageLibraryProps) {
  const [coverage, setCoverage] = useState<Record<string, Coverage> | null>(null);
  const [order, setOrder] = useState<"default" | "coverage">("default");
  const items = useMemo(() => Children.toArray(children).filter(isValidElement), [children]);
  const slugs = useMemo(() => items.map((item) => String(item.key).replace(/^\.\$/, "")), [items]);
  const toLoad = coverageSlugs ?? slugs;

  useEffect(() => {
    if (!hasSavedWords()) return;
    let cancelled = false;
    const cancel = whenIdleAfterLoad(
      () =>
        void import("@/app/words/coverage-data")
          .then(({ loadCoverage }) => loadCoverage(toLoad))
          .then((result) => {
            if (!cancelled) setCoverage(result);
          })
          .catch(() => {}),
      IDLE_TIMEOUT_MS,
    );
    return () => {
      cancelled = true;
      cancel();
    };
  }, [toLoad]);

  const ordered = useMemo(() => {
    if (order === "default" || !coverage) return items;
    const ratio = (i: number) => coverage[slugs[i] ?? ""]?.ratio ?? -1;
    return items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => ratio(b.i) - ratio(a.i) || a.i - b.i)
      .map(({ item }) => item);
  }, [items, slugs, coverage, order]);

  const value = useMemo(() => ({ lng, labels, coverage }), [lng, labels, coverage]);

  return (
    <CoverageContext.Provider value={value}>
      <div className="library-tools-row">
        {filter}
        <div className="library-tools">
          <label className="library-sort">
            <span>{labels.sortLabel}</span>
            <select
              value={order}
              aria-describedby={headingId}
              onChange={(event) => setOrder(event.target.value as "default" | "coverage")}
            >
              <option value="default">{labels.sortDefault}</option>
              <option value="coverage">{labels.sortCoverage}</option>
            </select>
          </label>
        </div>
      </div>
      <ul className="card-list" aria-labelledby={headingId}>
        {ordered}
      </ul>
    </CoverageContext.Provider>
  );
}
