import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true };
const TITLES = {
  A2: "La course à l’IA : les premiers grands gagnants sont des humains",
  B1: "Course à l’IA : les premiers grands gagnants sont des humains payés des millions",
  B2: "Les premiers grands gagnants de la course à l'IA surhumaine",
} as const;
type Level = keyof typeof TITLES;

/**
 * A student at 360 px opens `url`, chooses `choose` when the link leaves the
 * level open, and answers every question with the option at `pick`.
 */
async function takeAtLevel(
  browser: Browser,
  url: string,
  level: Level,
  name: string,
  pick: number,
  choose: boolean,
) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(url);
  if (choose) {
    await expect(page.getByRole("heading", { name: "Choose your level" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Levels of this text" }).getByRole("link")).toHaveCount(3);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole("link", { name: new RegExp(`^Level ${level}`) }).tap();
  }
  await expect(page).toHaveURL(new RegExp(`\\?level=${level}$`));
  await expect(page.getByText(`Your level: ${level}`)).toBeVisible();
  await expect(page.locator(".lede[lang=fr]")).toContainText(TITLES[level]);
  await expectNoAxeViolations(page);
  await page.getByLabel("Your first and last name").fill(name);
  await page.getByRole("button", { name: "Start" }).tap();
  for (;;) {
    const label = (await page.locator(".quiz-progress__label").textContent()) ?? "";
    const [, current, total] = label.match(/Question (\d+) of (\d+)/) ?? [];
    const options = page.locator(".option");
    await options.nth(Math.min(pick, (await options.count()) - 1)).tap();
    if (current === total) {
      await page.getByRole("button", { name: "Finish and see results" }).tap();
      break;
    }
    await page.getByRole("button", { name: "Next question" }).tap();
  }
  await expect(page.getByText("Sent. Your teacher has your answers.")).toBeVisible();
  await expect(page.getByText(/Your score: [\d.]+ \/ 5/)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await context.close();
}

async function createEveryLevel(page: Page) {
  await page.goto("/en/teach");
  await expect(page.getByLabel("Article")).toHaveValue("ai-talent-race");
  await page.getByRole("radio", { name: "Every level" }).check({ force: true });
  await expect(page.getByText("Each student takes the text at the level they pick")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill("3B — Every level");
  await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
  // Kinds every level asks the same way: the facts and the paragraphs, not each level's own words.
  for (const kind of ["Vocabulary in context", "Fill the gap", "What the words refer to", "Link words"]) {
    await page.getByRole("checkbox", { name: kind }).uncheck();
  }
  await page.getByRole("button", { name: "Create the assignment" }).click();
  await expect(page.getByRole("heading", { name: "Your assignment is ready" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Links that give a level" })).toBeVisible();
  await expectNoAxeViolations(page);
  const studentUrl = await page.getByLabel("Link for students").inputValue();
  const b1Url = await page.getByLabel("Level B1").inputValue();
  const teacherUrl = await page.getByLabel("Your private results link").inputValue();
  expect(b1Url).toBe(`${studentUrl}?level=B1`);
  return { studentUrl, b1Url, teacherUrl };
}

test("a second test assigns the seed article at every level to three students at three levels and checks the dashboard @desktop", async ({
  page,
  browser,
}) => {
  const { studentUrl, b1Url, teacherUrl } = await createEveryLevel(page);
  await takeAtLevel(browser, studentUrl, "A2", "Inès Moreau", 0, true);
  await takeAtLevel(browser, b1Url, "B1", "Jade Lefèvre", 1, false);
  await takeAtLevel(browser, studentUrl, "B2", "Hugo Bernard", 2, true);

  await page.goto(teacherUrl);
  await expect(page.getByRole("heading", { name: "3 submissions" })).toBeVisible();
  await expect(page.getByText("at every level: A2, B1, B2")).toBeVisible();
  const byLevel = page.getByRole("region", { name: "By level" });
  for (const level of ["A2", "B1", "B2"]) {
    await expect(byLevel.getByRole("row", { name: new RegExp(`^${level} 1 `) })).toBeVisible();
  }
  const students = page.getByRole("region", { name: "Students" });
  for (const [name, level] of [
    ["Inès Moreau", "A2"],
    ["Jade Lefèvre", "B1"],
    ["Hugo Bernard", "B2"],
  ]) {
    await expect(students.getByRole("row", { name: new RegExp(`^${name} ${level} `) })).toBeVisible();
  }
  // Fact by fact: every fact of the quiz, with the whole class and each level's figure.
  const facts = page.locator(".topics > .item");
  await expect(facts).toHaveCount(5);
  for (const fact of await facts.all()) {
    await expect(fact.locator(".topic__level")).toHaveCount(3);
    await expect(fact.locator(".topic__level").first()).toContainText("A2:");
    await expect(fact.locator(".topic__level").last()).toContainText("B2:");
  }
  // Each level's own questions, one section each.
  await page.getByText("Questions at level A2").click();
  await expect(page.locator("details[open] .item")).toHaveCount(5);
  await expectNoAxeViolations(page);
});

test.describe("the library", () => {
  test("shows every text once with its levels, and filters by level", async ({ page }) => {
    await page.goto("/en");
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
    const cards = page.getByRole("article");
    await expect(cards).toHaveCount(3);
    const seed = page.getByRole("article", { name: /^Les premiers grands gagnants/ });
    await expect(
      seed.getByRole("navigation", { name: "This text at its levels" }).getByRole("link"),
    ).toHaveText(["A2", "B1", "B2"]);
    await expect(seed).toContainText(/Level B2.*\d+ min read.*\d+ words.*\d+ glossed terms/);
    await expect(page.getByText("Not read yet").filter({ visible: true })).toHaveCount(3);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.getByRole("radio", { name: "Level C1" }).check({ force: true });
    await expect(cards.filter({ visible: true })).toHaveCount(1);
    await expect(page.locator("#library-status")).toHaveText("1 text at level C1");
    await expect(page.getByRole("heading", { level: 3, name: /Rendre à la Vionne/ })).toBeVisible();

    // At A2 the seed shows its A2 text, and leads to the A2 reader and quiz.
    await page.getByRole("radio", { name: "Level A2" }).check({ force: true });
    await expect(cards.filter({ visible: true })).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 3 })).toHaveText(TITLES.A2);
    await expect(page.getByRole("link", { name: "Read the article" })).toHaveAttribute(
      "href",
      "/en/read/ai-talent-race-a2",
    );
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.getByRole("radio", { name: "All levels" }).check({ force: true });
    await expect(cards.filter({ visible: true })).toHaveCount(3);
    await expect(page.locator("#library-status")).toHaveText("3 texts");
  });

  test("shows this device's progress: read to the end, best quiz score", async ({ page }) => {
    await page.goto("/en/read/refuge-combe-noire");
    await page.getByRole("link", { name: "Test your understanding" }).scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("glose:read")))
      .toContain("refuge-combe-noire");

    await page.goto("/en/quiz/refuge-combe-noire");
    await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
    await page.getByRole("button", { name: "Start" }).click();
    for (let n = 1; n <= 5; n += 1) {
      await page.locator(".option").first().click();
      await page.getByRole("button", { name: "Check" }).click();
      await page.getByRole("button", { name: n === 5 ? "See results" : "Next question" }).click();
    }
    const points = (await page.locator(".results__points").textContent()) ?? "";
    const right = Number(points.split("/")[0]);

    await page.goto("/fr");
    const card = page.getByRole("article", { name: /Au refuge de la Combe Noire/ });
    await expect(card.locator(".card__progress")).toHaveText(
      new RegExp(`^Lu · Meilleur score au quiz\\s:\\s${right * 20}\\s%$`),
    );
    await expect(
      page.getByRole("article", { name: /Rendre à la Vionne/ }).locator(".card__progress"),
    ).toHaveText("Pas encore lu");
    await expectNoAxeViolations(page);
  });
});

test.describe("levels of one text", () => {
  test("the reader and the quiz switch between the levels of the text", async ({ page }) => {
    await page.goto("/en/read/ai-talent-race");
    const levels = page.getByRole("navigation", { name: "This text at other levels" });
    await expect(levels.getByRole("link")).toHaveText(["A2", "B1", "B2"]);
    await expect(levels.getByRole("link", { name: "B2" })).toHaveAttribute("aria-current", "page");
    await levels.getByRole("link", { name: "A2" }).click();
    await expect(page).toHaveURL(/\/en\/read\/ai-talent-race-a2$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLES.A2);
    await expect(levels.getByRole("link", { name: "A2" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Level A2", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await page.goto("/fr/quiz/ai-talent-race-b1");
    const quizLevels = page.getByRole("navigation", { name: "Ce texte à d’autres niveaux" });
    await expect(quizLevels.getByRole("link", { name: "B1" })).toHaveAttribute("aria-current", "page");
    await expect(quizLevels.getByRole("link", { name: "B2" })).toHaveAttribute(
      "href",
      "/fr/quiz/ai-talent-race",
    );
    await expectNoAxeViolations(page);

    // A text written at one level has nothing to switch.
    await page.goto("/en/read/crues-vionne");
    await expect(page.getByRole("navigation", { name: "This text at other levels" })).toHaveCount(0);
  });

  test("a link that names a level the assignment does not offer asks the student to choose", async ({
    page,
    request,
  }) => {
    const response = await request.post("/api/assignments", {
      data: {
        title: "Levels",
        articleSlug: "ai-talent-race-a2",
        everyLevel: true,
        count: 3,
        language: "fr",
        mode: "practice",
        helpsAllowed: true,
        dueAt: null,
        maxAttempts: null,
        interfaceLanguage: "fr",
      },
    });
    expect(response.status()).toBe(201);
    const { studentUrl } = (await response.json()) as { studentUrl: string };
    await page.goto(`${studentUrl}?level=C2`);
    await expect(page.getByRole("heading", { name: "Choisissez votre niveau" })).toBeVisible();
    await expect(page.locator(".level-choice [role=alert]")).toHaveText(/ne propose pas/);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  });
});
