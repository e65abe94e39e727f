import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";

const QUIZ = "/en/quiz/ai-talent-race";

async function progress(page: Page) {
  const text = (await page.locator(".quiz-progress__label").textContent()) ?? "";
  const [, current, total] = text.match(/Question (\d+) of (\d+)/) ?? [];
  return { current: Number(current), total: Number(total) };
}

/** Answers the current question with its first option; returns whether it was right. */
async function answerWithFirstOption(page: Page, tap: boolean) {
  const first = page.locator(".option").first();
  if (tap) await first.tap();
  else await first.click();
  await page.getByRole("button", { name: "Check" }).click();
  const verdict = page.locator(".feedback__verdict");
  await expect(verdict).toBeVisible();
  return (await verdict.textContent())?.startsWith("Right") ?? false;
}

/** Starts a 5-question practice quiz and answers its first `answered` questions. */
async function startFiveAndAnswer(page: Page, answered: number) {
  await page.goto(QUIZ);
  await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
  await page.getByRole("button", { name: "Start" }).click();
  for (let n = 0; n < answered; n += 1) {
    await answerWithFirstOption(page, false);
    await page.getByRole("button", { name: "Next question" }).click();
  }
}

test("a whole practice quiz: start, answer all, results, retry my mistakes; axe on every screen", async ({
  page,
}, info) => {
  const tap = info.project.name === "phone";
  await page.goto(QUIZ);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Start" }).click();

  let mistakes = 0;
  const { total } = await progress(page);
  expect(total).toBe(10);
  for (let n = 1; n <= total; n += 1) {
    expect((await progress(page)).current).toBe(n);
    if (n === 1) await expectNoAxeViolations(page);
    const right = await answerWithFirstOption(page, tap);
    if (!right) mistakes += 1;
    // The evidence sentence is quoted, in French and English, with a way back to the text.
    await expect(page.locator(".feedback .evidence__fr")).toHaveAttribute("lang", "fr");
    await expect(page.locator(".feedback .evidence__en")).toHaveAttribute("lang", "en");
    if (n === 1) await expectNoAxeViolations(page);
    await page.getByRole("button", { name: n === total ? "See results" : "Next question" }).click();
  }

  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
  await expect(page.locator(".results__points")).toHaveText(`${total - mistakes} / ${total}`);
  await expect(page.getByRole("list", { name: "Review" }).getByRole("listitem")).toHaveCount(total);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  if (mistakes > 0) {
    await page.getByRole("button", { name: "Retry my mistakes" }).click();
    expect((await progress(page)).total).toBe(mistakes);
  } else {
    await expect(page.getByText("No mistakes to retry.")).toBeVisible();
  }

  // The finished attempt shows on the home page's trend chart.
  await page.goto("/en");
  // One quiz: the singular, not "your last 1 quizzes".
  await expect(page.getByRole("img", { name: /^Score of your last quiz: \d+%$/ })).toBeVisible();
  await expect(
    page.getByText(new RegExp(`Latest: ${Math.round(((total - mistakes) / total) * 100)}% \\(practice\\)`)),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test("feedback links to its evidence sentence, highlighted in the reader", async ({ page }) => {
  await page.goto(QUIZ);
  await page.getByRole("button", { name: "Start" }).click();
  await answerWithFirstOption(page, false);
  const link = page.locator(".feedback").getByRole("link", { name: "See it in the article" });
  const href = (await link.getAttribute("href")) ?? "";
  const sentenceId = href.split("#")[1] ?? "";
  expect(href).toMatch(/^\/en\/read\/ai-talent-race#(title|s\d+)$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${sentenceId}$`));
  const target = page.locator(`[id="${sentenceId}"]`);
  await expect(target).toBeInViewport();
  if (sentenceId !== "title") {
    const background = await target
      .locator(".pair__text")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
  }
});

test("a quiz in progress survives a reload and resumes where it was", async ({ page }) => {
  await startFiveAndAnswer(page, 2);
  const stem = await page.locator(".question-stem").textContent();

  await page.reload();
  await expect(page.getByRole("heading", { name: "Pick up where you left off?" })).toBeVisible();
  await expect(page.getByText("You were on question 3 of 5.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Resume" }).click();
  expect(await progress(page)).toEqual({ current: 3, total: 5 });
  await expect(page.locator(".question-stem")).toHaveText(stem ?? "");

  await page.reload();
  await page.getByRole("button", { name: "Start afresh" }).click();
  await expect(page.getByRole("button", { name: "Start" })).toBeVisible();
});

test.describe("when the code that reads saved progress cannot load", () => {
  // Requests must reach page.route: a service worker would answer them from its cache.
  test.use({ serviceWorkers: "block" });

  test("saved progress is kept untouched and picked up on the next visit", async ({ page }) => {
    await startFiveAndAnswer(page, 1);
    const savedQuizzes = () =>
      page.evaluate(() =>
        Object.fromEntries(
          Object.keys(localStorage)
            .filter((key) => key.startsWith("glose-quiz:"))
            .map((key) => [key, localStorage.getItem(key)]),
        ),
      );
    const saved = await savedQuizzes();
    expect(Object.keys(saved).length).toBeGreaterThan(0);

    // As when offline before the service worker cached it: the chunk with the checks
    // on saved progress fails to load. It is the one that exports `salvageHistory`.
    const isChecksChunk = (body: string) => body.includes('"salvageHistory"');
    let blocked = 0;
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      const response = await route.fetch();
      if (isChecksChunk(await response.text())) {
        blocked += 1;
        await route.abort("internetdisconnected");
      } else {
        await route.fulfill({ response });
      }
    });
    await page.reload();
    await expect(page.getByText("Your saved quiz can’t be read offline.", { exact: false })).toBeVisible();
    expect(blocked).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // The quiz still works, and nothing it does overwrites what was saved.
    await page.getByRole("button", { name: "OK" }).click();
    await page.getByRole("button", { name: "Start" }).click();
    await answerWithFirstOption(page, false);
    await page.getByRole("button", { name: "Next question" }).click();
    expect(await savedQuizzes()).toEqual(saved);

    await page.unrouteAll({ behavior: "wait" });
    await page.reload();
    await expect(page.getByRole("heading", { name: "Pick up where you left off?" })).toBeVisible();
    await expect(page.getByText("You were on question 2 of 5.")).toBeVisible();
  });
});

/** Whether the element stands whole in the window, above the top of the sticky action bar. */
async function inViewAboveBar(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    const bar = document.querySelector(".actions--sticky");
    if (!element || !bar) return false;
    const box = element.getBoundingClientRect();
    const barTop = bar.getBoundingClientRect().top;
    return box.top >= 0 && box.bottom <= Math.min(window.innerHeight, barTop) && box.height > 0;
  }, selector);
}

test("after Check on a phone, the verdict, the key and the explanation come into view above the sticky bar @phone", async ({
  page,
}) => {
  await page.goto(QUIZ);
  await page.getByRole("button", { name: "Start" }).click();
  const { total } = await progress(page);
  for (let n = 1; n <= total; n += 1) {
    // The last option: often wrong, and the lowest on the screen.
    await page.locator(".option").last().tap();
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.locator(".feedback__verdict")).toBeVisible();
    // The right option is marked in the list.
    await expect(page.locator(".option--key")).toHaveCount(1);
    await expect(page.locator(".option--key .option__verdict")).toBeVisible();
    await expect.poll(() => inViewAboveBar(page, ".feedback__verdict")).toBe(true);
    const right = ((await page.locator(".feedback__verdict").textContent()) ?? "").startsWith("Right");
    // A wrong answer shows the key in the feedback, in view with the verdict.
    if (!right) await expect.poll(() => inViewAboveBar(page, ".feedback strong")).toBe(true);
    await expect(page.locator(".feedback")).toContainText(/\S/);
    await expect(
      page.getByRole("button", { name: n === total ? "See results" : "Next question" }),
    ).toBeFocused();
    await page.getByRole("button", { name: n === total ? "See results" : "Next question" }).click();
  }
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
});

test("a test-mode quiz gives no feedback until the end, keyboard only", async ({ page }) => {
  await page.goto(QUIZ);
  // Under load a click can land before hydration, which then restores the defaults: retry until both hold.
  await expect(async () => {
    await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
    await page.getByRole("radio", { name: /^Test/ }).check({ force: true });
    await expect(page.getByRole("radio", { name: "5", exact: true })).toBeChecked({ timeout: 1000 });
  }).toPass();
  await page.getByRole("button", { name: "Start" }).focus();
  await page.keyboard.press("Enter");
  for (let n = 1; n <= 5; n += 1) {
    await expect(page.locator(".quiz-progress__label")).toContainText(`Question ${n} of 5`);
    await page.keyboard.press(String(((n - 1) % 4) + 1 > 2 ? 1 : ((n - 1) % 4) + 1));
    await expect(page.locator(".feedback")).toHaveCount(0);
    if (n < 5) await page.keyboard.press("Enter");
  }
  // Enter does not end the quiz on the last question.
  await page.keyboard.press("Enter");
  await expect(page.locator(".quiz-progress__label")).toContainText("Question 5 of 5");
  await page.getByRole("button", { name: "Finish and see results" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
});

test("corrupted saved progress never breaks the page: it resets and says so", async ({ page }) => {
  const key = "glose-quiz:self-study:ai-talent-race";
  await page.goto(QUIZ);
  // Once the store has hydrated it has written its own state; corrupt it after that.
  await page.waitForFunction((name) => localStorage.getItem(name) !== null, key);
  await page.evaluate((name) => localStorage.setItem(name, "{not json"), key);
  await page.reload();
  await expect(page.getByRole("status")).toContainText("could not be read");
  await expect(page.getByRole("button", { name: "Start" })).toBeVisible();
});

test("the quiz speaks French on /fr, and hydrates without warnings", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (/hydrat|did not match/i.test(message.text())) warnings.push(message.text());
  });
  await page.goto("/fr/quiz/ai-talent-race");
  await expect(page.getByRole("button", { name: "Commencer" })).toBeVisible();
  await page.getByRole("button", { name: "Commencer" }).click();
  await expect(page.locator(".quiz-progress__label")).toContainText("Question 1 sur 10");
  expect(warnings).toEqual([]);
});
