/**
 * @jest-environment jsdom
 */
import { loadArticleBundle } from "@/app/_server/content-files";
import {
  articleBodyHtml,
  element,
  escapeHtml,
  glossaryHtml,
  glossPopoverHtml,
} from "@/app/_server/reader-html";
import { glossWordsHtml, selectionWordsHtml } from "@/app/_server/reader-words-html";
import { bodySentences } from "@/questions/article";
import { READER_LABELS } from "./reader-labels";

const { article, vocabulary } = loadArticleBundle("ai-talent-race");

const labels = READER_LABELS;

function parse(html: string): HTMLElement {
  const container = document.createElement("div");
  container.innerHTML = html;
  return container;
}

describe("reader HTML", () => {
  it("keeps « » and : ; ! ? on the line of the word they belong to, without changing the text", () => {
    const refuge = loadArticleBundle("refuge-combe-noire");
    const html = articleBodyHtml(refuge.article, refuge.vocabulary, labels);
    const shown = parse(html).textContent ?? "";
    expect(shown).toMatch(/«\u00a0/);
    expect(shown).not.toMatch(/« | »| [:;!?]/);
    const stored = refuge.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.fr));
    const quoted = stored.find((fr) => fr.includes("« "));
    expect(quoted).toBeDefined();
    expect(shown.replace(/\u00a0/g, " ")).toContain(quoted!);
  });

  it("escapes text and attributes so content never becomes markup", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
    const html = element(
      "p",
      { title: `"><img src=x onerror=alert(1)>`, hidden: true, skipped: false },
      escapeHtml("<b>"),
    );
    const node = parse(html).firstElementChild!;
    expect(node.tagName).toBe("P");
    expect(node.getAttribute("title")).toBe(`"><img src=x onerror=alert(1)>`);
    expect(node.hasAttribute("hidden")).toBe(true);
    expect(node.hasAttribute("skipped")).toBe(false);
    expect(node.textContent).toBe("<b>");
    expect(node.querySelector("img")).toBeNull();
  });

  it("gives back every sentence exactly, French with lang=fr beside its English with lang=en", () => {
    const body = parse(articleBodyHtml(article, vocabulary, labels));
    const sentences = bodySentences(article);
    expect(body.querySelectorAll(".pair")).toHaveLength(sentences.length);
    for (const sentence of sentences) {
      const pair = body.querySelector(`[id="${sentence.id}"]`)!;
      // Shown with French no-break spaces (« », : ; ! ?); the words are the article's, unchanged.
      expect(pair.querySelector('.pair__text[lang="fr"]')!.textContent!.replace(/\u00a0/g, " ")).toBe(
        sentence.fr,
      );
      expect(pair.querySelector(`[id="${sentence.id}-en"][lang="en"]`)!.textContent).toBe(sentence.en);
      const reveal = pair.querySelector("[data-reveal]")!;
      expect(reveal.getAttribute("aria-controls")).toBe(`${sentence.id}-en`);
      expect(reveal.getAttribute("aria-label")).toBe("Show the English");
      // Laid out from the start and shown by CSS where there is a French voice (html[data-voice]).
      expect(pair.querySelector("[data-listen]")!.classList.contains("listen-button")).toBe(true);
    }
  });

  it("links every glossed word to a glossary entry that holds what its popover shows", () => {
    const page = parse(
      articleBodyHtml(article, vocabulary, labels) +
        `<dl>${glossaryHtml(vocabulary, labels)}</dl>` +
        glossPopoverHtml(labels),
    );
    // One popover for the page, filled on demand.
    const popovers = page.querySelectorAll("[popover]");
    expect(popovers).toHaveLength(1);
    const terms = [...page.querySelectorAll<HTMLAnchorElement>("a.term")];
    expect(terms.length).toBeGreaterThan(vocabulary.length / 2);
    for (const term of terms) {
      const id = term.dataset.term!;
      expect(term.getAttribute("href")).toBe(`#term-${id}`);
      expect(term.getAttribute("aria-label")).toBe(`Gloss for “${term.textContent}”`);
      // Served as a closed button for the one popover: no script has to mark it up on load.
      expect(term.getAttribute("role")).toBe("button");
      expect(term.getAttribute("aria-haspopup")).toBe("dialog");
      expect(term.getAttribute("aria-expanded")).toBe("false");
      expect(term.getAttribute("aria-controls")).toBe(popovers[0]!.id);
      const entry = page.querySelector<HTMLElement>(`[id="term-${id}"]`)!;
      expect(entry.querySelector("dt")!.textContent).not.toBe("");
      expect(entry.dataset.level).toMatch(/^Level [ABC][12]$/);
    }
    const maisonMere = page.querySelector<HTMLElement>('[id="term-maison-mere"]')!;
    expect(maisonMere.querySelector("dt")!.textContent).toBe("maison mère");
    expect(maisonMere.dataset.grammar).toBe("noun, feminine");
    expect(maisonMere.querySelector(".glossary__gloss")!.textContent).toMatch(/parent company/);

    expect(popovers[0]!.querySelector('[popovertargetaction="hide"]')!.getAttribute("aria-label")).toBe(
      "Close",
    );
  });
});

describe("my words in the reader's HTML", () => {
  const wordsLabels = {
    add: "Add to my words",
    saved: "In my words",
    open: "My words",
    suggest: "Looked up {count} times",
    selection: "Add “{text}” to my words",
    dialogTitle: "Add to my words",
    french: "French",
    meaning: "Meaning",
    meaningHelp: "In your own words",
    save: "Save",
    cancel: "Cancel",
    savedText: "“{text}” is saved",
  };

  it("the popover offers to save the term, and links to the list once saved", () => {
    const popover = parse(glossPopoverHtml({ close: "Close" }, glossWordsHtml(wordsLabels, "/en/words")));
    expect(popover.querySelector("[data-save-term]")!.textContent).toBe("Add to my words");
    expect(popover.querySelector("[data-words-saved]")!.hasAttribute("hidden")).toBe(true);
    expect(popover.querySelector("[data-words-saved] a")!.getAttribute("href")).toBe("/en/words");
    expect(popover.querySelector("[data-words-suggest]")!.getAttribute("data-template")).toBe(
      "Looked up {count} times",
    );
  });

  it("the selection dialog has a labelled meaning field, escaped labels and no markup from strings", () => {
    const page = parse(selectionWordsHtml({ ...wordsLabels, meaning: "<b>Meaning</b>" }));
    const input = page.querySelector("dialog input[name=meaning]")!;
    expect(page.querySelector(`label[for="${input.id}"]`)!.textContent).toBe("<b>Meaning</b>");
    expect(page.querySelector("b")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe(`${input.id}-help`);
    expect(page.querySelector("#words-selection")!.hasAttribute("hidden")).toBe(true);
    expect(page.querySelector("[role=status]")!.getAttribute("data-template")).toBe("“{text}” is saved");
  });
});
