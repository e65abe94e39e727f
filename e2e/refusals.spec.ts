import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./axe";

/**
 * What the server refuses reaches people in their language, keyed by the
 * refusal's code, with what to do next, never as the server's English.
 * The e2e server trusts one proxy, so a test can be a client of its own by
 * sending X-Forwarded-For.
 */

async function createPractice(request: APIRequestContext, maxAttempts: 1 | null) {
  const response = await request.post("/api/assignments", {
    data: {
      title: "Refusals",
      count: 5,
      language: "fr",
      mode: "practice",
      helpsAllowed: false,
      dueAt: null,
      maxAttempts,
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("a French teacher over the creation limit is told, in French, when to try again", async ({
  browser,
  request,
}, info) => {
  // A client of its own per project: the limit is counted per address.
  const address = info.project.name === "phone" ? "198.51.100.71" : "198.51.100.72";
  let status = 0;
  for (let n = 0; n < 100 && status !== 429; n += 1) {
    const response = await request.post("/api/assignments", {
      headers: { "X-Forwarded-For": address },
      data: {
        title: "Limite",
        count: 5,
        language: "fr",
        mode: "practice",
        helpsAllowed: true,
        dueAt: null,
        maxAttempts: 1,
      },
    });
    status = response.status();
    if (status === 429) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ code: "rate_limited" });
    }
  }
  expect(status).toBe(429);

  const context = await browser.newContext({
    ...info.project.use,
    extraHTTPHeaders: { "X-Forwarded-For": address },
  });
  const page = await context.newPage();
  await page.goto("/fr/teach");
  await page.getByLabel("Titre").fill("3B — lecture");
  await page.getByRole("button", { name: "Créer le devoir" }).click();
  // (Next's route announcer is an empty alert of its own.)
  const alert = page.getByRole("alert").filter({ hasText: /./ });
  await expect(alert).toHaveText(
    /^Trop d’essais depuis votre réseau en peu de temps\. Réessayez dans \d+ (secondes|minutes?)\.$/,
  );
  await expect(alert).not.toContainText("Too many");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await context.close();
});

test("French field refusals name the field and say what to do, before anything is sent", async ({ page }) => {
  await page.goto("/fr/teach");
  await page.getByLabel("Titre").fill("Devoir\u200b 1");
  await page.getByLabel("Date limite (facultative)").fill("2020-01-01T10:00");
  await page.getByRole("button", { name: "Créer le devoir" }).click();
  await expect(
    page.getByText("Le titre contient des caractères invisibles, souvent collés depuis un autre document."),
  ).toBeVisible();
  await expect(page.getByText("Cette date est passée. Choisissez une date à venir.")).toBeVisible();
  await expect(page.getByLabel("Titre")).toBeFocused();
});

test("a second student under the same name is told in French what happened and what to do", async ({
  browser,
  request,
}, info) => {
  const id = await createPractice(request, 1);
  const name = info.project.name === "phone" ? "Léa Martin" : "Léa Bernard";
  for (const attempt of [1, 2]) {
    const context = await browser.newContext(info.project.use);
    const page = await context.newPage();
    await page.goto(`/fr/a/${id}`);
    await page.getByLabel("Votre prénom et votre nom").fill(name);
    await page.getByRole("button", { name: "Commencer" }).click();
    for (let n = 1; n < 5; n += 1) {
      await page.locator(".option").first().click();
      await page.getByRole("button", { name: "Question suivante" }).click();
    }
    await page.locator(".option").first().click();
    await page.getByRole("button", { name: "Terminer et voir les résultats" }).click();
    if (attempt === 1) {
      await expect(page.getByText("Envoyé. Votre enseignant a vos réponses.")).toBeVisible();
    } else {
      await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
        "Des réponses ont déjà été envoyées sous ce nom. Si ce n’était pas vous, prévenez votre enseignant.",
      );
      await expectNoAxeViolations(page);
    }
    await context.close();
  }
});
