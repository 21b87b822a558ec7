// Accounts through the real forms: log in and out, wrong password, password reset by mail, sign-up
// confirmed by mail, client-side validation.
import { BASE_URL, DEMO_PASSWORD } from "./support/env";
import { mailCount } from "./support/db";
import { createSession } from "./support/session";
import { attemptTag, expect, linkIn, requestWithCookie, SESSION_COOKIE, test, waitForHydration } from "./support/fixtures";

const isLoginPost = (r: { url(): string; request(): { method(): string } }) =>
  r.request().method() === "POST" && new URL(r.url()).pathname === "/login";

test("a member logs in through the form and lands on their organization; logging out ends the session", async ({
  page,
  playwright,
  acme,
}) => {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(acme.compliance);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();

  await expect(page).toHaveURL(`${BASE_URL}/o/${acme.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Apparel" })).toBeVisible();
  await expect(page.getByRole("complementary").getByText("Compliance officer")).toBeVisible();

  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "the session cookie").toBeDefined();
  expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // Secure too: production sets it, and Chromium keeps Secure cookies on http://127.0.0.1.
  expect(cookie!).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: true });

  // The same cookie works from anywhere until logout...
  const elsewhere = await requestWithCookie(playwright, cookie!.value);
  expect((await elsewhere.get(acme.path(), { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/login`);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  expect((await page.context().cookies()).filter((c) => c.name === SESSION_COOKIE)).toEqual([]);

  // ...and not after: the session row is gone on the server, not just the browser's cookie.
  const replay = await elsewhere.get(acme.path(), { maxRedirects: 0 });
  expect(replay.status()).toBe(302);
  expect(replay.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
  await elsewhere.dispose();
});

test("a wrong password is refused with 401 and one message for every cause", async ({ page, borealis }) => {
  // The only failed login outside the throttling project (10 failures a minute lock out 127.0.0.1).
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(borealis.exec);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  const response = page.waitForResponse(isLoginPost);
  await page.getByRole("button", { name: "Log in" }).click();

  expect((await response).status()).toBe(401);
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.context().cookies()).filter((c) => c.name === SESSION_COOKIE)).toEqual([]);
});

test("the login form shows zod errors in the browser, without a round trip", async ({ page }) => {
  await page.goto("/login");
  await waitForHydration(page);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });

  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  expect(posts, "requests sent while the form was invalid").toEqual([]);
});

test("password reset: the mailed link sets a new password and ends every old session", async ({ page, mailbox, playwright, borealis }) => {
  const email = borealis.admin;
  const newPassword = "borealis-lights-2026";

  // A session on another device, which the reset must end.
  const otherDevice = await requestWithCookie(playwright, await createSession(email));
  expect((await otherDevice.get(borealis.path(), { maxRedirects: 0 })).status()).toBe(200);

  await page.goto("/forgot-password");
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address");

  const mail = await mailbox.latest(email, { kind: "password-reset" });
  expect(mail.subject).toBe("Reset your Lantern password");
  const link = linkIn(mail, "/reset-password/");
  expect(link.startsWith(`${BASE_URL}/reset-password/`), `${link} points at the test server (APP_URL)`).toBe(true);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/login`);
  await expect(page.locator(".toast")).toContainText("Your password was changed");

  const replay = await otherDevice.get(borealis.path(), { maxRedirects: 0 });
  expect(replay.status(), "the session from before the reset").toBe(302);
  expect(replay.headers()["location"]).toMatch(/^\/login/);
  await otherDevice.dispose();

  // The link works once.
  expect((await page.request.get(link)).status()).toBe(410);

  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/o/${borealis.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Borealis Electronics" })).toBeVisible();
});

test("a reset request for an unknown address gets the identical answer and sends nothing", async ({ page, borealis }) => {
  const unknown = `nobody-${Date.now().toString(36)}@nowhere.test`;
  const answers: { status: number; text: string }[] = [];
  for (const email of [borealis.exec, unknown]) {
    await page.goto("/forgot-password");
    await waitForHydration(page);
    await page.getByLabel("Email", { exact: true }).fill(email);
    const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/forgot-password");
    await page.getByRole("button", { name: "Send me a link" }).click();
    const status = (await response).status();
    await expect(page.getByRole("status")).toBeVisible();
    answers.push({ status, text: await page.getByRole("main").innerText() });
  }
  expect(answers[0]!.status).toBe(200);
  expect(answers[1]).toEqual(answers[0]);
  expect(mailCount(unknown)).toBe(0);
});

test("sign-up: the confirmation mail's link creates the organization with the new user as admin", async ({ page, mailbox }, testInfo) => {
  // A retry cannot reuse the address of an attempt that may have created the account already, and
  // then gets the next free slug (cedar-foods-2).
  const tag = attemptTag(testInfo);
  const email = `founder${tag}@cedar-foods.test`;
  await page.goto("/signup");
  await waitForHydration(page);
  await page.getByLabel("Your name", { exact: true }).fill("Maya Okonkwo");
  await page.getByLabel("Work email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("cedar-forest-path");
  await page.getByLabel("Organization name", { exact: true }).fill("Cedar Foods");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(email);

  const mail = await mailbox.latest(email, { kind: "signup-confirm" });
  expect(mail.subject).toBe("Confirm your Lantern account");
  const link = linkIn(mail, "/signup/confirm/");

  // Opening the link (as a mail scanner would) creates nothing yet.
  await page.goto(link);
  await expect(page.getByRole("main")).toContainText(`You are creating Cedar Foods on Lantern as ${email}`);
  await page.getByRole("button", { name: "Create my account" }).click();

  await expect(page).toHaveURL(tag ? /\/o\/cedar-foods-\d+$/ : `${BASE_URL}/o/cedar-foods`);
  await expect(page.getByRole("heading", { level: 1, name: "Cedar Foods" })).toBeVisible();
  const sidebar = page.getByRole("complementary", { name: "Cedar Foods navigation" });
  await expect(sidebar.getByText("Admin", { exact: true })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: "Audit log" })).toBeVisible();

  // The link is spent.
  expect((await page.request.get(link)).status()).toBe(410);
});
