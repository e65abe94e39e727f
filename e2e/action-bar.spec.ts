import { expect, test, type Page } from "@playwright/test";

/**
 * The quiz's action bar (the main action and "end quiz") stays on one row on
 * a 360 px phone in both languages: every button on the same line, none
 * wrapped onto two lines, all inside the screen.
 */

async function expectOneRow(page: Page) {
  const boxes = await page
    .locator(".actions--sticky .button")
    .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(0);
  const [first] = boxes;
  for (const box of boxes) {
    expect(Math.abs(box.top - first!.top)).toBeLessThan(1);
    // One line of text inside each button: its 48 px minimum, not the 70-odd of two lines.
    expect(box.height).toBeLessThan(60);
    expect(box.right).toBeLessThanOrEqual(360);
  }
}

for (const [lng, labels] of [
  ["fr", { start: "Commencer", test: /^Évaluation/, check: "Valider", next: "Question suivante" }],
  ["en", { start: "Start", test: /^Test/, check: "Check", next: "Next question" }],
] as const) {
  test(`the ${lng} quiz's action bar fits one row at 360 px @phone`, async ({ page }) => {
    await page.goto(`/${lng}/quiz/ai-talent-race`);
    await page.getByRole("button", { name: labels.start }).click();
    await page.locator(".option").first().click();
    await expectOneRow(page);
    await page.getByRole("button", { name: labels.check }).click();
    await expect(page.locator(".feedback")).toBeVisible();
    await expect(page.getByRole("button", { name: labels.next })).toBeVisible();
    await expectOneRow(page);

    // A test: "next question" in place of "check". (The practice quiz is left behind, not resumed.)
    await page.evaluate(() => localStorage.clear());
    await page.goto(`/${lng}/quiz/ai-talent-race`);
    await page.getByRole("radio", { name: labels.test }).check({ force: true });
    await page.getByRole("button", { name: labels.start }).click();
    await page.locator(".option").first().click();
    await expect(page.getByRole("button", { name: labels.next })).toBeVisible();
    await expectOneRow(page);
  });
}
