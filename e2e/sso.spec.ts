// Single sign-on in the browser against a real OpenID Connect provider (oidc-provider), which this
// spec starts on loopback (port SSO_E2E_IDP_PORT, default 3441; the app server allows plain http to
// loopback issuers through SSO_ALLOW_HTTP_LOOPBACK, set by support/start-server.ts). An admin sets up
// the provider and proves the tenant's domain by the mailed link; a new person signs in through the
// provider's own login form and lands in the organisation; requiring SSO ends a password session.
import { BASE_URL } from "./support/env";
import { expect, test, waitForHydration } from "./support/fixtures";
import { startTestProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestProvider } from "../app/test/oidc-provider";

const IDP_PORT = Number(process.env.SSO_E2E_IDP_PORT ?? 3441);
let idp: TestProvider;

test.beforeAll(async () => {
  idp = await startTestProvider([`${BASE_URL}/sso/callback`], IDP_PORT);
});
test.afterAll(async () => {
  await idp?.close();
});

test("an admin sets up single sign-on; a new person signs in through the identity provider; requiring it ends a password session", async ({
  page,
  loginAs,
  newContext,
  mailbox,
  acme,
}) => {
  test.setTimeout(90_000);
  const domain = acme.admin.split("@")[1]!;
  await loginAs(acme.admin);

  await test.step("the admin enters the identity provider", async () => {
    await page.goto(acme.path("/settings/sso"));
    await waitForHydration(page, "main form");
    await expect(page.getByTestId("redirect-uri")).toHaveText(`${BASE_URL}/sso/callback`);
    await page.getByLabel("Issuer address").fill(idp.issuer);
    await page.getByLabel("Client id").fill(TEST_CLIENT_ID);
    await page.getByLabel("Client secret").fill(TEST_CLIENT_SECRET);
    await page.getByLabel("Role of people who sign in for the first time").selectOption("compliance");
    await page.getByRole("button", { name: "Save identity provider" }).click();
    await expect(page.locator(".toast").filter({ hasText: "Identity provider saved" })).toBeVisible();
    await page.reload(); // the secret is never sent back to the browser
    await expect(page.getByLabel("Client secret")).toHaveValue("");
    expect(await page.content()).not.toContain(TEST_CLIENT_SECRET);
    await waitForHydration(page, "main form");
    await page.getByRole("button", { name: "Test the connection" }).click();
    await expect(page.locator(".toast").filter({ hasText: "Connection works" })).toBeVisible();
  });

  await test.step("the admin adds the domain and proves it by a mail to postmaster@", async () => {
    await page.getByLabel("Add a domain").fill(domain);
    await page.getByRole("button", { name: "Add domain" }).click();
    await expect(page.locator(".toast").filter({ hasText: `${domain} added` })).toBeVisible();
    await page.getByRole("button", { name: "Send the confirmation link" }).click();
    await expect(page.locator(".toast").filter({ hasText: `postmaster@${domain}` })).toBeVisible();
    const mail = await mailbox.latest(`postmaster@${domain}`, { kind: "sso-domain-proof", orgId: acme.orgId });
    const link = /https?:\/\/\S+\/sso\/domain\/[A-Za-z0-9_-]+/.exec(mail.body)![0];
    const postmaster = await (await newContext()).newPage();
    await postmaster.goto(link);
    await waitForHydration(postmaster, "main form");
    await postmaster.getByRole("button", { name: `Confirm ${domain}` }).click();
    await expect(postmaster.getByRole("status")).toContainText(`may now sign in addresses at ${domain}`);
    await page.reload();
    await expect(page.getByText("Verified (mail)")).toBeVisible();
  });

  await test.step("a new person signs in through the provider's login form and lands in the organisation", async () => {
    const email = `new.hire@${domain}`;
    const browser = await (await newContext()).newPage();
    await browser.goto("/login");
    await browser.getByRole("link", { name: "Sign in with single sign-on" }).click();
    await waitForHydration(browser, "main form");
    await browser.getByLabel("Work email").fill(email);
    await browser.getByRole("button", { name: "Continue" }).click();
    await browser.getByPlaceholder("Enter any login").fill(email);
    await browser.getByPlaceholder("and password").fill("anything");
    await browser.getByRole("button", { name: "Sign-in" }).click();
    await expect(browser).toHaveURL(new RegExp(`${acme.path()}$`));
    await expect(browser.getByRole("navigation").first()).toBeVisible();
  });

  await test.step("requiring single sign-on ends the compliance officer's password session at once", async () => {
    const officer = await newContext();
    await loginAs(acme.compliance, officer);
    const officerPage = await officer.newPage();
    await officerPage.goto(acme.path("/suppliers"));
    await expect(officerPage).toHaveURL(new RegExp(`${acme.path("/suppliers")}$`));
    await page.goto(acme.path("/settings/sso"));
    await waitForHydration(page, "main form");
    await page.getByLabel("required for everyone but the break-glass admin").check();
    const breakGlass = page.getByLabel("Break-glass admin", { exact: true });
    await breakGlass.selectOption((await breakGlass.locator("option", { hasText: acme.admin }).getAttribute("value"))!);
    await page.getByRole("button", { name: "Save requirement" }).click();
    await expect(page.locator(".toast").filter({ hasText: "Single sign-on is now required" })).toBeVisible();
    await officerPage.reload();
    await expect(officerPage).toHaveURL(/\/login\?redirectTo=/);
  });
});
