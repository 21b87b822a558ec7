// Corrective actions end to end: an officer approves an assessment whose answers raise a red flag
// (the employer keeps workers' passports) and the action appears in the list, reached from the top
// bar; the officer moves it to in progress; the supplier, back through its invitation link (in
// French), finds it under "Actions correctives" and replies with a note and a PDF; the officer reads
// the reply, downloads the file, marks the action done and verifies it. An executive reads the same
// page without any control. The file works in a copy of the demo tenant acme of its own (the `acme`
// fixture); every run still makes its own supplier, since the tests of the file share that copy.
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { en } from "~/domain/questionnaire/i18n/en";
import { fr } from "~/domain/questionnaire/i18n/fr";
import { ATHENS_V2, allQuestions, type Answers } from "~/domain/questionnaire";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import { BASE_URL, E2E_DB_FILE } from "./support/env";
import { clearRateLimit, latestMail } from "./support/db";
import { expect, linkIn, test, waitForHydration, type Tenant } from "./support/fixtures";
import { isoDay } from "./support/answers";
import { TINY_PDF as PDF, postForm as post, uniqueSuffix as suffix } from "./support/http";

function text(cat: Record<string, string>, key: string, params: Record<string, string | number> = {}): string {
  const raw = cat[key];
  if (raw === undefined) throw new Error(`No text ${key} in the catalogue`);
  return raw.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`));
}
const FR = (key: string, params?: Record<string, string | number>) => text(fr, key, params);

interface ActionRow {
  id: number;
  supplier_id: number;
  assessment_id: number | null;
  source: string;
  question_key: string | null;
  indicator: string | null;
  severity: string | null;
  answer: string | null;
  title: string;
  owner_user_id: number | null;
  due_at: string;
  status: string;
  version: number;
  done_at: string | null;
  verified_at: string | null;
}

/** The corrective actions of a supplier, straight from the e2e database. */
function actionsOfSupplier(supplierId: number): ActionRow[] {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true, readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare("SELECT * FROM corrective_actions WHERE supplier_id = ? ORDER BY id").all(supplierId) as ActionRow[];
  } finally {
    db.close();
  }
}

function eventsOf(actionId: number): Array<{ kind: string; author_label: string; body: string | null; status_to: string | null }> {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true, readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db
      .prepare("SELECT kind, author_label, body, status_to FROM action_events WHERE action_id = ? ORDER BY id")
      .all(actionId) as Array<{
      kind: string;
      author_label: string;
      body: string | null;
      status_to: string | null;
    }>;
  } finally {
    db.close();
  }
}

/**
 * A new supplier with an assessment, its link mailed in French, answered on the supplier's behalf
 * with the best answers except that the employer keeps the workers' documents, and submitted.
 */
async function submittedWithRedFlag(page: Page, acme: Tenant) {
  const sfx = suffix();
  const supplierName = `Confections du Nord ${sfx}`;
  const email = `rh.${sfx}@confections.test`;
  const created = await post(
    page,
    acme.path("/suppliers/new"),
    { status: "active", name: supplierName, country: "MA", contactEmail: email },
    302,
  );
  const supplierId = Number(/\/suppliers\/(\d+)$/.exec(created.headers()["location"] ?? "")![1]);
  const started = await post(page, acme.path(`/assessments/new?supplier=${supplierId}`), { dueAt: isoDay(21), language: "fr" }, 302);
  const assessmentId = Number(/\/assessments\/(\d+)$/.exec(started.headers()["location"] ?? "")![1]);
  await post(page, acme.path(`/assessments/${assessmentId}`), { intent: "invite", email, language: "fr" });
  const link = linkIn(latestMail(email, { kind: "supplier-invite", orgId: acme.orgId })!, "/s/");
  const answers: Answers = { ...BEST, "p1.documents_holder": "employer_keeps" };
  for (const { question } of allQuestions(ATHENS_V2)) {
    const value = answers[question.key];
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
  return { supplierId, supplierName, assessmentId, email, link };
}

/**
 * This spec's officer fills in and approves (it is about actions): its tenant copy turns four eyes
 * off, as an admin would on the Review settings page (review.spec.ts shows four eyes at work).
 */
function fourEyesOff(acme: Tenant) {
  const db = new Database(E2E_DB_FILE, { fileMustExist: true });
  try {
    db.prepare("UPDATE organizations SET four_eyes = 0 WHERE id = ?").run(acme.orgId);
  } finally {
    db.close();
  }
}

const badge = (page: Page) => page.locator(".page-head .action-status");

test(
  "a red flag opens a corrective action; the officer works it, the supplier " +
    "replies from the portal with a file, the officer marks it done and verified",
  async ({ page, loginAs, newContext, mailbox, acme }) => {
    test.setTimeout(120_000);
    clearRateLimit("invite-ip");
    await loginAs(acme.compliance);
    fourEyesOff(acme);
    const s = await submittedWithRedFlag(page, acme);
    expect(actionsOfSupplier(s.supplierId)).toEqual([]);
    const title = `${en["ilo.retention_of_documents"]} — ${en["q.p1.documents_holder.text"]}`;
    let actionId = 0;

    await test.step("the officer approves the assessment: the red flag opens an action owned by the officer, due in 30 days", async () => {
      await page.goto(acme.path(`/assessments/${s.assessmentId}`));
      await waitForHydration(page, "section.asm-decision form");
      const review = page.getByRole("region", { name: "Review" });
      await review.locator("summary", { hasText: "Approve" }).click();
      await review.getByLabel("Why do you approve it?").fill("Policy in place; the documents action follows the flag.");
      await review.getByLabel(/severe red flag/).check();
      await page.getByRole("button", { name: "Approve and recompute the score" }).click();
      await expect(page.locator(".toast").filter({ hasText: "Approved." })).toBeVisible();
      const rows = actionsOfSupplier(s.supplierId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        assessment_id: s.assessmentId,
        source: "red_flag",
        question_key: "p1.documents_holder",
        indicator: "retention_of_documents",
        severity: "severe",
        title,
        status: "open",
        due_at: isoDay(30),
      });
      expect(JSON.parse(rows[0]!.answer!)).toBe("employer_keeps");
      actionId = rows[0]!.id;
    });

    await test.step("the action appears in the list, reached from the top bar, and on its page with the answer behind it", async () => {
      await page.getByRole("complementary").getByRole("link", { name: "Corrective actions", exact: true }).click();
      await expect(page).toHaveURL(`${BASE_URL}${acme.path("/actions")}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Corrective actions");
      await page.goto(acme.path(`/actions?supplier=${s.supplierId}`));
      const row = page.getByRole("row").filter({ hasText: title });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(s.supplierName);
      await expect(row).toContainText("Open");
      await expect(row).toContainText(isoDay(30));
      await expect(row).not.toContainText("overdue");
      await row.getByRole("link", { name: title }).click();
      await expect(page).toHaveURL(`${BASE_URL}${acme.path(`/actions/${actionId}`)}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(badge(page)).toHaveText("Open");
      const flag = page.getByRole("region", { name: "The red flag behind it" });
      await expect(flag).toContainText("Retention of identity documents");
      await expect(flag).toContainText("severe");
      await expect(flag).toContainText(en["q.p1.documents_holder.opt.employer_keeps"]!);
      await expect(page.getByRole("link", { name: "the assessment that raised it" })).toHaveAttribute(
        "href",
        acme.path(`/assessments/${s.assessmentId}`),
      );
    });

    await test.step("the officer moves it to in progress with a note", async () => {
      await waitForHydration(page, "main form");
      await page.getByLabel("Note on this change (optional)").fill("Called the HR manager; lockers are being installed.");
      await page.getByRole("button", { name: "Start work (in progress)" }).click();
      await expect(page.getByText("The action is now in progress.")).toBeVisible(); // the toast
      await expect(badge(page)).toHaveText("In progress");
      expect(actionsOfSupplier(s.supplierId)[0]).toMatchObject({ status: "in_progress", version: 2 });
    });

    const reply = `Les passeports ont été rendus à tous les travailleurs (${suffix()}).`;
    await test.step("the supplier opens its link again, finds the action in French and replies with a note and a PDF", async () => {
      const ctx = await newContext();
      const portal = await ctx.newPage();
      await portal.goto(s.link);
      await waitForHydration(portal, "form.portal-start");
      await portal.getByRole("button", { name: FR("ui.link.open") }).click();
      await expect(portal).toHaveURL(`${BASE_URL}/s/portal`);
      await portal
        .getByRole("navigation", { name: FR("ui.portal.nav.label") })
        .getByRole("link", { name: FR("ui.portal.nav.actions") })
        .click();
      await expect(portal).toHaveURL(`${BASE_URL}/s/portal/actions`);
      await expect(portal.getByRole("heading", { level: 1 })).toHaveText(FR("ui.actions.heading"));
      const card = portal.getByRole("article", { name: FR("ui.actions.concern", { indicator: fr["ilo.retention_of_documents"]! }) });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(FR("ui.actions.about_answer", { question: fr["q.p1.documents_holder.text"]! }));
      await expect(card).toContainText(FR("ui.actions.status.in_progress"));
      await expect(card).not.toContainText("Called the HR manager"); // the officer's note stays inside
      await waitForHydration(portal, "article form");
      await card.getByLabel(FR("ui.actions.reply.body")).fill(reply);
      await card
        .getByLabel(FR("ui.actions.reply.files"))
        .setInputFiles({ name: "recus-passeports.pdf", mimeType: "application/pdf", buffer: PDF });
      await card.getByRole("button", { name: FR("ui.actions.reply.send") }).click();
      await expect(portal.locator(".toast")).toContainText(FR("ui.actions.reply.sent", { buyer: acme.name }));
      await card.getByText(FR("ui.actions.history")).click();
      await expect(card).toContainText(reply);
      await expect(card).toContainText("recus-passeports.pdf");
      expect(eventsOf(actionId).at(-1)).toMatchObject({ kind: "supplier_reply", author_label: `supplier ${s.email}`, body: reply });
    });

    await test.step("the owner is told by mail; the officer reads the reply and downloads the file as an attachment", async () => {
      const mail = await mailbox.latest(acme.compliance, { kind: "action-supplier-reply", orgId: acme.orgId });
      expect(mail.body).toContain(acme.path(`/actions/${actionId}`));
      await page.reload();
      const timeline = page.getByRole("region", { name: "Timeline" });
      await expect(timeline).toContainText(reply);
      await expect(timeline).toContainText("replied (supplier)");
      const file = timeline.getByRole("link", { name: "recus-passeports.pdf" });
      const href = await file.getAttribute("href");
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="recus-passeports.pdf"/);
      // The server sets nosniff on every response and the download sets it too (as evidence files do).
      expect(res.headers()["x-content-type-options"]).toMatch(/^nosniff(, nosniff)?$/);
      expect(Buffer.from(await res.body()).equals(PDF)).toBe(true);
    });

    await test.step("an executive reads the action without any control", async () => {
      const ctx = await newContext();
      await loginAs(acme.exec, ctx);
      const reader = await ctx.newPage();
      await reader.goto(acme.path(`/actions/${actionId}`));
      await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(reader.getByRole("region", { name: "Timeline" })).toContainText(reply);
      for (const name of ["Start work (in progress)", "Mark done", "Save", "Add note"])
        await expect(reader.getByRole("button", { name })).toHaveCount(0);
      await expect(reader.getByRole("heading", { name: "Add a note" })).toHaveCount(0);
      await expect(reader.getByRole("heading", { name: "Owner and due date" })).toHaveCount(0);
      const refused = await reader.request.post(acme.path(`/actions/${actionId}`), {
        form: { intent: "status", version: "3", status: "done" },
        headers: { Origin: BASE_URL },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
    });

    await test.step("the officer marks it done, then verifies it: closed for good", async () => {
      await waitForHydration(page, "main form");
      await page.getByRole("button", { name: "Mark done" }).click();
      await expect(badge(page)).toHaveText("Done");
      await page.getByRole("button", { name: "Verify and close" }).click();
      await expect(badge(page)).toHaveText("Verified");
      await expect(page.getByRole("button", { name: "Mark done" })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "Owner and due date" })).toHaveCount(0);
      const row = actionsOfSupplier(s.supplierId)[0]!;
      expect(row).toMatchObject({ status: "verified" });
      expect(row.done_at).not.toBeNull();
      expect(row.verified_at).not.toBeNull();
      expect(
        eventsOf(actionId)
          .map((e) => e.status_to)
          .filter(Boolean),
      ).toEqual(["in_progress", "done", "verified"]);
      await page.goto(acme.path(`/actions?supplier=${s.supplierId}&status=verified`));
      await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Verified");
    });
  },
);

test("an officer opens a corrective action from a review comment; it is linked to the assessment's question", async ({
  page,
  loginAs,
  acme,
}) => {
  await loginAs(acme.compliance);
  const { supplierId, assessmentId } = await submittedWithRedFlag(page, acme);
  const body = `The canteen grievance box is inside the manager's office (${suffix()}).`;

  await page.goto(acme.path(`/assessments/${assessmentId}`));
  const card = page.locator('[id="q-p4.grievance_channel"]');
  await waitForHydration(page, `[id="q-p4.grievance_channel"] form`);
  await card.getByText("Comment on this answer").click();
  await card.getByLabel("Your comment (the supplier sees it when you request changes)").fill(body);
  await card.getByRole("button", { name: "Add comment" }).click();
  await expect(card.getByRole("status")).toHaveText("Comment added.");

  await card.getByRole("link", { name: "Open a corrective action from this comment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("New corrective action for Confections du Nord");
  await expect(page.locator("blockquote")).toHaveText(body);
  await expect(page.getByLabel("Details (optional)")).toHaveValue(body);
  await waitForHydration(page, "main form");
  await page.screenshot({ path: "test-results/screenshots/action-from-review-comment.png", fullPage: true });
  await page.getByLabel("Title").fill("Move the grievance box out of the manager's office");
  await page.getByRole("button", { name: "Open the action" }).click();
  await expect(page).toHaveURL(new RegExp(`${acme.path("/actions")}/\\d+$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Move the grievance box");

  const rows = actionsOfSupplier(supplierId).filter((a) => a.title.startsWith("Move the grievance box"));
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ source: "review", question_key: "p4.grievance_channel" });
});
