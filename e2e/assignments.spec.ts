import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";

const CHROME_PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true };
const CHROME_DESKTOP = { viewport: { width: 1280, height: 800 } };

/** A student opens the link, gives a name and answers every question with the option at `pick`. */
async function takeAssignment(
  browser: Browser,
  studentUrl: string,
  name: string,
  pick: number,
  phone: boolean,
) {
  const context = await browser.newContext(phone ? CHROME_PHONE : CHROME_DESKTOP);
  const page = await context.newPage();
  await page.goto(studentUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("3B — Reading check");
  await expectNoAxeViolations(page);
  await page.getByLabel("Your first and last name").fill(name);
  await page.getByRole("button", { name: "Start" }).click();
  for (;;) {
    const label = (await page.locator(".quiz-progress__label").textContent()) ?? "";
    const [, current, total] = label.match(/Question (\d+) of (\d+)/) ?? [];
    const options = page.locator(".option");
    const choice = options.nth(Math.min(pick, (await options.count()) - 1));
    if (phone) await choice.tap();
    else await choice.click();
    // No key in the browser: no feedback per question in an assignment.
    await expect(page.locator(".feedback")).toHaveCount(0);
    if (current === total) {
      await page.getByRole("button", { name: "Finish and see results" }).click();
      break;
    }
    await page.getByRole("button", { name: "Next question" }).click();
  }
  await expect(page.getByText("Sent. Your teacher has your answers.")).toBeVisible();
  await expect(page.getByText(/Your score: [\d.]+ \/ 5/)).toBeVisible();
  // Practice mode: the correction comes back from the server.
  await expect(page.getByRole("list", { name: "Answers" }).getByRole("listitem")).toHaveCount(5);
  await expectNoAxeViolations(page);
  if (phone) await expectNoHorizontalScroll(page);
  await context.close();
}

async function createAssignment(page: Page) {
  await page.goto("/en/teach");
  await expectNoAxeViolations(page);
  // Bad input is explained, in the teacher's language, before anything is sent.
  await page.getByRole("button", { name: "Create the assignment" }).click();
  await expect(page.getByText("Give the assignment a title")).toBeVisible();
  await expect(page.getByLabel("Title")).toBeFocused();

  await page.getByLabel("Title").fill("3B — Reading check");
  await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
  await page.getByRole("button", { name: "Create the assignment" }).click();
  await expect(page.getByRole("heading", { name: "Your assignment is ready" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code of the student link" })).toBeVisible();
  await expect(page.getByText("it is shown only once")).toBeVisible();
  await expectNoAxeViolations(page);
  const studentUrl = await page.getByLabel("Link for students").inputValue();
  const teacherUrl = await page.getByLabel("Your private results link").inputValue();
  expect(studentUrl).toMatch(/\/en\/a\/[\w-]+$/);
  expect(teacherUrl).toMatch(/\/en\/teach\/[\w-]+\?key=[\w-]+$/);
  return { studentUrl, teacherUrl };
}

test("a teacher assigns a quiz, two students take it, the teacher sees both and downloads the CSV @desktop", async ({
  page,
  browser,
}) => {
  const { studentUrl, teacherUrl } = await createAssignment(page);

  await takeAssignment(browser, studentUrl, "Élodie Martin", 0, true);
  await takeAssignment(browser, studentUrl, 'Karim, "le boss"', 1, false);

  await page.goto(teacherUrl);
  await expect(page.getByRole("heading", { name: "2 submissions" })).toBeVisible();
  const students = page.getByRole("region", { name: "Students" });
  await expect(students.getByRole("rowheader", { name: "Élodie Martin" })).toBeVisible();
  await expect(students.getByRole("rowheader", { name: 'Karim, "le boss"' })).toBeVisible();
  await expect(page.getByText("Class mean")).toBeVisible();
  await expect(page.getByRole("list", { name: "Scores" }).getByRole("listitem")).toHaveCount(10);
  await expect(page.locator(".item")).toHaveCount(5);
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("Élodie Martin");
  expect(csv).toContain('"Karim, ""le boss"""');
  expect(csv.trim().split("\r\n")).toHaveLength(1 + 2 * 5);

  // The same attempt sent again changes nothing; a wrong key reveals nothing.
  const wrongKey = teacherUrl.replace(/key=.*/, "key=not-the-key");
  expect((await page.request.get(wrongKey)).status()).toBe(404);
});

test("the teacher pages say plainly when they are offline", async ({ page, context }) => {
  await page.goto("/en/teach");
  await context.setOffline(true);
  await expect(page.getByText("You are offline.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create the assignment" })).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByRole("button", { name: "Create the assignment" })).toBeEnabled();
});

test("an unknown assignment answers 404, and the results need the key", async ({ request }) => {
  expect((await request.get("/en/a/no-such-thing")).status()).toBe(404);
  expect((await request.get("/en/teach/no-such-thing?key=x")).status()).toBe(404);
});
