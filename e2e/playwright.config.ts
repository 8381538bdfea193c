import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests against the real stack (Next.js + collab server + PostgreSQL) in Debian's
 * Chromium. global-setup.ts starts the stack on a fresh database and hands its URL to the tests.
 */
export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "../.test-results/e2e.json" }]],
  outputDir: "../.test-results/e2e-artifacts",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "ar",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
