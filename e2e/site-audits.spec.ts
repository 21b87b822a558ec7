// Site audits, the done-when story: an officer records a SMETA audit of a site with its report,
// imports its findings from the XLSX template (one major working-hours finding), the finding opens a
// corrective action that refuses "verified" until two months of time records are attached, and the
// supplier's score explanation names the audit and its open finding. Screenshots at desktop and 390 px.
import path from "node:path";
import ExcelJS from "exceljs";
import { TINY_PDF as PDF, postForm as post, uniqueSuffix as suffix } from "./support/http";
import { expect, test, waitForHydration } from "./support/fixtures";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

async function findingsXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Findings");
  ws.addRow(["description", "severity", "touches", "recommended_fix"]);
  ws.addRow(["Workers worked 72 hours in 3 of 12 sampled weeks", "Major", "excessive overtime", "Cap weekly hours at 60"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("an audit's major working-hours finding, imported from XLSX, opens an action that needs two months of records", async ({
  page,
  loginAs,
  acme,
}) => {
  test.setTimeout(90_000);
  await loginAs(acme.compliance);
  const name = `Gazipur Knit ${suffix()}`;
  const created = await post(page, acme.path("/suppliers/new"), { status: "active", name, country: "BD" }, 302);
  const supplierPath = new URL(created.headers()["location"]!, "http://x").pathname;
  const auditDate = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const label = `SMETA 4-pillar, ${auditDate}, Bureau Dhaka`;

  await test.step("record the audit with its report from the supplier page", async () => {
    await page.goto(supplierPath);
    await page.getByRole("link", { name: "Record an audit" }).click();
    await waitForHydration(page, "main form");
    await page.getByLabel("Audit firm").fill("Bureau Dhaka");
    await page.getByLabel("Audit date").fill(auditDate);
    await page.getByLabel("Type").selectOption("semi_announced");
    await page.getByLabel("Result or grade (optional)").fill("Acceptable");
    await page
      .getByLabel("Report (optional)")
      .setInputFiles({ name: "smeta-report.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF) });
    await page.getByRole("button", { name: "Record the audit" }).click();
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  });

  await test.step("import the findings file: checked first, then imported", async () => {
    await page.getByLabel("Findings file (CSV or XLSX)").setInputFiles({
      name: "findings.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await findingsXlsx(),
    });
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByText("1 finding is ready.")).toBeVisible();
    await page.getByRole("button", { name: "Import 1 findings" }).click();
    await expect(page.getByText("1 finding imported, each with its corrective action.")).toBeVisible();
    const findings = page.getByRole("region", { name: "Table of findings" });
    await expect(findings).toContainText("excessive overtime");
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SHOTS, "site-audit-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "site-audit-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await test.step("the action refuses 'verified' until two months of time records are attached", async () => {
    await page.getByRole("region", { name: "Table of findings" }).getByRole("link", { name: "Open" }).click();
    await waitForHydration(page, "main form");
    await expect(page.getByRole("heading", { name: "From an audit finding" })).toBeVisible();
    await page.getByRole("button", { name: "Mark done" }).click();
    await expect(page.locator(".page-head .action-status")).toHaveText("Done");
    await page.getByRole("button", { name: "Verify and close" }).click();
    await expect(page.getByRole("alert").first()).toContainText("time records for two calendar months after");
    await expect(page.locator(".page-head .action-status")).toHaveText("Done");
    await page.screenshot({ path: path.join(SHOTS, "site-audit-action.png"), fullPage: true });
  });

  await test.step("the supplier's explanation names the audit and its open finding", async () => {
    await page.goto(supplierPath);
    const card = page.locator("section.risk-card");
    await card.getByText("How this score is calculated").click();
    await expect(card.locator(".risk-lines")).toContainText(
      `Independent verification: ${label}: 1 open major finding on excessive overtime`,
    );
    await expect(page.getByRole("region", { name: "Audits of this site" })).toContainText("1 open of 1");
    await page.screenshot({ path: path.join(SHOTS, "site-audit-supplier.png"), fullPage: true });
  });
});
