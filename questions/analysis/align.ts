/**
 * Aligns a pasted English translation with the French sentences, the way
 * Gale & Church (1993) aligned the Canadian Hansards: a translation's length
 * in characters is close to a constant times the original's, so a dynamic
 * programme over sentence lengths finds the most likely pairing, allowing one
 * sentence to match two (1-2, 2-1) or none. Numbers and names found on both
 * sides ("14,3" / "14.3", "Mark Zuckerberg") anchor the pairs further.
 */

import { quoteDepths } from "./segment";

export type AlignmentType = "1-1" | "1-2" | "2-1" | "1-0" | "0-1" | "2-2";

export interface AlignedPair {
  /** Indexes into the French sentences and the English sentences. */
  fr: number[];
  en: number[];
  type: AlignmentType;
  /** 0 … 1: the probability of a length difference at least this large, anchors weighed in. */
  confidence: number;
  lowConfidence: boolean;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Characters of English per character of French, measured on the text itself. */
  ratio: number;
}

/** Gale & Church's priors for each kind of pairing (they saw 89 % one-to-one). */
const PRIORS: Readonly<Record<AlignmentType, number>> = {
  "1-1": 0.89,
  "1-2": 0.045,
  "2-1": 0.045,
  "1-0": 0.005,
  "0-1": 0.005,
  "2-2": 0.011,
};
/** Variance of the English length per French character (Gale & Church's s² = 6.8). */
const VARIANCE = 6.8;
const LOW_CONFIDENCE = 0.1;

const STEPS: readonly { fr: number; en: number; type: AlignmentType }[] = [
  { fr: 1, en: 1, type: "1-1" },
  { fr: 1, en: 2, type: "1-2" },
  { fr: 2, en: 1, type: "2-1" },
  { fr: 1, en: 0, type: "1-0" },
  { fr: 0, en: 1, type: "0-1" },
  { fr: 2, en: 2, type: "2-2" },
];

/** Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989423 * Math.exp((-z * z) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return z > 0 ? 1 - p : p;
}

/** Two-tailed probability of a length difference at least this large. */
function lengthProbability(fr: number, en: number, ratio: number): number {
  if (fr === 0 && en === 0) return 1;
  const mean = (fr + en / ratio) / 2;
  const delta = (en - fr * ratio) / Math.sqrt(Math.max(1, mean) * VARIANCE);
  return Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta))));
}

/** Digits (decimal mark ignored) and capitalised words: what a translation keeps unchanged. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  // "14,3" and "14.3", "1 000" and "1,000" are the same anchor; "2024, 300" are two.
  for (const m of text.matchAll(/\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/g))
    anchors.add(m[0].replace(/[^\d]/g, ""));
  for (const m of text.matchAll(
    /(?<![\p{L}])\p{Lu}[\p{L}]*[\p{Lu}\d][\p{L}\d]*|(?<=[\p{L},;:] )\p{Lu}\p{Ll}{2,}/gu,
  ))
    anchors.add(m[0].toLowerCase());
  return anchors;
}

function anchorFactor(fr: ReadonlySet<string>, en: ReadonlySet<string>): number {
  if (fr.size === 0 && en.size === 0) return 1;
  let shared = 0;
  for (const a of fr) if (en.has(a)) shared++;
  const unmatched = fr.size + en.size - 2 * shared;
  // Each shared anchor makes the pairing likelier; each one-sided anchor, less.
  return Math.pow(3, shared) / Math.pow(1.5, unmatched);
}

export function alignSentences(french: readonly string[], english: readonly string[]): Alignment {
  const frLength = french.map((s) => s.length);
  const enLength = english.map((s) => s.length);
  const ratio =
    Math.max(
      1,
      enLength.reduce((a, b) => a + b, 0),
    ) /
    Math.max(
      1,
      frLength.reduce((a, b) => a + b, 0),
    );
  const frAnchors = french.map(anchorsOf);
  const enAnchors = english.map(anchorsOf);
  const union = (sets: Set<string>[]) => new Set(sets.flatMap((s) => [...s]));

  const n = french.length;
  const m = english.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: ({ fr: number; en: number; type: AlignmentType; p: number } | undefined)[][] = Array.from(
    { length: n + 1 },
    () => new Array(m + 1).fill(undefined),
  );
  (cost[0] as number[])[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i]?.[j] ?? Infinity;
      if (here === Infinity) continue;
      for (const step of STEPS) {
        const ni = i + step.fr;
        const nj = j + step.en;
        if (ni > n || nj > m) continue;
        const fl = frLength.slice(i, ni).reduce((a, b) => a + b, 0);
        const el = enLength.slice(j, nj).reduce((a, b) => a + b, 0);
        const anchors = anchorFactor(union(frAnchors.slice(i, ni)), union(enAnchors.slice(j, nj)));
        const p = Math.min(1, lengthProbability(fl, el, ratio) * Math.min(anchors, 4));
        const total =
          here -
          Math.log(PRIORS[step.type]) -
          Math.log(Math.max(1e-12, lengthProbability(fl, el, ratio))) -
          Math.log(anchors);
        if (total < (cost[ni]?.[nj] ?? Infinity)) {
          (cost[ni] as number[])[nj] = total;
          (back[ni] as (typeof back)[number])[nj] = { fr: step.fr, en: step.en, type: step.type, p };
        }
      }
    }
  }

  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const step = back[i]?.[j];
    if (!step) break;
    const fr = Array.from({ length: step.fr }, (_, k) => i - step.fr + k);
    const en = Array.from({ length: step.en }, (_, k) => j - step.en + k);
    pairs.unshift({
      fr,
      en,
      type: step.type,
      confidence: Number(step.p.toFixed(3)),
      lowConfidence: step.type !== "1-1" || step.p < LOW_CONFIDENCE,
    });
    i -= step.fr;
    j -= step.en;
  }
  return { pairs, ratio };
}

const EN_ABBREVIATIONS =
  /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|No|Inc|Ltd|Co|U\.S|U\.K|a\.m|p\.m)\.$/;

/** English sentences: the same terminators as French, and the English abbreviations. */
export function splitEnglishSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const depths = quoteDepths(paragraph);
  const re = /[.!?…]+["”’')\]]*\s+(?=["“‘'(\[]?[\p{Lu}\d])/gu;
  for (const m of paragraph.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    if ((depths[end - 1] ?? 0) > 0) continue;
    const candidate = paragraph.slice(start, end);
    if (EN_ABBREVIATIONS.test(candidate) || /(?:^|\s)\p{Lu}\.$/u.test(candidate)) continue;
    out.push(candidate.trim());
    start = (m.index ?? 0) + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * Splits one English sentence in two where the French pair splits, at the
 * comma, semicolon or "and" closest to the French proportion: a 2-1 pairing
 * still gives each French sentence its own English.
 */
export function splitEnglishAt(english: string, share: number): [string, string] {
  const target = english.length * share;
  let best: number | undefined;
  for (const m of english.matchAll(/[,;:] |\s(?:and|but|while|which) /g)) {
    const at = (m.index ?? 0) + (m[0].startsWith(" ") ? 0 : 1);
    if (best === undefined || Math.abs(at - target) < Math.abs(best - target)) best = at;
  }
  if (best === undefined) {
    const space = english.indexOf(" ", Math.floor(target));
    best = space < 0 ? Math.floor(target) : space;
  }
  return [english.slice(0, best).trim(), english.slice(best).trim()];
}
