// Four eyes in the browser: the officer who filled in a questionnaire on the supplier's behalf is
// refused when approving it (the form says why, nothing changes), and another reviewer, the admin,
// approves it with a reason; the decision and its reason show on the assessment's timeline.
import type { Page } from "@playwright/test";
import { ATHENS_V2, allQuestions } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { BASE_URL } from "./support/env";
import { assessmentById } from "./support/db-assessments";
import { isoDay } from "./support/answers";
import { TINY_PDF as PDF, postForm as post, uniqueSuffix as suffix } from "./support/http";
import { expect, test, waitForHydration, type Tenant } from "./support/fixtures";

/** A low-risk supplier's assessment, answered by the signed-in officer on the supplier's behalf and submitted. */
async function filledOnBehalf(page: Page, acme: Tenant) {
  const supplierName = `Nordic Knitwear ${suffix()}`;
  const created = await post(page, acme.path("/suppliers/new"), { status: "active", name: supplierName, country: "DK" }, 302);
  const supplierId = Number(/\/suppliers\/(\d+)$/.exec(created.headers()["location"] ?? "")![1]);
  const started = await post(page, acme.path(`/assessments/new?supplier=${supplierId}`), { dueAt: isoDay(21), language: "en" }, 302);
  const assessmentId = Number(/\/assessments\/(\d+)$/.exec(started.headers()["location"] ?? "")![1]);
  for (const { question } of allQuestions(ATHENS_V2)) {
    const value = BEST[question.key];
    if (question.type === "evidence" || value === undefined) continue;
    const form = new URLSearchParams({ intent: "save", questionKey: question.key, baseRevision: "0" });
    for (const v of Array.isArray(value) ? value : [value]) form.append("value", String(v));
    await post(page, acme.path(`/assessments/${assessmentId}/fill`), form);
  }
  const upload = await page.request.post(acme.path(`/assessments/${assessmentId}/files`), {
    multipart: { questionKey: "p1.written_policy", file: { name: "policy.pdf", mimeType: "application/pdf", buffer: PDF } },
    headers: { Origin: BASE_URL },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  await post(page, acme.path(`/assessments/${assessmentId}/fill`), { intent: "submit" }, 302);
  return { supplierName, assessmentId };
}

const statusOf = (assessmentId: number) => assessmentById(assessmentId)?.status;

const badge = (page: Page) => page.locator(".asm-subhead .asm-status");

async function approve(page: Page, reason: string) {
  await waitForHydration(page, "section.asm-decision form");
  const review = page.getByRole("region", { name: "Review" });
  await review.locator("summary", { hasText: "Approve" }).click();
  await review.getByLabel("Why do you approve it?").fill(reason);
  await review.getByRole("button", { name: "Approve and recompute the score" }).click();
}

test("four eyes: the officer who filled in the answers cannot approve them; the admin approves with a reason", async ({
  page,
  loginAs,
  newContext,
  acme,
}) => {
  test.setTimeout(120_000);
  await loginAs(acme.compliance);
  const { assessmentId } = await filledOnBehalf(page, acme);

  await test.step("the filler is refused, and told why; the questionnaire stays submitted", async () => {
    await page.goto(acme.path(`/assessments/${assessmentId}`));
    await expect(badge(page)).toHaveText("Submitted");
    await approve(page, "I checked my own typing.");
    await expect(page.getByRole("alert")).toContainText("You filled in answers for the supplier, so someone else must approve it.");
    await expect(badge(page)).toHaveText("Submitted");
    expect(statusOf(assessmentId)).toBe("submitted");
  });

  await test.step("a second reviewer (the admin) approves it with a reason; the timeline shows who and why", async () => {
    const ctx = await newContext();
    await loginAs(acme.admin, ctx);
    const admin = await ctx.newPage();
    await admin.goto(acme.path(`/assessments/${assessmentId}`));
    await approve(admin, "Checked against the signed policy and the site visit notes.");
    await expect(admin.locator(".toast").filter({ hasText: "Approved. The assessment is valid until" })).toBeVisible();
    await expect(badge(admin)).toHaveText("Approved");
    expect(statusOf(assessmentId)).toBe("approved");
    const timeline = admin.getByRole("region", { name: "Decisions" });
    await expect(timeline).toContainText(`Approved by ${acme.admin}`);
    await expect(timeline).toContainText("Checked against the signed policy and the site visit notes.");
  });
});
