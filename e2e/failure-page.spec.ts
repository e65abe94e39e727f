import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { databasePath } from "../playwright.config";
import { expectNoAxeViolations } from "./axe";

/**
 * A failure on our side is an error page (500) in the reader's language, not
 * "page not found": a teacher must not go hunting for a typo in a good link.
 * The test breaks one stored assignment so that reading it fails, as a
 * damaged database would.
 */
test("a stored assignment that cannot be read gives a 500 error page, not a 404", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/assignments", {
    data: {
      title: "Broken",
      count: 5,
      language: "fr",
      mode: "practice",
      helpsAllowed: true,
      dueAt: null,
      maxAttempts: 1,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const db = new Database(databasePath);
  try {
    db.prepare("UPDATE assignments SET kinds = 'not json' WHERE id = ?").run(id);
  } finally {
    db.close();
  }

  const response = await page.goto(`/fr/a/${id}`);
  expect(response?.status()).toBe(500);
  await expect(page.getByRole("heading", { name: "Un problème est survenu" })).toBeVisible();
  await expect(
    page.getByText("Rien de ce que vous avez enregistré n’est perdu.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Réessayer" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The API says the same thing its own way: a 500 with a code, nothing about the cause.
  const api = await request.get(`/api/assignments/${id}`);
  expect(api.status()).toBe(500);
  expect(await api.json()).toEqual({ error: "Something went wrong on our side.", code: "server_error" });

  // While an unknown assignment is still a plain 404.
  expect((await request.get("/fr/a/AAAAAAAAAAA")).status()).toBe(404);
});
