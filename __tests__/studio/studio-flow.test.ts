/**
 * @jest-environment node
 *
 * The studio end to end through its route handlers, against a real SQLite
 * file: a teacher pastes the test text, edits it with the studio's own
 * operations, saves, publishes twice, assigns the article; a student's view
 * and the bank route serve the published version.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { getStore, resetStoreForTests } from "@/app/_server/db";
import { loadArticle } from "@/app/_server/content";
import { buildArticle } from "@/questions/studio/build";
import { studioDraftSchema, type StudioDraft } from "@/questions/studio/draft";
import { loadOutsiders } from "@/app/_server/content-files";
import { createAssignment, getAssignment, setTemporaryDatabase } from "../api/api-helpers";
import { acceptGlosses, addFacts, pasted, splitQuotation } from "./fixture";
import { bank, createDraft, getDraft, publish, saveDraft } from "./studio-api";

jest.setTimeout(60_000);
const databaseFile = setTemporaryDatabase("studio-flow");

afterAll(async () => {
  await resetStoreForTests();
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
});

describe("a teacher's own text, from paste to assignment", () => {
  let id = "";
  let key = "";
  let slug = "";
  let draft: StudioDraft;

  it("analyses a pasted text into a draft and gives an owner key once", async () => {
    const response = await createDraft({ ...pasted(), source: "Écrit pour Glose", licence: "CC BY 4.0" });
    expect(response.status).toBe(201);
    const body = response.json as {
      id: string;
      ownerKey: string;
      slug: string;
      revision: number;
      draft: unknown;
    };
    ({ id, ownerKey: key, slug } = body);
    expect(body.revision).toBe(1);
    expect(slug).toMatch(/^a-rochebrune-la-bibliotheque-prete-aussi-des-[a-z0-9]{8}$/);
    draft = studioDraftSchema.parse(body.draft);
    expect(draft.title.fr).toBe("À Rochebrune, la bibliothèque prête aussi des perceuses");
    expect(draft.title.en).toBe("In Rochebrune, the library lends out drills too");
    expect(draft.paragraphs).toHaveLength(4);
    expect(draft.suggestions.length).toBeGreaterThanOrEqual(20);
    expect(draft.suggestions.map((s) => s.lemma)).toEqual(expect.arrayContaining(["perceuse", "emprunter"]));
    expect(draft.baseFacts.length).toBeGreaterThan(5);
    expect(draft.source).toBe("Écrit pour Glose");
    // Only the hash is stored.
    const stored = await getStore().getDraft(id);
    expect(stored?.document).not.toContain(key);
    expect(stored?.ownerKeyHash.toString("hex")).not.toContain(key);
  });

  it("opens the draft only with its key, and a wrong key is the 404 of no draft", async () => {
    expect((await getDraft(id, key)).status).toBe(200);
    const wrong = await getDraft(id, "x".repeat(43));
    const none = await getDraft("AAAAAAAAAAA", key);
    expect(wrong.status).toBe(404);
    expect(wrong.text).toBe(none.text);
    expect((await getDraft(id, null)).status).toBe(404);
  });

  it("saves edits with a revision, and refuses a save from a stale one", async () => {
    draft = addFacts(splitQuotation(acceptGlosses(draft)));
    expect(draft.terms).toHaveLength(10);
    expect(draft.paragraphs[1]?.sentences.map((s) => s.id)).toEqual(["s3", "s4", "s5"]);
    const saved = await saveDraft(id, key, { revision: 1, draft });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ revision: 2 });
    const stale = await saveDraft(id, key, { revision: 1, draft: { ...draft, level: "C1" } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ code: "draft_conflict", revision: 2 });
    // Nothing of the refused save was kept.
    const current = (await getDraft(id, key)).json as { revision: number; draft: unknown };
    expect(current.revision).toBe(2);
    expect(studioDraftSchema.parse(current.draft)).toEqual(draft);
  });

  it("builds the draft the way publishing will, with no problem left", () => {
    const built = buildArticle(draft, loadOutsiders());
    expect(built.problems.filter((p) => p.code !== "sentence-check")).toEqual([]);
    expect(built.publishable).toBe(true);
    const kinds = new Set(built.generated.map((g) => g.question.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining(["comprehension-en", "comprehension-fr", "vocabulary", "cloze"]),
    );
    const sophie = built.generated.filter((g) => g.meta.factId?.startsWith("s3-sophie-lambert"));
    expect(sophie.map((g) => g.question.kind)).toEqual(
      expect.arrayContaining(["comprehension-en", "comprehension-fr"]),
    );
  });

  it("publishes immutable versions under one address", async () => {
    const first = await publish(id, key, { revision: 2 });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      slug,
      version: 1,
      readerUrl: expect.stringContaining(`/read/${slug}`),
    });
    const second = await publish(id, key, { revision: 2 });
    expect(second.json).toMatchObject({ version: 2 });
    expect((await loadArticle(slug))?.version).toBe(2);
    expect((await loadArticle(slug, 1))?.bundle.article.title.fr).toBe(draft.title.fr);
    expect((await getDraft(id, key)).json).toMatchObject({ publishedVersion: 2 });
  });

  it("serves each version's bank, and assigns the article with its version frozen", async () => {
    const served = await bank(slug, "1");
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect((served.json as unknown[]).length).toBeGreaterThan(20);
    expect((await bank(slug, "9")).status).toBe(404);
    expect((await bank("ai-talent-race", "1")).status).toBe(404);

    const created = await createAssignment({
      title: "3B — La bibliothèque d’objets",
      articleSlug: slug,
      count: 10,
      language: "fr",
      mode: "practice",
      helpsAllowed: true,
      dueAt: null,
      maxAttempts: null,
    });
    expect(created.status).toBe(201);
    const { id: assignmentId } = created.json as { id: string };
    const stored = await getStore().getAssignment(assignmentId);
    expect(stored).toMatchObject({ articleSlug: slug, articleVersion: 2 });
    expect(stored?.questions.every((q) => q.id.startsWith(`${slug}/`))).toBe(true);
    const view = await getAssignment(assignmentId);
    expect(view.status).toBe(200);
    expect(
      (await createAssignment({ ...validAssignmentFor("no-such-article-abcdefgh") })).json,
    ).toMatchObject({ code: "article_not_found", field: "articleSlug" });
  });

  it("says so when the kinds a teacher ticks have no question in their own text", async () => {
    // The teacher wrote facts and glosses but no paragraph gists: no main-idea item exists.
    const kinds = new Set(((await bank(slug, "2")).json as { kind: string }[]).map((q) => q.kind));
    expect(kinds.has("main-idea")).toBe(false);
    const refused = await createAssignment({ ...validAssignmentFor(slug), kinds: ["main-idea"] });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ code: "no_questions", field: "kinds" });
    expect((refused.json as { error: string }).error).toMatch(/question/i);
  });
});

function validAssignmentFor(article: string) {
  return {
    title: "Devoir",
    articleSlug: article,
    count: 5,
    language: "fr",
    mode: "practice",
    helpsAllowed: true,
    dueAt: null,
    maxAttempts: null,
  };
}
