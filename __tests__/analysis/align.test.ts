/**
 * @jest-environment node
 *
 * Gale–Church alignment of a pasted English block with the French sentences:
 * one to one, one to two, two to one, and a low-confidence flag where the
 * lengths or the numbers and names disagree.
 */
import { loadLexicon } from "@/app/_server/analysis/lexicon-files";
import { alignSentences, anchorsOf, splitEnglishAt, splitEnglishSentences } from "@/questions/analysis/align";
import { analyseText } from "@/questions/analysis/analyse";

jest.setTimeout(30_000);

const FRENCH = [
  "Le marché ouvre tous les samedis à huit heures sur la place de l'église.",
  "Les producteurs viennent des villages voisins avec leurs fruits et leurs légumes.",
  "Marie Lenoir vend ses fromages depuis 1998.",
  "Elle dit que ses clients reviennent chaque semaine.",
  "En hiver, le marché ferme plus tôt.",
];

describe("alignSentences", () => {
  it("pairs sentences one to one when the translation follows the French", () => {
    const english = [
      "The market opens every Saturday at eight o'clock on the church square.",
      "The producers come from the neighbouring villages with their fruit and vegetables.",
      "Marie Lenoir has been selling her cheeses since 1998.",
      "She says that her customers come back every week.",
      "In winter, the market closes earlier.",
    ];
    const { pairs } = alignSentences(FRENCH, english);
    expect(pairs.map((p) => p.type)).toEqual(["1-1", "1-1", "1-1", "1-1", "1-1"]);
    expect(pairs.every((p) => !p.lowConfidence)).toBe(true);
  });

  it("finds a French sentence translated as two (1-2) and two French sentences translated as one (2-1)", () => {
    const english = [
      "The market opens every Saturday at eight. It sets up on the church square.",
      "The producers come from the neighbouring villages with their fruit and vegetables.",
      "Marie Lenoir has been selling her cheeses since 1998, and she says that her customers come back every week.",
      "In winter, the market closes earlier.",
    ];
    const { pairs } = alignSentences(FRENCH, splitEnglishSentences(english.join(" ")));
    expect(pairs.map((p) => [p.type, p.fr, p.en])).toEqual([
      ["1-2", [0], [0, 1]],
      ["1-1", [1], [2]],
      ["2-1", [2, 3], [3]],
      ["1-1", [4], [4]],
    ]);
    expect(pairs.filter((p) => p.lowConfidence).map((p) => p.type)).toEqual(["1-2", "2-1"]);
  });

  it("flags a pair whose lengths disagree as low confidence", () => {
    const { pairs } = alignSentences(
      [
        "Oui.",
        "Le marché ouvre tous les samedis à huit heures sur la place de l'église, même quand il pleut.",
      ],
      [
        "Yes, absolutely, without the slightest doubt, that is what everybody in the village says.",
        "The market opens.",
      ],
    );
    expect(pairs.some((p) => p.lowConfidence)).toBe(true);
  });

  it("takes numbers and names as anchors, whatever the decimal mark", () => {
    expect([...anchorsOf("Il a investi 14,3 milliards chez OpenAI en 2024.")]).toEqual(
      expect.arrayContaining(["143", "2024", "openai"]),
    );
    expect([...anchorsOf("He invested 14.3 billion in OpenAI in 2024.")]).toEqual(
      expect.arrayContaining(["143", "2024", "openai"]),
    );
  });
});

describe("English sentences", () => {
  it("splits on stops but not after Mr., Dr., e.g. or an initial, nor inside quotations", () => {
    expect(
      splitEnglishSentences(
        'Mr. Smith met Dr. Jones, e.g. at the fair. J. K. Rowling was there. "Stay. Please," she said. Then they left',
      ),
    ).toEqual([
      "Mr. Smith met Dr. Jones, e.g. at the fair.",
      "J. K. Rowling was there.",
      '"Stay. Please," she said.',
      "Then they left",
    ]);
  });

  it("splits one English sentence where its two French sentences meet", () => {
    expect(splitEnglishAt("Marie sells cheese, and she says her customers come back.", 0.4)).toEqual([
      "Marie sells cheese,",
      "and she says her customers come back.",
    ]);
  });
});

describe("an analysed text with a 2-1 translation", () => {
  it("gives each French sentence its own English and flags the pair", () => {
    const analysis = analyseText(
      {
        text: `Le marché du samedi\n${FRENCH.join(" ")}`,
        english:
          "The Saturday market\nThe market opens every Saturday at eight o'clock on the church square. The producers come from the neighbouring villages with their fruit and vegetables. Marie Lenoir has been selling her cheeses since 1998, and she says that her customers come back every week. In winter, the market closes earlier.",
      },
      { lexicon: loadLexicon() },
    );
    const sentences = analysis.paragraphs[0]?.sentences ?? [];
    expect(sentences.map((s) => s.en)).toEqual([
      "The market opens every Saturday at eight o'clock on the church square.",
      "The producers come from the neighbouring villages with their fruit and vegetables.",
      "Marie Lenoir has been selling her cheeses since 1998,",
      "and she says that her customers come back every week.",
      "In winter, the market closes earlier.",
    ]);
    expect(analysis.alignment).toMatchObject({ confident: 3, frenchSentences: 5, englishSentences: 4 });
    expect(analysis.warnings.map((w) => w.code)).toContain("alignment-uncertain");
  });
});
