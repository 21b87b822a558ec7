// The executive dashboard and the board report, as acme's executive: every chart drawn with data
// and no control the role cannot use; a country filter kept in the URL; a bar that leads to the
// matching supplier list; the board report printed to PDF by Chromium with the dashboard's numbers.
// The file works in a copy of the demo tenant acme of its own (the `acme` fixture): nobody else
// adds suppliers to it, so the figures are known.
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { BASE_URL, E2E_DB_FILE, REPO_ROOT } from "./support/env";
import { expect, test, type Tenant } from "./support/fixtures";

const SHOTS = path.join(REPO_ROOT, "test-results", "screenshots");
const CHARTS = ["bands-by-tier", "country-risk", "spend-risk", "principles", "trend", "funnel"] as const;
const FIGURES = ["suppliers", "assessed", "high-critical", "red-flags", "overdue-assessments", "actions"] as const;

/** Counts straight from the e2e database (what the figures must equal). */
function dbCount(sqlText: string, ...params: unknown[]): number {
  const db = new Database(E2E_DB_FILE, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return Number((db.prepare(sqlText).get(...params) as { n: number }).n);
  } finally {
    db.close();
  }
}
/** How many suppliers of the tenant, not archived, match the extra condition `where` (`AND …`). */
const supplierCount = (tenant: Tenant, where: string, ...params: unknown[]) =>
  dbCount(
    "SELECT COUNT(*) AS n FROM suppliers s JOIN organizations o ON o.id = s.org_id " +
      `WHERE o.slug = ? AND s.status <> 'archived' ${where}`,
    tenant.slug,
    ...params,
  );

/** Waits until every chart card holds a drawn chart (charts are drawn in the browser). */
async function chartsDrawn(page: Page) {
  for (const id of CHARTS) {
    const card = page.locator(`[data-chart="${id}"]`);
    await expect(card.locator("svg.recharts-surface").first(), id).toBeVisible();
  }
}

async function headline(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of FIGURES) out[key] = (await page.locator(`[data-figure="${key}"] .dash-stat-value`).innerText()).trim();
  return out;
}

/**
 * The text of a PDF made by Chromium: each page's content streams decoded through the ToUnicode
 * maps of its fonts (Chromium writes text as glyph ids). Enough to find words and numbers.
 */
function pdfText(pdf: Buffer): string {
  const src = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of src.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2]!;
    const at = body.search(/stream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0) {
      dict = body.slice(0, at);
      const start = at + body.slice(at).indexOf("\n") + 1;
      const bytes = Buffer.from(body.slice(start, body.lastIndexOf("endstream")).replace(/\r?\n$/, ""), "latin1");
      try {
        stream = /FlateDecode/.test(dict) ? zlib.inflateSync(bytes) : bytes;
      } catch {
        stream = null;
      }
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const ref = (s: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(s)?.[1] ?? NaN);
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontObj: number): Map<number, string> => {
    const cached = cmaps.get(fontObj);
    if (cached) return cached;
    const map = new Map<number, string>();
    const text = objects.get(ref(objects.get(fontObj)?.dict ?? "", "ToUnicode"))?.stream?.toString("latin1") ?? "";
    const uni = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const p of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(p[1]!, 16), uni(p[2]!));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const p of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const [lo, hi, first] = [parseInt(p[1]!, 16), parseInt(p[2]!, 16), parseInt(p[3]!, 16)];
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(first + c - lo));
      }
    }
    cmaps.set(fontObj, map);
    return map;
  };
  /** Font resource names (/F3) of a resources dictionary, to their font objects. */
  const fontsOf = (resources: string): Map<string, number> => {
    let res = resources;
    const indirect = /^\s*(\d+) 0 R/.exec(res);
    if (indirect) res = objects.get(Number(indirect[1]))?.dict ?? "";
    let fonts = /\/Font\s*<<([\s\S]*?)>>/.exec(res)?.[1];
    const fontRef = /\/Font\s+(\d+) 0 R/.exec(res);
    if (!fonts && fontRef) fonts = objects.get(Number(fontRef[1]))?.dict ?? "";
    const out = new Map<string, number>();
    for (const f of (fonts ?? "").matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) out.set(f[1]!, Number(f[2]));
    return out;
  };
  const decode = (content: string, fonts: Map<string, number>): string => {
    let cmap = new Map<number, string>();
    let out = "";
    for (const tok of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\bET\b/g)) {
      if (tok[1] !== undefined) cmap = fonts.has(tok[1]) ? cmapOf(fonts.get(tok[1])!) : new Map();
      else if (tok[0] === "ET") out += " ";
      else {
        const hexes = tok[2] !== undefined ? [...tok[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => h[1]!) : [tok[3]!];
        for (const hex of hexes) for (const g of hex.match(/.{4}/g) ?? []) out += cmap.get(parseInt(g, 16)) ?? "";
      }
    }
    return out;
  };
  const pages: string[] = [];
  for (const o of objects.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(o.dict)) continue;
    const resources = /\/Resources\s*(<<[\s\S]*>>|\d+ 0 R)/.exec(o.dict)?.[1] ?? "";
    const fonts = fontsOf(resources);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(o.dict)?.[1] ?? "";
    let text = "";
    for (const c of contents.matchAll(/(\d+) 0 R/g)) text += decode(objects.get(Number(c[1]))?.stream?.toString("latin1") ?? "", fonts);
    // Text inside form XObjects drawn by the page (Chromium uses them for some layers).
    for (const x of (/\/XObject\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? "").matchAll(/(\d+) 0 R/g)) {
      const xo = objects.get(Number(x[1]));
      if (xo?.stream)
        text += decode(
          xo.stream.toString("latin1"),
          new Map([...fonts, ...fontsOf(/\/Resources\s*(<<[\s\S]*>>|\d+ 0 R)/.exec(xo.dict)?.[1] ?? "")]),
        );
    }
    pages.push(text);
  }
  // Chromium draws "fl", "fi" as ligature glyphs; read them back as letters.
  return pages
    .join("\n")
    .replace(/\uFB01/g, "fi")
    .replace(/\uFB02/g, "fl")
    .replace(/\s+/g, " ");
}

/** A tenant with no supplier yet, its executive and its compliance officer being `members`' (written straight to the database). */
function freshTenant(slug: string, members: Tenant): void {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const at = new Date().toISOString();
    const org = db.prepare("INSERT INTO organizations (slug, name, created_at) VALUES (?, ?, ?)").run(slug, "Fresh Textiles", at);
    for (const [email, role] of [
      [members.exec, "executive"],
      [members.compliance, "compliance"],
    ]) {
      db.prepare("INSERT INTO memberships (org_id, user_id, role, created_at) SELECT ?, id, ?, ? FROM users WHERE email = ?").run(
        org.lastInsertRowid,
        role,
        at,
        email,
      );
    }
  } finally {
    db.close();
  }
}

test("a new tenant is told what to do first, with the buttons each role may use", async ({ page, loginAs, newContext, acme }) => {
  const slug = `fresh-${Date.now().toString(36)}`;
  freshTenant(slug, acme);
  await loginAs(acme.exec);
  await page.goto(`/o/${slug}`);
  await expect(page.getByRole("heading", { name: "No suppliers yet" })).toBeVisible();
  await expect(page.getByText("Import your suppliers")).toBeVisible();
  await expect(page.getByText("Send the questionnaire")).toBeVisible();
  await expect(page.getByText("Your role is read-only")).toBeVisible();
  await expect(page.locator("main").getByRole("link", { name: /Import suppliers|Add a supplier|Send the questionnaire/ })).toHaveCount(0);
  await expect(page.locator("main .chart-frame")).toHaveCount(0);

  const officer = await newContext();
  await loginAs(acme.compliance, officer);
  const officerPage = await officer.newPage();
  await officerPage.goto(`/o/${slug}`);
  await officerPage.getByRole("link", { name: "Import suppliers" }).click();
  await expect(officerPage).toHaveURL(`${BASE_URL}/o/${slug}/suppliers/import`);
  await officerPage.goBack();
  await expect(officerPage.getByRole("link", { name: "Send the questionnaire" })).toHaveAttribute("href", `/o/${slug}/assessments/new`);
});

test.describe("the executive of acme", () => {
  test.beforeEach(async ({ loginAs, acme }) => {
    await loginAs(acme.exec);
  });

  test("sees every chart with data, and no control it cannot use", async ({ page, acme }) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    const response = await page.goto(acme.path());
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: acme.name })).toBeVisible();
    await chartsDrawn(page);

    // Data in every chart: bar segments (links to the matching lists), the radar, both trend lines.
    await expect(page.locator('[data-chart="bands-by-tier"] a.chart-link').first()).toBeVisible();
    expect(await page.locator('[data-chart="country-risk"] a.chart-link').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-chart="spend-risk"] a.chart-link').count()).toBeGreaterThan(1);
    await expect(page.locator('[data-chart="principles"] .recharts-radar-polygon')).toBeVisible();
    expect(await page.locator('[data-chart="trend"] .recharts-line-curve').count()).toBe(2);
    expect(await page.locator('[data-chart="funnel"] a.chart-link').count()).toBe(4);
    await expect(page.locator('[data-chart="top-risks"] tbody tr')).toHaveCount(10);

    // The headline agrees with the database.
    const figures = await headline(page);
    expect(figures.suppliers).toBe(String(supplierCount(acme, "")));
    expect(figures["high-critical"]).toBe(String(supplierCount(acme, "AND s.risk_band IN ('high', 'critical')")));

    // Read-only: the only button is the filter's Apply; nothing leads to a form the role cannot use.
    const buttons = await page.locator("main").getByRole("button").allInnerTexts();
    expect(buttons.map((b) => b.trim())).toEqual(["Apply"]);
    expect(await page.locator('main a[href*="/new"], main a[href*="/import"], main a[href*="/edit"]').count()).toBe(0);

    // The charts never replaced the server's page (no hydration error) and drew nothing broken.
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "dashboard-executive-laptop.png"), fullPage: true });
    await page.setViewportSize({ width: 820, height: 1180 });
    await chartsDrawn(page);
    await page.screenshot({ path: path.join(SHOTS, "dashboard-executive-tablet.png"), fullPage: true });
  });

  test("filters by a country, clicks a bar and lands on the matching supplier list", async ({ page, acme }) => {
    await page.goto(acme.path());
    await chartsDrawn(page);
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Bangladesh" });
    await expect(page).toHaveURL(`${BASE_URL}${acme.path("?country=BD")}`);
    await expect(page.locator(".dash-scope")).toContainText("of suppliers in Bangladesh");
    await chartsDrawn(page);
    const inBangladesh = supplierCount(acme, "AND s.country = 'BD'");
    await expect(page.locator('[data-figure="suppliers"] .dash-stat-value')).toHaveText(String(inBangladesh));
    // Every supplier in the top-ten list is now in Bangladesh.
    const rows = page.locator('[data-chart="top-risks"] tbody tr');
    await expect(rows).toHaveCount(Math.min(10, supplierCount(acme, "AND s.country = 'BD' AND s.risk_score IS NOT NULL")));
    for (const text of await rows.allInnerTexts()) expect(text).toContain("Bangladesh");

    // A segment of the tier chart: "Tier 1: 2 high — show these suppliers".
    const bar = page.locator('[data-chart="bands-by-tier"] a.chart-link').first();
    const label = (await bar.getAttribute("aria-label")) ?? "";
    const m = /^Tier (\d+): (\d+) (critical|high|medium|low|not scored)/.exec(label);
    expect(m, label).not.toBeNull();
    const [, tier, count, bandLabel] = m!;
    const band = bandLabel === "not scored" ? "none" : bandLabel!;
    await bar.click();
    await expect(page).toHaveURL(`${BASE_URL}${acme.path(`/suppliers?tier=${tier}&country=BD&risk=${band}`)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Suppliers" })).toBeVisible();
    const expected = supplierCount(
      acme,
      `AND s.country = 'BD' AND s.tier = ? AND ${band === "none" ? "s.risk_band IS NULL" : "s.risk_band = ?"}`,
      ...(band === "none" ? [Number(tier)] : [Number(tier), band]),
    );
    expect(Number(count)).toBe(expected);
    await expect(page.getByRole("status")).toHaveText(
      `${expected} ${expected === 1 ? "supplier matches" : "suppliers match"} these filters`,
    );
    await expect(page.locator("table.supplier-table tbody tr")).toHaveCount(expected);
  });

  test("prints the board report to PDF with the dashboard's numbers", async ({ page, acme }) => {
    await page.goto(acme.path("?days=365"));
    await chartsDrawn(page);
    const dashboard = await headline(page);

    await page.getByRole("main").getByRole("link", { name: "Board report" }).click();
    await expect(page).toHaveURL(`${BASE_URL}${acme.path("/report?days=365")}`);
    await expect(page.getByRole("heading", { level: 1, name: acme.name })).toBeVisible();
    await expect(page.getByRole("heading", { name: "What changed" })).toBeVisible();
    await chartsDrawn(page);
    // Nobody changes the tenant meanwhile: the report has exactly the dashboard's figures.
    const report = await headline(page);
    expect(report).toEqual(dashboard);

    // As printed: no app chrome or controls, the same figures, every chart.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".sidebar")).toBeHidden();
    await expect(page.locator(".report-controls")).toBeHidden();
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    expect(await headline(page)).toEqual(report);
    await page.screenshot({ path: path.join(SHOTS, "board-report-print.png"), fullPage: true });

    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    const text = pdfText(pdf);
    expect(text).toMatch(new RegExp(`Board report · forced-labour due diligence ${acme.name}`, "i")); // the eyebrow is in capitals
    expect(text).toContain("What changed");
    expect(text).toContain("Supply base by tier and risk band");
    expect(text).toContain("Maturity per Athens principle");
    // Each headline figure, with its label, as on the dashboard.
    expect(text).toMatch(new RegExp(`Suppliers\\s*${report.suppliers}\\b`));
    expect(text).toMatch(new RegExp(`High and critical risk\\s*${report["high-critical"]}\\b`));
    expect(text).toMatch(new RegExp(`Open red flags\\s*${report["red-flags"]}\\b`));
    expect(text).toMatch(new RegExp(`Open corrective actions\\s*${report.actions}\\b`));
    expect(text).toContain(report.assessed);
  });

  test("downloads the numbers behind the charts as CSV", async ({ page, acme }) => {
    await page.goto(acme.path("?country=BD"));
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download the numbers (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^${acme.slug}-board-report-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const text = (await (await file.createReadStream()).toArray()).join("");
    expect(text).toContain("section,item,series,value");
    expect(text).toContain(`headline,suppliers,,${supplierCount(acme, "AND s.country = 'BD'")}`);
    expect(text).toContain("report,scope,,suppliers in Bangladesh");
  });
});
