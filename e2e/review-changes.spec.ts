// What changed since the review, in the browser. The supplier answers through its link that workers
// pay a deposit (a debt-bondage red flag); the officer comments on that answer, a colleague replies in
// the same thread, and the officer sends the questionnaire back. The supplier changes the answer to
// "No" and submits again. The reviewer then sees the flag listed at the top as "Retracted after
// review", the answer marked as revised, the resubmission on the timeline, and must tick the
// retracted flag to approve.
import type { Page } from "@playwright/test";
import { ATHENS_V2, allQuestions, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { BASE_URL } from "./support/env";
import { assessmentById, storedAnswers } from "./support/db-assessments";
import { latestMail } from "./support/db";
import { isoDay } from "./support/answers";
import { TINY_PDF as PDF, postForm as post, uniqueSuffix as suffix } from "./support/http";
import { expect, linkIn, test, waitForHydration, type Tenant } from "./support/fixtures";

const ORIGIN = { Origin: BASE_URL };

/** A supplier invited by the signed-in officer; its portal (another browser) answers with a deposit taken and submits. */
async function answeredWithDeposit(page: Page, portal: Page, acme: Tenant) {
  const sfx = suffix();
  const supplierName = `Deposit Knits ${sfx}`;
  const email = `hr.${sfx}@deposit-knits.test`;
  const created = await post(
    page,
    acme.path("/suppliers/new"),
    { status: "active", name: supplierName, country: "PT", contactEmail: email },
    302,
  );
  const supplierId = Number(/\/suppliers\/(\d+)$/.exec(created.headers()["location"] ?? "")![1]);
  const started = await post(page, acme.path(`/assessments/new?supplier=${supplierId}`), { dueAt: isoDay(21), language: "en" }, 302);
  const assessmentId = Number(/\/assessments\/(\d+)$/.exec(started.headers()["location"] ?? "")![1]);
  await post(page, acme.path(`/assessments/${assessmentId}`), { intent: "invite", email, language: "en" });
  const link = linkIn(latestMail(email, { kind: "supplier-invite", orgId: acme.orgId })!, "/s/");
  const start = await portal.request.post(link, { form: { intent: "start" }, headers: ORIGIN, maxRedirects: 0 });
  expect(start.status()).toBe(302);
  const answers: Answers = { ...BEST, "p1.deposits": "yes" };
  for (const { question } of allQuestions(ATHENS_V2)) {
    const value = answers[question.key];
    if (question.type === "evidence" || value === undefined) continue;
    await answer(portal, assessmentId, question.key, value, 0);
  }
  const up = await portal.request.post("/s/portal/files", {
    multipart: {
      assessmentId: String(assessmentId),
      questionKey: "p1.written_policy",
      file: { name: "policy.pdf", mimeType: "application/pdf", buffer: PDF },
    },
    headers: ORIGIN,
  });
  expect(up.status(), await up.text()).toBe(200);
  await submit(portal, assessmentId);
  return { email, assessmentId };
}

async function answer(portal: Page, assessmentId: number, questionKey: string, value: unknown, baseRevision: number) {
  const r = await portal.request.post("/s/portal/answer", {
    form: {
      assessmentId: String(assessmentId),
      questionKey,
      value: JSON.stringify(value),
      comment: "",
      baseRevision: String(baseRevision),
    },
    headers: ORIGIN,
  });
  expect(r.status(), `${questionKey}: ${await r.text()}`).toBe(200);
}

async function submit(portal: Page, assessmentId: number) {
  const r = await portal.request.post("/s/portal/submit", {
    form: { assessmentId: String(assessmentId) },
    headers: ORIGIN,
    maxRedirects: 0,
  });
  expect(r.status(), await r.text()).toBeLessThan(400);
  expect(assessmentById(assessmentId)?.status).toBe("submitted");
}

const card = (page: Page, questionKey: string) => page.locator(`[id="q-${questionKey}"]`);

test("a red flag retracted after review is shown at the top and must be acknowledged to approve", async ({
  page,
  loginAs,
  newContext,
  acme,
}) => {
  test.setTimeout(150_000);
  await loginAs(acme.compliance);
  const portal = await (await newContext()).newPage();
  const { email, assessmentId } = await answeredWithDeposit(page, portal, acme);
  const url = acme.path(`/assessments/${assessmentId}`);

  await test.step("the officer comments on the deposit answer; the admin replies in the same thread", async () => {
    await page.goto(url);
    const deposits = card(page, "p1.deposits");
    await expect(deposits).toContainText("Red flag: Debt bondage");
    await waitForHydration(page, `[id="q-p1.deposits"] form`);
    await deposits.locator("summary", { hasText: "Comment on this answer" }).click();
    await deposits.getByLabel(/Your comment/).fill("Why are deposits taken? Please return them.");
    await deposits.getByRole("button", { name: "Add comment" }).click();
    const thread = deposits.getByRole("list", { name: "Review comments" });
    await expect(thread).toContainText("Priya Raman");
    await expect(thread).toContainText("Why are deposits taken? Please return them.");

    const admin = await (await newContext()).newPage();
    await loginAs(acme.admin, admin.context());
    await admin.goto(url);
    const theirs = card(admin, "p1.deposits");
    await waitForHydration(admin, `[id="q-p1.deposits"] .asm-thread form`);
    await theirs.locator("summary", { hasText: "Reply" }).click();
    await theirs.getByLabel("Your reply (signed with your name)").fill("Ask for the receipts of the returned deposits too.");
    await theirs.getByRole("button", { name: "Add reply" }).click();
    await expect(theirs.getByRole("list", { name: "Review comments" })).toContainText("Alex Moreno replied");
    await admin.close();
  });

  await test.step("the officer sends it back; the supplier answers No and submits again", async () => {
    await page.reload();
    await expect(card(page, "p1.deposits")).toContainText("Alex Moreno replied");
    await expect(card(page, "p1.deposits").getByRole("list", { name: "Review comments" })).not.toContainText("@"); // names, not addresses
    await waitForHydration(page, "section.asm-decision form");
    const review = page.getByRole("region", { name: "Review", exact: true });
    await expect(review).toContainText("1 unresolved comment thread.");
    await review.locator("summary", { hasText: "Request changes" }).click();
    await review.getByLabel(/Why are you sending it back/).fill("Deposits are a sign of debt bondage.");
    await review.getByRole("button", { name: "Send back to the supplier with 1 comment thread" }).click();
    await expect(page.locator(".toast").filter({ hasText: "Sent back to the supplier" })).toBeVisible();
    await answer(portal, assessmentId, "p1.deposits", "no", storedAnswers(assessmentId)["p1.deposits"]!.revision);
    await submit(portal, assessmentId);
  });

  await test.step("the reviewer sees the retracted flag at the top, the revised answer and the resubmission", async () => {
    await page.reload();
    const retracted = page.getByRole("region", { name: "Retracted after review" });
    await expect(retracted).toContainText("Debt bondage");
    await expect(retracted).toContainText("Yes → No");
    await expect(card(page, "p1.deposits")).toContainText("Revised after review: was Yes, now No");
    await expect(card(page, "p1.deposits")).not.toContainText("Red flag: Debt bondage");
    const timeline = page.getByRole("region", { name: "Decisions" });
    await expect(timeline).toContainText(`Resubmitted after changes were requested by the supplier's contact (${email})`);
  });

  await test.step("the thread is resolved; approving without ticking the retracted flag is refused, with it accepted", async () => {
    const deposits = card(page, "p1.deposits");
    await waitForHydration(page, `[id="q-p1.deposits"] .asm-thread form`);
    await deposits.getByRole("button", { name: "Resolve thread" }).click();
    await expect(deposits.locator(".asm-thread-state")).toContainText("Resolved by Priya Raman");
    await expect(deposits.getByRole("button", { name: "Reopen thread" })).toBeVisible();

    await waitForHydration(page, "section.asm-decision form");
    const review = page.getByRole("region", { name: "Review", exact: true });
    await expect(review).toContainText("0 unresolved comment threads.");
    await review.locator("summary", { hasText: "Approve" }).click();
    await review.getByLabel("Why do you approve it?").fill("Deposits returned; receipts seen on site.");
    await review.getByRole("button", { name: "Approve and recompute the score" }).click();
    await expect(page.locator("#ackRetracted-error")).toContainText("A red flag was retracted after review");
    expect(assessmentById(assessmentId)?.status).toBe("submitted");

    await review.getByLabel(/I checked the red flag retracted after review/).check();
    await review.getByLabel("Why do you approve it?").fill("Deposits returned; receipts seen on site.");
    await review.getByRole("button", { name: "Approve and recompute the score" }).click();
    await expect(page.locator(".toast").filter({ hasText: "Approved. The assessment is valid until" })).toBeVisible();
    expect(assessmentById(assessmentId)?.status).toBe("approved");
    await expect(page.getByRole("region", { name: "Decisions" })).toContainText("checked the red flags retracted after review");
  });
});
