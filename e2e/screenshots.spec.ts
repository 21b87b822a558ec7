// Full-page screenshots of the main pages, for people to look at (test-results/screenshots/, not
// committed). Each waits for the page's content first, so a broken page fails here too. The pages are
// those of the file's own copy of the demo tenant acme (the `acme` fixture).
import path from "node:path";
import type { Page } from "@playwright/test";
import { BASE_URL, REPO_ROOT } from "./support/env";
import { expect, test, type Tenant } from "./support/fixtures";

const DIR = path.join(REPO_ROOT, "test-results", "screenshots");

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(DIR, `${name}.png`), fullPage: true });
}

/** An invitation (a mail and an audit entry), so the pages have something to show whatever ran before. */
async function inviteSomeone(page: Page, acme: Tenant) {
  const invite = await page.request.post(acme.path("/members"), {
    form: { intent: "invite", email: `sam.visitor@${acme.slug}.test`, role: "executive" },
    headers: { Origin: BASE_URL },
  });
  expect(invite.status()).toBe(200);
}

test("login page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  // The UI font comes with the app (public/build, allowed by the CSP's font-src 'self'), not a CDN.
  const interLoaded = () =>
    page.evaluate(() => [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Inter" && f.status === "loaded"));
  await expect.poll(interLoaded, { message: "the Inter font is loaded" }).toBe(true);
  await shoot(page, "login");
});

test("acme overview, as an executive", async ({ page, loginAs, acme }) => {
  await loginAs(acme.exec);
  await page.goto(acme.path());
  await expect(page.getByRole("heading", { name: "Countries with the most suppliers" })).toBeVisible();
  await shoot(page, "acme-overview-executive");
});

test.describe("as acme's admin", () => {
  test.beforeEach(async ({ loginAs, acme }) => {
    await loginAs(acme.admin);
  });

  test("team page", async ({ page, acme }) => {
    await page.goto(acme.path("/members"));
    await expect(page.getByRole("heading", { name: "Invite a teammate" })).toBeVisible();
    await shoot(page, "acme-team-admin");
  });

  test("audit log", async ({ page, acme }) => {
    await inviteSomeone(page, acme);
    await page.goto(acme.path("/audit"));
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
    await shoot(page, "acme-audit-log");
  });

  test("outbox", async ({ page, acme }) => {
    await inviteSomeone(page, acme);
    await page.goto(acme.path("/outbox"));
    await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
    await expect(page.getByRole("article").first()).toBeVisible();
    await shoot(page, "acme-outbox");
  });
});
