/**
 * @jest-environment node
 *
 * What holds for every article in questions/articles, the seed and the ones
 * imported after it: the text rebuilds its source, every sentence has its
 * English, and every glossed term stands where it says and is marked there.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ARTICLES_DIR,
  listArticleSlugs,
  loadArticleBundle,
  type ArticleBundle,
} from "@/app/_server/content-files";
import { allSentences, articleText, bodySentences, indexOfWord, segmentSentence } from "@/questions/article";
import type { Term } from "@/questions/schema";

describe.each(listArticleSlugs())("%s", (slug) => {
  let bundle: ArticleBundle;
  beforeAll(() => {
    bundle = loadArticleBundle(slug);
  });
  const term = (id: string): Term => {
    const found = bundle.vocabulary.find((t) => t.id === id);
    if (!found) throw new Error(`no term with id "${id}"`);
    return found;
  };

  it("rebuilds source.fr.txt from its sentences, in paragraphs p1… and sentences s1… in reading order", () => {
    const { article } = bundle;
    expect(articleText(article)).toBe(readFileSync(path.join(ARTICLES_DIR, slug, "source.fr.txt"), "utf8"));
    expect(article.slug).toBe(slug);
    expect(article.paragraphs.map((p) => p.id)).toEqual(article.paragraphs.map((_, i) => `p${i + 1}`));
    expect(bodySentences(article).map((s) => s.id)).toEqual(
      bodySentences(article).map((_, i) => `s${i + 1}`),
    );
    expect(article.draft).toBeUndefined();
  });

  it("gives every sentence French without surrounding spaces and an English translation", () => {
    for (const sentence of allSentences(bundle.article)) {
      expect(sentence.fr).toBe(sentence.fr.trim());
      expect([sentence.id, sentence.en.trim().length > 0]).toEqual([sentence.id, true]);
    }
  });

  it("has been reviewed: no draft term or fact is left", () => {
    expect(bundle.vocabulary.filter((t) => t.draft).map((t) => t.id)).toEqual([]);
    expect(bundle.facts.filter((f) => f.draft).map((f) => f.id)).toEqual([]);
    expect(bundle.vocabulary.length).toBeGreaterThanOrEqual(25);
  });

  it("finds every term's surfaces in the sentences it claims, and claims every sentence they occur in", () => {
    const sentences = allSentences(bundle.article);
    for (const t of bundle.vocabulary) {
      for (const id of t.sentenceIds) {
        const fr = sentences.find((s) => s.id === id)?.fr;
        expect([t.id, id, fr !== undefined]).toEqual([t.id, id, true]);
        expect([t.id, id, t.surfaces.some((surface) => indexOfWord(fr ?? "", surface) >= 0)]).toEqual([
          t.id,
          id,
          true,
        ]);
      }
      for (const surface of t.surfaces) {
        const claimed = t.sentenceIds.filter((id) => {
          const fr = sentences.find((s) => s.id === id)?.fr ?? "";
          return indexOfWord(fr, surface) >= 0;
        });
        expect([t.id, surface, claimed.length > 0]).toEqual([t.id, surface, true]);
      }
      const occursIn = sentences
        .filter((s) => t.surfaces.some((surface) => indexOfWord(s.fr, surface) >= 0))
        .map((s) => s.id);
      expect([t.id, [...t.sentenceIds].sort()]).toEqual([t.id, [...occursIn].sort()]);
    }
  });

  it("gives every noun a gender and no other part of speech one", () => {
    for (const t of bundle.vocabulary) {
      if (t.pos === "noun") expect([t.id, t.gender]).toEqual([t.id, expect.stringMatching(/^[mf]$/)]);
      else expect([t.id, t.gender]).toEqual([t.id, undefined]);
    }
  });

  it("gives every term two wrong glosses or more (three but where no third fits the sentence), all distinct from the right one", () => {
    let three = 0;
    for (const t of bundle.vocabulary) {
      const all = [t.gloss, ...t.wrongGlosses].map((g) => g.trim().toLowerCase());
      expect([t.id, t.wrongGlosses.length >= 2]).toEqual([t.id, true]);
      if (t.wrongGlosses.length >= 3) three++;
      expect([t.id, new Set(all).size]).toEqual([t.id, all.length]);
    }
    // A term with two is the exception the sentence forces ("milliards": millions or trillions).
    expect(three / bundle.vocabulary.length).toBeGreaterThanOrEqual(0.9);
  });

  it("segments every sentence back into itself and marks every term the sentence claims", () => {
    const { article, vocabulary } = bundle;
    let marked = 0;
    for (const sentence of allSentences(article)) {
      const segments = segmentSentence(sentence, vocabulary);
      expect(segments.map((s) => s.text).join("")).toBe(sentence.fr);
      for (const segment of segments) {
        expect(segment.text.length).toBeGreaterThan(0);
        if (segment.termId !== undefined) {
          expect([segment.termId, term(segment.termId).surfaces]).toEqual([
            segment.termId,
            expect.arrayContaining([segment.text]),
          ]);
          marked++;
        }
      }
      const claimed = vocabulary.filter((t) => t.sentenceIds.includes(sentence.id)).map((t) => t.id);
      const shown = new Set(segments.flatMap((s) => (s.termId ? [s.termId] : [])));
      for (const id of claimed) expect([sentence.id, id, shown.has(id)]).toEqual([sentence.id, id, true]);
    }
    expect(marked).toBeGreaterThanOrEqual(vocabulary.length);
  });
});
