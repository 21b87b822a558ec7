// Team management as an admin: invite (without a mail server the link is shown once on the Team
// page, never in the Outbox), the invitee joins from another browser after confirming the address
// by mail, the admin changes their role; the audit log records every step.
import type { Page } from "@playwright/test";
import { BASE_URL } from "./support/env";
import { memberRole } from "./support/db";
import { attemptTag, expect, test, waitForHydration, type Tenant } from "./support/fixtures";

const isMembersPostTo = (acme: Tenant) => (r: { url(): string; request(): { method(): string } }) =>
  r.request().method() === "POST" && new URL(r.url()).pathname === acme.path("/members");

async function openTeam(page: Page, acme: Tenant) {
  await page.goto(acme.path("/members"));
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await waitForHydration(page, "main form");
}

test("an admin invites a compliance officer, who joins; the admin makes them an executive; the audit log shows it", async ({
  page,
  loginAs,
  newContext,
  mailbox,
  acme,
}, testInfo) => {
  // A retry must not trip over the member an earlier attempt may have added.
  const tag = attemptTag(testInfo);
  const email = `new.officer${tag}@${acme.slug}.test`;
  const name = "Noor Haddad";
  await loginAs(acme.admin);

  let link = "";
  await test.step("invite through the Team page", async () => {
    await openTeam(page, acme);
    await waitForHydration(page, "#invite-role");
    const invite = page.getByRole("region", { name: "Invite a teammate" });
    await invite.getByLabel("Email", { exact: true }).fill(email);
    await invite.getByLabel("Role", { exact: true }).selectOption("compliance");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    // No mail server in the tests: the admin is shown the link once, to pass on.
    await expect(page.getByRole("status")).toHaveText(/the invitation was not mailed/);
    link = await page.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(new RegExp(`^${BASE_URL}/join/[A-Za-z0-9_-]{43}$`));
    const pending = page.getByRole("region", { name: "Pending invitations" }).getByRole("row").filter({ hasText: email });
    await expect(pending).toContainText("Compliance officer");
  });

  await test.step("the Outbox page lists the invitation without its link; the Team page no longer shows it", async () => {
    await page.getByRole("link", { name: "Outbox" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/o/${acme.slug}/outbox`);
    const mail = page
      .getByRole("article", { name: "Alex Moreno invited you to Acme Apparel on Lantern" })
      .filter({ hasText: `To ${email}` })
      .first();
    await expect(mail).toBeVisible();
    await expect(mail).toContainText("as Compliance officer");
    await expect(mail).toContainText("/join/[link removed]");
    expect(await page.content()).not.toContain(link);
    await openTeam(page, acme);
    expect(await page.content()).not.toContain(link);
  });

  const invitee = await (await newContext()).newPage();
  await test.step("the invitee opens the link in another browser, creates an account and confirms the address by mail", async () => {
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { level: 1, name: "Join Acme Apparel" })).toBeVisible();
    await expect(invitee.getByRole("main")).toContainText(`as Compliance officer (${email})`);
    await waitForHydration(invitee);
    await invitee.getByLabel("Your name", { exact: true }).fill(name);
    await invitee.getByLabel("Password", { exact: true }).fill("officer-on-duty-1");
    await invitee.getByLabel("Repeat the password", { exact: true }).fill("officer-on-duty-1");
    await invitee.getByRole("button", { name: "Create account and join" }).click();
    // Holding the link proves nothing (the admin copied it): the invited address confirms first.
    await expect(invitee.getByRole("heading", { level: 1, name: "Check your mail" })).toBeVisible();
    await expect(invitee.getByRole("status")).toContainText(`We sent a confirmation link to ${email}`);
    expect(memberRole(acme.slug, email)).toBeUndefined();

    const confirm = await mailbox.latest(email, { kind: "team-join-confirm" });
    const confirmLink = /https?:\/\/\S+\/signup\/confirm\/[A-Za-z0-9_-]{43}/.exec(confirm.body)?.[0] ?? "";
    expect(confirmLink).not.toBe("");
    await invitee.goto(confirmLink);
    await expect(invitee.getByRole("main")).toContainText(`You are joining Acme Apparel on Lantern as ${email}.`);
    await waitForHydration(invitee);
    await invitee.getByRole("button", { name: "Create my account" }).click();
    await expect(invitee).toHaveURL(`${BASE_URL}/o/${acme.slug}`);
    await expect(invitee.getByRole("heading", { level: 1, name: "Acme Apparel" })).toBeVisible();
    await expect(invitee.getByRole("complementary").getByText("Compliance officer")).toBeVisible();
    // The invitation is spent.
    expect((await invitee.request.get(link)).status()).toBe(410);
  });

  await test.step("the admin sees the new member and makes them an executive", async () => {
    await openTeam(page, acme);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText(name);
    await expect(row.getByLabel(`Role of ${name}`)).toHaveValue("compliance");
    await expect(page.getByRole("region", { name: "Pending invitations" }).getByText(email)).toHaveCount(0);

    await row.getByLabel(`Role of ${name}`).selectOption("executive");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(page.locator(".toast")).toContainText("Role changed.");
    expect(memberRole(acme.slug, email)).toBe("executive");

    await invitee.reload();
    await expect(invitee.getByRole("complementary").getByText("Executive (read-only)")).toBeVisible();
  });

  await test.step("the audit log shows the invitation, the join and the role change, and filters by action", async () => {
    await page.goto(acme.path("/audit"));
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    for (const action of ["member.invited", "member.joined", "member.role_changed"]) {
      await expect(
        rows
          .filter({ hasText: action })
          .filter({ hasText: action === "member.joined" ? email : acme.admin })
          .first(),
      ).toBeVisible();
    }

    await waitForHydration(page, "form.filters");
    await page.getByLabel("Action", { exact: true }).selectOption("member.role_changed");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]action=member\.role_changed(&|$)/);
    const body = page.getByRole("table").locator("tbody tr");
    await expect(body.first()).toBeVisible();
    for (const text of await body.allInnerTexts()) expect(text).toContain("member.role_changed");
    await expect(body.filter({ hasText: "compliance" }).filter({ hasText: "executive" }).first()).toBeVisible();
    if (!tag) await expect(page.getByRole("status")).toHaveText("1 entry");

    // By person: the invitee's own entries are the join only.
    await page.goto(`/o/${acme.slug}/audit?actor=${encodeURIComponent(email)}`);
    await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByRole("table").locator("tbody tr")).toContainText("member.joined");
  });
});

test("the last admin can be neither removed nor demoted", async ({ page, loginAs, acme }) => {
  await loginAs(acme.admin);
  await openTeam(page, acme);
  const row = page.getByRole("row").filter({ hasText: acme.admin });

  let response = page.waitForResponse(isMembersPostTo(acme));
  await row.getByRole("button", { name: "Remove Alex Moreno" }).click();
  expect((await response).status()).toBe(409);
  await expect(page.getByRole("alert")).toHaveText("You cannot remove the last admin");

  response = page.waitForResponse(isMembersPostTo(acme));
  await row.getByLabel("Role of Alex Moreno").selectOption("executive");
  await row.getByRole("button", { name: "Save role" }).click();
  expect((await response).status()).toBe(409);
  await expect(page.getByRole("alert")).toContainText("An organization needs at least one admin");

  expect(memberRole(acme.slug, acme.admin)).toBe("admin");
  await openTeam(page, acme);
  await expect(page.getByRole("row").filter({ hasText: acme.admin }).getByLabel("Role of Alex Moreno")).toHaveValue("admin");
});
