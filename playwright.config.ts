import { defineConfig, devices } from "@playwright/test";
import chromium from "./e2e/chromium.json";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${PORT}`;
/** The e2e server's SQLite file (a test breaks a row in it to see a failure page). */
export const databasePath = process.env.E2E_DATABASE_PATH ?? `/tmp/glose-e2e-${PORT}.db`;

/**
 * Debian's Chromium, not a downloaded browser (none can be fetched here), with
 * the flags that keep it from calling home on a machine with no internet.
 */
const chromiumArgs = chromium.args;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
      args: chromiumArgs,
    },
  },
  projects: [
    // Tests tagged @phone or @desktop run only at that size; the rest run at both.
    {
      name: "phone",
      grepInvert: /@desktop/,
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 360, height: 740 },
        hasTouch: true,
        isMobile: false,
      },
    },
    {
      name: "desktop",
      grepInvert: /@phone/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    // The production build (scripts/ensure-build.mjs ran first), on a throwaway database.
    command: `npx next start -p ${PORT}`,
    url: `${baseURL}/en`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_PATH: databasePath,
      // As behind one proxy: a test can then pose as another client with X-Forwarded-For,
      // and use up that client's limit without holding back the rest of the suite.
      TRUST_PROXY: "1",
    },
  },
});
