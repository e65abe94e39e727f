import { expect, test } from "@playwright/test";
import article from "../questions/articles/ai-talent-race/article.json";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";

const READER = "/en/read/ai-talent-race";

test.describe("home", () => {
  test("shows the article as a card, in both languages", async ({ page }) => {
    await page.goto("/en");
    await expect(page).toHaveTitle(/Glose/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const card = page.getByRole("article", { name: /^Les premiers grands gagnants/ });
    await expect(card.getByRole("heading", { level: 3 })).toHaveAttribute("lang", "fr");
    await expect(card.getByRole("heading", { level: 3 })).toContainText("Les premiers grands gagnants");
    await expect(card).toContainText("The first big winners");
    await expect(card).toContainText("Level B2");
    await expect(card).toContainText(/\d+ words/);
    await expect(card).toContainText(/\d+ glossed terms/);
    // A first visit has no quiz history yet, and says so.
    await expect(page.getByText("Your finished quizzes will show here.")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await page.goto("/fr");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("article", { name: /^Les premiers grands gagnants/ })).toContainText(
      "Niveau B2",
    );
    await expectNoAxeViolations(page);
  });

  test("the root sends each visitor to their language", async ({ browser, baseURL }) => {
    const french = await browser.newContext({
      locale: "fr-FR",
      extraHTTPHeaders: { "Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5" },
    });
    const frPage = await french.newPage();
    await frPage.goto(`${baseURL}/`);
    await expect(frPage).toHaveURL(/\/fr$/);
    await french.close();

    const chosen = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "fr" } });
    await chosen.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    const enPage = await chosen.newPage();
    await enPage.goto(`${baseURL}/`);
    await expect(enPage).toHaveURL(/\/en$/);
    await chosen.close();

    const unknown = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "de-DE,de" } });
    const dePage = await unknown.newPage();
    await dePage.goto(`${baseURL}/`);
    await expect(dePage).toHaveURL(/\/en$/);
    await unknown.close();
  });

  test("unknown languages and articles answer 404", async ({ request }) => {
    expect((await request.get("/de")).status()).toBe(404);
    expect((await request.get("/de/read/ai-talent-race")).status()).toBe(404);
    expect((await request.get("/en/read/no-such-article")).status()).toBe(404);
  });
});

test.describe("reader", () => {
  test("the server HTML holds every French sentence and its English, with lang", async ({ request }) => {
    const html = await (await request.get("/fr/read/ai-talent-race")).text();
    expect(html).toContain('<html lang="fr"');
    // The text a reader without JavaScript gets: markup removed, entities decoded.
    const text = html
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, "")
      .replace(/<[^>]+>/g, "")
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      // French no-break spaces (« », : ; ! ?) are shown; the words are the article's.
      .replace(/\u00a0/g, " ");
    const sentences = article.paragraphs.flatMap((paragraph) => paragraph.sentences);
    expect(sentences).toHaveLength(15);
    for (const sentence of sentences) {
      expect(text).toContain(sentence.fr);
      expect(text).toContain(sentence.en);
    }
    expect((html.match(/<p lang="fr" class="pair__text">/g) ?? []).length).toBe(15);
    expect((html.match(/<p lang="en" class="pair__en"/g) ?? []).length).toBe(15);
  });

  test("reads well and passes axe", async ({ page }) => {
    await page.goto(READER);
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "fr");
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    const lemmas = await page.locator(".glossary__entry dt").allTextContents();
    expect(lemmas.length).toBeGreaterThanOrEqual(40);
    const collator = new Intl.Collator("fr", { sensitivity: "base" });
    const key = (lemma: string) => lemma.replace(/^(se |s')/i, "");
    expect([...lemmas].sort((a, b) => collator.compare(key(a), key(b)))).toEqual(lemmas);
  });

  test("a glossed term opens its gloss by pointer, keyboard and touch; one at a time", async ({
    page,
  }, info) => {
    await page.goto(READER);
    const tap = info.project.name === "phone";
    const term = page.locator('a.term[data-term="maison-mere"]').first();
    const popover = page.locator("#gloss-popover");
    await expect(popover).toBeHidden();

    if (tap) await term.tap();
    else await term.click();
    await expect(popover).toBeVisible();
    await expect(popover).toContainText("maison mère");
    await expect(popover).toContainText(/parent company/i);
    await expect(popover).toContainText(/feminine/);
    await expect(term).toHaveAttribute("aria-expanded", "true");
    await expectNoAxeViolations(page);

    // Opening another replaces the first: one gloss at a time.
    const other = page.locator('a.term[data-term="cambriolage"]').first();
    await other.scrollIntoViewIfNeeded();
    if (tap) await other.tap();
    else await other.click();
    await expect(popover).toContainText("cambriolage");
    await expect(popover).not.toContainText("maison mère");
    await expect(other).toHaveAttribute("aria-expanded", "true");
    await expect(term).toHaveAttribute("aria-expanded", "false");

    // A tap elsewhere closes it.
    await page.locator(".reader-head__gloss").click({ position: { x: 5, y: 5 } });
    await expect(popover).toBeHidden();

    // Keyboard: focus the word, Enter opens, Escape closes and focus returns to the word.
    await term.focus();
    await page.keyboard.press("Enter");
    await expect(popover).toBeVisible();
    await expect(popover).toContainText("maison mère");
    await page.keyboard.press("Escape");
    await expect(popover).toBeHidden();
    await expect(term).toBeFocused();
    await page.keyboard.press("Space");
    await expect(popover).toBeVisible();
  });

  test("language switch keeps the page", async ({ page }) => {
    await page.goto(READER);
    await page.getByRole("link", { name: /Lire l’interface en français/ }).click();
    await expect(page).toHaveURL(/\/fr\/read\/ai-talent-race$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByText("Glossaire", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: /Read the interface in English/ }).click();
    await expect(page).toHaveURL(/\/en\/read\/ai-talent-race$/);
  });

  test("speech is offered only where the browser can speak French", async ({ page }) => {
    await page.goto(READER);
    await expect(page.getByRole("button", { name: "Listen to this sentence" })).toHaveCount(0);
  });
});

test.describe("reader on a phone @phone", () => {
  test("French first; English per sentence or all at once, remembered", async ({ page }) => {
    await page.goto(READER);
    const firstEnglish = page.locator("#s1-en");
    await expect(firstEnglish).toBeHidden();
    await page.locator("#s1").getByRole("button", { name: "Show the English of this sentence" }).tap();
    await expect(firstEnglish).toBeVisible();
    await expect(page.locator("#s2-en")).toBeHidden();

    await page.getByRole("switch", { name: "Show English" }).check();
    await expect(page.locator("#s15-en")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("switch", { name: "Show English" })).toBeChecked();
    await expect(page.locator("#s15-en")).toBeVisible();
    await page.getByRole("switch", { name: "Show English" }).uncheck();
    await expect(page.locator("#s15-en")).toBeHidden();
  });
});

test.describe("reader on a desktop @desktop", () => {
  test("French and English sit side by side, sentence by sentence; hover lights the twin", async ({
    page,
  }) => {
    await page.goto(READER);
    for (const id of ["s1", "s8", "s15"]) {
      const fr = await page.locator(`#${id} .pair__text`).boundingBox();
      const en = await page.locator(`#${id}-en`).boundingBox();
      expect(fr && en).toBeTruthy();
      expect(Math.abs(fr!.y - en!.y)).toBeLessThan(12);
      expect(en!.x).toBeGreaterThan(fr!.x + fr!.width - 1);
    }
    const twin = page.locator("#s3-en");
    const before = await twin.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.locator("#s3 .pair__text").hover();
    await expect.poll(() => twin.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the whole article and its translation are readable", async ({ page }) => {
    await page.goto("/fr/read/ai-talent-race");
    await expect(page.locator(".pair__en")).toHaveCount(15);
    for (const id of ["s1", "s9", "s15"]) await expect(page.locator(`#${id}-en`)).toBeVisible();
    // A glossed word leads to its glossary entry.
    await page.locator('a.term[data-term="cambriolage"]').first().click();
    await expect(page).toHaveURL(/#term-cambriolage$/);
    await expect(page.locator("#term-cambriolage")).toBeInViewport();
  });
});
