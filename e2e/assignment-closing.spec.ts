import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";

/**
 * A test with no due date: the form says what will happen, the student is
 * told the answers come when the teacher closes it, the teacher closes it
 * from the results page, and the student then sees the answers.
 */

async function answerAll(page: Page) {
  for (;;) {
    const label = (await page.locator(".quiz-progress__label").textContent()) ?? "";
    const [, current, total] = label.match(/Question (\d+) (?:of|sur) (\d+)/) ?? [];
    await page.locator(".option").first().click();
    if (current === total) return;
    await page.getByRole("button", { name: /Next question|Question suivante/ }).click();
  }
}

async function studentPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

test("a test with no due date shows its answers once the teacher closes it @desktop", async ({
  page,
  browser,
}) => {
  await page.goto("/en/teach");
  await page.getByLabel("Title").fill("4C — Test without a date");
  await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
  await page
    .getByRole("radio", { name: /^Test — students see the answers once the assignment closes/ })
    .check();
  // The form says how a test without a due date ends.
  await expect(
    page.getByText("It closes at the due date, or when you close it on the results page."),
  ).toBeVisible();
  await expect(
    page.getByText("Without one, it stays open until you close it on the results page."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Create the assignment" }).click();
  const studentUrl = await page.getByLabel("Link for students").inputValue();
  const teacherUrl = await page.getByLabel("Your private results link").inputValue();

  const student = await studentPage(browser, studentUrl);
  await expect(
    student.page.getByText("and the answers when your teacher closes the assignment.", { exact: false }),
  ).toBeVisible();
  await student.page.getByLabel("Your first and last name").fill("Inès Moreau");
  await student.page.getByRole("button", { name: "Start" }).click();
  await answerAll(student.page);
  await student.page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(student.page.getByText(/Your score: [\d.]+ \/ 5/)).toBeVisible();
  await expect(
    student.page.getByText("The answers will be shown when your teacher closes the assignment."),
  ).toBeVisible();
  await expect(student.page.getByRole("list", { name: "Answers" })).toHaveCount(0);

  await page.goto(teacherUrl);
  await expect(page).toHaveTitle("Results: 4C — Test without a date — Glose");
  await expect(
    page.getByText("No due date: open until you close it. Students see the answers once you do."),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(page.locator(".results-status .badge")).toHaveText("Closed");
  await expect(page.locator(".results-status")).toContainText("Closed on ");
  await expect(page.getByRole("button", { name: "Close now" })).toHaveCount(0);

  // The student comes back: the answers are there.
  await student.page.reload();
  await expect(student.page.getByRole("list", { name: "Answers" }).getByRole("listitem")).toHaveCount(5);
  await expectNoAxeViolations(student.page);
  await expectNoHorizontalScroll(student.page);
  await student.context.close();

  // Someone new finds it closed.
  const late = await studentPage(browser, studentUrl);
  await expect(late.page.getByRole("heading", { name: "This assignment is closed" })).toBeVisible();
  await late.context.close();
});
