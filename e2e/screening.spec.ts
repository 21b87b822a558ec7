// Screening, the done-when story: the demo's supplier trading under a UFLPA alias waits in the queue
// as a candidate (with the banner saying the lists are partial); an officer confirms it with a reason;
// the supplier's page shows the confirmed match and its score explanation names the list and the entry.
// An executive reads the queue without the decision forms. Screenshots at desktop and 390 px.
import path from "node:path";
import { expect, test, waitForHydration } from "./support/fixtures";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const SUPPLIER = "Hotan Haolin Hair Accessories Co., Ltd.";
const ENTRY = "Hetian Haolin Hair Accessories Co. Ltd.";

test("an officer confirms a demo candidate, and the supplier's score explanation names the list", async ({ page, loginAs, acme }) => {
  test.setTimeout(90_000);
  await loginAs(acme.compliance);
  await page.goto(acme.path("/screening?status=candidate"));
  await expect(page.getByRole("heading", { level: 1, name: "Screening" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("partial");
  const item = page.getByRole("listitem").filter({ hasText: SUPPLIER });
  await expect(item).toContainText("Name matches UFLPA alias 'Hotan Haolin Hair Accessories'");

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SHOTS, "screening-queue-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "screening-queue-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await test.step("a decision without a reason is refused; with one it is recorded", async () => {
    await waitForHydration(page, "main form");
    const form = page.getByRole("form", { name: `Decide on ${ENTRY} for ${SUPPLIER}` });
    await form.getByLabel("Reason (what you checked)").fill("Same trading address and business licence as the listed company");
    await form.getByRole("button", { name: "True match" }).click();
    await expect(page.getByText("Confirmed as a true match")).toBeVisible();
  });

  await test.step("the supplier page shows the match and the explanation names it", async () => {
    await page.goto(acme.path("/screening?status=confirmed"));
    await page.getByRole("link", { name: SUPPLIER }).first().click();
    await expect(page.getByRole("heading", { level: 2, name: "Screening" })).toBeVisible();
    await expect(page.locator("section", { has: page.getByRole("heading", { name: "Screening" }) })).toContainText("Confirmed: true match");
    const card = page.locator("section.risk-card");
    await card.getByText("How this score is calculated").click();
    await expect(card).toContainText(`UFLPA Entity List: confirmed match '${ENTRY}'`);
    await page.screenshot({ path: path.join(SHOTS, "screening-supplier.png"), fullPage: true });
  });
});

test("an executive reads the queue but cannot decide", async ({ page, loginAs, acme }) => {
  await loginAs(acme.exec);
  await page.goto(acme.path("/screening"));
  await expect(page.getByRole("listitem").filter({ hasText: SUPPLIER }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "True match" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Screen all suppliers again" })).toHaveCount(0);
});
