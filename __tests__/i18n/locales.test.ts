import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { i18nConfig } from "@/i18n-config";
import { resources } from "@/app/i18n/resources";
import { ERROR_CODES } from "@/app/api/contract";

const LOCALES_DIR = path.join(process.cwd(), "locales");

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** Plural forms differ by language; compare keys without their _one/_other suffix. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

function load(lng: string, file: string): Tree {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, lng, file), "utf8")) as Tree;
}

describe("locales", () => {
  const namespaceFiles = readdirSync(path.join(LOCALES_DIR, "en")).sort();

  it("every language has the same namespace files", () => {
    for (const lng of i18nConfig.locales) {
      expect(readdirSync(path.join(LOCALES_DIR, lng)).sort()).toEqual(namespaceFiles);
    }
  });

  it("every namespace file is registered with i18next", () => {
    const registered = Object.keys(resources.en)
      .map((ns) => `${ns}.json`)
      .sort();
    expect(registered).toEqual(namespaceFiles);
  });

  it.each(namespaceFiles)("%s holds the same keys in every language, none empty", (file) => {
    const english = flatten(load("en", file));
    for (const lng of i18nConfig.locales) {
      const other = flatten(load(lng, file));
      expect([...new Set([...other.keys()].map(baseKey))].sort()).toEqual(
        [...new Set([...english.keys()].map(baseKey))].sort(),
      );
      for (const [key, value] of other) {
        expect({ key, empty: value.trim() === "" }).toEqual({ key, empty: false });
      }
    }
  });

  it.each(namespaceFiles)("%s uses the same {{placeholders}} in every language", (file) => {
    const english = flatten(load("en", file));
    const french = flatten(load("fr", file));
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of english) {
      const twin = french.get(key);
      if (twin !== undefined) expect({ key, p: placeholders(twin) }).toEqual({ key, p: placeholders(value) });
    }
  });
  // French sets a non-breaking space before : ; ! ? % and » and after «, so that a line never
  // starts with the punctuation (U+00A0, or the narrow U+202F before ; ! ?).
  it.each(namespaceFiles)("%s: French punctuation never starts a line", (file) => {
    for (const [key, value] of flatten(load("fr", file))) {
      const breakable = [...value.matchAll(/ [:;!?%»]|« /g)].map((m) => m[0]);
      expect({ key, breakable }).toEqual({ key, breakable: [] });
    }
  });

  // Copy uses the typographic apostrophe (’) in both languages, as it uses « » and “ ”:
  // the typewriter one (') is a code character.
  it.each(namespaceFiles)("%s uses typographic apostrophes in every language", (file) => {
    for (const lng of i18nConfig.locales) {
      for (const [key, value] of flatten(load(lng, file))) {
        expect({ lng, key, straight: value.includes("'") }).toEqual({ lng, key, straight: false });
      }
    }
  });

  // Clients translate refusals by their code: every code of the wire contract needs a message,
  // and a message for a code the API no longer sends would be dead copy.
  it.each(i18nConfig.locales)("%s has a message for every API error code, and for nothing else", (lng) => {
    expect(Object.keys(load(lng, "errors.json")).sort()).toEqual([...ERROR_CODES].sort());
  });
});
