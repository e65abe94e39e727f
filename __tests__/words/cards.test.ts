import { checkTyped, productionAnswer, productionChoices, splitSentence } from "@/questions/words/cards";
import { word } from "./word-fixtures";

describe("cards from the word's own sentence", () => {
  const saved = word("rémunération", {
    context: {
      slug: "ai-talent-race",
      sentenceId: "s2",
      sentence: "Des packages de rémunération atteignant des dizaines de millions.",
      form: "rémunération",
    },
  });

  it("splits the sentence around the word, for highlighting or blanking", () => {
    expect(splitSentence(saved)).toEqual({
      before: "Des packages de ",
      form: "rémunération",
      after: " atteignant des dizaines de millions.",
    });
    expect(productionAnswer(saved)).toBe("rémunération");
  });

  it("without a sentence (or the form not in it) production asks the lemma", () => {
    expect(splitSentence(word("seul", { context: null }))).toBeNull();
    expect(productionAnswer(word("seul", { context: null }))).toBe("seul");
    const moved = word("absent", {
      context: { slug: "x", sentenceId: "s1", sentence: "Rien ici.", form: "absent" },
    });
    expect(splitSentence(moved)).toEqual({ before: "Rien ici.", form: "", after: "" });
  });

  it("offers four forms to pick once three other words are saved, the same on the same seed", () => {
    const others = ["talent", "géant", "course"].map((lemma) => word(lemma));
    expect(productionChoices(saved, others.slice(0, 2), "day")).toEqual([]);
    const choices = productionChoices(saved, others, "day");
    expect(choices).toHaveLength(4);
    expect(choices).toContain("rémunération");
    expect(productionChoices(saved, others, "day")).toEqual(choices);
  });

  it("checks a typed form: case, apostrophes and spaces never count; accents are a near miss", () => {
    expect(checkTyped("  Rémunération ", "rémunération")).toBe("right");
    expect(checkTyped("l’emploi", "l'emploi")).toBe("right");
    expect(checkTyped("remuneration", "rémunération")).toBe("accents");
    expect(checkTyped("rémunérations", "rémunération")).toBe("wrong");
    expect(checkTyped("", "rémunération")).toBe("wrong");
  });
});
