/**
 * @jest-environment node
 *
 * Everything wrong a client can send the studio's API: each answers a 4xx
 * with a plain error and a code of the contract, never a 5xx, and nothing
 * is stored or overwritten. Against a real SQLite file, through the route
 * handlers.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { loadOutsiders, readArticleFiles } from "@/app/_server/content-files";
import { getStore, resetStoreForTests } from "@/app/_server/db";
import { resetRateLimitsForTests } from "@/app/_server/rate-limit";
import { MAX_WORDS } from "@/questions/analysis/input";
import { buildArticle } from "@/questions/studio/build";
import { studioDraftSchema, type StudioDraft } from "@/questions/studio/draft";
import { STUDIO_LIMITS, type ErrorCode } from "@/app/api/contract";
import { expectPlainRefusal, setTemporaryDatabase } from "../api/api-helpers";
import { acceptGlosses, addFacts, pasted, splitQuotation } from "./fixture";
import { bank, createDraft, getDraft, importFiles, lookup, publish, saveDraft } from "./studio-api";

jest.setTimeout(60_000);
const databaseFile = setTemporaryDatabase("studio-bad-input");

afterAll(async () => {
  await resetStoreForTests();
  rmSync(path.dirname(databaseFile), { recursive: true, force: true });
});

const valid = { ...pasted(), source: "Écrit pour Glose", licence: "CC BY 4.0" };
let draftId = "";
let ownerKey = "";
let draft: StudioDraft;

beforeAll(async () => {
  const created = await createDraft(valid);
  if (created.status !== 201) throw new Error(`create failed: ${created.text}`);
  ({ id: draftId, ownerKey } = created.json as { id: string; ownerKey: string });
  draft = studioDraftSchema.parse((created.json as { draft: unknown }).draft);
});

it("holds the same word limit as the analysis pipeline", () => {
  expect(STUDIO_LIMITS.words).toBe(MAX_WORDS);
});

describe("POST /api/studio/drafts refuses", () => {
  const longText = `${"mot ".repeat(STUDIO_LIMITS.words)}fin.`;
  const cases: [string, unknown, number, ErrorCode, string?][] = [
    ["a body that is not JSON", "title=Un texte", 400, "invalid_request"],
    ["an empty body", "", 400, "invalid_request"],
    ["a list", [valid], 400, "invalid_request"],
    ["an unknown field", { ...valid, score: 10 }, 400, "invalid_request"],
    ["a numeric title", { ...valid, title: 42 }, 400, "invalid_request"],
    ["a blank title", { ...valid, title: "  " }, 400, "article_title_required", "title"],
    [
      "a title over 200 characters",
      { ...valid, title: "é".repeat(201) },
      400,
      "article_title_too_long",
      "title",
    ],
    [
      "a title with a bidirectional override",
      { ...valid, title: "Titre\u202e" },
      400,
      "article_title_invalid_characters",
    ],
    ["no text", { ...valid, text: "" }, 400, "text_required", "text"],
    ["a blank text", { ...valid, text: " \n\n " }, 400, "text_required", "text"],
    [
      "a text over the word limit",
      { ...valid, text: longText, english: undefined },
      400,
      "text_too_long",
      "text",
    ],
    ["a text over the character limit", { ...valid, text: "a".repeat(60_001) }, 400, "text_too_long", "text"],
    ["binary data in the text", { ...valid, text: "Un\u0000texte" }, 400, "text_unreadable", "text"],
    [
      "half of a broken character",
      { ...valid, text: "Un texte \ud800 cassé." },
      400,
      "text_unreadable",
      "text",
    ],
    [
      "a control character in the translation",
      { ...valid, english: "A text\u0007." },
      400,
      "translation_unreadable",
    ],
    [
      "an English text as the French",
      { ...valid, text: pasted().english, english: undefined },
      422,
      "text_not_french",
    ],
    [
      "a French text as the translation",
      { ...valid, english: pasted().text },
      422,
      "translation_not_english",
    ],
    [
      "half a translation",
      { ...valid, english: "The idea came from Sophie Lambert." },
      422,
      "translation_too_short",
    ],
    ["a source over 500 characters", { ...valid, source: "s".repeat(501) }, 400, "source_too_long", "source"],
    [
      "a licence with a control character",
      { ...valid, licence: "CC\u0001BY" },
      400,
      "licence_invalid_characters",
    ],
  ];
  for (const [label, body, status, code, field] of cases) {
    it(label, async () => {
      const response = await createDraft(body);
      expectPlainRefusal(response, status, code);
      if (field) expect((response.json as { field?: string }).field).toBe(field);
    });
  }

  it("a body over 1 MB, before reading it", async () => {
    const response = await createDraft({ ...valid, text: "é".repeat(600_000) });
    expectPlainRefusal(response, 413, "body_too_large");
  });

  it("past the creation limit, with the time to wait", async () => {
    process.env.RATE_LIMIT_CREATE = "2/1h";
    resetRateLimitsForTests();
    try {
      const client = { "X-Forwarded-For": "203.0.113.9" };
      process.env.TRUST_PROXY = "1";
      resetRateLimitsForTests();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await createDraft({ ...valid, title: "" }, client)).status);
      const limited = await createDraft(valid, client);
      expectPlainRefusal(limited, 429, "rate_limited");
      expect((limited.json as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
      expect(statuses.slice(0, 2)).toEqual([400, 400]);
    } finally {
      process.env.RATE_LIMIT_CREATE = "off";
      delete process.env.TRUST_PROXY;
      resetRateLimitsForTests();
    }
  });

  it("and stores what a teacher types as text: markup comes back escaped, never as markup", async () => {
    const response = await createDraft({ ...valid, title: "<img src=x onerror=alert(1)> Les perceuses" });
    expect(response.status).toBe(201);
    expect(response.text).not.toContain("<img");
    expect(response.text).toContain("\\u003cimg src=x onerror=alert(1)\\u003e");
    const body = response.json as { draft: { title: { fr: string } } };
    expect(body.draft.title.fr).toBe("<img src=x onerror=alert(1)> Les perceuses");
  });
});

describe("the draft's owner key", () => {
  it("is the only way in: a wrong key, no key or another draft's id answer the same 404", async () => {
    const none = await getDraft("AAAAAAAAAAA", ownerKey);
    for (const response of [
      await getDraft(draftId, "x".repeat(43)),
      await getDraft(draftId, null),
      await getDraft("../../etc", ownerKey),
      await saveDraft(draftId, "nope", { revision: 1, draft }),
      await publish(draftId, "nope", { revision: 1 }),
      await lookup(draftId, "nope", { sentence: "Une phrase.", start: 0, end: 3 }),
    ]) {
      expectPlainRefusal(response, 404, "draft_not_found");
      expect(response.text).toBe(none.text);
    }
  });
});

describe("PUT /api/studio/drafts/{id} refuses", () => {
  const cases: [string, () => unknown][] = [
    ["no revision", () => ({ draft })],
    ["a revision of 0", () => ({ revision: 0, draft })],
    ["a revision as text", () => ({ revision: "1", draft })],
    ["a fractional revision", () => ({ revision: 1.5, draft })],
    ["a draft that is a string", () => ({ revision: 1, draft: "draft" })],
    ["a draft missing its sentences", () => ({ revision: 1, draft: { ...draft, paragraphs: undefined } })],
    ["a draft with a field it does not know", () => ({ revision: 1, draft: { ...draft, admin: true } })],
    ["a draft whose address changed", () => ({ revision: 1, draft: { ...draft, slug: "another-article" } })],
    [
      "binary data hidden in one of the pipeline's facts",
      () => ({
        revision: 1,
        draft: {
          ...draft,
          baseFacts: draft.baseFacts.map((f, i) => (i === 0 ? { ...f, id: "x", subject: "a\u0000" } : f)),
        },
      }),
    ],
    [
      "a sentence over the limit",
      () => ({ revision: 1, draft: { ...draft, title: { ...draft.title, fr: "é".repeat(400) } } }),
    ],
  ];
  it.each(cases)("%s, with 400 and nothing saved", async (_label, body) => {
    expectPlainRefusal(await saveDraft(draftId, ownerKey, body()), 400, "invalid_request");
    expect((await getStore().getDraft(draftId))?.revision).toBe(1);
  });

  it("a save from a stale revision, with 409 and the revision it is at, overwriting nothing", async () => {
    const first = await saveDraft(draftId, ownerKey, { revision: 1, draft: { ...draft, level: "B2" } });
    expect(first.status).toBe(200);
    const second = await saveDraft(draftId, ownerKey, { revision: 1, draft: { ...draft, level: "C1" } });
    expectPlainRefusal(second, 409, "draft_conflict");
    expect((second.json as { revision: number }).revision).toBe(2);
    const stored = studioDraftSchema.parse(JSON.parse((await getStore().getDraft(draftId))?.document ?? ""));
    expect(stored.level).toBe("B2");
  });
});

describe("POST /api/studio/drafts/{id}/publish refuses", () => {
  it("a draft with points to fix, with 422 and nothing published", async () => {
    const current = (await getStore().getDraft(draftId))!;
    const broken = { ...draft, title: { ...draft.title, fr: "" } };
    expect((await saveDraft(draftId, ownerKey, { revision: current.revision, draft: broken })).status).toBe(
      200,
    );
    const response = await publish(draftId, ownerKey, { revision: current.revision + 1 });
    expectPlainRefusal(response, 422, "draft_invalid");
    expect(await getStore().getArticleVersion(draft.slug)).toBeNull();
  });

  it("a stale revision, and a malformed body", async () => {
    expectPlainRefusal(await publish(draftId, ownerKey, { revision: 1 }), 409, "draft_conflict");
    expectPlainRefusal(await publish(draftId, ownerKey, { revision: -1 }), 400, "invalid_request");
    expectPlainRefusal(await publish(draftId, ownerKey, "{"), 400, "invalid_request");
  });

  it("publishes once the points are fixed", async () => {
    const current = (await getStore().getDraft(draftId))!;
    const ready = addFacts(splitQuotation(acceptGlosses(draft)));
    expect(buildArticle(ready, loadOutsiders()).publishable).toBe(true);
    await saveDraft(draftId, ownerKey, { revision: current.revision, draft: ready });
    const response = await publish(draftId, ownerKey, { revision: current.revision + 1 });
    expect(response.status).toBe(201);
  });
});

describe("POST /api/studio/drafts/{id}/lookup refuses", () => {
  const cases: [string, unknown][] = [
    ["a selection that ends before it starts", { sentence: "Une phrase.", start: 5, end: 2 }],
    ["a selection past the sentence", { sentence: "Une phrase.", start: 4, end: 40 }],
    ["a blank selection", { sentence: "Une  phrase.", start: 3, end: 5 }],
    ["an empty sentence", { sentence: "", start: 0, end: 1 }],
    ["a negative start", { sentence: "Une phrase.", start: -1, end: 3 }],
    ["a sentence over the limit", { sentence: "é".repeat(3001), start: 0, end: 2 }],
  ];
  it.each(cases)("%s", async (_label, body) => {
    expectPlainRefusal(await lookup(draftId, ownerKey, body), 400, "invalid_request");
  });

  it("and answers a span: lemma, part of speech, gender, a multi-word phrase whole", async () => {
    const sentence =
      "Dans une salle du rez-de-chaussée, les habitants peuvent emprunter une machine à coudre.";
    const one = await lookup(draftId, ownerKey, {
      sentence,
      start: sentence.indexOf("emprunter"),
      end: sentence.indexOf("emprunter") + 9,
    });
    expect(one.json).toMatchObject({ surface: "emprunter", lemma: "emprunter", pos: "verb" });
    const start = sentence.indexOf("machine");
    const phrase = await lookup(draftId, ownerKey, {
      sentence,
      start,
      end: start + "machine à coudre".length,
    });
    expect(phrase.json).toMatchObject({
      surface: "machine à coudre",
      lemma: "machine à coudre",
      pos: "noun",
      gender: "f",
    });
    const number = "Le succès est bien réel, avec plus de 600 prêts en six mois.";
    const at = number.indexOf("600");
    expect(
      (await lookup(draftId, ownerKey, { sentence: number, start: at, end: at + 3 })).json,
    ).toMatchObject({
      quantity: { en: "600", value: { value: 600 } },
    });
  });
});

describe("POST /api/studio/imports", () => {
  const seedFiles = readArticleFiles("ai-talent-race");
  const cases: [string, unknown, number, ErrorCode][] = [
    ["no files", {}, 400, "invalid_request"],
    ["files that are not text", { files: { ...seedFiles, "article.json": 7 } }, 400, "invalid_request"],
    ["a file it does not know", { files: { ...seedFiles, "run.sh": "rm -rf /" } }, 400, "invalid_request"],
    [
      "a missing article.json",
      { files: { ...seedFiles, "article.json": undefined } },
      400,
      "invalid_request",
    ],
    [
      "an article.json that is not JSON",
      { files: { ...seedFiles, "article.json": "{ title" } },
      422,
      "import_invalid",
    ],
    ["no facts.json", { files: { ...seedFiles, "facts.json": undefined } }, 422, "import_invalid"],
    [
      "a source that is not its sentences",
      { files: { ...seedFiles, "source.fr.txt": `${seedFiles["source.fr.txt"]} Et encore.` } },
      422,
      "import_invalid",
    ],
  ];
  it.each(cases)("refuses %s", async (_label, body, status, code) => {
    expectPlainRefusal(await importFiles(body), status, code);
  });

  it("names the file, the entry and the field when content is wrong", async () => {
    const facts = JSON.parse(seedFiles["facts.json"] ?? "[]") as { slots: Record<string, { fr: string }> }[];
    const slot = Object.values(facts[0]!.slots)[0]!;
    slot.fr = "Personne ici";
    const response = await importFiles({ files: { ...seedFiles, "facts.json": JSON.stringify(facts) } });
    expectPlainRefusal(response, 422, "import_invalid");
    expect((response.json as { error: string }).error).toMatch(
      /^facts\.json: entry 0 \(id "[^"]+"\): field "slots\.\w+\.fr": "Personne ici" does not occur/,
    );
  });

  it("takes a repository article as a new draft with an address of its own", async () => {
    const response = await importFiles({ files: seedFiles });
    expect(response.status).toBe(201);
    const created = response.json as { slug: string; draft: unknown };
    expect(created.slug).toMatch(/^les-premiers-grands-gagnants-[a-z0-9-]*-[a-z0-9]{8}$/);
    const imported = studioDraftSchema.parse(created.draft);
    expect(imported.terms.length).toBeGreaterThan(50);
    expect(imported.suggestions.length).toBeGreaterThan(0);
  });
});

describe("GET /api/articles/{slug}/bank refuses", () => {
  it.each([
    ["no such article", "no-such-article-abcdefgh", "1"],
    ["a version that is no number", draftSlug(), "x1"],
    ["version 0", draftSlug(), "0"],
  ])("%s with 404", async (_label, slug, version) => {
    expectPlainRefusal(await bank(slug, version), 404, "article_not_found");
  });
});

function draftSlug() {
  return "a-rochebrune-abcdefgh";
}
