import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";

const READER = "/en/read/ai-talent-race";

/** Opens a glossed term's popover (by tap on a phone, click on a desktop) and saves it. */
async function saveGlossedTerm(page: Page, termId: string, lemma: string, tap: boolean) {
  const term = page.locator(`a.term[data-term="${termId}"]`).first();
  await term.scrollIntoViewIfNeeded();
  if (tap) await term.tap();
  else await term.click();
  const popover = page.locator("#gloss-popover");
  await expect(popover).toContainText(lemma);
  const add = popover.getByRole("button", { name: "Add to my words" });
  if (tap) await add.tap();
  else await add.click();
  await expect(popover.getByText("In my words")).toBeVisible();
  await expect(page.locator("#words-status")).toContainText(`“${lemma}” is in your words.`);
  await page.keyboard.press("Escape");
}

/** Selects a word of a sentence the way a learner does (double-click, long press): a range in its text. */
async function selectWord(page: Page, sentenceId: string, word: string) {
  await page.locator(`#${sentenceId} .pair__text`).evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const start = node.textContent?.indexOf(text) ?? -1;
      if (start < 0) continue;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${text}" is not in the sentence`);
  }, word);
}

/** Three words saved while reading: two glossed terms and one selected word with the learner's meaning. */
async function saveThreeWords(page: Page, tap: boolean) {
  await page.goto(READER);
  await saveGlossedTerm(page, "recruter", "recruter", tap);
  await saveGlossedTerm(page, "precieux", "précieux", tap);
  await selectWord(page, "s1", "pessimistes");
  const offer = page.getByRole("button", { name: "Add “pessimistes” to my words" });
  await expect(offer).toBeVisible();
  if (tap) await offer.tap();
  else await offer.click();
  const dialog = page.getByRole("dialog", { name: "Add to my words" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("[lang=fr]")).toHaveText("pessimistes");
  await expectNoAxeViolations(page);
  await dialog.getByLabel("Meaning").fill("gloomy");
  const save = dialog.getByRole("button", { name: "Save" });
  if (tap) await save.tap();
  else await save.click();
  await expect(dialog).toBeHidden();
  // A word outside the glossary is saved under its dictionary form (the lexicon's lemma).
  await expect(page.locator("#words-status")).toContainText("“pessimiste” is in your words.");
}

/** Answers every due card: recognition by showing the answer, production by typing the form. */
async function reviewAll(page: Page, how: "keyboard" | "touch") {
  // By word id: the forms as they stand in the sentences they were saved from.
  const answers: Record<string, string> = {
    recruter: "recruter",
    précieux: "précieux",
    pessimiste: "pessimistes",
  };
  const card = page.locator(".review-card");
  const done = page.getByRole("heading", { name: "All done for now." });
  for (let step = 0; step < 12; step++) {
    await expect(card.or(done)).toBeVisible();
    if (await done.isVisible()) return step;
    const key = (await card.getAttribute("data-card")) ?? "";
    const [wordId = "", kind] = key.split("/");
    if (kind === "recognition") {
      if (how === "keyboard") await page.keyboard.press("Space");
      else await page.getByRole("button", { name: "Show the answer" }).tap();
    } else {
      const input = page.getByLabel("The missing word", { exact: true });
      await expect(input).toBeFocused();
      await input.fill(answers[wordId]!);
      if (how === "keyboard") await page.keyboard.press("Enter");
      else await page.getByRole("button", { name: "Check" }).tap();
      await expect(page.getByText("Right.")).toBeVisible();
      if (step < 4) await expectNoAxeViolations(page);
    }
    const easy = page.getByRole("button", { name: /Easy/ });
    await expect(easy).toContainText(/next in \d+ days?/);
    if (how === "keyboard") await page.keyboard.press("4");
    else await easy.tap();
    // The next card (or the end) replaces this one before the next step reads the page.
    await expect(page.locator(`.review-card[data-card="${key}"]`)).toHaveCount(0);
  }
  throw new Error("the session did not end");
}

test.describe("my words", () => {
  test("save three words while reading, see them on the home page, review them keyboard-only @desktop", async ({
    page,
  }) => {
    await saveThreeWords(page, false);
    // The popover remembers: opening a saved term again says so.
    await page.locator('a.term[data-term="recruter"]').first().click();
    await expect(page.locator("#gloss-popover").getByText("In my words")).toBeVisible();
    await page.keyboard.press("Escape");

    await page.goto("/en");
    const words = page.getByRole("region", { name: "My words" });
    await expect(words.getByRole("definition").first()).toHaveText("3");
    await expect(words).toContainText("3 cards to review today");
    await expectNoAxeViolations(page);

    await words.getByRole("link", { name: "Review now" }).click();
    await expect(page).toHaveURL(/\/en\/review$/);
    await expect(page.getByText("3 cards to go")).toBeVisible();
    await expect(page.locator(".review-card__sentence mark")).toBeVisible();
    await expectNoAxeViolations(page);
    // Recognition, then production for each word: six answers.
    expect(await reviewAll(page, "keyboard")).toBe(6);
    await expect(page.getByText(/Next review in \d+ days/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/en/words");
    await expect(page.getByText("strength 5 of 5")).toHaveCount(0);
    await expect(page.locator(".word-row")).toHaveCount(3);
    await expect(page.getByLabel("Status of “recruter”")).toHaveValue("learning");
    await expectNoAxeViolations(page);
  });

  test("review touch-only on a phone @phone", async ({ page }) => {
    await saveThreeWords(page, true);
    await page.goto("/en/review");
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    expect(await reviewAll(page, "touch")).toBe(6);
    await expectNoHorizontalScroll(page);
  });

  test("exports a file Anki imports: French, meaning, sentence, tags", async ({ page }) => {
    await saveThreeWords(page, false);
    await page.goto("/en/words");
    await expectNoHorizontalScroll(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export for Anki" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("glose-words-anki.txt");
    const lines = readFileSync((await download.path())!, "utf8")
      .trimEnd()
      .split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "#separator:tab",
      "#html:false",
      "#columns:French\tMeaning\tSentence\tTags",
      "#tags column:4",
    ]);
    const notes = lines.slice(4).map((line) => line.split("\t"));
    expect(notes).toHaveLength(3);
    for (const note of notes) expect(note).toHaveLength(4);
    const pessimiste = notes.find((note) => note[0] === "pessimiste");
    expect(pessimiste?.[1]).toBe("gloomy");
    expect(pessimiste?.[2]).toContain("les prédictions pessimistes sur l'impact");
    expect(pessimiste?.[3]).toBe("glose glose::ai-talent-race");
    expect(notes.find((note) => note[0] === "recruter")?.[1]).toBe("to recruit, hire");
  });

  test("a Glose file moves words and their history to another device", async ({ page, browser }) => {
    await saveThreeWords(page, false);
    await page.goto("/en/review");
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await page.goto("/en/words");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export as Glose file" }).click();
    const file = await (await downloading).path();

    const other = await browser.newContext();
    const phone = await other.newPage();
    await phone.goto(page.url());
    await expect(phone.getByText("No words saved yet.")).toBeVisible();
    await phone.getByLabel("Import a Glose file").setInputFiles(file!);
    await expect(phone.getByText("Imported: 3 new, 0 updated, 0 unchanged.")).toBeVisible();
    await expect(phone.locator(".word-row")).toHaveCount(3);
    await phone.getByLabel("Import a Glose file").setInputFiles(file!);
    await expect(phone.getByText("Imported: 0 new, 0 updated, 3 unchanged.")).toBeVisible();
    await phone.getByLabel("Import a Glose file").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(phone.getByText("That file is not a Glose words file.")).toBeVisible();
    await other.close();
  });

  test("mark all the rest as known, and see the article's coverage on the home page", async ({ page }) => {
    await saveThreeWords(page, false);
    await page.getByRole("button", { name: "Mark all the rest as known" }).click();
    await expect(page.getByText(/^\d+ words marked as known\.$/)).toBeVisible();
    await page.goto("/en");
    const card = page.getByRole("article", { name: /^Les premiers grands gagnants/ });
    await expect(card).toContainText(/You know about 9\d% of its words/);
    await expect(card).toContainText("above 98%: comfortable reading");
    await page.getByLabel("Order").selectOption("coverage");
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });

  test("storage that cannot be read is kept aside and the learner is told", async ({ page }) => {
    await saveThreeWords(page, false);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("glose-words");
          open.onsuccess = () => {
            const tx = open.result.transaction("words", "readwrite");
            tx.objectStore("words").put({ id: "précieux", v: 1, lemma: 42 });
            tx.objectStore("words").put({ id: "ancien", v: 0, lemma: "ancien" });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.goto("/en/words");
    await expect(page.locator(".notice[role=alert]")).toContainText("Some saved words could not be read.");
    await expect(page.locator(".word-row")).toHaveCount(2);
    await expectNoAxeViolations(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export as Glose file" }).click();
    const file = JSON.parse(readFileSync((await (await downloading).path())!, "utf8")) as {
      unreadable: unknown[];
    };
    expect(file.unreadable).toHaveLength(2);
  });

  test("vocabulary missed in a quiz is offered for review", async ({ page }) => {
    await page.goto("/en/quiz/ai-talent-race");
    // Vocabulary only: every other kind of question unticked, whatever kinds there are.
    const kinds = page.getByRole("group", { name: "Kinds of question" }).getByRole("checkbox");
    for (const kind of await kinds.all())
      if ((await kind.locator("xpath=..").innerText()).trim() !== "Vocabulary in context")
        await kind.uncheck();
    await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
    await page.getByRole("button", { name: "Start" }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "End quiz" }).click();
    await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
    await page.getByRole("button", { name: "Add the 5 words you missed to your review" }).click();
    await expect(page.getByText("5 words are in your review.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Review my words" }).click();
    await expect(page.getByText("5 cards to go")).toBeVisible();
    // Each in the sentence the question asked about, its word marked.
    await expect(page.locator(".review-card__sentence mark")).toBeVisible();
  });

  test("the French interface", async ({ page }) => {
    await page.goto("/fr/review");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Révision");
    await expect(page.getByText(/Vous n’avez encore aucun mot à réviser/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/fr/words");
    await expect(page.getByText("Aucun mot enregistré pour l’instant.")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("my words in two tabs", () => {
  test("two tabs answering the same card at once both keep their answer @desktop", async ({
    page,
    context,
  }) => {
    await saveThreeWords(page, false);
    const other = await context.newPage();
    await page.goto("/en/review");
    await other.goto("/en/review");
    const first = await page.locator(".review-card__word").textContent();
    await expect(other.locator(".review-card__word")).toHaveText(first!);
    await page.keyboard.press("Space");
    await other.keyboard.press("Space");
    // Both answer before either hears of the other's write.
    await Promise.all([page.keyboard.press("3"), other.keyboard.press("1")]);
    const grades = await page.evaluate(
      (lemma) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open("glose-words");
          open.onsuccess = () => {
            const request = open.result.transaction("words").objectStore("words").get(lemma);
            request.onsuccess = () =>
              resolve(
                (request.result as { reviews: { grade: string }[] }).reviews.map((r) => r.grade).sort(),
              );
            request.onerror = () => reject(request.error);
          };
        }),
      first!,
    );
    expect(grades).toEqual(["again", "good"]);
    await other.close();
  });
});

test.describe("my words offline", () => {
  test("reviews with no connection once the pages were opened @desktop", async ({ page, context }) => {
    await saveThreeWords(page, false);
    await page.goto("/en/review");
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return registration?.active?.state === "activated" && navigator.serviceWorker.controller !== null;
          }),
        { timeout: 30_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText("3 cards to go")).toBeVisible();
    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    await expect(page.getByText("3 cards to go")).toBeVisible(); // production of the first word opened
    await context.setOffline(false);
  });
});
