// Roles inside one tenant: executives read, compliance officers work, only admins manage the team and
// read the audit log and the outbox. Hidden controls are backed by server-side 403s. The file works
// in a copy of the demo tenant acme of its own (the `acme` fixture).
import { BASE_URL } from "./support/env";
import { mailCount, memberRole } from "./support/db";
import { userIdByEmail } from "./support/session";
import { expect, test, type Tenant } from "./support/fixtures";
import type { Page } from "@playwright/test";

const sidebar = (page: Page, acme: Tenant) => page.getByRole("complementary", { name: `${acme.name} navigation` });

async function expectNoTeamManagement(page: Page, acme: Tenant) {
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByRole("cell", { name: acme.admin })).toBeVisible();
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Pending invitations" })).toHaveCount(0);
}

test.describe("an executive", () => {
  test.beforeEach(async ({ loginAs, acme }) => {
    await loginAs(acme.exec);
  });

  test("reads the overview and the team, without management controls or admin pages", async ({ page, acme }) => {
    const response = await page.goto(acme.path());
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: acme.name })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Supply base by tier" })).toBeVisible();
    await expect(sidebar(page, acme).getByText("Executive (read-only)")).toBeVisible();
    await expect(sidebar(page, acme).getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(sidebar(page, acme).getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await expect(sidebar(page, acme).getByRole("link", { name: "Outbox" })).toHaveCount(0);

    await sidebar(page, acme).getByRole("link", { name: "Team" }).click();
    await expect(page).toHaveURL(`${BASE_URL}${acme.path("/members")}`);
    await expectNoTeamManagement(page, acme);
  });

  for (const sub of ["/audit", "/outbox"]) {
    test(`gets the friendly 403 page for /o/acme${sub}`, async ({ page, acme }) => {
      const response = await page.goto(acme.path(sub));
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "You cannot do that" })).toBeVisible();
      await expect(page.getByText("Error 403")).toBeVisible();
      const html = await response!.text();
      expect(html).not.toContain("member.invited");
      expect(html).not.toContain("invited you to");
    });
  }

  test("cannot post to the team action, even with a well-formed same-origin request", async ({ page, acme }) => {
    const sneaky = `sneaky-${Date.now().toString(36)}@${acme.slug}.test`;
    const invite = await page.request.post(acme.path("/members"), {
      form: { intent: "invite", email: sneaky, role: "admin" },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    });
    expect(invite.status()).toBe(403);
    expect(await invite.text()).toContain("You cannot do that");
    expect(mailCount(sneaky)).toBe(0);

    const promote = await page.request.post(acme.path("/members"), {
      form: { intent: "change-role", userId: String(await userIdByEmail(acme.exec)), role: "admin" },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    });
    expect(promote.status()).toBe(403);
    expect(memberRole(acme.slug, acme.exec)).toBe("executive");
  });
});

test.describe("a compliance officer", () => {
  test.beforeEach(async ({ loginAs, acme }) => {
    await loginAs(acme.compliance);
  });

  test("has no audit log, outbox or team management", async ({ page, acme }) => {
    await page.goto(acme.path());
    await expect(sidebar(page, acme).getByText("Compliance officer")).toBeVisible();
    await expect(sidebar(page, acme).getByRole("link", { name: "Team" })).toBeVisible();
    await expect(sidebar(page, acme).getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await expect(sidebar(page, acme).getByRole("link", { name: "Outbox" })).toHaveCount(0);

    await page.goto(acme.path("/members"));
    await expectNoTeamManagement(page, acme);

    for (const path of [acme.path("/audit"), acme.path("/outbox")]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "You cannot do that" })).toBeVisible();
    }
  });
});
