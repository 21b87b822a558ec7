// Supplier CSV import as a compliance officer: the template, a real-world file (other column names,
// ";" as delimiter, a UTF-8 BOM, quoted cells with ";" and a line break) whose errors are all listed
// while nothing is written, the fixed file imported in full with its supply links and tiers, the
// column mapping remembered for the next import, a re-import that changes nothing, and files that
// are not UTF-8 CSV at all. The check and the commit run in the server's job runner; the page polls.
//
// The column mapping is remembered per organization, so only the story test below uploads files with
// these column names; references carry a random suffix (two workers share one database, retries too).
import fs from "node:fs/promises";
import type { Page, Response } from "@playwright/test";
import { BASE_URL, REPO_ROOT } from "./support/env";
import path from "node:path";
import { readCsv } from "./support/csv";
import {
  importCountByFilename,
  supplierBuyerIds,
  supplierByName,
  supplierGoods,
  supplierPosition,
  suppliersByRefs,
  type SupplierRow,
} from "./support/db-suppliers";
import { attemptTag, expect, test, waitForHydration, type Tenant } from "./support/fixtures";

/** The documented columns of the import template, in order. */
const TEMPLATE_HEADER = [
  "external_ref",
  "name",
  "country",
  "address",
  "city",
  "latitude",
  "longitude",
  "sector",
  "goods",
  "annual_spend",
  "currency",
  "workers_count",
  "contact_name",
  "contact_email",
  "os_id",
  "duns",
  "lei",
  "tax_id",
  "notes",
  "status",
  "supplies_to",
];

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

const isUploadTo = (acme: Tenant) => (r: Response) =>
  r.request().method() === "POST" && new URL(r.url()).pathname === acme.path("/suppliers/import");

/** A semicolon-separated file as European Excel writes it: UTF-8 BOM, CRLF between records. */
const excelCsv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");

async function openImportPage(page: Page, acme: Tenant) {
  await page.goto(acme.path("/suppliers/import"));
  await expect(page.getByRole("heading", { level: 1, name: "Import suppliers from a CSV file" })).toBeVisible();
  await waitForHydration(page, "main form");
}

/** Uploads a file from the import page and waits for the mapping step; returns the import's URL. */
async function upload(page: Page, acme: Tenant, name: string, buffer: Buffer): Promise<string> {
  await openImportPage(page, acme);
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page).toHaveURL(new RegExp(`^${BASE_URL}${acme.path("/suppliers/import")}/\\d+$`));
  await expect(page.getByRole("heading", { level: 1, name: `Import “${name}”` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Match your columns to Lantern's fields" })).toBeVisible();
  await waitForHydration(page, "main form");
  return page.url();
}

/** "Check the file", then waits (the page polls) for the preview. */
async function check(page: Page) {
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "What this file would change" })).toBeVisible({ timeout: 20_000 });
}

const stat = (page: Page, label: string) =>
  page.locator("dl.stats > div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");

const STATS = {
  rows: "Rows in the file",
  new: "New suppliers",
  changed: "Changed",
  unchanged: "Unchanged",
  problems: "Problems found",
} as const;

async function expectCounts(page: Page, counts: Partial<Record<keyof typeof STATS, number>>) {
  for (const [key, value] of Object.entries(counts)) await expect(stat(page, STATS[key as keyof typeof STATS])).toHaveText(String(value));
}

const issueRows = (page: Page, title: string) =>
  page.locator("section.card", { has: page.getByRole("heading", { name: title }) }).locator("tbody tr");

test("the import page's template has the documented columns", async ({ page, loginAs, acme }) => {
  await loginAs(acme.compliance);
  await openImportPage(page, acme);
  // The page documents the same columns, in the same order.
  const documented = page
    .locator("section", { has: page.getByRole("heading", { name: "Columns" }) })
    .locator("tbody tr td:first-child code");
  await expect(documented).toHaveText(TEMPLATE_HEADER);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the template" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("lantern-suppliers-template.csv");
  const bytes = await fs.readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text.slice(1, text.indexOf("\r\n"))).toBe(TEMPLATE_HEADER.join(","));
  const [header, first, second] = readCsv(text);
  expect(header).toEqual(TEMPLATE_HEADER);
  expect(first).toHaveLength(TEMPLATE_HEADER.length);
  // The second example row supplies the first one.
  const col = (k: string) => TEMPLATE_HEADER.indexOf(k);
  expect(second![col("supplies_to")]).toBe(first![col("external_ref")]);
  expect(first![col("name")]).not.toBe("");
});

test(
  "a file with errors lists every bad row and writes nothing; the " + "fixed file imports everything; the same file again changes nothing",
  async ({ page, loginAs, acme }, testInfo) => {
    test.setTimeout(90_000);
    const firstAttempt = attemptTag(testInfo) === "";
    const sfx = suffix();
    const ref = (n: number) => `LT-${sfx}-${n}`;
    const refs = [1, 2, 3, 4].map(ref);
    const names = [`Lantern Weaving; Dyeing ${sfx}`, `Lantern Spinning ${sfx}`, `Lantern Ginning ${sfx}`, `Lantern Trims ${sfx}`];
    const unknownRef = `NOPE-${sfx}`;
    // "Vendor No." is the ERP's own number, which this organization does not use as the reference:
    // the reference is in "Partner Code XYZ", a name no synonym table knows.
    const header = "Vendor No.;Partner Code XYZ;Vendor Name;Country/Region;City;Goods;Annual Spend (EUR);Currency;Remarks;Buyers";
    const remark = '"Yarn for the weaving mill\nsecond line of the remark"';
    const badFile = excelCsv([
      header,
      `SAP-1;${ref(1)};"${names[0]}";Viet Nam;Nam Dinh;Textiles|Cotton;1.250.000,50;EUR;Fabric mill;ACME-V-0001`, // line 2: fine
      `SAP-2;${ref(2)};${names[1]};Narnia;Aksu;Thread/Yarn;300000;EUR;${remark};${ref(1)}`, // line 3 (and 4): unknown country
      `SAP-3;${ref(3)};${names[2]};bd;Bogura;Cotton;;;;${unknownRef}`, // line 5: supplies_to names an unknown reference
      `SAP-4;${ref(4)};${names[3]};TR;Bursa;Zippers;42000;EUR;;${ref(2)}|ACME-V-0002`, // line 6: fine
      `SAP-4;${ref(4)};${names[3]};TR;Izmir;Zippers;42000;EUR;;${ref(2)}|ACME-V-0002`, // line 7: same reference, another city
    ]);
    const fixedFile = excelCsv([
      header,
      `SAP-1;${ref(1)};"${names[0]}";Viet Nam;Nam Dinh;Textiles|Cotton;1.250.000,50;EUR;Fabric mill;ACME-V-0001`,
      `SAP-2;${ref(2)};${names[1]};CHINA;Aksu;Thread/Yarn;300000;EUR;${remark};${ref(1)}`,
      `SAP-3;${ref(3)};${names[2]};bd;Bogura;Cotton;;;;${ref(2)}`,
      `SAP-4;${ref(4)};${names[3]};TR;Bursa;Zippers;42000;EUR;;${ref(2)}|ACME-V-0002`,
      `SAP-4;${ref(4)};${names[3]};TR;Bursa;Zippers;42000;EUR;;${ref(2)}|ACME-V-0002`, // an exact repeat: imported once
    ]);
    const select = (label: string) => page.getByLabel(label, { exact: true });
    await loginAs(acme.compliance);

    await test.step("upload the file with errors: the mapping step suggests fields from the column names", async () => {
      await upload(page, acme, `vendors-${sfx}-with-errors.csv`, badFile);
      await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(10);
      await expect(select("Vendor Name")).toHaveValue("name");
      await expect(select("Country/Region")).toHaveValue("country");
      await expect(select("City")).toHaveValue("city");
      await expect(select("Goods")).toHaveValue("goods");
      await expect(select("Annual Spend (EUR)")).toHaveValue("annual_spend");
      await expect(select("Currency")).toHaveValue("currency");
      await expect(select("Remarks")).toHaveValue("notes");
      await expect(select("Buyers")).toHaveValue("supplies_to");
      if (firstAttempt) {
        // Nothing remembered yet for these columns: the synonym table's guesses.
        await expect(select("Vendor No.")).toHaveValue("external_ref");
        await expect(select("Partner Code XYZ")).toHaveValue("");
      }
      await select("Vendor No.").selectOption("");
      await select("Partner Code XYZ").selectOption({ label: "Reference" });
    });

    await test.step("check: every bad row with its line, column and reason; no Import button; nothing written", async () => {
      await check(page);
      await expectCounts(page, { rows: 5, changed: 0, unchanged: 0, problems: 3 });
      await expect(page.getByRole("alert")).toContainText("Nothing was imported. Fix the 3 problems below in your file");
      await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
      const problems = issueRows(page, "Problems (rows that cannot be imported)");
      await expect(problems).toHaveCount(3);
      await expect(problems.nth(0).getByRole("cell")).toHaveText([
        "3",
        "Country/Region",
        "country 'Narnia' is not a known country or ISO code",
      ]);
      await expect(problems.nth(1).getByRole("cell")).toHaveText([
        "5",
        "Buyers",
        `supplies_to names "${unknownRef}", which is not the reference of a supplier in this file or in Lantern`,
      ]);
      await expect(problems.nth(2).getByRole("cell")).toHaveText([
        "7",
        "Row",
        `reference ${ref(4)} appears on lines 6, 7 with different city: choose which row to keep, or import them as separate suppliers`,
      ]);

      // The commit cannot be forced either.
      const forced = await page.request.post(page.url(), { form: { intent: "commit" }, headers: { Origin: BASE_URL }, maxRedirects: 0 });
      expect(forced.status()).toBe(409);
      await page.reload();
      await expect(stat(page, "Problems found")).toHaveText("3");
      expect(suppliersByRefs(acme.slug, refs)).toEqual([]);
    });

    const importedFile = `vendors-${sfx}-fixed.csv`;
    await test.step("upload the fixed file, check: 4 new, 0 changed, the repeated row imported once", async () => {
      await upload(page, acme, importedFile, fixedFile);
      await expect(select("Vendor Name")).toHaveValue("name");
      await expect(select("Buyers")).toHaveValue("supplies_to");
      // A failed check does not store the mapping (only an import does): map the two columns again.
      await select("Vendor No.").selectOption("");
      await select("Partner Code XYZ").selectOption("external_ref");
      await check(page);
      await expectCounts(page, { rows: 5, new: 4, changed: 0, unchanged: 0, problems: 0 });
      await expect(issueRows(page, "Warnings (imported as shown)").filter({ hasText: "line 7 repeats line 6; imported once" })).toHaveCount(
        1,
      );
      expect(suppliersByRefs(acme.slug, refs)).toEqual([]);
    });

    let imported: SupplierRow[] = [];
    await test.step("import: everything written, with its links and tiers", async () => {
      await page.getByRole("button", { name: "Import 4 suppliers" }).click();
      await expect(page.getByRole("status")).toContainText("Imported. 4 new suppliers, 0 updated, 0 unchanged; 5 supply links.", {
        timeout: 20_000,
      });
      await expect(page.getByRole("status").getByRole("link", { name: "Go to the supplier list" })).toBeVisible();

      imported = suppliersByRefs(acme.slug, refs);
      expect(imported.map((s) => s.external_ref)).toEqual(refs);
      const [r1, r2, r3, r4] = imported as [SupplierRow, SupplierRow, SupplierRow, SupplierRow];
      expect(r1).toMatchObject({
        name: names[0],
        country: "VN",
        city: "Nam Dinh",
        annual_spend: 1250000.5,
        currency: "EUR",
        notes: "Fabric mill",
        status: "active",
        tier: 2,
      });
      expect(r2).toMatchObject({ name: names[1], country: "CN", notes: "Yarn for the weaving mill\nsecond line of the remark", tier: 3 });
      expect(r3).toMatchObject({ name: names[2], country: "BD", annual_spend: null, notes: null, tier: 4 });
      // Supplies both a tier-3 supplier and a tier-1 one: tier 2 (the shortest way down).
      expect(r4).toMatchObject({ name: names[3], country: "TR", city: "Bursa", annual_spend: 42000, tier: 2 });
      expect(supplierGoods(r1.id)).toEqual(["Cotton", "Textiles"]);
      expect(supplierGoods(r4.id)).toEqual(["Zippers"]);
      const [acme1, acme2] = suppliersByRefs(acme.slug, ["ACME-V-0001", "ACME-V-0002"]) as [SupplierRow, SupplierRow];
      expect(acme1.tier).toBe(1);
      expect(supplierBuyerIds(r1.id)).toEqual([acme1.id]);
      expect(supplierBuyerIds(r2.id)).toEqual([r1.id]);
      expect(supplierBuyerIds(r3.id)).toEqual([r2.id]);
      expect(supplierBuyerIds(r4.id)).toEqual([r2.id, acme2.id].sort((x, y) => x - y));

      // And the registry shows them.
      await page.goto(`/o/${acme.slug}/suppliers?q=${encodeURIComponent(names[2]!)}`);
      await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
      await expect(page.getByRole("table").locator("tbody tr")).toContainText("Tier 4");
    });

    await test.step(
      "the same file again: the mapping is remembered, 0 new, " + "0 changed, 4 unchanged, and importing it changes nothing",
      async () => {
        await upload(page, acme, `vendors-${sfx}-again.csv`, fixedFile);
        // Remembered from the last import, even where the synonym table would say otherwise.
        await expect(select("Partner Code XYZ")).toHaveValue("external_ref");
        await expect(select("Vendor No.")).toHaveValue("");
        await expect(select("Vendor Name")).toHaveValue("name");
        await expect(select("Buyers")).toHaveValue("supplies_to");
        await check(page);
        await expectCounts(page, { rows: 5, new: 0, changed: 0, unchanged: 4, problems: 0 });
        await page.getByRole("button", { name: "Import 0 suppliers" }).click();
        await expect(page.getByRole("status")).toContainText("Imported. 0 new suppliers, 0 updated, 4 unchanged", { timeout: 20_000 });
        expect(suppliersByRefs(acme.slug, refs)).toEqual(imported);
      },
    );
  },
);

test("files that are not UTF-8 CSV are refused with a clear message, and nothing is stored", async ({ page, loginAs, acme }) => {
  const sfx = suffix();
  await loginAs(acme.compliance);

  await test.step("Latin-1 text (é saved as the byte 0xE9)", async () => {
    const name = `latin1-${sfx}.csv`;
    const bytes = Buffer.from(`name;country\r\nLantern Café ${sfx};FR\r\n`, "latin1");
    expect(bytes.includes(0xe9)).toBe(true);
    await openImportPage(page, acme);
    await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
    const response = page.waitForResponse(isUploadTo(acme));
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    expect((await response).status()).toBe(400);
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("The file is not UTF-8 text. Line 2 has a byte (0xE9) that is not UTF-8");
    await expect(alert).toContainText("Windows-1252/Latin-1");
    await expect(alert).toContainText("CSV UTF-8");
    // Remix adds "?index" after a post to an index route
    await expect(page).toHaveURL((u) => u.pathname === acme.path("/suppliers/import"));
    expect(importCountByFilename(acme.slug, name)).toBe(0);
  });

  await test.step("an Excel workbook (starts with PK\\x03\\x04)", async () => {
    const name = `suppliers-${sfx}.xlsx`;
    const bytes = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
      Buffer.from("[Content_Types].xml".padEnd(200, "\0")),
    ]);
    await openImportPage(page, acme);
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    const response = page.waitForResponse(isUploadTo(acme));
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    expect((await response).status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("This is an Excel workbook (.xlsx), not a CSV file.");
    await expect(page.getByRole("alert")).toContainText("CSV UTF-8");
    // Remix adds "?index" after a post to an index route
    await expect(page).toHaveURL((u) => u.pathname === acme.path("/suppliers/import"));
    expect(importCountByFilename(acme.slug, name)).toBe(0);
  });
});

test("a brand factory list imports without editing the file: the officer decides the conflicts in the page", async ({
  page,
  loginAs,
  acme,
}) => {
  test.setTimeout(120_000);
  // e2e/fixtures/factory-list.csv: 312 rows (see make-factory-list.mjs) of 252 suppliers once the
  // repeats and spelling variants are counted once and two conflicts are imported as two sites each.
  const buffer = await fs.readFile(path.join(REPO_ROOT, "e2e", "fixtures", "factory-list.csv"));
  await loginAs(acme.compliance);
  await upload(page, acme, "factory-list.csv", buffer);

  await test.step("the mapping step suggests the fields and shows the first values under each column", async () => {
    for (const [column, field] of [
      ["country", "country"],
      ["name", "name"],
      ["address", "address"],
      ["sector", "sector"],
      ["lat", "latitude"],
      ["lng", "longitude"],
    ]) {
      await expect(page.getByLabel(column!, { exact: true })).toHaveValue(field!);
    }
    await expect(page.locator("#col2-examples")).toContainText("34 Sunrise Road, Industrial Zone");
    await expect(page.locator("#col1-examples")).toContainText("东莞市明华制衣有限公司1");
    // The safest update policy is the default.
    await expect(page.getByRole("radio", { name: "Add new suppliers only" })).toBeChecked();
  });

  await test.step("check: the four conflicts are the only problems, each offered keep first / keep last / both", async () => {
    await check(page);
    await expectCounts(page, { rows: 312, problems: 4 });
    await expect(page.getByRole("alert")).toContainText("4 suppliers are listed more than once with different details");
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Decide, then check again" })).toBeVisible();
    const conflicts = page.locator("fieldset.import-conflict");
    await expect(conflicts).toHaveCount(4);
    await conflicts
      .nth(0)
      .getByRole("radio", { name: /\(first\)$/ })
      .check();
    await conflicts
      .nth(1)
      .getByRole("radio", { name: /\(last\)$/ })
      .check();
    await conflicts.nth(2).getByRole("radio", { name: "Import both as separate suppliers" }).check();
    await conflicts.nth(3).getByRole("radio", { name: "Import both as separate suppliers" }).check();
    // Spelling variants and invisible characters were counted once, with a warning each.
    await expect(issueRows(page, "Warnings (imported as shown)").filter({ hasText: "is the same supplier as line" }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "How the country column was read" })).toBeVisible();
  });

  await test.step("check again with the decisions, then import", async () => {
    await page.getByRole("button", { name: "Check again with these choices" }).click();
    await expect(page.getByRole("heading", { name: "Your choices" })).toBeVisible({ timeout: 20_000 });
    await expectCounts(page, { rows: 312, problems: 0, changed: 0 });
    const created = Number(await stat(page, STATS.new).textContent());
    const unchanged = Number(await stat(page, STATS.unchanged).textContent());
    // A first run creates all 252; a retry against the same database finds them unchanged.
    expect(created + unchanged).toBe(252);
    await page.getByRole("button", { name: created === 1 ? "Import 1 supplier" : `Import ${created} suppliers` }).click();
    await expect(page.getByRole("status")).toContainText("Imported.", { timeout: 30_000 });
    expect(supplierByName(acme.slug, "东莞市明华制衣有限公司1")).toMatchObject({ country: "CN", address: "72 Coral Road, District 4" });
    expect(supplierPosition(acme.slug, "东莞市明华制衣有限公司1")).toEqual({ latitude: 26.275286, longitude: 117.686838 });
  });
});

test("a check of one supplier says so in the singular, and an abandoned check can be discarded", async ({ page, loginAs, acme }) => {
  const name = `singular-${suffix()}.csv`;
  await loginAs(acme.compliance);
  await upload(page, acme, name, Buffer.from(`name,country\nLantern Single ${suffix()},VN\n`));
  await check(page);
  await expect(page.getByRole("button", { name: "Import 1 supplier", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Discard this import" }).click();
  await expect(page).toHaveURL((u) => u.pathname === acme.path("/suppliers/import"));
  const row = page.getByRole("row", { name: new RegExp(name.replace(/[.]/g, "\\.")) });
  await expect(row).toContainText("discarded");
  await expect(row.getByRole("button", { name: /^Discard/ })).toHaveCount(0);
});
