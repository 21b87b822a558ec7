// Worker voice end to end: an officer opens a channel for a site and prints its poster (PDF, then
// PNG for people to look at); a worker on a 390 px phone with JavaScript off files a report in
// Bengali about recruitment fees (the first page weighs under 30 KB gzipped, HTML and CSS); the
// officer acknowledges it, substantiates it (opening an internal action), records fees repaid to 40
// workers and replies; the reporter reads the reply with the case number and passphrase.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "@playwright/test";
import Database from "better-sqlite3";
import { BN } from "~/domain/voice/i18n/bn";
import { E2E_DB_FILE, REPO_ROOT } from "./support/env";
import { expect, test } from "./support/fixtures";

const OUT = path.join(REPO_ROOT, "test-results", "worker-voice");

function firstSupplier(orgId: number): { id: number; name: string } {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true, readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare("SELECT id, name FROM suppliers WHERE org_id = ? ORDER BY id LIMIT 1").get(orgId) as { id: number; name: string };
  } finally {
    db.close();
  }
}

/**
 * The worker's pages have no script and their own stylesheet: axe (WCAG 2.2 AA) on them at 390 px,
 * in a context that lets axe itself run (the pages send no script either way).
 */
async function accessible(browser: Browser, url: string) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto(url);
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(r.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await ctx.close();
}

test("a worker's report in Bengali, from the poster to the remedy and the reply", async ({ page, browser, loginAs, acme, request }) => {
  test.setTimeout(90_000);
  fs.mkdirSync(OUT, { recursive: true });
  const site = firstSupplier(acme.orgId);
  await loginAs(acme.compliance);

  // The officer opens the site's channel (Bengali and English) and prints its poster.
  await page.goto(acme.path(`/suppliers/${site.id}/voice`));
  await page.getByLabel("বাংলা (bn)").check();
  await page.getByLabel("English (en)").check();
  await page.getByRole("button", { name: "Open a channel" }).click();
  const url = (await page.locator("code").first().textContent())!;
  expect(url).toMatch(/\/v\/[a-z0-9]{8}$/);
  await page.getByRole("link", { name: "Print the poster" }).click();
  await expect(page.getByRole("heading", { name: BN["poster.title"] })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const pdf = path.join(OUT, "poster.pdf");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", pdf, path.join(OUT, "poster")]);
  expect(fs.statSync(path.join(OUT, "poster.png")).size).toBeGreaterThan(10_000);

  // The first page is small: HTML and its one stylesheet, gzipped, under 30 KB, and no script.
  const html = await (await request.get(url)).text();
  expect(html).not.toContain("<script");
  const css = html.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!;
  const cssText = await (await request.get(new URL(css, url).toString())).text();
  const weight = gzipSync(html).length + gzipSync(cssText).length;
  expect(weight, `first page ${weight} bytes gzipped`).toBeLessThan(30 * 1024);

  // A worker on a cheap phone, JavaScript off, files a report about recruitment fees.
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const worker = await phone.newPage();
  const answer = await worker.goto(url);
  expect(answer!.headers()["set-cookie"]).toBeUndefined();
  await expect(worker.getByRole("heading", { name: BN["page.title"] })).toBeVisible();
  await expect(worker.getByText(BN["page.review"])).toBeVisible();
  await worker.getByLabel(BN["cat.fees"]).check();
  await worker.getByLabel(BN["when.this_month"]).check();
  await worker.getByLabel(BN["form.details"]).fill("দালালকে ৯০০ ডলার দিতে হয়েছে, এখনও ঋণ শোধ করছি।");
  await worker.screenshot({ path: path.join(OUT, "phone-form.png"), fullPage: true });
  await worker.getByRole("button", { name: BN["form.submit"] }).click();
  await expect(worker.getByRole("heading", { name: BN["done.title"] })).toBeVisible();
  const caseNumber = (await worker.getByTestId("case-number").textContent())!;
  const passphrase = (await worker.getByTestId("passphrase").textContent())!;
  await worker.screenshot({ path: path.join(OUT, "phone-case-number.png"), fullPage: true });

  // The officer acknowledges, substantiates (with an internal action), records the remedy and replies.
  await page.emulateMedia({ media: "screen" });
  await page.goto(acme.path("/grievances"));
  await page.getByRole("link", { name: caseNumber }).click();
  const move = async (to: string, openAction = false) => {
    await page.getByLabel("Move to").selectOption({ label: to });
    if (openAction) await page.getByLabel(/open an internal corrective action/).check();
    await page.getByRole("button", { name: "Change status" }).click();
    await expect(page.getByTestId("case-status")).toHaveText(to);
  };
  await move("Acknowledged");
  await move("Substantiated", true);
  await expect(page.getByTestId("case-flag")).toContainText("debt bondage — raised on the supplier's score");
  await page.getByLabel("Amount").fill("36000");
  await page.getByLabel("Currency").fill("USD");
  await page.getByLabel("Number of workers").fill("40");
  await page.getByLabel("Evidence (what proves it)").fill("Bank transfer list signed by the workers");
  await page.getByRole("button", { name: "Record remedy" }).click();
  await expect(page.getByTestId("remedies")).toContainText("Recruitment fees repaid: 36000 USD, 40 workers");
  await page
    .getByRole("form", { name: "Reply to the reporter" })
    .getByLabel("Text")
    .fill("আমরা আপনার অভিযোগ নিশ্চিত করেছি। ৪০ জন শ্রমিককে ফি ফেরত দেওয়া হয়েছে।");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent")).toBeVisible();
  await page.screenshot({ path: path.join(OUT, "officer-case.png"), fullPage: true });

  // The site's page cites the case behind its debt-bondage flag (model v2's independent red flags).
  await page.goto(acme.path(`/suppliers/${site.id}`));
  await expect(page.getByTestId("grievance-flags")).toContainText(`debt bondage — substantiated worker grievance ${caseNumber}`);
  // …and the score carries it: the explanation names the red flag and the case.
  const card = page.locator("section.risk-card");
  await card.getByText("How this score is calculated").click();
  await expect(card.locator(".risk-lines")).toContainText(
    `Red flag (severe): debt bondage — a substantiated worker grievance (case ${caseNumber})`,
  );

  // The dashboard counts it beside the risk figures.
  await page.goto(acme.path(""));
  await expect(page.getByRole("heading", { name: "Grievances in numbers" })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, "dashboard-grievances.png"), fullPage: true });

  // The reporter reads the reply with the case number and passphrase.
  await worker.goto(`${url}/case`);
  await worker.getByLabel(BN["done.case_number"]).fill(caseNumber);
  await worker.getByLabel(BN["done.passphrase"]).fill(passphrase);
  await worker.getByRole("button", { name: BN["case.open"] }).click();
  await expect(worker.getByText("৪০ জন শ্রমিককে ফি ফেরত দেওয়া হয়েছে")).toBeVisible();
  await expect(worker.getByText(BN["status.substantiated"])).toBeVisible();
  await worker.screenshot({ path: path.join(OUT, "phone-reply.png"), fullPage: true });
  await phone.close();
  await accessible(browser, url);
  await accessible(browser, `${url}/case`);
});
