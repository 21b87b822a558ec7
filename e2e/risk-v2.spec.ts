// Risk model v2 as a compliance team meets it: a garment factory imported from a factory list with a
// sector but no goods is high, with its likely goods named, and an officer rejects, restores and
// confirms them; a cocoa cooperative's page says why it cannot score low on its answers alone; an admin
// moves the organisation between model versions through the methodology preview, which names the
// suppliers that change band.
import type { Page } from "@playwright/test";
import { BASE_URL } from "./support/env";
import { supplierByName, supplierGoods } from "./support/db-suppliers";
import { expect, test, waitForHydration, type Tenant } from "./support/fixtures";
import { acceptDocuments, provenAssessment } from "./support/proven-assessment";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

async function importOne(page: Page, acme: Tenant, csv: string, filename: string) {
  await page.goto(acme.path("/suppliers/import"));
  await waitForHydration(page, "main form");
  await page.getByLabel("CSV file").setInputFiles({ name: filename, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page).toHaveURL(new RegExp(`^${BASE_URL}${acme.path("/suppliers/import")}/\\d+$`));
  await waitForHydration(page, "main form");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "What this file would change" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Import 1 supplier" }).click();
  await expect(page.getByRole("status")).toContainText("Imported. 1 new supplier", { timeout: 20_000 });
}

const riskCard = (page: Page) => page.locator("section.risk-card");

test("an Apparel factory in Bangladesh with no goods is high, and the officer decides on its likely goods", async ({
  page,
  loginAs,
  acme,
}) => {
  test.setTimeout(90_000);
  const name = `Mirpur Apparel ${suffix()}`;
  await loginAs(acme.compliance);
  await importOne(page, acme, `name,country,sector\n${name},BD,Apparel\n`, `factory-list-${suffix()}.csv`);
  const id = supplierByName(acme.slug, name)!.id;

  await page.goto(acme.path(`/suppliers/${id}`));
  await waitForHydration(page, "section.risk-card");
  const card = riskCard(page);
  await expect(card.locator(".risk-head")).toContainText("High");
  await expect(card.locator(".risk-summary")).toContainText("No goods recorded; likely goods from its sector “Apparel”: Garments");
  await expect(card.locator(".risk-summary")).toContainText("Garments (likely) is listed for forced labour in Bangladesh");
  await expect(card.locator(".risk-summary")).not.toContainText("p1.");
  const before = Number(await card.locator(".risk-number").textContent());

  await test.step("reject garments with a reason: it no longer counts", async () => {
    const likely = card.locator(".risk-likely");
    await likely.getByText("Reject…").click();
    await likely.getByLabel("Why is Garments not one of this supplier's goods?").fill("It prints labels; it sews nothing");
    await likely.getByRole("button", { name: "Reject Garments" }).click();
    await expect(page.getByText("Garments no longer counts as a likely good of this supplier.")).toBeVisible();
    await expect(card.locator(".risk-likely")).toContainText("Rejected");
    expect(Number(await card.locator(".risk-number").textContent())).toBeLessThan(before);
  });

  await test.step("count it again, then confirm it: it becomes a recorded good and counts in full", async () => {
    await card.getByRole("button", { name: "Count it again" }).click();
    await expect(page.getByText("Garments counts as a likely good again.")).toBeVisible();
    await expect(card.locator(".risk-number")).toHaveText(String(before.toFixed(1)));
    await card.getByRole("button", { name: "Confirm Garments" }).click();
    await expect(page.getByText("Garments is now a recorded good of this supplier.")).toBeVisible();
    expect(supplierGoods(id)).toEqual(["Garments"]);
    await expect(card.locator(".risk-summary")).toContainText("Garments is listed for forced labour in Bangladesh");
    expect(Number(await card.locator(".risk-number").textContent())).toBeGreaterThan(before);
  });

  await test.step("a refused decision says why, with a 400, and changes nothing", async () => {
    const r = await page.request.post(`${BASE_URL}${acme.path(`/suppliers/${id}/likely-goods`)}`, {
      form: { intent: "reject", good: "Garments", reason: "x" },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    });
    expect(r.status()).toBe(400);
    expect(JSON.stringify(await r.json())).toContain("at least 3 characters");
  });
});

test("a cocoa cooperative in Côte d'Ivoire is held at the listed-goods floor, and the page says so", async ({ page, loginAs, acme }) => {
  const name = `Coopérative Soubré ${suffix()}`;
  await loginAs(acme.compliance);
  await importOne(page, acme, `name,country,sector,goods\n${name},CI,Cocoa farming,Cocoa\n`, `coops-${suffix()}.csv`);
  const id = supplierByName(acme.slug, name)!.id;
  await page.goto(acme.path(`/suppliers/${id}`));
  const summary = riskCard(page).locator(".risk-summary");
  await expect(summary).toContainText("Cocoa is listed for forced labour in Côte d’Ivoire");
  await expect(summary).toContainText("Cocoa is listed for child labour in Côte d’Ivoire");
  await expect(summary).toContainText("the score stays at 30.0 or more until an independent audit lifts it");
  await riskCard(page).getByText("How this score is calculated").click();
  await expect(riskCard(page).locator(".risk-lines")).toContainText("Goods (child labour): Cocoa listed for child labour in Côte d’Ivoire");
});

test("with every document accepted, a cocoa cooperative's best answers count in full, and the listed-goods floor holds it at 30", async ({
  page,
  loginAs,
  acme,
}) => {
  test.setTimeout(120_000);
  const name = `Coopérative Divo ${suffix()}`;
  await loginAs(acme.admin);
  await importOne(page, acme, `name,country,sector,goods\n${name},CI,Cocoa farming,Cocoa\n`, `coops-${suffix()}.csv`);
  const id = supplierByName(acme.slug, name)!.id;
  // The compliance officer filled it in with a document behind every control answer; the admin approved it.
  const { assessmentId, fileIds } = await provenAssessment(acme, id);
  const card = riskCard(page);
  const score = async () => Number(await card.locator(".risk-number").textContent());

  await test.step("declared only, the best answers earn half: at least medium, above the floor", async () => {
    await page.goto(acme.path(`/suppliers/${id}`));
    await expect(card.locator(".risk-head")).toContainText("Medium");
    expect(await score()).toBeGreaterThan(30);
    await expect(card.locator(".risk-summary")).toContainText("Answers without an accepted document count 50%");
  });

  await test.step("the admin accepts one document on the page and the rest the same way", async () => {
    await page.goto(acme.path(`/assessments/${assessmentId}#evidence`));
    await waitForHydration(page, ".evidence-review form");
    const first = page.locator(".evidence-item").first();
    await first.getByLabel(/^Reason/).fill("Signed and dated this year; matches the answer.");
    await first.getByRole("button", { name: "Accept" }).click();
    await expect(page.locator(".toast").filter({ hasText: "Document accepted." })).toBeVisible();
    await acceptDocuments(acme, assessmentId, fileIds.slice(1));
  });

  await test.step("every answer evidenced: the floor holds the score at 30.0, medium, and the page says why", async () => {
    await page.goto(acme.path(`/suppliers/${id}`));
    await expect(card.locator(".risk-number")).toHaveText("30.0");
    await expect(card.locator(".risk-head")).toContainText("Medium");
    await expect(card.locator(".risk-summary")).toContainText("Most answered controls are backed by accepted documents.");
    await expect(card.locator(".risk-summary")).toContainText(
      "Because Cocoa is listed for forced labour in its own country, the score stays at 30.0 or more " +
        "until an independent audit lifts it (it holds the score now).",
    );
    await expect(card.locator(".risk-driver")).toContainText("Listed good: Cocoa");
  });
});

test("an admin moves the organisation from v1 to v2 through the preview, which names the suppliers that change band", async ({
  page,
  loginAs,
  acme,
}) => {
  test.setTimeout(90_000);
  await loginAs(acme.admin);
  const settings = acme.path("/settings/methodology");

  await test.step("save the organisation on model v1", async () => {
    await page.goto(settings);
    await waitForHydration(page, "form.methodology-form");
    await page.getByLabel("Model that computes the scores").selectOption("v1");
    await page.getByLabel("What changed and why").fill("Compare with the old model");
    await page.getByRole("button", { name: /^Save as version/ }).click();
    await expect(page.locator(".toast").filter({ hasText: /Saved as version \d+/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("This organisation scores with risk model v1")).toBeVisible();
  });

  await test.step("choose v2: its weights fill in; the preview lists who changes band; save", async () => {
    await waitForHydration(page, "form.methodology-form");
    await page.getByLabel("Model that computes the scores").selectOption("v2");
    await expect(page.getByLabel("Goods (child labour)")).toHaveValue("0.1");
    await expect(page.getByLabel("A declared answer earns")).toHaveValue("0.5");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const preview = page.locator("section.methodology-preview");
    await expect(preview).toContainText(/\d+ suppliers? would change band/, { timeout: 30_000 });
    const moved = Number((await preview.locator(".methodology-moved strong").textContent())!.match(/\d+/)![0]);
    expect(moved).toBeGreaterThan(0);
    // Which ones: each named, with its band now and with these settings.
    await expect(preview.locator(".methodology-changes li")).toHaveCount(Math.min(moved, 100));
    await expect(preview.locator(".methodology-changes li").first()).toContainText(
      /(Low|Medium|High|Critical|Not scored yet) → (Low|Medium|High|Critical)/,
    );
    await page.getByLabel("What changed and why").fill("Move to risk model v2");
    await page.getByRole("button", { name: /^Save as version/ }).click();
    await expect(page.locator(".toast").filter({ hasText: /Saved as version \d+/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("This organisation scores with risk model v1")).toHaveCount(0);
  });

  await page.goto(acme.path("/methodology"));
  await expect(page.getByRole("heading", { name: "Risk model v2: what is proven weighs more than what is declared" })).toBeVisible();
});
