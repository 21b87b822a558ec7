// Four eyes in the browser. The officer who filled in a questionnaire on the supplier's behalf is not
// offered the Approve form (the page says why); another reviewer approves with a reason, and the
// timeline names people, not addresses. An approval that drops a supplier by two bands takes three
// people: the filler cannot approve, a second officer's approval waits (the list says so, and they
// cannot confirm it themselves), a third confirms it and the score drops.
import type { BrowserContext, Page } from "@playwright/test";
import { ATHENS_V2, allQuestions } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { BASE_URL } from "./support/env";
import { assessmentById } from "./support/db-assessments";
import { riskBandOf } from "./support/db-suppliers";
import { isoDay } from "./support/answers";
import { TINY_PDF as PDF, postForm as post, uniqueSuffix as suffix } from "./support/http";
import { addTeammate } from "./support/members";
import { expect, test, waitForHydration, type Tenant } from "./support/fixtures";

const FILLER = "You filled in answers for the supplier, so someone else must approve it.";
const OWN_FIRST = "You gave the first approval, so a different reviewer must confirm it.";

/** A supplier's assessment, answered by the signed-in officer on the supplier's behalf and submitted. */
async function filledOnBehalf(page: Page, acme: Tenant, supplier: Record<string, string | string[]> = { country: "DK" }) {
  const supplierName = `Nordic Knitwear ${suffix()}`;
  const form = new URLSearchParams({ status: "active", name: supplierName });
  for (const [k, v] of Object.entries(supplier)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  const created = await post(page, acme.path("/suppliers/new"), form, 302);
  const supplierId = Number(/\/suppliers\/(\d+)$/.exec(created.headers()["location"] ?? "")![1]);
  const started = await post(page, acme.path(`/assessments/new?supplier=${supplierId}`), { dueAt: isoDay(21), language: "en" }, 302);
  const assessmentId = Number(/\/assessments\/(\d+)$/.exec(started.headers()["location"] ?? "")![1]);
  for (const { question } of allQuestions(ATHENS_V2)) {
    const value = BEST[question.key];
    if (question.type === "evidence" || value === undefined) continue;
    const answer = new URLSearchParams({ intent: "save", questionKey: question.key, baseRevision: "0" });
    for (const v of Array.isArray(value) ? value : [value]) answer.append("value", String(v));
    await post(page, acme.path(`/assessments/${assessmentId}/fill`), answer);
  }
  const upload = await page.request.post(acme.path(`/assessments/${assessmentId}/files`), {
    multipart: { questionKey: "p1.written_policy", file: { name: "policy.pdf", mimeType: "application/pdf", buffer: PDF } },
    headers: { Origin: BASE_URL },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  await post(page, acme.path(`/assessments/${assessmentId}/fill`), { intent: "submit" }, 302);
  return { supplierName, supplierId, assessmentId };
}

const statusOf = (assessmentId: number) => assessmentById(assessmentId)?.status;

const badge = (page: Page) => page.locator(".asm-subhead .asm-status");

async function approve(page: Page, reason: string, confirm = false) {
  await waitForHydration(page, "section.asm-decision form");
  const review = page.getByRole("region", { name: "Review", exact: true });
  if (!confirm) await review.locator("summary", { hasText: "Approve" }).click(); // a confirmation's form is open already
  await review.getByLabel("Why do you approve it?").fill(reason);
  await review
    .getByRole("button", { name: confirm ? "Confirm the approval and recompute the score" : "Approve and recompute the score" })
    .click();
}

/** The Review card offers no approval to this reviewer, and says why. */
async function expectNoApproveForm(page: Page, why: string) {
  const review = page.getByRole("region", { name: "Review", exact: true });
  await expect(review).toContainText(why);
  await expect(review.getByRole("button", { name: /recompute the score/ })).toHaveCount(0);
  await expect(review.getByLabel("Why do you approve it?")).toHaveCount(0);
}

async function signedIn(
  loginAs: (email: string, context?: BrowserContext) => Promise<string>,
  newContext: () => Promise<BrowserContext>,
  email: string,
): Promise<Page> {
  const ctx = await newContext();
  await loginAs(email, ctx);
  return ctx.newPage();
}

test("four eyes: the officer who filled in the answers is not offered the approval; the admin approves with a reason", async ({
  page,
  loginAs,
  newContext,
  acme,
}) => {
  test.setTimeout(120_000);
  await loginAs(acme.compliance);
  const { assessmentId } = await filledOnBehalf(page, acme);

  await test.step("the filler sees why they cannot approve, and no Approve form; the questionnaire stays submitted", async () => {
    await page.goto(acme.path(`/assessments/${assessmentId}`));
    await expect(badge(page)).toHaveText("Submitted");
    await expectNoApproveForm(page, FILLER);
    expect(statusOf(assessmentId)).toBe("submitted");
  });

  await test.step("a second reviewer (the admin) approves it with a reason; the timeline names who and says why", async () => {
    const admin = await signedIn(loginAs, newContext, acme.admin);
    await admin.goto(acme.path(`/assessments/${assessmentId}`));
    await approve(admin, "Checked against the signed policy and the site visit notes.");
    await expect(admin.locator(".toast").filter({ hasText: "Approved. The assessment is valid until" })).toBeVisible();
    await expect(badge(admin)).toHaveText("Approved");
    expect(statusOf(assessmentId)).toBe("approved");
    const timeline = admin.getByRole("region", { name: "Decisions" });
    await expect(timeline).toContainText("Submitted by Priya Raman, on the supplier's behalf");
    await expect(timeline).toContainText("Approved by Alex Moreno");
    await expect(timeline).toContainText("Checked against the signed policy and the site visit notes.");
    await expect(timeline).not.toContainText("@");
  });
});

test("an approval that drops a supplier two bands takes three people: filler, first approver, second approver", async ({
  page,
  loginAs,
  newContext,
  acme,
}) => {
  test.setTimeout(150_000);
  const sam = await addTeammate(acme, "sam.okoye", "Sam Okoye", "compliance");
  const lena = await addTeammate(acme, "lena.fischer", "Lena Fischer", "compliance");
  await loginAs(acme.compliance);
  // A coal mine in North Korea: high or critical until good answers are approved.
  const { supplierName, supplierId, assessmentId } = await filledOnBehalf(page, acme, { country: "KP", goods: ["Coal"] });
  const before = riskBandOf(supplierId);
  expect(["high", "critical"]).toContain(before);
  const url = acme.path(`/assessments/${assessmentId}`);

  await test.step("officer A filled it in for the supplier: no Approve form, and why", async () => {
    await page.goto(url);
    await expectNoApproveForm(page, FILLER);
  });

  const b = await signedIn(loginAs, newContext, sam);
  await test.step("officer B approves: a drop of two bands waits for a second approver", async () => {
    await b.goto(url);
    await approve(b, "The site audit confirms every control.");
    await expect(b.locator(".toast").filter({ hasText: "a second reviewer must confirm it" })).toBeVisible();
    const review = b.getByRole("region", { name: "Review", exact: true });
    await expect(review).toContainText("Awaiting a second approver.");
    await expect(review).toContainText("Sam Okoye approved on");
    await expect(badge(b)).toHaveText("Submitted");
    expect(riskBandOf(supplierId)).toBe(before); // not approved yet: the score stands
  });

  await test.step("B cannot confirm their own approval; the assessments list shows it waiting", async () => {
    await b.reload();
    await expectNoApproveForm(b, OWN_FIRST);
    await b.goto(acme.path("/assessments?status=submitted"));
    const row = b.getByRole("row").filter({ hasText: supplierName });
    await expect(row).toContainText("Awaiting a second approver");
  });

  await test.step("officer C confirms it: approved, and the score drops", async () => {
    const c = await signedIn(loginAs, newContext, lena);
    await c.goto(url);
    await expect(c.getByRole("region", { name: "Review", exact: true })).toContainText("Awaiting a second approver.");
    await approve(c, "Second look: the audit report matches the answers.", true);
    await expect(c.locator(".toast").filter({ hasText: "Approved. The assessment is valid until" })).toBeVisible();
    await expect(badge(c)).toHaveText("Approved");
    const after = riskBandOf(supplierId);
    expect(["low", "medium"]).toContain(after);
    const timeline = c.getByRole("region", { name: "Decisions" });
    await expect(timeline).toContainText("Approved by Sam Okoye");
    await expect(timeline).toContainText("Approval confirmed (second approver) by Lena Fischer");
    await c.goto(acme.path("/assessments"));
    await expect(c.getByRole("row").filter({ hasText: supplierName })).not.toContainText("Awaiting a second approver");
  });
});
