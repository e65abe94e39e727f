/**
 * @jest-environment node
 *
 * Names in French sentences: runs of capitalised words, sorted into people,
 * places and organisations; acronyms used as common nouns are no names.
 */
import { loadLexicon } from "@/app/_server/analysis/lexicon-files";
import { commonAcronyms, findNames } from "@/questions/analysis/entities";
import { tokenize } from "@/questions/analysis/tokenize";

jest.setTimeout(30_000);

function names(...sentences: string[]): string[][] {
  const lexicon = loadLexicon();
  const tokens = sentences.map((s) => tokenize(s, (form) => lexicon.has(form)));
  const context = { people: new Set<string>(), commonAcronyms: commonAcronyms(tokens) };
  return sentences.map((s, i) =>
    findNames(s, tokens[i] ?? [], lexicon, context).map((n) => `${n.text}:${n.kind}`),
  );
}

describe("names", () => {
  it.each([
    ["a title before a family name", "Mme Lefèvre a ouvert la séance.", ["Lefèvre:person"]],
    [
      "a given name and a family name opening the sentence",
      "Marc Benioff de Salesforce affirme le contraire.",
      ["Marc Benioff:person", "Salesforce:organisation"],
    ],
    [
      "an unknown first name followed by a family name",
      "Il a nommé Alexandr Wang, PDG de Scale AI.",
      ["Alexandr Wang:person", "Scale AI:organisation"],
    ],
    ["a hyphenated given name", "Jean-Pierre Rampal jouait de la flûte.", ["Jean-Pierre Rampal:person"]],
    ["a town after à", "Elle habite à Lyon depuis trente ans.", ["Lyon:place"]],
    ["a town after la mairie de", "La mairie de Villeurbanne étudie le projet.", ["Villeurbanne:place"]],
    [
      "an association whose name starts with an article",
      "Avec l'aide de l'association Les Mains Vertes, tout change.",
      ["Les Mains Vertes:organisation"],
    ],
    ["a capital opening the sentence that is a common word", "Aujourd'hui, le marché est ouvert.", []],
    ["a word opening a quotation", "« Au début, personne n'y croyait », dit-elle.", []],
  ])("%s", (_, sentence, expected) => {
    expect(names(sentence)[0]).toEqual(expected);
  });

  it("keeps an acronym the text uses as a common noun out of the names, even without its article", () => {
    expect(names("L'IA progresse.", "Les talents en IA sont rares chez OpenAI.")).toEqual([
      [],
      ["OpenAI:organisation"],
    ]);
  });

  it("knows a person named in full when the family name comes back alone", () => {
    expect(names("Claire Dubois a eu l'idée.", "Selon Dubois, tout a commencé ici.")).toEqual([
      ["Claire Dubois:person"],
      ["Dubois:person"],
    ]);
  });
});
