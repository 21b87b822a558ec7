// The three pages an executive opens on a phone — the board report, the supplier list and the
// dashboard — at 390 × 844 (an iPhone 12–15): the sections behind one Menu button, nothing wider than
// the screen (no sideways panning), the key columns of every table on screen, and chart text that
// stays readable (≥ 11 px as drawn) because the charts lay themselves out for the width instead of
// being scaled down. The executive is the one of the file's own copy of the demo tenant acme (the
// `acme` fixture).
// Screenshots go to test-results/screenshots/phone-*.png for people to look at.
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { REPO_ROOT } from "./support/env";
import { expect, test } from "./support/fixtures";

const WIDTH = 390;
const SHOTS = path.join(REPO_ROOT, "test-results", "screenshots");
const CHARTS = ["bands-by-tier", "country-risk", "spend-risk", "principles", "trend", "funnel"] as const;

test.use({ viewport: { width: WIDTH, height: 844 }, hasTouch: true, isMobile: true });

/** Charts are drawn in the browser: waits until every chart card holds its drawn chart. */
async function chartsDrawn(page: Page) {
  for (const id of CHARTS) await expect(page.locator(`[data-chart="${id}"] svg.recharts-surface`).first(), id).toBeVisible();
  await expect(page.locator(".chart-loading")).toHaveCount(0);
}

/** The page is no wider than the screen: nothing to pan to sideways. */
async function expectNoSidewaysOverflow(page: Page) {
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
  expect(widths.doc, "document.documentElement.scrollWidth").toBeLessThanOrEqual(WIDTH);
  expect(widths.body, "document.body.scrollWidth").toBeLessThanOrEqual(WIDTH);
}

/** Fully on screen horizontally (not cut off, not scrolled out of a table's region) and visible. */
async function expectOnScreen(what: string, el: Locator) {
  await expect(el, what).toBeVisible();
  const box = await el.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(WIDTH);
}

/** Every text of every chart: its size as drawn (font size × the SVG's scale) and its horizontal extent. */
async function chartTexts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>(".chart-frame svg.recharts-surface text")]
      .filter((t) => (t.textContent ?? "").trim() !== "")
      .map((t) => {
        const r = t.getBoundingClientRect();
        // The SVG's scale (rotated labels, such as the radar's scale, have a rotated matrix).
        const m = t.getScreenCTM();
        const scale = m ? Math.hypot(m.a, m.b) : 1;
        return {
          text: t.textContent ?? "",
          px: parseFloat(getComputedStyle(t).fontSize) * scale,
          left: r.left,
          right: r.right,
          chart: t.closest("[data-chart]")?.getAttribute("data-chart") ?? "?",
        };
      }),
  );
}

async function expectReadableCharts(page: Page) {
  const texts = await chartTexts(page);
  // Axis labels of all six charts, at least: a chart drawn without text would pass trivially.
  expect(texts.length).toBeGreaterThan(30);
  expect(new Set(texts.map((t) => t.chart))).toEqual(new Set(CHARTS));
  for (const t of texts) {
    expect(t.px, `${t.chart}: “${t.text}” is drawn at ${t.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
    expect(t.left, `${t.chart}: “${t.text}” starts off screen`).toBeGreaterThanOrEqual(0);
    expect(t.right, `${t.chart}: “${t.text}” ends off screen`).toBeLessThanOrEqual(WIDTH);
  }
}

/** The top-ten table: supplier, score and driver of every row on screen. */
async function expectTopTenKeyColumns(page: Page) {
  const rows = page.locator('[data-chart="top-risks"] tbody tr');
  await expect(rows).toHaveCount(10);
  for (let i = 0; i < 10; i++) {
    const row = rows.nth(i);
    await row.scrollIntoViewIfNeeded();
    await expectOnScreen(`top ten row ${i + 1}: supplier`, row.locator("td.supplier a"));
    await expectOnScreen(`top ten row ${i + 1}: score`, row.locator("td.score"));
    await expect(row.locator("td.score")).toHaveText(/^\d{1,3}\.\d$/);
    await expectOnScreen(`top ten row ${i + 1}: driver`, row.locator("td.driver"));
  }
}

test.describe("on a 390 px phone, the executive of acme", () => {
  test.beforeEach(async ({ loginAs, acme }) => {
    await loginAs(acme.exec);
  });

  test("reads the board report without panning sideways, tables inside their cards, chart text at least 11 px", async ({ page, acme }) => {
    await page.goto(acme.path("/report?days=365"));
    await expect(page.getByRole("heading", { level: 1, name: "Acme Apparel" })).toBeVisible();
    await chartsDrawn(page);
    await expectNoSidewaysOverflow(page);
    await expectReadableCharts(page);
    await expectTopTenKeyColumns(page);
    // Every chart's numbers table stays inside its card (a wide one scrolls inside its own region).
    for (const id of CHARTS) {
      const card = (await page.locator(`[data-chart="${id}"]`).boundingBox())!;
      const region = (await page.locator(`[data-chart="${id}"] .numbers-scroll`).boundingBox())!;
      expect(region.x, id).toBeGreaterThanOrEqual(card.x);
      expect(region.x + region.width, id).toBeLessThanOrEqual(card.x + card.width);
    }
    await expectNoSidewaysOverflow(page);
    await page.screenshot({ path: path.join(SHOTS, "phone-board-report.png"), fullPage: true });
  });

  test("sees name, risk band and score of every supplier in the list, without panning sideways", async ({ page, acme }) => {
    await page.goto(acme.path("/suppliers?sort=score&dir=desc"));
    await expect(page.getByRole("heading", { level: 1, name: "Suppliers" })).toBeVisible();
    await expectNoSidewaysOverflow(page);
    await expectOnScreen("Name header", page.locator("table.supplier-table thead th").first());
    await expectOnScreen("Risk header", page.locator("table.supplier-table thead th.risk"));
    const rows = page.locator("table.supplier-table tbody tr");
    const n = await rows.count();
    expect(n).toBeGreaterThan(10);
    // The list is sorted riskiest first: the first rows carry a score and a band.
    for (let i = 0; i < 10; i++) {
      const row = rows.nth(i);
      await row.scrollIntoViewIfNeeded();
      await expectOnScreen(`row ${i + 1}: name`, row.locator("td").first().locator("a"));
      await expectOnScreen(`row ${i + 1}: score`, row.locator("td.risk .risk-value-score"));
      await expect(row.locator("td.risk .risk-value-score")).toHaveText(/^\d{1,3}(\.\d)?$/);
      await expectOnScreen(`row ${i + 1}: band`, row.locator("td.risk .badge"));
    }
    // The last row too (the list does not widen further down).
    await expectOnScreen(
      "last row: name",
      rows
        .nth(n - 1)
        .locator("td")
        .first()
        .locator("a"),
    );
    await expectOnScreen("last row: risk", rows.nth(n - 1).locator("td.risk .badge"));
    await expectNoSidewaysOverflow(page);
    await page.screenshot({ path: path.join(SHOTS, "phone-supplier-list.png"), fullPage: true });
  });

  test("finds the sections behind one Menu button instead of rows of links, and the menu closes after choosing", async ({ page, acme }) => {
    await page.goto(acme.path("/report"));
    const sidebar = page.getByRole("complementary", { name: "Acme Apparel navigation" });
    const overview = sidebar.getByRole("link", { name: "Overview" });
    await expect(overview).toBeHidden();
    const menu = page.getByRole("banner").locator("summary", { hasText: "Menu" });
    await expectOnScreen("Menu button", menu);
    const box = (await menu.boundingBox())!;
    expect(box.height, "Menu button height (touch target)").toBeGreaterThanOrEqual(32);
    await menu.click();
    await expect(page.locator("details.nav-toggle")).toHaveAttribute("open", "");
    await expectOnScreen("Overview link", overview);
    await expect(sidebar.getByRole("link", { name: "Board report" })).toHaveAttribute("aria-current", "page");
    await expectNoSidewaysOverflow(page);
    await page.screenshot({ path: path.join(SHOTS, "phone-menu-open.png") });
    await overview.click();
    await expect(page.getByRole("heading", { level: 1, name: "Acme Apparel" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/o/${acme.slug}$`));
    await expect(overview).toBeHidden();
  });

  test("sees the dashboard's charts and the top ten's supplier, score and driver without panning sideways", async ({ page, acme }) => {
    await page.goto(acme.path("?days=365"));
    await expect(page.getByRole("heading", { level: 1, name: "Acme Apparel" })).toBeVisible();
    await chartsDrawn(page);
    await expectNoSidewaysOverflow(page);
    await expectReadableCharts(page);
    await expectTopTenKeyColumns(page);
    await expectNoSidewaysOverflow(page);
    await page.screenshot({ path: path.join(SHOTS, "phone-dashboard.png"), fullPage: true });
  });
});
