// End-to-end tests: the built app (run `remix build` first; `npm run test:e2e` does) on a fresh
// SQLite database seeded with the demo tenants. See e2e/support/start-server.ts.
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL } from "./e2e/support/env";

const CI = Boolean(process.env.CI);

// Playwright cannot download its browsers here: use the system Chromium unless told otherwise.
const executablePath = process.env.PLAYWRIGHT_BUNDLED_BROWSER === "1" ? undefined : (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  testIgnore: "bench/**",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Everything except the login-throttling tests. Its "teardown" project runs once it has
    // finished, whatever the outcome (a "dependencies" link would skip it after any failure).
    { name: "chromium", use: chromium, grepInvert: /@throttle/, teardown: "throttle" },
    // All tests share 127.0.0.1, and 10 failed logins a minute lock that IP out of logging in:
    // these run alone, after everything else.
    { name: "throttle", use: chromium, grep: /@throttle/ },
  ],
  webServer: {
    command: "node --import tsx e2e/support/start-server.ts",
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
