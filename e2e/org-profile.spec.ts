// The organisation profile: an officer opens the demo profile, adds a training row in place, saves;
// a save from a page someone else saved after is refused (409) with the officer's words still in the
// form; without JavaScript the "Add" button still adds a row. Screenshots at desktop and 390 px.
import path from "node:path";
import { expect, signIn, test, waitForHydration } from "./support/fixtures";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("an officer keeps the organisation profile, and a stale save keeps their text", async ({ page, loginAs, acme }) => {
  test.setTimeout(90_000);
  await loginAs(acme.compliance);
  await page.goto(acme.path("/settings/profile"));
  await waitForHydration(page, "main form");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation profile" })).toBeVisible();
  await expect(page.getByLabel("Policy 2: title")).toHaveValue("Anti-Slavery and Human Trafficking Policy");

  await test.step("add a training row in place and save", async () => {
    await page.getByRole("button", { name: "Add a training row" }).click();
    await page.getByLabel("Training 5: year").fill("2026");
    await page.getByLabel("Audience").nth(4).fill("Warehouse supervisors");
    await page.getByLabel("Topic").nth(4).fill("Agency labour checks");
    await page.getByLabel("People trained").nth(4).fill("18");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Organisation profile saved.")).toBeVisible();
    await expect(page.getByLabel("Training 5: year")).toHaveValue("2026");
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SHOTS, "org-profile-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "org-profile-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await test.step("someone else saves first: 409, the officer's words stay in the form", async () => {
    const other = await page.context().newPage();
    await other.goto(acme.path("/settings/profile"));
    await waitForHydration(other, "main form");
    await page.getByLabel("How the covered entities were consulted").fill("My careful words about consultation.");
    await other.getByLabel("Employees (optional)").fill("1900");
    await other.getByRole("button", { name: "Save profile" }).click();
    await expect(other.getByText("Organisation profile saved.")).toBeVisible();
    await other.close();
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText(/Someone else saved the profile while you were editing/)).toBeVisible();
    await expect(page.getByLabel("How the covered entities were consulted")).toHaveValue("My careful words about consultation.");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Organisation profile saved.")).toBeVisible();
    await expect(page.getByLabel("How the covered entities were consulted")).toHaveValue("My careful words about consultation.");
  });
});

test("without JavaScript the row buttons still add a row", async ({ browser, acme }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signIn(ctx, acme.compliance);
  await page.goto(acme.path("/settings/profile"));
  await page.getByRole("button", { name: "Add an entity" }).click();
  await expect(page.getByLabel("Entity 3: name")).toHaveValue("");
  await expect(page.getByLabel("Entity 1: name")).toHaveValue("Acme Apparel Ltd");
  await ctx.close();
});
