// The board report as printed by Chromium (the engine of the user's "Print"), on A4 and on Letter,
// read back page by page with pdf.js: a bounded number of pages, the running header (organisation,
// period, "Confidential") and "Page x of y" on every page, every chart and its numbers on one page,
// and none of the screen's hints. The PDFs are written to test-results/board-report-*.pdf for people
// to look at. The report is the one of a copy of the demo tenant acme of this file's own (the acme
// fixture): the same suppliers and scores, whatever other specs change.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { REPO_ROOT } from "./support/env";
import { expect, test } from "./support/fixtures";

const CHARTS = ["bands-by-tier", "country-risk", "spend-risk", "principles", "trend", "funnel"] as const;

/** Paper sizes in PDF points (1/72 in): what the PDF's pages must measure. */
const PAPER = {
  A4: { width: 595.92, height: 842.88 },
  Letter: { width: 612, height: 792 },
} as const;

/**
 * The page count's bound with the demo tenant's data: one page for the heading, the summary and the
 * six headline figures (in one row, so that they fit Letter's first page, 18 mm shorter than A4's);
 * three for the six charts, two a page (each chart beside its numbers is under half a page high);
 * and the top ten, which starts under the last two charts and ends on a fifth page. At least four:
 * the charts alone take three pages after the first. Before this layout the report printed on 7
 * pages, one small chart on each.
 */
const MIN_PAGES = 4;
const MAX_PAGES = 5;

/**
 * Each page's text in the order drawn: runs joined as they are (a word may be split over runs, at a
 * ligature for one), a space at each line end, all white space (no-break spaces too) as one space.
 */
async function pdfPages(pdf: Buffer): Promise<Array<{ text: string; width: number; height: number }>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false })
    .promise;
  const pages: Array<{ text: string; width: number; height: number }> = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? `${item.str}${item.hasEOL ? " " : ""}` : ""))
        .join("")
        .replace(/\s+/g, " ");
      pages.push({ text, width, height });
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/** Waits until the charts are drawn and the report's print stylesheet (header, page numbers) has loaded. */
async function readyToPrint(page: Page) {
  for (const id of CHARTS) await expect(page.locator(`[data-chart="${id}"] svg.recharts-surface`).first(), id).toBeVisible();
  await expect(page.locator(".chart-loading")).toHaveCount(0);
  await page.waitForFunction(() =>
    [...document.styleSheets].some((s) => (s.href ?? "").includes("/report-print.css") && s.cssRules.length > 0),
  );
}

test.describe("the board report on paper", () => {
  test.beforeEach(async ({ loginAs, acme }) => {
    await loginAs(acme.exec);
  });

  for (const format of ["A4", "Letter"] as const) {
    test(`prints on ${format} with the header and "Page x of y" on every page, two charts a page, no screen hints`, async ({
      page,
      acme,
    }) => {
      await page.goto(acme.path("/report?days=365"));
      await expect(page.getByRole("heading", { level: 1, name: acme.name })).toBeVisible();
      await readyToPrint(page);
      // The period as the report's heading states it; the printed header must say the same.
      const meta = await page.locator(".report-meta").first().innerText();
      const period = /Period: (Last 365 days \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\))/.exec(meta)?.[1];
      expect(period, meta).toBeTruthy();
      // On screen the hint is there (the bars are links); on paper it must not be.
      await expect(page.getByText("Select a segment to list those suppliers.")).toBeVisible();

      // No emulateMedia first: the browser's own Print lays the page out for paper only while printing.
      const pdf = await page.pdf({ format, printBackground: true });
      fs.mkdirSync(path.join(REPO_ROOT, "test-results"), { recursive: true });
      fs.writeFileSync(path.join(REPO_ROOT, "test-results", `board-report-${format}.pdf`), pdf);
      const pages = await pdfPages(pdf);

      expect(pages.length, `${format}: ${pages.length} pages`).toBeGreaterThanOrEqual(MIN_PAGES);
      expect(pages.length, `${format}: ${pages.length} pages`).toBeLessThanOrEqual(MAX_PAGES);
      pages.forEach((p, i) => {
        const where = `${format} page ${i + 1}`;
        expect(p.width, where).toBeCloseTo(PAPER[format].width, 0);
        expect(p.height, where).toBeCloseTo(PAPER[format].height, 0);
        expect(p.text, where).toContain(`${acme.name} · Board report · ${period}`);
        expect(p.text, where).toMatch(/\bconfidential\b/i);
        expect(p.text, where).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(p.text, where).not.toContain("Select a segment");
        expect(p.text, where).not.toContain("Show the numbers");
        expect(p.text, where).not.toContain("Print or save as PDF");
        expect(p.text, where).not.toContain("Loading");
      });

      // The report itself: heading and summary first, every chart and the top ten.
      expect(pages[0]!.text).toContain("What changed");
      expect(pages[0]!.text).toContain(`Period: ${period}`);
      for (const id of CHARTS) {
        const card = page.locator(`[data-chart="${id}"]`);
        const title = (await card.locator("h2").innerText()).trim();
        const onPages = pages.map((p, i) => (p.text.includes(title) ? i : -1)).filter((i) => i >= 0);
        expect(onPages, `“${title}” printed once`).toHaveLength(1);
        // Chart and numbers on the same page: the numbers table's last row is on the title's page.
        const lastRow = (await card.locator(".numbers-table tbody tr:last-child td").allInnerTexts()).map((t) =>
          t.replace(/\s+/g, " ").trim(),
        );
        const text = pages[onPages[0]!]!.text;
        for (const cell of lastRow) expect(text, `${title}: its last row (${lastRow.join(" | ")}) on the same page`).toContain(cell);
      }
      // Two charts share a page: six charts over at most three pages.
      const chartPages = new Set<number>();
      for (const id of CHARTS) {
        const title = (await page.locator(`[data-chart="${id}"] h2`).innerText()).trim();
        chartPages.add(pages.findIndex((p) => p.text.includes(title)));
      }
      expect(chartPages.size, `the six charts are on ${chartPages.size} pages`).toBeLessThanOrEqual(3);
      expect(pages.map((p) => p.text).join(" ")).toContain("The ten riskiest suppliers");
    });
  }
});
