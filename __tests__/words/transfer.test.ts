import { ankiTsv, ANKI_COLUMNS, CSV_COLUMNS, wordsCsv } from "@/questions/words/export-files";
import { parseWordsFile, wordsFileJson } from "@/questions/words/glose-json";
import { mergeWord, mergeWords } from "@/questions/words/merge";
import { replayReviews } from "@/questions/words/schedule";
import { recordAnswer, setMeaning, setStatus, strength } from "@/questions/words/status";
import type { SavedWord } from "@/questions/words/word";
import { parse } from "csv-parse/sync";
import { DAY, MINUTE, T0, word } from "./word-fixtures";

function reviewed(saved: SavedWord, answers: [string, "again" | "good" | "easy", number][]): SavedWord {
  return answers.reduce(
    (w, [id, grade, at]) => recordAnswer(w, { id, card: "recognition", grade, at }),
    saved,
  );
}

describe("Anki file", () => {
  it("has Anki's header lines and four tab-separated fields a note, with no tab or line break inside", () => {
    const words = [
      word("rémunération", { meaning: "pay,\tearnings", tags: ["B2"] }),
      word("sans merci", {
        context: {
          slug: "ai-talent-race",
          sentenceId: "s2",
          sentence: "Une bataille\nsans merci.",
          form: "sans merci",
        },
      }),
      word("Meta", { status: "ignored" }),
    ];
    const lines = ankiTsv(words).trimEnd().split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "#separator:tab",
      "#html:false",
      `#columns:${ANKI_COLUMNS.join("\t")}`,
      "#tags column:4",
    ]);
    const notes = lines.slice(4).map((line) => line.split("\t"));
    expect(notes).toEqual([
      [
        "rémunération",
        "pay, earnings",
        "Une phrase avec rémunération dedans.",
        "glose glose::ai-talent-race B2",
      ],
      ["sans merci", "meaning of sans merci", "Une bataille sans merci.", "glose glose::ai-talent-race"],
    ]);
  });
});

describe("CSV", () => {
  it("parses back to the same cells, with a byte-order mark and formulas kept as text", () => {
    const saved = reviewed(word("recruter", { meaning: '=HYPERLINK("x")', tags: ["verbe"] }), [
      ["1", "good", T0],
    ]);
    const csv = wordsCsv([saved, word("gagnant", { status: "known" })]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      french: "recruter",
      meaning: `'=HYPERLINK("x")`,
      status: "learning",
      strength: String(strength(saved)),
      tags: "verbe",
      article: "ai-talent-race",
      reviews: "1",
    });
    expect(rows[1]).toMatchObject({ french: "gagnant", status: "known", strength: "", next_review: "" });
  });
});

describe("Glose JSON", () => {
  it("round-trips every word with its history, and keeps unreadable records in the file", () => {
    const words = [
      reviewed(word("offensive"), [
        ["a", "good", T0],
        ["b", "good", T0 + 10 * MINUTE],
      ]),
      word("géant"),
    ];
    const text = wordsFileJson(words, [{ id: "broken" }], T0);
    const parsed = parseWordsFile(text);
    expect(parsed).toEqual({
      ok: true,
      words: [...words].sort((a, b) => a.id.localeCompare(b.id)),
      skipped: 0,
    });
    expect(JSON.parse(text).unreadable).toEqual([{ id: "broken" }]);
  });

  it("refuses what is not a Glose file, says which, and skips only the bad entries", () => {
    expect(parseWordsFile("{oops")).toEqual({ ok: false, error: "notJson" });
    expect(parseWordsFile('{"format":"anki"}')).toEqual({ ok: false, error: "notGlose" });
    expect(parseWordsFile('{"format":"glose-words","version":9,"words":[]}')).toEqual({
      ok: false,
      error: "newer",
    });
    const mixed = JSON.stringify({ format: "glose-words", version: 1, words: [word("bon"), { lemma: 3 }] });
    expect(parseWordsFile(mixed)).toMatchObject({ ok: true, skipped: 1, words: [{ id: "bon" }] });
  });
});

describe("merging two devices", () => {
  it("keeps every answer of both sides and replays the cards from the union", () => {
    const base = word("bataille");
    const phone = reviewed(base, [
      ["p1", "good", T0 + MINUTE],
      ["p2", "good", T0 + 11 * MINUTE],
    ]);
    const laptop = reviewed(base, [
      ["l1", "again", T0 + 2 * MINUTE],
      ["p1", "good", T0 + MINUTE],
    ]);
    const merged = mergeWord(phone, laptop);
    expect(merged.reviews.map((r) => r.id)).toEqual(["p1", "l1", "p2"]);
    expect(merged.cards).toEqual(replayReviews(base.createdAt, merged.reviews));
    expect(mergeWord(laptop, phone)).toEqual(merged); // the same whichever side imports
  });

  it("takes meaning and status from the side changed last, and unites tags", () => {
    const ours = setMeaning(word("capacité", { tags: ["a"] }), "ability", T0 + DAY);
    const theirs = setStatus(word("capacité", { tags: ["b"] }), "known", T0 + 2 * DAY);
    const merged = mergeWord(ours, theirs);
    expect(merged).toMatchObject({ status: "known", tags: ["a", "b"], updatedAt: T0 + 2 * DAY });
    expect(merged.meaning).toBe("meaning of capacité"); // theirs is newer, with its own meaning
  });

  it("an import adds new words, updates changed ones and leaves equal ones alone", () => {
    const kept = word("emploi");
    const changed = word("talent");
    const existing = new Map([kept, changed].map((w) => [w.id, w]));
    const incoming = [kept, reviewed(changed, [["t1", "good", T0 + MINUTE]]), word("nouveau")];
    const result = mergeWords(existing, incoming);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(result.changed.map((w) => w.id).sort()).toEqual(["nouveau", "talent"]);
    expect(result.changed.find((w) => w.id === "talent")?.status).toBe("learning");
  });

  it("importing one's own export changes nothing", () => {
    const words = [reviewed(word("gagnant"), [["1", "easy", T0]]), word("course")];
    const parsed = parseWordsFile(wordsFileJson(words, [], T0 + DAY));
    if (!parsed.ok) throw new Error("unreadable");
    const result = mergeWords(new Map(words.map((w) => [w.id, w])), parsed.words);
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 2, changed: [] });
  });
});
