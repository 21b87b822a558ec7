// Yearly statements, the done-when story: an officer drafts the UK s.54 statement for the demo year
// from the data, edits a paragraph (an unknown figure token is refused with a clear message), an admin
// records the board's approval and publishes it; the printed PDF and the DOCX carry the frozen
// figures; a figure's link opens the frozen list, which a later supplier does not change; and next
// year's draft shows both years side by side. Screenshots at 1280 and 390 px; the PDF is written to
// test-results/statement-uk.pdf for people to look at.
import fs from "node:fs";
import path from "node:path";
import yauzl from "yauzl";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { REPO_ROOT } from "./support/env";
import { postForm as post, uniqueSuffix as suffix } from "./support/http";
import { expect, test, waitForHydration } from "./support/fixtures";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
const YEAR = new Date().getUTCFullYear();

function zipEntry(buf: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on("entry", (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2) return reject(err2);
          const chunks: Buffer[] = [];
          s.on("data", (c: Buffer) => chunks.push(c));
          s.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        });
      });
      zip.on("end", () => reject(new Error(`no ${name} in the DOCX`)));
      zip.readEntry();
    });
  });
}

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false })
    .promise;
  let text = "";
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const c = await (await doc.getPage(i)).getTextContent();
      text += c.items.map((it) => ("str" in it ? `${it.str}${it.hasEOL ? " " : ""}` : "")).join("") + " ";
    }
    return { pages: doc.numPages, text: text.replace(/\s+/g, " ") };
  } finally {
    await doc.destroy();
  }
}

test("an officer drafts the UK statement, an admin records the board's approval, and the outputs carry the frozen figures", async ({
  page,
  loginAs,
  acme,
}) => {
  test.setTimeout(120_000);
  await loginAs(acme.compliance);
  let statementPath = "";
  let suppliers = "";

  await test.step("draft the UK statement for the demo year from the data", async () => {
    await page.goto(acme.path("/statements"));
    await waitForHydration(page, "main form");
    await page.getByLabel("Law").selectOption("uk-msa-s54");
    await expect(page.getByLabel("Reporting year")).toHaveValue(String(YEAR));
    await page.getByRole("button", { name: "Draft from the data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Slavery and human trafficking statement ${YEAR}` })).toBeVisible();
    statementPath = new URL(page.url()).pathname;
    const figure = page.locator('[data-figure="suppliers.total"]').first();
    suppliers = (await figure.innerText()).trim();
    expect(Number(suppliers.replace(/,/g, ""))).toBeGreaterThan(0);
    await expect(figure).toHaveAttribute("href", `${statementPath}/figures/suppliers.total`);
    await expect(page.getByRole("heading", { name: `${YEAR} beside ${YEAR - 1}` })).toBeVisible();
  });

  await test.step("edit a paragraph: an unknown figure is refused, then the words around a figure are saved", async () => {
    await page.getByRole("link", { name: "Edit the text" }).click();
    await waitForHydration(page, "main form");
    const policies = page.getByLabel("2. Policies in relation to slavery and human trafficking");
    await policies.fill("Our policy: [[figure:policies.count]]");
    await page.getByRole("button", { name: "Save a new revision" }).click();
    await expect(page.getByRole("alert").first()).toContainText('Unknown figure "policies.count"');
    await policies.fill("In the year our board adopted a new supplier code of conduct. We work with [[figure:suppliers.total]] suppliers.");
    await page.getByLabel("What changed (optional)").fill("Policies paragraph");
    await page.getByRole("button", { name: "Save a new revision" }).click();
    await expect(page.getByText("Saved as revision 2.")).toBeVisible();
    await expect(
      page.getByText(`In the year our board adopted a new supplier code of conduct. We work with ${suppliers} suppliers.`),
    ).toBeVisible();
  });

  await test.step("an earlier revision stays readable from the versions list", async () => {
    await page.getByRole("link", { name: "Revision 1", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "You are reading revision 1" })).toBeVisible();
    await expect(page.getByText("In the year our board adopted a new supplier code of conduct.")).toHaveCount(0);
    await page.getByRole("link", { name: "Back to the current text" }).click();
    await expect(page.getByText("In the year our board adopted a new supplier code of conduct.")).toBeVisible();
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SHOTS, "statement-draft-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "statement-draft-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await test.step("an admin records the board's approval and publishes", async () => {
    await loginAs(acme.admin);
    await page.goto(statementPath);
    await waitForHydration(page, "main form");
    await page.getByLabel("Signed by (name)").fill("Maria Lopez");
    await page.getByLabel("Their role or title").fill("Director");
    await page.getByRole("button", { name: "Record the board's approval" }).click();
    await expect(page.getByText("Board approval recorded")).toBeVisible();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Statement published.")).toBeVisible();
    await expect(page.locator(".statement-status").first()).toHaveText("Published");
    await expect(page.getByRole("link", { name: "Edit the text" })).toHaveCount(0);
  });

  await test.step("a later supplier changes neither the published figure nor the frozen list its link opens", async () => {
    await post(page, acme.path("/suppliers/new"), { status: "active", name: `Late Mill ${suffix()}`, country: "VN" }, 302);
    await page.goto(statementPath);
    await expect(page.locator('[data-figure="suppliers.total"]').first()).toHaveText(suppliers);
    await page.locator('[data-figure="suppliers.total"]').first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Suppliers at the end of the year" })).toBeVisible();
    await expect(page.locator(".statement-frozen-note")).toContainText(`Frozen at the board's approval: ${suppliers} rows`);
    await page.screenshot({ path: path.join(SHOTS, "statement-frozen-list.png"), fullPage: true });
  });

  await test.step("the printed PDF carries the frozen figures and the approval", async () => {
    await page.goto(`${statementPath}/print`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Slavery and human trafficking statement ${YEAR}`);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    fs.mkdirSync(path.join(REPO_ROOT, "test-results"), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, "test-results", "statement-uk.pdf"), pdf);
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(6);
    expect(text).toContain(`We work with ${suppliers} suppliers.`);
    expect(text).toContain("Signed: Maria Lopez, Director.");
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).not.toContain("Print or save as PDF");
  });

  await test.step("the DOCX carries the frozen figures, each linked to its source", async () => {
    const res = await page.request.get(`${statementPath}/docx`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("wordprocessingml");
    const body = await res.body();
    const xml = await zipEntry(body, "word/document.xml");
    expect(xml).toContain("In the year our board adopted a new supplier code of conduct. We work with ");
    expect(xml).toContain(`>${suppliers}<`);
    expect(xml).toContain("Maria Lopez, Director");
    expect((xml.match(/<w:hyperlink [^>]*r:id=/g) ?? []).length).toBeGreaterThan(3);
    const rels = await zipEntry(body, "word/_rels/document.xml.rels");
    expect(rels).toContain(`${statementPath}/figures/suppliers.total"`);
  });

  await test.step("next year's draft shows both years, last year's from its approved statement", async () => {
    await loginAs(acme.compliance);
    await page.goto(acme.path("/statements"));
    await waitForHydration(page, "main form");
    await page.getByLabel("Reporting year").fill(String(YEAR + 1));
    await page.getByRole("button", { name: "Draft from the data" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Slavery and human trafficking statement ${YEAR + 1}` })).toBeVisible();
    const compare = page.getByRole("region", { name: "Figures of both years" });
    await expect(page.getByText(`${YEAR}: the frozen figures of its approved statement.`)).toBeVisible();
    const row = compare.getByRole("row", { name: /Suppliers at the end of the year/ });
    await expect(row.getByRole("cell").nth(1)).toHaveText(suppliers);
    await page.screenshot({ path: path.join(SHOTS, "statement-next-year.png"), fullPage: true });
  });
});
