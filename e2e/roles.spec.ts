// Roles inside one tenant: executives read, compliance officers work, only admins manage the team and
// read the audit log and the outbox. Hidden controls are backed by server-side 403s.
import { BASE_URL } from "./support/env";
import { mailCount, memberRole } from "./support/db";
import { userIdByEmail } from "./support/session";
import { expect, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

const sidebar = (page: Page) => page.getByRole("complementary", { name: "Acme Apparel navigation" });

async function expectNoTeamManagement(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "admin@acme.test" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Pending invitations" })).toHaveCount(0);
}

test.describe("an executive", () => {
  test.beforeEach(async ({ loginAs }) => {
    await loginAs("exec@acme.test");
  });

  test("reads the overview and the team, without management controls or admin pages", async ({ page }) => {
    const response = await page.goto("/o/acme");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Acme Apparel" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Supply base by tier" })).toBeVisible();
    await expect(sidebar(page).getByText("Executive (read-only)")).toBeVisible();
    await expect(sidebar(page).getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(sidebar(page).getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await expect(sidebar(page).getByRole("link", { name: "Outbox" })).toHaveCount(0);

    await sidebar(page).getByRole("link", { name: "Team" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/o/acme/members`);
    await expectNoTeamManagement(page);
  });

  for (const path of ["/o/acme/audit", "/o/acme/outbox"]) {
    test(`gets the friendly 403 page for ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "You cannot do that" })).toBeVisible();
      await expect(page.getByText("Error 403")).toBeVisible();
      const html = await response!.text();
      expect(html).not.toContain("member.invited");
      expect(html).not.toContain("invited you to");
    });
  }

  test("cannot post to the team action, even with a well-formed same-origin request", async ({ page }) => {
    const sneaky = `sneaky-${Date.now().toString(36)}@acme.test`;
    const invite = await page.request.post("/o/acme/members", {
      form: { intent: "invite", email: sneaky, role: "admin" },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    });
    expect(invite.status()).toBe(403);
    expect(await invite.text()).toContain("You cannot do that");
    expect(mailCount(sneaky)).toBe(0);

    const promote = await page.request.post("/o/acme/members", {
      form: { intent: "change-role", userId: String(userIdByEmail("exec@acme.test")), role: "admin" },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    });
    expect(promote.status()).toBe(403);
    expect(memberRole("acme", "exec@acme.test")).toBe("executive");
  });
});

test.describe("a compliance officer", () => {
  test.beforeEach(async ({ loginAs }) => {
    await loginAs("compliance@acme.test");
  });

  test("has no audit log, outbox or team management", async ({ page }) => {
    await page.goto("/o/acme");
    await expect(sidebar(page).getByText("Compliance officer")).toBeVisible();
    await expect(sidebar(page).getByRole("link", { name: "Team" })).toBeVisible();
    await expect(sidebar(page).getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await expect(sidebar(page).getByRole("link", { name: "Outbox" })).toHaveCount(0);

    await page.goto("/o/acme/members");
    await expectNoTeamManagement(page);

    for (const path of ["/o/acme/audit", "/o/acme/outbox"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "You cannot do that" })).toBeVisible();
    }
  });
});
