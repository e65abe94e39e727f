/**
 * @jest-environment node
 *
 * Bad input gets a clear, coded refusal in English and French, never a
 * crash: empty text, a text too long, not French, binary data, control
 * characters, a broken encoding, a translation far shorter than the French.
 * Markup is analysed as the text it is.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadLexicon } from "@/app/_server/analysis/lexicon-files";
import { analyseText } from "@/questions/analysis/analyse";
import {
  ANALYSIS_ERROR_CODES,
  ANALYSIS_ERROR_MESSAGES,
  AnalysisError,
  isAnalysisError,
  type AnalysisErrorCode,
} from "@/questions/analysis/errors";
import { MAX_WORDS } from "@/questions/analysis/input";
import { detectLanguage } from "@/questions/analysis/language";

jest.setTimeout(30_000);

const FRENCH = readFileSync(path.join(__dirname, "fixtures", "jardin-partage.fr.txt"), "utf8");

function refusal(text: string, english?: string): AnalysisError {
  try {
    analyseText({ text, ...(english !== undefined ? { english } : {}) }, { lexicon: loadLexicon() });
  } catch (error) {
    if (isAnalysisError(error)) return error;
    throw error;
  }
  throw new Error("the input was accepted");
}

describe("refusals", () => {
  it.each<[string, string, AnalysisErrorCode]>([
    ["an empty text", "", "empty-text"],
    ["only spaces and line breaks", "  \n\n\t  \n", "empty-text"],
    ["only punctuation", "… !!! ???", "no-sentences"],
    ["a binary file", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000", "binary-content"],
    ["text read with the wrong encoding", "Le caf\ufffd est fort. Il fait beau.", "invalid-encoding"],
    ["a control character", "Le marché ouvre.\nIl ferme\u0007 à midi.", "control-characters"],
  ])("refuses %s", (_, text, code) => {
    expect(refusal(text).code).toBe(code);
  });

  it("names the line of a control character", () => {
    expect(refusal("Première ligne.\nDeuxième\u0002 ligne.").params).toMatchObject({
      line: 2,
      code: "U+0002",
    });
  });

  it("refuses a text over 5,000 words, saying how long it is", () => {
    const long = Array.from({ length: 520 }, () => "Le petit chat dort sur le canapé de la maison.").join(
      " ",
    );
    const error = refusal(long);
    expect(error.code).toBe("text-too-long");
    expect(error.params).toMatchObject({ words: 520 * 10, limit: MAX_WORDS });
    expect(error.messageIn("en")).toBe(
      "The text has 5,200 words; the limit is 5,000 words. Split it into shorter texts.",
    );
    expect(error.messageIn("fr")).toBe(
      "Le texte compte 5\u202f200\u00a0mots\u202f; la limite est de 5\u202f000\u00a0mots. Découpez-le en textes plus courts.",
    );
  });

  it.each([
    [
      "English",
      "The garden behind the school was once a car park. Today, forty families grow tomatoes there, and the children come every Wednesday to learn how to water the plants.",
      "English",
      "anglais",
    ],
    [
      "Spanish",
      "El jardín detrás de la escuela era un aparcamiento. Hoy, cuarenta familias cultivan tomates y los niños vienen todos los miércoles para aprender.",
      "Spanish",
      "espagnol",
    ],
    [
      "German",
      "Der Garten hinter der Schule war früher ein Parkplatz. Heute bauen dort vierzig Familien Tomaten an, und die Kinder kommen jeden Mittwoch.",
      "German",
      "allemand",
    ],
  ])("refuses a text in %s and says which language it looks like", (_, text, en, fr) => {
    const error = refusal(text);
    expect(error.code).toBe("not-french");
    expect(error.messageIn("en")).toBe(
      `This text looks like ${en}, not French. Glose analyses French texts.`,
    );
    expect(error.messageIn("fr")).toBe(
      `Ce texte semble être en ${fr}, pas en français. Glose analyse des textes en français.`,
    );
  });

  it("refuses a translation with far fewer sentences than the French", () => {
    const error = refusal(
      FRENCH,
      "In a Lyon neighbourhood, a shared garden brings neighbours together\n\nFive years ago, the land was a car park. Today, families grow tomatoes.",
    );
    expect(error.code).toBe("translation-too-short");
    expect(error.params).toMatchObject({ english: 2, french: 18 });
    expect(error.messageIn("en")).toMatch(/^The translation has 2 sentences for 18 French sentences/);
  });

  it("refuses an empty translation, and one that is not English", () => {
    expect(refusal(FRENCH, "  \n ").code).toBe("translation-empty");
    expect(refusal(FRENCH, FRENCH).code).toBe("translation-not-english");
  });
});

describe("markup in the text", () => {
  it("is analysed as text, with a warning, and stays in the sentences as written", () => {
    const text =
      "Un titre <b>gras</b>\nLe marché <script>alert('x')</script> ouvre à huit heures. Les clients arrivent tôt.";
    const analysis = analyseText({ text }, { lexicon: loadLexicon() });
    expect(analysis.warnings.map((w) => w.code)).toContain("markup-as-text");
    expect(analysis.title?.fr).toBe("Un titre <b>gras</b>");
    expect(analysis.paragraphs[0]?.sentences[0]?.fr).toBe(
      "Le marché <script>alert('x')</script> ouvre à huit heures.",
    );
  });

  it("accepts a text with no title and no final full stop", () => {
    const analysis = analyseText(
      { text: "Le marché ouvre à huit heures. Les clients arrivent tôt et repartent avec des légumes" },
      { lexicon: loadLexicon() },
    );
    expect(analysis.warnings.map((w) => w.code)).toEqual(["no-title"]);
    expect(analysis.title?.fr).toBe("Le marché ouvre à huit heures.");
    expect(analysis.paragraphs[0]?.sentences.map((s) => s.fr)).toEqual([
      "Les clients arrivent tôt et repartent avec des légumes",
    ]);
  });
});

describe("the error codes", () => {
  it("each have a message in English and in French, with French spacing", () => {
    const params = {
      words: 6000,
      limit: 5000,
      line: 3,
      code: "U+0007",
      language: "English",
      languageFr: "anglais",
      english: 2,
      french: 15,
    };
    for (const code of ANALYSIS_ERROR_CODES) {
      const { en, fr } = ANALYSIS_ERROR_MESSAGES[code];
      expect(en(params).length).toBeGreaterThan(20);
      expect(fr(params).length).toBeGreaterThan(20);
      expect(fr(params)).not.toMatch(/ [:;!?»]|« /);
      expect(en(params)).not.toMatch(/undefined|NaN/);
      expect(fr(params)).not.toMatch(/undefined|NaN/);
      expect(new AnalysisError(code, params).message).toBe(en(params));
    }
  });
});

describe("language detection", () => {
  it("recognises French, including the seed's vocabulary-heavy sentences", () => {
    expect(detectLanguage(FRENCH).language).toBe("fr");
    expect(
      detectLanguage(
        "Les géants technologiques se livrent une bataille sans merci pour recruter les meilleurs talents en IA.",
      ).language,
    ).toBe("fr");
  });

  it("guesses nothing from a list of names", () => {
    expect(detectLanguage("Meta, OpenAI, Google, Anthropic").language).toBeUndefined();
  });
});
