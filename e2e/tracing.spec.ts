// Product tracing, the done-when story: an officer opens the demo cotton T-shirt (garment factory →
// fabric mill → spinning mill → cotton farm), sees its bill of materials and the gap of the lot whose
// origin is unknown, downloads the tracing pack for a shipment, and the ZIP's manifest verifies file by
// file; the PDF's gaps name the missing origin. Then an input is added through the form. Screenshots at
// desktop and 390 px.
import fs from "node:fs";
import path from "node:path";
import { pdfText, readPack } from "~/test/tracing-fixture";
import { productBySku } from "./support/db-products";
import { expect, test, waitForHydration } from "./support/fixtures";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const GAP = "Raw cotton lint, spot-market lot for Combed cotton yarn 30s: origin unknown.";

test("the demo T-shirt's tracing pack verifies and names the missing origin", async ({ page, loginAs, acme }) => {
  test.setTimeout(90_000);
  await loginAs(acme.compliance);
  const product = productBySku(acme.slug, "TS-CREW-001");
  expect(product, "the demo tenant has the T-shirt").toBeDefined();

  await test.step("find the T-shirt from the sidebar and see its chain and gaps", async () => {
    await page.goto(acme.path());
    await page.getByRole("navigation").getByRole("link", { name: "Products" }).first().click();
    await page.getByRole("link", { name: "Cotton crew-neck T-shirt" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cotton crew-neck T-shirt" })).toBeVisible();
    const tree = page.locator(".bom-tree");
    await expect(tree).toContainText("Cotton single jersey fabric — Narayanganj Fabric Mills Ltd");
    await expect(tree).toContainText("Combed cotton yarn 30s — Bogura Yarn Mills Ltd");
    await expect(tree).toContainText("Raw cotton lint — Mato Grosso Algodão Ltda");
    await expect(page.locator(".trace-gaps")).toContainText(GAP);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, "tracing-product-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, "tracing-product-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("download the pack for a shipment: every file matches the manifest, the PDF names the gap", async () => {
    await page.getByLabel("Shipment reference").fill("PO-4471");
    await page.getByLabel("Quantity").fill("12,000 pieces");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download tracing pack" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tracing-pack-TS-CREW-001-PO-4471-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = fs.readFileSync((await file.path())!);
    const pack = await readPack(zip);
    expect(pack.problems).toEqual([]);
    expect(pack.manifest.files[0]!.path).toBe("pack.pdf");
    expect(pack.manifest.shipment).toMatchObject({ ref: "PO-4471", quantity: "12,000 pieces" });
    const text = await pdfText(pack.files.get("pack.pdf")!);
    expect(text).toContain(GAP);
    expect(text).toContain("Mato Grosso Algodão Ltda");
    fs.writeFileSync(path.join(SHOTS, "tracing-pack.pdf"), pack.files.get("pack.pdf")!);
  });

  await test.step("the pack made is listed on the page", async () => {
    await page.goto(acme.path(`/products/${product!.id}`));
    await expect(page.getByRole("region", { name: "Packs made" })).toContainText("PO-4471");
  });

  await test.step("add an input through the form", async () => {
    await page.getByText("Add an input").click();
    await waitForHydration(page, "form.bom-item-form");
    const form = page.locator("details.bom-add form");
    await form.getByLabel("Material or input").fill("Sewing thread");
    await form.getByLabel("Goes into").selectOption({ label: "The product itself (a direct input)" });
    await form.getByRole("button", { name: "Add input" }).click();
    await expect(page.locator(".bom-tree")).toContainText("Sewing thread — supplier not known");
    await expect(page.locator(".trace-gaps")).toContainText("Sewing thread for Cotton crew-neck T-shirt: supplier unknown.");
  });
});
