/**
 * @jest-environment node
 *
 * Markup and script typed into every field a teacher fills reach the
 * published article as the text they are: stored, built, published and
 * rendered into the reader's HTML escaped, never as markup. Against a real
 * SQLite file, through the route handlers.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { loadArticle } from "@/app/_server/content";
import { resetStoreForTests } from "@/app/_server/db";
import { articleBodyHtml, glossaryHtml } from "@/app/_server/reader-html";
import { studioDraftSchema, type StudioDraft } from "@/questions/studio/draft";
import { setTemporaryDatabase } from "../api/api-helpers";
import { acceptGlosses, addFacts, pasted, splitQuotation } from "./fixture";
import { bank, createDraft, publish, saveDraft } from "./studio-api";
import { READER_LABELS } from "../reader/reader-labels";

jest.setTimeout(60_000);
const databaseFile = setTemporaryDatabase("studio-markup");

afterAll(async () => {
  await resetStoreForTests();
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
});

const SCRIPT = "<script>alert(1)</script>";
const IMAGE = `<img src=x onerror="alert(2)">`;

const labels = READER_LABELS;

/** Every field the editor offers, given markup on top of what the teacher wrote. */
function withMarkupEverywhere(draft: StudioDraft): StudioDraft {
  const [first, ...others] = draft.paragraphs;
  const [sentence, ...rest] = first!.sentences;
  const [term, ...terms] = draft.terms;
  const [fact, ...facts] = draft.facts;
  return {
    ...draft,
    topic: { fr: `Vie locale ${SCRIPT}`, en: `Town life ${IMAGE}` },
    title: { ...draft.title, en: `${draft.title.en} ${SCRIPT}` },
    paragraphs: [
      { ...first!, sentences: [{ ...sentence!, en: `${sentence!.en} ${IMAGE}` }, ...rest] },
      ...others,
    ],
    terms: [{ ...term!, gloss: `${term!.gloss} <b>${SCRIPT}</b>` }, ...terms],
    facts: [
      { ...fact!, question: { en: `${fact!.question.en} ${SCRIPT}`, fr: fact!.question.fr } },
      ...facts,
    ],
  };
}

it("stores, publishes and renders markup in every field as text", async () => {
  const created = await createDraft({
    ...pasted(),
    title: `${pasted().title} ${IMAGE}`,
    source: `Écrit pour Glose ${SCRIPT}`,
    licence: `CC BY 4.0 ${IMAGE}`,
  });
  expect(created.status).toBe(201);
  expect(created.text).not.toMatch(/<script|<img/);
  const { id, ownerKey } = created.json as { id: string; ownerKey: string };
  const draft = studioDraftSchema.parse((created.json as { draft: unknown }).draft);
  expect(draft.title.fr).toContain(IMAGE);
  expect(draft.source).toContain(SCRIPT);

  const edited = withMarkupEverywhere(addFacts(splitQuotation(acceptGlosses(draft))));
  const saved = await saveDraft(id, ownerKey, { revision: 1, draft: edited });
  expect(saved.status).toBe(200);
  const published = await publish(id, ownerKey, { revision: 2 });
  expect(published.status).toBe(201);

  const loaded = await loadArticle(draft.slug);
  const { article, vocabulary } = loaded!.bundle;
  expect(article.title.fr).toContain(IMAGE);
  expect(article.source).toContain(SCRIPT);
  expect(article.licence).toContain(IMAGE);
  const html = articleBodyHtml(article, vocabulary, labels) + glossaryHtml(vocabulary, labels);
  expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  expect(html).toContain("&lt;b&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/b&gt;");
  expect(html).not.toMatch(/<(script|img|b)[\s>]/);

  // The quiz's bank carries the teacher's question as a string, never as markup.
  const served = await bank(draft.slug);
  expect(served.status).toBe(200);
  expect(served.text).not.toMatch(/<script|<img/);
  expect(served.text).toContain(
    `${edited.facts[0]!.question.en}`.replaceAll("<", "\\u003c").replaceAll(">", "\\u003e"),
  );
});
