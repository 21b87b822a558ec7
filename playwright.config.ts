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
    // Everything except the login-throttling tests and the accessibility replay. Its "teardown"
    // project runs once it has finished, whatever the outcome (a "dependencies" link would skip it
    // after any failure).
    { name: "chromium", use: chromium, grepInvert: /@throttle|@a11y/, teardown: "throttle" },
    // The last project, alone, in one worker, so in file order: first e2e/a11y.spec.ts (@a11y: axe on
    // every page the chromium project navigated to, recorded by the fixtures), then the
    // login-throttling tests (@throttle). All tests share 127.0.0.1, and 10 failed logins a minute
    // lock that IP out of logging in, so nothing may run after them. (A separate "a11y" project
    // cannot sit between the two: a teardown project that has a teardown of its own deadlocks.)
    { name: "throttle", use: chromium, grep: /@throttle|@a11y/, workers: 1 },
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
