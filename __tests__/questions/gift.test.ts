/**
 * @jest-environment node
 */
import { loadArticleBundle } from "@/app/_server/content-files";
import { buildQuestionBank } from "@/questions/generate";
import { QUESTION_KINDS } from "@/questions/question-kinds";
import { escapeGift, toGift, type GiftQuestion } from "@/questions/gift";

function question(id: string, overrides: Partial<GiftQuestion> = {}): GiftQuestion {
  return {
    id,
    kind: "comprehension-fr",
    language: "fr",
    prompt: "Que dit l'article ?",
    options: [
      { id: "o1", text: "Faux" },
      { id: "o2", text: "Vrai" },
    ],
    answerId: "o2",
    explanation: { en: "The article says so.", fr: "L'article le dit." },
    ...overrides,
  };
}

describe("escapeGift", () => {
  it("escapes every character GIFT gives a meaning to", () => {
    expect(escapeGift("a~b=c#d{e}f:g")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g");
  });

  it("escapes the backslash first, so an existing backslash cannot swallow an escape", () => {
    expect(escapeGift("C:\\dossier")).toBe("C\\:\\\\dossier");
  });

  it("turns line breaks into \\n so a blank line cannot end the question early", () => {
    expect(escapeGift("Question ?\n\n« passage »\r\nfin")).toBe("Question ?\\n\\n« passage »\\nfin");
  });

  it("leaves French text and punctuation alone", () => {
    expect(escapeGift("Élodie a 14,3 % d'avance ; « oui » !")).toBe("Élodie a 14,3 % d'avance ; « oui » !");
  });
});

describe("toGift", () => {
  it("writes every kind from the real bank, with three options or four, one key each", () => {
    const bank = buildQuestionBank(loadArticleBundle("ai-talent-race"));
    const sample = QUESTION_KINDS.flatMap((kind) =>
      [3, 4].flatMap((n) => bank.filter((q) => q.kind === kind && q.options.length === n).slice(0, 1)),
    );
    expect(sample.some((q) => q.options.length === 3)).toBe(true);
    const blocks = toGift(sample).split("\n\n").slice(1);
    expect(blocks).toHaveLength(sample.length);
    blocks.forEach((block, i) => {
      const q = sample[i]!;
      expect(block).toContain(`// ${q.kind} · ${q.id}`);
      expect(block.match(/^  [=~]/gm)).toHaveLength(q.options.length);
      expect(block.match(/^  =/gm)).toHaveLength(1);
    });
  });

  it("writes one titled multiple-choice block per question, the key marked with =", () => {
    const gift = toGift([question("q-1"), question("q-2", { answerId: "o1" })], { feedbackLanguage: "fr" });
    expect(gift).toContain("::Q1::Que dit l'article ? {\n  ~Faux\n  =Vrai\n  ####L'article le dit.\n}");
    expect(gift).toContain("::Q2::Que dit l'article ? {\n  =Faux\n  ~Vrai\n");
  });

  it("keeps the options in the order students saw them", () => {
    const gift = toGift(
      [
        question("q", {
          options: [
            { id: "z", text: "Zèbre" },
            { id: "a", text: "Abeille" },
            { id: "m", text: "Merle" },
          ],
          answerId: "m",
        }),
      ],
      { feedbackLanguage: "en" },
    );
    expect(gift.indexOf("Zèbre")).toBeLessThan(gift.indexOf("Abeille"));
    expect(gift.indexOf("Abeille")).toBeLessThan(gift.indexOf("=Merle"));
  });

  it("takes the feedback from the explanation in the requested language", () => {
    expect(toGift([question("q")], { feedbackLanguage: "en" })).toContain("####The article says so.");
  });

  it("by default gives each question feedback in its own language", () => {
    const gift = toGift([question("fr"), question("en", { kind: "comprehension-en", language: "en" })]);
    expect(gift).toContain("####L'article le dit.");
    expect(gift).toContain("####The article says so.");
  });

  it("escapes prompts, options and feedback", () => {
    const gift = toGift(
      [
        question("q", {
          prompt: "Ratio 1:2 = {moitié}",
          options: [
            { id: "o1", text: "#1" },
            { id: "o2", text: "~2" },
          ],
          explanation: { en: "a=b", fr: "a=b" },
        }),
      ],
      { feedbackLanguage: "fr" },
    );
    expect(gift).toContain("::Q1::Ratio 1\\:2 \\= \\{moitié\\} {");
    expect(gift).toContain("~\\#1");
    expect(gift).toContain("=\\~2");
    expect(gift).toContain("####a\\=b");
  });

  it("keeps a title with line breaks inside its comment line", () => {
    const gift = toGift([question("q")], { title: "Devoir\n::Q9::piège{=x}", feedbackLanguage: "fr" });
    expect(gift.split("\n")[0]).toBe("// Glose — Devoir ::Q9::piège{=x}");
    expect(gift.match(/^::Q/gm)).toHaveLength(1);
  });

  it("separates questions with exactly one blank line and ends with a newline", () => {
    const gift = toGift([question("a"), question("b")], { feedbackLanguage: "fr" });
    expect(gift.endsWith("}\n")).toBe(true);
    expect(gift.split("\n\n")).toHaveLength(3);
  });
});
