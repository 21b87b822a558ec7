// Documents behind answers in the browser: the supplier attaches a document with its type and the
// date until which it is valid through the portal; another officer accepts it with a reason on the
// assessment page ("Accepted by …"), and the portal shows the decision. An officer who uploads a
// document on the fill page (with its type and validity) is not offered its decision, and a direct
// POST is refused.
import type { Page } from "@playwright/test";
import { en as catalogue } from "~/domain/questionnaire/i18n";
import { BASE_URL } from "./support/env";
import { evidenceOf } from "./support/db-assessments";
import { isoDay } from "./support/answers";
import { TINY_PDF as PDF, postForm as post, uniqueSuffix as suffix } from "./support/http";
import { expect, linkIn, test, waitForHydration, type Tenant } from "./support/fixtures";

/** An English portal text (the catalogue's entries are optional strings). */
const en = (key: string): string => catalogue[key] ?? key;

/** A new supplier with an assessment whose English link was mailed to a new address. */
async function invited(page: Page, acme: Tenant) {
  const sfx = suffix();
  const email = `evidence.${sfx}@supplier.test`;
  const created = await post(
    page,
    acme.path("/suppliers/new"),
    { status: "active", name: `Evidence Mill ${sfx}`, country: "BD", contactEmail: email },
    302,
  );
  const supplierId = Number(/\/suppliers\/(\d+)$/.exec(created.headers()["location"] ?? "")![1]);
  const started = await post(page, acme.path(`/assessments/new?supplier=${supplierId}`), { dueAt: isoDay(21), language: "en" }, 302);
  const assessmentId = Number(/\/assessments\/(\d+)$/.exec(started.headers()["location"] ?? "")![1]);
  await post(page, acme.path(`/assessments/${assessmentId}`), { intent: "invite", email, language: "en" });
  return { assessmentId, email };
}

const policy = (portal: Page) => portal.locator("#q-p1-written_policy");
const item = (page: Page, filename: string) => page.locator(".evidence-item", { hasText: filename });

test("the supplier's document with its type and validity is accepted by another officer with a reason; the portal shows it", async ({
  page,
  loginAs,
  newContext,
  mailbox,
  acme,
}) => {
  test.setTimeout(120_000);
  await loginAs(acme.compliance);
  const { assessmentId, email } = await invited(page, acme);
  const validUntil = isoDay(200);

  const portal = await (await newContext()).newPage();
  await test.step("the supplier opens the portal and attaches its policy as a policy document valid for 200 days", async () => {
    const mail = await mailbox.latest(email, { kind: "supplier-invite", orgId: acme.orgId });
    await portal.goto(linkIn(mail, "/s/"));
    await waitForHydration(portal, "form.portal-start");
    await portal.getByRole("button", { name: en("ui.start.button"), exact: true }).click();
    await expect(portal).toHaveURL(`${BASE_URL}/s/portal`);
    await portal.goto("/s/portal?section=p1");
    await waitForHydration(portal, "form.portal-form");
    // Every control question offers a document, folded until asked for (here: not answered yet).
    await expect(portal.locator("#q-p1-deposits details.portal-evidence-folded")).toHaveCount(1);
    await policy(portal)
      .locator("summary", { hasText: en("ui.evidence.add") })
      .click();
    await policy(portal)
      .getByLabel(en("ui.evidence.kind_label"))
      .selectOption({ label: en("ui.evidence.kind.policy_document") });
    await policy(portal).getByLabel(en("ui.evidence.valid_until_label")).fill(validUntil);
    await policy(portal)
      .getByLabel(en("ui.upload"), { exact: true })
      .setInputFiles({ name: "signed-policy.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(policy(portal).getByRole("link", { name: "signed-policy.pdf" })).toBeVisible();
    await expect(policy(portal).locator(".portal-files")).toContainText(en("ui.evidence.status.pending"));
    await expect(policy(portal).locator(".portal-files")).toContainText(en("ui.evidence.kind.policy_document"));
    expect(evidenceOf(assessmentId)).toEqual([
      expect.objectContaining({
        filename: "signed-policy.pdf",
        kind: "policy_document",
        valid_until: validUntil,
        review_status: "pending",
      }),
    ]);
  });

  await test.step("an officer who uploads a document for the supplier is not offered its decision, and a POST is refused", async () => {
    await page.goto(acme.path(`/assessments/${assessmentId}/fill?section=p2`));
    await waitForHydration(page, ".asm-upload");
    // A control question that asks for no document still takes one on the fill page.
    const card = page.locator("#q-p2-awareness_activities");
    await card.getByLabel("Type of document").selectOption({ label: "Training records" });
    await card.getByLabel("Valid until (optional)").fill(isoDay(90));
    await card.getByLabel(/^Add a file/).setInputFiles({ name: "officer-scan.pdf", mimeType: "application/pdf", buffer: PDF });
    await card.getByRole("button", { name: "Upload" }).click();
    await expect(card.getByRole("status")).toContainText("officer-scan.pdf uploaded.");
    expect(evidenceOf(assessmentId).find((f) => f.filename === "officer-scan.pdf")).toMatchObject({
      question_key: "p2.awareness_activities",
      kind: "training_records",
      valid_until: isoDay(90),
    });
    await page.goto(acme.path(`/assessments/${assessmentId}#evidence`));
    await waitForHydration(page, ".evidence-review form");
    const mine = item(page, "officer-scan.pdf");
    await expect(mine).toContainText("You uploaded this document, so someone else must review it.");
    await expect(mine.getByRole("button", { name: "Accept" })).toHaveCount(0);
    const fileId = evidenceOf(assessmentId).find((f) => f.filename === "officer-scan.pdf")!.id;
    const refused = await post(
      page,
      acme.path(`/assessments/${assessmentId}/evidence/${fileId}`),
      { intent: "accept", reason: "My own scan" },
      403,
    );
    // Without JavaScript the refusal is a page of its own that says why.
    expect(await refused.text()).toContain("You uploaded this document, so someone else must review it.");
    expect(evidenceOf(assessmentId).find((f) => f.id === fileId)?.review_status).toBe("pending");
  });

  await test.step("the admin accepts the supplier's document with a reason; the page says who accepted it and why", async () => {
    const ctx = await newContext();
    await loginAs(acme.admin, ctx);
    const admin = await ctx.newPage();
    await admin.goto(acme.path(`/assessments/${assessmentId}`));
    await waitForHydration(admin, ".evidence-review form");
    const doc = item(admin, "signed-policy.pdf");
    await expect(doc).toContainText("Policy document");
    await expect(doc).toContainText(validUntil);
    await expect(doc).toContainText("Pending review");
    await doc.getByLabel(/^Reason/).fill("Signed by the managing director, dated this year.");
    await doc.getByRole("button", { name: "Accept" }).click();
    await expect(admin.locator(".toast").filter({ hasText: "Document accepted." })).toBeVisible();
    await expect(doc).toContainText("Accepted by Alex Moreno");
    await expect(doc).toContainText("Signed by the managing director, dated this year.");
    expect(evidenceOf(assessmentId).find((f) => f.filename === "signed-policy.pdf")).toMatchObject({
      review_status: "accepted",
      reviewed_by_label: "Alex Moreno",
    });
  });

  await test.step("the supplier sees the document accepted by the buyer", async () => {
    await portal.reload();
    await waitForHydration(portal, "form.portal-form");
    await expect(policy(portal).locator(".portal-files")).toContainText(en("ui.evidence.status.accepted").replace("{buyer}", acme.name));
  });
});
