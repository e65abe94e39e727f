import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { OUTBOX_KEY } from "../app/assignment/outbox-key";
import { expectNoAxeViolations } from "./axe";

/** Waits until the service worker controls the page: from then on, it can answer offline. */
async function waitForServiceWorker(page: Page) {
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
}

/** A 5-question practice assignment; its id, and a reader of the names its teacher sees. */
async function createAssignment(request: APIRequestContext, title: string) {
  const created = await request.post("/api/assignments", {
    data: {
      title,
      count: 5,
      language: "en",
      mode: "practice",
      helpsAllowed: false,
      dueAt: null,
      maxAttempts: 1,
    },
  });
  expect(created.status()).toBe(201);
  const { id, teacherKey } = (await created.json()) as { id: string; teacherKey: string };
  const submittedNames = async () => {
    const results = await request.get(`/api/assignments/${id}/results`, {
      headers: { Authorization: `Bearer ${teacherKey}` },
    });
    return ((await results.json()) as { submissions: { name: string }[] }).submissions.map((s) => s.name);
  };
  return { id, submittedNames };
}

/** The names on the submissions waiting on this device to be sent. */
async function queuedNames(page: Page): Promise<string[]> {
  return page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? "[]") as { name: string }[]).map((entry) => entry.name),
    OUTBOX_KEY,
  );
}

/** Takes the assignment online, then loses the connection just as the student finishes. */
async function finishInATunnel(page: Page, context: BrowserContext, id: string, name: string) {
  await page.goto(`/en/a/${id}`);
  await waitForServiceWorker(page);
  await page.getByLabel("Your first and last name").fill(name);
  await page.getByRole("button", { name: "Start" }).click();
  for (let n = 1; n < 5; n += 1) {
    await page.locator(".option").first().click();
    await page.getByRole("button", { name: "Next question" }).click();
  }
  await page.locator(".option").first().click();
  await context.setOffline(true);
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByText(/Waiting to send/)).toBeVisible();
}

test("the manifest makes Glose installable, in the learner's language", async ({ page, request }) => {
  await page.goto("/fr");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/fr/manifest.webmanifest");
  const response = await request.get(href!);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    start_url: "/fr",
    display: "standalone",
    lang: "fr",
    short_name: "Glose",
  });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute("content", /#/);
});

test("after one visit, the reader and a whole practice quiz work offline, in both languages", async ({
  page,
  context,
}) => {
  await page.goto("/en");
  await waitForServiceWorker(page);
  const registration = await page.evaluate(
    async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
  );
  expect(registration).toMatch(/\/sw\.js$/);

  await context.setOffline(true);
  await page.goto("/en/read/ai-talent-race");
  await expect(page.locator(".pair__text")).toHaveCount(15);
  await page.locator('a.term[data-term="cambriolage"]').first().click();
  await expect(page.locator("#gloss-popover")).toContainText("cambriolage");

  await page.goto("/fr/read/ai-talent-race");
  await expect(page.getByRole("heading", { name: "Glossaire" })).toBeVisible();

  await page.goto("/en/quiz/ai-talent-race");
  await page.getByRole("radio", { name: "5", exact: true }).check({ force: true });
  await page.getByRole("button", { name: "Start" }).click();
  for (let n = 1; n <= 5; n += 1) {
    await page.locator(".option").first().click();
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.locator(".feedback__verdict")).toBeVisible();
    await page.getByRole("button", { name: n === 5 ? "See results" : "Next question" }).click();
  }
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
  // Saved progress comes back offline too: the code that checks it loads from the precache.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your results" })).toBeVisible();
  await expect(page.locator(".notice")).toHaveCount(0);

  // A page it has never seen says plainly that it needs a connection.
  await page.goto("/en/teach/never-seen?key=x");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The assignment form is there, and says it needs a connection.
  await page.goto("/fr/teach");
  await expect(page.getByText("Vous êtes hors ligne.")).toBeVisible();
  await context.setOffline(false);
});

test("a submission made offline is sent when the connection returns, and the teacher sees it", async ({
  page,
  context,
  request,
}) => {
  const { id, submittedNames } = await createAssignment(request, "Offline check");
  await finishInATunnel(page, context, id, "Zoé Train");
  // Not the server's list: Chromium's offline emulation sometimes lets the request through
  // and fails only the response, a lost answer the outbox is built for.
  expect(await queuedNames(page)).toEqual(["Zoé Train"]);

  await context.setOffline(false);
  await expect(page.getByText("Sent. Your teacher has your answers.")).toBeVisible({ timeout: 20_000 });
  expect(await submittedNames()).toEqual(["Zoé Train"]);
});

test("a submission queued offline in a tab that was closed is sent from any Glose page once online", async ({
  page,
  context,
  request,
}) => {
  const { id, submittedNames } = await createAssignment(request, "Closed tab");
  await finishInATunnel(page, context, id, "Léa Tunnel");
  await page.close();

  // Still offline, the reader opens from the service worker; the answers wait on the device.
  const offlinePage = await context.newPage();
  await offlinePage.goto("/en/read/ai-talent-race");
  expect(await queuedNames(offlinePage)).toEqual(["Léa Tunnel"]);
  await offlinePage.close();

  // Later, online, the student opens the home page: the queued answers go out from there.
  await context.setOffline(false);
  const later = await context.newPage();
  await later.goto("/en");
  await expect.poll(() => queuedNames(later), { timeout: 15_000 }).toEqual([]);
  expect(await submittedNames()).toEqual(["Léa Tunnel"]);
});

/** How many requests the service worker holds for Background Sync (read from a page of the origin). */
async function syncQueueLength(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("serwist-background-sync");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("requests")) return resolve(0);
          const count = db.transaction("requests").objectStore("requests").count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test("answers queued offline are sent by the browser's background sync, with no Glose page open", async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const { id, submittedNames } = await createAssignment(request, "Background sync");
  await finishInATunnel(page, context, id, "Inès Métro");
  await expect.poll(() => syncQueueLength(page)).toBe(1);
  await page.close();

  // The browser fires "sync" when it is back online; DevTools' protocol fires the same event
  // now (Chromium would otherwise wait minutes before retrying a sync that failed offline).
  await context.setOffline(false);
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(baseURL ?? "") && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.dispatchSyncEvent", {
    origin: new URL(baseURL ?? "").origin,
    registrationId: await registrationId,
    tag: "serwist-background-sync:glose-submissions",
    lastChance: false,
  });
  await expect.poll(submittedNames, { timeout: 15_000 }).toEqual(["Inès Métro"]);

  // A JSON response, not a Glose page: nothing of ours runs there to send the answers.
  const json = await context.newPage();
  await json.goto("/api/banks/ai-talent-race");
  await expect.poll(() => syncQueueLength(json)).toBe(0);

  // The page's own outbox still holds the answers; sending them again changes nothing.
  const later = await context.newPage();
  await later.goto("/en");
  await expect.poll(() => queuedNames(later), { timeout: 15_000 }).toEqual([]);
  expect(await submittedNames()).toEqual(["Inès Métro"]);
});
