// The supplier registry as a compliance officer works it: the New supplier form (with the goods
// picker and its client-side checks), edits and the stale edit's 409, links into tiers through the
// supplier picker (and the refused loop), the filtered list in the URL and its CSV export; and an
// executive, who reads everything and changes nothing. The file works in a copy of the demo tenant
// acme of its own (the `acme` fixture); every test still makes its own suppliers (names with a
// random suffix), since the tests of the file share that copy.
import fs from "node:fs/promises";
import Database from "better-sqlite3";
import type { APIResponse, Locator, Page, Response } from "@playwright/test";
import { BASE_URL, E2E_DB_FILE } from "./support/env";
import { readCsv } from "./support/csv";
import { linksAmong, supplierById, supplierByName, supplierGoods } from "./support/db-suppliers";
import { expect, test, waitForHydration, type Tenant } from "./support/fixtures";

/** Unique per test attempt (retries and parallel workers included). */
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const isPost = (path: string) => (r: Response) => r.request().method() === "POST" && new URL(r.url()).pathname === path;

/** The value shown next to a label in the supplier page's Details list. */
const detail = (page: Page, label: string) =>
  page.locator(".details-item", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");

const tierBadge = (page: Page) => page.locator("main .page-head .badges");

function idFromLocation(tenant: Tenant, res: APIResponse): number {
  const m = new RegExp(`${tenant.path("/suppliers")}/(\\d+)$`).exec(res.headers()["location"] ?? "");
  if (!m) throw new Error(`Expected a redirect to a supplier page, got ${res.status()} ${res.headers()["location"] ?? ""}`);
  return Number(m[1]);
}

/** Setup shortcut: the New supplier form's plain (no-JS) post in `tenant`, as the signed-in user of `page`. */
async function createSupplier(
  page: Page,
  tenant: Tenant,
  fields: { name: string; country: string; externalRef?: string; city?: string; workersCount?: string },
): Promise<number> {
  const res = await page.request.post(tenant.path("/suppliers/new"), {
    form: { status: "active", ...fields },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  expect(res.status(), await res.text()).toBe(302);
  return idFromLocation(tenant, res);
}

/** Types part of a name into a link form's supplier picker and chooses the matching result. */
async function pick(form: Locator, pickerLabel: string, query: string, name: string) {
  await form.getByLabel(pickerLabel, { exact: true }).fill(query);
  const radio = form.getByRole("radio", { name });
  await expect(radio).toHaveCount(1);
  await radio.check();
  await expect(radio).toBeChecked();
}

test("a compliance officer creates a supplier through the form; an empty name is caught in the browser", async ({
  page,
  loginAs,
  acme,
}) => {
  const LIST = acme.path("/suppliers");
  const sfx = suffix();
  const name = `Lantern Knit Works ${sfx}`;
  const ref = `E2E-NEW-${sfx}`;
  await loginAs(acme.compliance);

  await page.goto(LIST);
  await page.getByRole("link", { name: "New supplier" }).click();
  await expect(page).toHaveURL(`${BASE_URL}${LIST}/new`);
  await expect(page.getByRole("heading", { level: 1, name: "New supplier" })).toBeVisible();
  await waitForHydration(page, "main form");

  await test.step("an empty name shows the field message without a round trip", async () => {
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.getByRole("button", { name: "Create supplier" }).click();
    const nameInput = page.getByLabel("Name", { exact: true });
    await expect(nameInput).toHaveAttribute("aria-invalid", "true");
    await expect(nameInput).toHaveAccessibleDescription("Enter the supplier's name");
    await expect(page.getByText("Enter the supplier's name", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Country", { exact: true })).toHaveAccessibleDescription("Choose a country");
    await expect(page.getByRole("alert").first()).toContainText("Some fields need attention");
    expect(posts, "no request may leave the browser").toEqual([]);
    await expect(page).toHaveURL(`${BASE_URL}${LIST}/new`);
  });

  await test.step("fill in the form, goods through the picker", async () => {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await expect(page.getByText("Enter the supplier's name", { exact: true })).toHaveCount(0);
    await page.getByLabel("Reference (your vendor number)").fill(ref);
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Bangladesh" });
    await page.getByLabel("City", { exact: true }).fill("Gazipur");

    const goodInput = page.getByLabel("Add a good");
    await goodInput.fill("cotton"); // the TVPRA list's own spelling is used
    await goodInput.press("Enter"); // adds the good, does not submit the form
    await goodInput.fill("Recycled trims");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    const chips = page.getByRole("list", { name: "Goods added" }).getByRole("listitem");
    await expect(chips).toHaveCount(2);
    await expect(chips.nth(0)).toHaveText(/^Cotton\s*✕$/);
    await expect(chips.nth(1)).toContainText("Recycled trims");
    await expect(chips.nth(1)).toContainText("not on the TVPRA list");
    await expect(page).toHaveURL(`${BASE_URL}${LIST}/new`);

    await page.getByLabel("Annual spend", { exact: true }).fill("125000");
    await page.getByLabel("Currency", { exact: true }).fill("usd");
    await page.getByLabel("Number of workers", { exact: true }).fill("640");
  });

  await test.step("create: the supplier's page shows the values", async () => {
    await page.getByRole("button", { name: "Create supplier" }).click();
    await expect(page).toHaveURL(new RegExp(`^${BASE_URL}${LIST}/\\d+$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(tierBadge(page)).toContainText("Tier 1");
    await expect(detail(page, "Reference")).toHaveText(ref);
    await expect(detail(page, "Country")).toContainText("Bangladesh (BD)");
    await expect(detail(page, "City")).toHaveText("Gazipur");
    await expect(detail(page, "Goods").getByRole("listitem")).toHaveText(["Cotton", "Recycled trims"]);
    await expect(detail(page, "Annual spend")).toHaveText(/^USD\s125,000$/);
    await expect(detail(page, "Workers")).toHaveText("640");
  });

  const row = supplierByName(acme.slug, name);
  expect(row).toBeDefined();
  expect(page.url()).toBe(`${BASE_URL}${LIST}/${row!.id}`);
  expect(row).toMatchObject({
    external_ref: ref,
    country: "BD",
    city: "Gazipur",
    annual_spend: 125000,
    currency: "USD",
    workers_count: 640,
    tier: 1,
    status: "active",
    version: 1,
  });
  expect(supplierGoods(row!.id)).toEqual(["Cotton", "Recycled trims"]);
});

test("an edit is saved; a stale edit from another tab gets the 409 and never overwrites", async ({ page, context, loginAs, acme }) => {
  const LIST = acme.path("/suppliers");
  const sfx = suffix();
  const name = `Lantern Edit Mill ${sfx}`;
  await loginAs(acme.compliance);
  const id = await createSupplier(page, acme, { name, country: "TR", city: "Izmir", workersCount: "120" });
  const editPath = `${LIST}/${id}/edit`;

  // Both tabs open the form on version 1.
  await page.goto(editPath);
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${name}` })).toBeVisible();
  await waitForHydration(page, "main form");
  const second = await context.newPage();
  await second.goto(editPath);
  await waitForHydration(second, "main form");
  await expect(second.getByLabel("City", { exact: true })).toHaveValue("Izmir");

  await test.step("the first tab saves a new city: shown on the supplier's page", async () => {
    await page.getByLabel("City", { exact: true }).fill("Bursa");
    const response = page.waitForResponse(isPost(editPath));
    await page.getByRole("button", { name: "Save changes" }).click();
    expect((await response).status()).toBeLessThan(400); // a redirect, as Remix answers a fetch
    await expect(page).toHaveURL(`${BASE_URL}${LIST}/${id}`);
    await expect(detail(page, "City")).toHaveText("Bursa");
    expect(supplierById(id)).toMatchObject({ city: "Bursa", workers_count: 120, version: 2 });
  });

  await test.step("the second tab, still on version 1, saves: 409 with the comparison, nothing overwritten", async () => {
    await second.getByLabel("Number of workers", { exact: true }).fill("999");
    const response = second.waitForResponse(isPost(editPath));
    await second.getByRole("button", { name: "Save changes" }).click();
    expect((await response).status()).toBe(409);
    await expect(second).toHaveURL(`${BASE_URL}${editPath}`);
    const alert = second.locator(".alert.stale");
    await expect(alert).toHaveAttribute("role", "alert");
    await expect(alert).toContainText("Someone else changed this supplier while you were editing.");
    await expect(alert).toContainText("your changes were not saved");
    const compare = alert.getByRole("table", { name: "Fields that differ" });
    await expect(compare.getByRole("row", { name: /^City/ }).getByRole("cell")).toHaveText(["Izmir", "Bursa"]);
    await expect(compare.getByRole("row", { name: /^Number of workers/ }).getByRole("cell")).toHaveText(["999", "120"]);
    // The form now holds their version.
    await expect(second.getByLabel("City", { exact: true })).toHaveValue("Bursa");

    expect(supplierById(id)).toMatchObject({ city: "Bursa", workers_count: 120, version: 2 });
  });

  await test.step("“Reload the latest version” opens a fresh form on version 2", async () => {
    await second.getByRole("link", { name: "Reload the latest version" }).click();
    await expect(second).toHaveURL(`${BASE_URL}${editPath}`);
    await expect(second.locator(".alert.stale")).toHaveCount(0);
    await expect(second.getByLabel("City", { exact: true })).toHaveValue("Bursa");
    await expect(second.getByLabel("Number of workers", { exact: true })).toHaveValue("120");
    await waitForHydration(second, "main form");
    // Saving from the reloaded form works.
    await second.getByLabel("Number of workers", { exact: true }).fill("999");
    await second.getByRole("button", { name: "Save changes" }).click();
    await expect(second).toHaveURL(`${BASE_URL}${LIST}/${id}`);
    await expect(detail(second, "Workers")).toHaveText("999");
    expect(supplierById(id)).toMatchObject({ city: "Bursa", workers_count: 999, version: 3 });
  });
});

test("links put suppliers into tiers; a link that would close a loop is refused with the loop named", async ({ page, loginAs, acme }) => {
  const LIST = acme.path("/suppliers");
  const sfx = suffix();
  const [nameA, nameB, nameC] = [`Tier Alpha ${sfx}`, `Tier Bravo ${sfx}`, `Tier Charlie ${sfx}`];
  await loginAs(acme.compliance);
  const a = await createSupplier(page, acme, { name: nameA, country: "VN" });
  const b = await createSupplier(page, acme, { name: nameB, country: "VN" });
  const c = await createSupplier(page, acme, { name: nameC, country: "CN" });
  expect([a, b, c].map((id) => supplierById(id)?.tier)).toEqual([1, 1, 1]);

  await test.step("on B's page: B supplies A (add a buyer through the picker)", async () => {
    await page.goto(`${LIST}/${b}`);
    await waitForHydration(page, "form.link-form");
    const form = page.getByRole("form", { name: `${nameB} supplies …` });
    await pick(form, "Find the buyer it supplies", `Alpha ${sfx}`, nameA);
    const response = page.waitForResponse(isPost(`${LIST}/${b}`));
    await form.getByRole("button", { name: "Add buyer" }).click();
    expect((await response).status()).toBeLessThan(400);
    await expect(page.locator(".toast").filter({ hasText: "Link added." })).toContainText("1 supplier changed tier.");
    await expect(tierBadge(page)).toContainText("Tier 2");
    await expect(page.getByRole("region", { name: "Supplies to" }).getByRole("link", { name: nameA })).toBeVisible();
  });

  await test.step("on B's page: C supplies B (add a supplier through the picker)", async () => {
    const form = page.getByRole("form", { name: `Add a supplier of ${nameB}` });
    await pick(form, "Find the supplier", `charlie ${sfx}`, nameC);
    const response = page.waitForResponse(isPost(`${LIST}/${b}`));
    await form.getByRole("button", { name: "Add supplier" }).click();
    expect((await response).status()).toBeLessThan(400);
    await expect(page.locator(".toast").filter({ hasText: "Link added." })).toContainText("1 supplier changed tier.");
    const up = page.getByRole("region", { name: "Its suppliers" });
    await expect(up.getByRole("link", { name: nameC })).toBeVisible();
    await expect(up.getByRole("listitem").filter({ hasText: nameC })).toContainText("Tier 3");
  });

  await test.step("tiers: A 1, B 2, C 3, on the pages and in the database", async () => {
    for (const [id, tier] of [
      [a, 1],
      [b, 2],
      [c, 3],
    ] as const) {
      await page.goto(`${LIST}/${id}`);
      await expect(tierBadge(page)).toContainText(`Tier ${tier}`);
    }
    // C's page shows its way down to tier 1: C → B → A.
    await expect(page.getByRole("region", { name: "Supplies to" })).toContainText(`via ${nameA}`);
    expect([a, b, c].map((id) => supplierById(id)?.tier)).toEqual([1, 2, 3]);
    expect(linksAmong([a, b, c])).toEqual(
      [
        { supplierId: b, buyerId: a },
        { supplierId: c, buyerId: b },
      ].sort((x, y) => x.supplierId - y.supplierId),
    );
  });

  await test.step("on A's page: A supplies C would close a loop: 409, the loop named, nothing changed", async () => {
    await page.goto(`${LIST}/${a}`);
    await waitForHydration(page, "form.link-form");
    const form = page.getByRole("form", { name: `${nameA} supplies …` });
    await pick(form, "Find the buyer it supplies", `Charlie ${sfx}`, nameC);
    const response = page.waitForResponse(isPost(`${LIST}/${a}`));
    await form.getByRole("button", { name: "Add buyer" }).click();
    expect((await response).status()).toBe(409);
    await expect(form.getByRole("alert")).toHaveText(
      `This link would close a loop: ${nameA} → ${nameC} → ${nameB} → ${nameA}. A supply chain cannot loop back on itself.`,
    );
    await expect(tierBadge(page)).toContainText("Tier 1");
    await expect(page.getByRole("region", { name: "Supplies to" })).toContainText(`sells to ${acme.name} directly`);
    expect([a, b, c].map((id) => supplierById(id)?.tier)).toEqual([1, 2, 3]);
    expect(linksAmong([a, b, c])).toHaveLength(2);
  });
});

test("the list filters by country and tier in the URL, and exports exactly those rows, formula-safe", async ({ page, loginAs, acme }) => {
  const LIST = acme.path("/suppliers");
  const sfx = suffix();
  // Portugal, tier 1: in the demo data only Porto Calçado Lda (Felgueiras Leather Components is tier 2).
  const formulaName = `=HYPERLINK("x")  Trading ${sfx}`;
  await loginAs(acme.compliance);

  await test.step("create a supplier whose name starts with = through the form", async () => {
    await page.goto(`${LIST}/new`);
    await waitForHydration(page, "main form");
    await page.getByLabel("Name", { exact: true }).fill(formulaName);
    await page.getByLabel("Country", { exact: true }).selectOption("PT");
    await page.getByRole("button", { name: "Create supplier" }).click();
    await expect(page).toHaveURL(new RegExp(`^${BASE_URL}${LIST}/\\d+$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Trading ${sfx}`);
    expect(supplierByName(acme.slug, formulaName)).toMatchObject({ country: "PT", tier: 1 });
  });

  const rows = page.getByRole("table").locator("tbody tr");
  const status = page.getByRole("status");
  let count = 0;
  let names: string[] = [];

  await test.step("filter by country and tier through the filter form", async () => {
    await page.goto(LIST);
    await waitForHydration(page, "form.filters");
    const all = Number((await status.innerText()).match(/^([\d,]+) suppliers?$/)?.[1]?.replace(/,/g, ""));
    expect(all).toBeGreaterThanOrEqual(38);

    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Portugal" });
    await page.getByLabel("Tier", { exact: true }).selectOption("1");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL((u) => u.searchParams.get("country") === "PT" && u.searchParams.get("tier") === "1");
    await expect(status).toHaveText(/^\d+ (supplier matches|suppliers match) these filters$/);
    count = Number((await status.innerText()).match(/^(\d+)/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThan(all);
    await expect(rows).toHaveCount(count);
    for (const r of await rows.all()) {
      await expect(r.getByRole("cell").nth(2)).toHaveText("Portugal");
      await expect(r.getByRole("cell").nth(4)).toHaveText("Tier 1");
    }
    await expect(rows.filter({ hasText: "Porto Calçado Lda" })).toHaveCount(1);
    await expect(rows.filter({ hasText: `Trading ${sfx}` })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Felgueiras Leather Components Lda" })).toHaveCount(0);
    names = await rows.locator("td:first-child").allInnerTexts();
  });

  await test.step("the URL is bookmarkable: loading it again gives the same rows", async () => {
    const url = page.url();
    await page.goto(LIST);
    await expect(status).not.toContainText("these filters");
    await page.goto(url);
    await expect(status).toHaveText(`${count} ${count === 1 ? "supplier matches" : "suppliers match"} these filters`);
    await expect(rows.locator("td:first-child")).toHaveText(names);
    await expect(page.getByLabel("Country", { exact: true })).toHaveValue("PT");
    await expect(page.getByLabel("Tier", { exact: true })).toHaveValue("1");
  });

  await test.step("Export CSV downloads exactly the filtered rows in the template's columns", async () => {
    const templateRes = await page.request.get(`${LIST}/import/template.csv`);
    expect(templateRes.status()).toBe(200);
    const templateHeader = readCsv(await templateRes.text())[0];
    expect(templateHeader).toContain("supplies_to");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${acme.slug}-suppliers-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = await fs.readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for Excel
    const text = bytes.toString("utf8");
    const [header, ...records] = readCsv(text);
    // The template's columns, then the computed risk score and band (which an import ignores).
    expect(header).toEqual([...templateHeader!, "risk_score", "risk_band"]);
    expect(records).toHaveLength(count);
    const col = (key: string) => header!.indexOf(key);
    for (const r of records) expect(r[col("country")]).toBe("PT");
    expect(records.map((r) => r[col("name")])).toContain("Porto Calçado Lda");

    // The formula is neutralised: a leading ' makes a spreadsheet show the text instead of running it.
    const formulaRows = records.filter((r) => r[col("name")]?.includes(`Trading ${sfx}`));
    expect(formulaRows).toHaveLength(1);
    expect(formulaRows[0]![col("name")]).toBe(`'${formulaName}`);
    expect(text).toContain(`"'=HYPERLINK(""x"")  Trading ${sfx}"`);
    // Plain numbers (a negative longitude, say) are numbers, not formulas; every other cell is neutralised.
    for (const r of records) for (const cell of r) if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell, `cell ${cell}`).not.toMatch(/^[=+\-@]/);
  });
});

/**
 * Sets suppliers' current risk as the risk service would (scores themselves are tested with the
 * risk model): fixed values make the filter and the sort order known in advance.
 */
function setRisk(values: Array<[id: number, score: number | null, band: string | null]>): void {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000"); // the server writes to the same file
    const stmt = db.prepare("UPDATE suppliers SET risk_score = ?, risk_band = ?, risk_computed_at = ? WHERE id = ?");
    db.transaction(() => {
      for (const [id, score, band] of values) stmt.run(score, band, score === null ? null : new Date().toISOString(), id);
    })();
  } finally {
    db.close();
  }
}

test("the list shows each supplier's risk, filters by band in the URL, sorts by score and by band, and exports both", async ({
  page,
  loginAs,
  acme,
}) => {
  // Scores are set straight in the database; nothing in this file recomputes the copy's scores.
  const LIST = acme.path("/suppliers");
  const sfx = suffix();
  await loginAs(acme.compliance);
  const create = async (name: string) => {
    const res = await page.request.post(`${LIST}/new`, {
      form: { status: "active", name, country: "VN" },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    });
    expect(res.status(), await res.text()).toBe(302);
    return Number(/\/suppliers\/(\d+)$/.exec(res.headers()["location"] ?? "")?.[1]);
  };
  const names = { critical: `Risk Critical ${sfx}`, medium: `Risk Medium ${sfx}`, low: `Risk Low ${sfx}`, none: `Risk Unscored ${sfx}` };
  const ids = {
    critical: await create(names.critical),
    medium: await create(names.medium),
    low: await create(names.low),
    none: await create(names.none),
  };
  setRisk([
    [ids.critical, 88.5, "critical"],
    [ids.medium, 41, "medium"],
    [ids.low, 12, "low"],
    [ids.none, null, null],
  ]);

  const rows = page.getByRole("table").locator("tbody tr");
  const nameCells = rows.locator("td:first-child");
  const riskCell = (name: string) => rows.filter({ hasText: name }).locator("td.risk");

  await test.step("the Risk column: score and band in words, or Not scored", async () => {
    await page.goto(`${LIST}?q=${sfx}`);
    await waitForHydration(page, "form.filters");
    await expect(rows).toHaveCount(4);
    await expect(riskCell(names.critical)).toHaveText("88.5 Critical");
    await expect(riskCell(names.critical).locator(".badge")).toHaveClass(/risk-critical/);
    await expect(riskCell(names.medium)).toHaveText("41.0 Medium");
    await expect(riskCell(names.low)).toHaveText("12.0 Low");
    await expect(riskCell(names.none)).toHaveText("Not scored");
  });

  await test.step("filter by band through the form; the filter lives in the URL", async () => {
    await page.getByLabel("Risk", { exact: true }).selectOption({ label: "Critical" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL((u) => u.searchParams.get("risk") === "critical" && u.searchParams.get("q") === sfx);
    await expect(nameCells).toHaveText([names.critical]);
    await expect(page.getByRole("status")).toHaveText("1 supplier matches these filters");

    await page.getByLabel("Risk", { exact: true }).selectOption({ label: "Not scored" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL((u) => u.searchParams.get("risk") === "none");
    await expect(nameCells).toHaveText([names.none]);
    await page.reload();
    await expect(page.getByLabel("Risk", { exact: true })).toHaveValue("none");
    await expect(nameCells).toHaveText([names.none]);
  });

  await test.step("sort by score: highest first, then lowest first; unscored last both ways", async () => {
    await page.goto(`${LIST}?q=${sfx}`);
    await waitForHydration(page, "form.filters");
    const header = page.getByRole("columnheader", { name: /^Risk/ });
    await header.getByRole("link", { name: /^Risk/ }).click();
    await expect(page).toHaveURL((u) => u.searchParams.get("sort") === "score" && u.searchParams.get("dir") === "desc");
    await expect(nameCells).toHaveText([names.critical, names.medium, names.low, names.none]);
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await header.getByRole("link", { name: /^Risk/ }).click();
    await expect(page).toHaveURL((u) => u.searchParams.get("sort") === "score" && u.searchParams.get("dir") === "asc");
    await expect(nameCells).toHaveText([names.low, names.medium, names.critical, names.none]);
    await header.getByRole("link", { name: /^by band/ }).click();
    await expect(page).toHaveURL((u) => u.searchParams.get("sort") === "band" && u.searchParams.get("dir") === "desc");
    await expect(nameCells).toHaveText([names.critical, names.medium, names.low, names.none]);
  });

  await test.step("a row's link opens the supplier in the app (no full page load)", async () => {
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await nameCells.filter({ hasText: names.medium }).getByRole("link").click();
    await expect(page).toHaveURL(`${BASE_URL}${LIST}/${ids.medium}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(names.medium);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.goBack();
    await expect(nameCells).toHaveText([names.critical, names.medium, names.low, names.none]);
  });

  await test.step("the export has the score and band of the filtered rows", async () => {
    const res = await page.request.get(`${LIST}/export.csv?q=${sfx}&risk=critical`);
    expect(res.status()).toBe(200);
    const [header, ...records] = readCsv(await res.text());
    expect(header!.slice(-2)).toEqual(["risk_score", "risk_band"]);
    expect(records.map((r) => [r[header!.indexOf("name")], r[header!.indexOf("risk_score")], r[header!.indexOf("risk_band")]])).toEqual([
      [names.critical, "88.5", "critical"],
    ]);
  });
});

test.describe("an executive", () => {
  test("reads the list and a supplier page without any editing control; posts are refused with 403", async ({ page, loginAs, acme }) => {
    const LIST = acme.path("/suppliers");
    const supplier = supplierByName(acme.slug, "Narayanganj Fabric Mills Ltd");
    expect(supplier).toMatchObject({ external_ref: "ACME-V-0013", tier: 2 });
    const id = supplier!.id;
    await loginAs(acme.exec);

    await test.step("the list, with export but no New or Import", async () => {
      // Searched: the other tests of this file add suppliers to the tenant, which can push it off page 1.
      const response = await page.goto(`${LIST}?q=${encodeURIComponent("Narayanganj Fabric")}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Suppliers" })).toBeVisible();
      await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
      await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
      await expect(page.getByRole("link", { name: "New supplier" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
    });

    await test.step("a supplier page, with its chain but no Edit, Archive, Delete or link controls", async () => {
      await page.getByRole("link", { name: "Narayanganj Fabric Mills Ltd" }).click();
      await expect(page).toHaveURL(`${BASE_URL}${LIST}/${id}`);
      await expect(page.getByRole("heading", { level: 1, name: "Narayanganj Fabric Mills Ltd" })).toBeVisible();
      await expect(tierBadge(page)).toContainText("Tier 2");
      await expect(page.getByRole("region", { name: "Supplies to" }).getByRole("link", { name: "Dhaka Knitwear Ltd" })).toBeVisible();
      await expect(
        page.getByRole("region", { name: "Its suppliers" }).getByRole("link", { name: "Tiruppur Spinning Mills Ltd" }),
      ).toBeVisible();
      await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
      for (const button of ["Archive", "Restore", "Add buyer", "Add supplier", "Remove link", "Delete supplier"]) {
        await expect(page.getByRole("button", { name: button })).toHaveCount(0);
      }
      await expect(page.getByRole("searchbox")).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "Delete" })).toHaveCount(0);
      await expect(page.locator("main form")).toHaveCount(0);
    });

    await test.step("the edit page and the actions answer 403", async () => {
      const edit = await page.goto(`${LIST}/${id}/edit`);
      expect(edit?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "You cannot do that" })).toBeVisible();

      const before = supplierById(id)!;
      const post = await page.request.post(`${LIST}/${id}/edit`, {
        form: { name: "Renamed by an executive", country: "BD", status: "active", version: String(before.version) },
        headers: { Origin: BASE_URL },
        maxRedirects: 0,
      });
      expect(post.status()).toBe(403);
      const link = await page.request.post(`${LIST}/${id}`, {
        form: { intent: "archive" },
        headers: { Origin: BASE_URL },
        maxRedirects: 0,
      });
      expect(link.status()).toBe(403);
      const create = await page.request.post(`${LIST}/new`, {
        form: { name: "Created by an executive", country: "BD", status: "active" },
        headers: { Origin: BASE_URL },
        maxRedirects: 0,
      });
      expect(create.status()).toBe(403);
      expect(supplierById(id)).toEqual(before);
      expect(supplierByName(acme.slug, "Created by an executive")).toBeUndefined();
    });
  });
});
