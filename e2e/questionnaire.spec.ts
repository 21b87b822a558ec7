// The Athens questionnaire end to end: a compliance officer starts an assessment and invites the
// supplier's contact in Spanish; the contact follows the mailed link in another browser (no account),
// answers with autosave (through a reload and a lost connection), uploads the policy and submits; the
// officer sends it back with a comment, the supplier corrects the answer and resubmits, the officer
// approves and reads the answer's history. Then the link's edges (tampered, revoked, expired, its
// headers), refused uploads, and an executive who reads without any control. The file works in a copy
// of the demo tenant acme of its own (the acme fixture), which its tests share: every test but the
// executive's makes its own supplier (name and contact address with a random suffix), and the
// executive's reads the copy's seeded questionnaires, which no other test of the file touches. Mail to
// a supplier's contact is looked up by organisation too.
import type { BrowserContext, Locator, Page, Request } from "@playwright/test";
import { en } from "~/domain/questionnaire/i18n/en";
import { es } from "~/domain/questionnaire/i18n/es";
import { BASE_URL } from "./support/env";
import { GOOD_ANSWERS, isoDay, type BaseAnswer } from "./support/answers";
import { clearRateLimit, lastMailId, latestMail, mailsSince } from "./support/db";
import {
  answerRevisions,
  assessmentById,
  assessmentsBySupplierRef,
  assessmentsOfSupplier,
  evidenceOf,
  expireInvites,
  invitesOf,
  reviewCommentsOf,
  storedAnswers,
} from "./support/db-assessments";
import { supplierById } from "./support/db-suppliers";
import { expect, linkIn, test, waitForHydration, type Tenant } from "./support/fixtures";

/** Unique per test attempt (retries and parallel workers included). */
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const startsWith = (text: string) => new RegExp(`^${escapeRe(text)}`);

type Catalogue = Record<string, string>;
/** A text of a language catalogue with its {placeholders} filled; a missing key fails the test. */
function text(cat: Catalogue, key: string, params: Record<string, string | number> = {}): string {
  const raw = cat[key];
  if (raw === undefined) throw new Error(`No text ${key} in the catalogue`);
  return raw.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`));
}
const ES = (key: string, params?: Record<string, string | number>) => text(es, key, params);
const EN = (key: string, params?: Record<string, string | number>) => text(en, key, params);

/** A minimal valid one-page PDF. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

// Opening links (30 per 15 minutes) and asking for a new one (3 an hour) are limited per IP, and every
// test comes from 127.0.0.1. Only this file opens invite links: its tests start from zero, and reset
// again right before asking for a new link, so retries and --repeat-each do not run into 429s.
function resetLinkLimits(): void {
  clearRateLimit("invite-ip");
  clearRateLimit("invite-resend");
}
test.beforeEach(resetLinkLimits);

// ---------------------------------------------------------------------------------------------
// Setup shortcuts (plain form posts as the signed-in officer of `page`)

async function createSupplier(page: Page, acme: Tenant, fields: Record<string, string>): Promise<number> {
  const res = await page.request.post(acme.path("/suppliers/new"), {
    form: { status: "active", ...fields },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  expect(res.status(), await res.text()).toBe(302);
  const m = new RegExp(`${acme.path("/suppliers")}/(\\d+)$`).exec(res.headers()["location"] ?? "");
  if (!m) throw new Error(`No supplier page in ${res.headers()["location"]}`);
  return Number(m[1]);
}

interface Invited {
  supplierName: string;
  assessmentId: number;
  email: string;
  link: string;
  token: string;
}

/** A new supplier with an assessment whose link was mailed to a new address in `language`. */
async function invitedAssessment(page: Page, acme: Tenant, language: string): Promise<Invited> {
  const sfx = suffix();
  const supplierName = `Link Test Mill ${sfx}`;
  const email = `contact.${sfx}@supplier.test`;
  const supplierId = await createSupplier(page, acme, { name: supplierName, country: "VN", contactEmail: email });
  const start = await page.request.post(acme.path(`/assessments/new?supplier=${supplierId}`), {
    form: { dueAt: isoDay(21), language },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  expect(start.status(), await start.text()).toBe(302);
  const m = new RegExp(`${acme.path("/assessments")}/(\\d+)$`).exec(start.headers()["location"] ?? "");
  expect(m, start.headers()["location"]).toBeTruthy();
  const assessmentId = Number(m![1]);
  const invite = await page.request.post(acme.path(`/assessments/${assessmentId}`), {
    form: { intent: "invite", email, language },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  expect(invite.status()).toBe(200);
  const mail = latestMail(email, { kind: "supplier-invite", orgId: acme.orgId });
  expect(mail, `an invite mail to ${email}`).toBeDefined();
  const link = linkIn(mail!, "/s/");
  const token = new URL(link).pathname.slice("/s/".length);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { supplierName, assessmentId, email, link, token };
}

/** Opens the link in a signed-out browser and presses Start: the portal, without the token in the URL. */
async function openPortal(context: BrowserContext, inv: Invited, startLabel: string): Promise<Page> {
  const portal = await context.newPage();
  const res = await portal.goto(inv.link);
  expect(res?.status()).toBe(200);
  await waitForHydration(portal, "form.portal-start");
  await portal.getByRole("button", { name: startLabel, exact: true }).click();
  await expect(portal).toHaveURL(`${BASE_URL}/s/portal`);
  await waitForHydration(portal, "form.portal-form");
  return portal;
}

// ---------------------------------------------------------------------------------------------
// The portal, by label and role

type Answer = BaseAnswer;

/** The good answers, with the supplier's free texts in Spanish (the invite's language). */
const GOOD: Record<string, Answer> = {
  ...GOOD_ANSWERS,
  "profile.nationalities": { type: "Perú, Bolivia" },
  "p6.initiative_names": { type: "Iniciativa Textil Responsable" },
  "p7.statement_link": { type: "https://proveedor.example/declaracion" },
};

/** What the answers table holds for an answer given as in GOOD. */
function stored(key: string): unknown {
  const a = GOOD[key]!;
  if ("choose" in a) return a.choose;
  if ("check" in a) return a.check;
  if ("type" in a) return /^\d+$/.test(a.type) ? Number(a.type) : a.type;
  return null;
}

/** The element id of a question in the portal (as components/portal/format.ts builds it). */
const questionDomId = (key: string) => `q-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
const keyByDomId = new Map(Object.keys(GOOD).map((k) => [questionDomId(k), k]));

/** One question of the portal: the region named by its text in the catalogue's language. */
const question = (page: Page, key: string, cat: Catalogue = es) =>
  page.getByRole("region", { name: startsWith(text(cat, `q.${key}.text`)) });

function optionLabel(key: string, option: string, cat: Catalogue = es): string {
  return cat[`q.${key}.opt.${option}`] ?? text(cat, `ui.${option}`); // yes/no questions: "Sí" / "No"
}

/** Gives one answer through the question's own controls (found by role and label); does not wait for the save. */
async function give(page: Page, key: string, answer: Answer = GOOD[key]!): Promise<Locator> {
  const q = question(page, key);
  await expect(q, `question ${key} is shown`).toBeVisible();
  if ("choose" in answer) {
    await q.getByRole("radio", { name: optionLabel(key, answer.choose), exact: true }).check();
  } else if ("check" in answer) {
    for (const o of answer.check) await q.getByRole("checkbox", { name: optionLabel(key, o), exact: true }).check();
  } else if ("type" in answer) {
    const box = q.getByRole("textbox", { name: startsWith(ES(`q.${key}.text`)) });
    await box.fill(answer.type);
    await box.blur(); // leaving the field sends it at once
  }
  return q;
}

/** Gives one answer and waits for autosave to say "Guardado" next to it. */
async function answer(page: Page, key: string, value?: Answer): Promise<void> {
  const q = await give(page, key, value);
  if (!("skip" in (value ?? GOOD[key]!))) await expect(q.locator(":scope > .portal-q-status"), `${key} saved`).toHaveText(ES("ui.saved"));
}

/** The question keys shown in this section of the portal, in order (follow-ups appear as answers change). */
async function visibleKeys(page: Page): Promise<string[]> {
  const ids = await page.locator("form.portal-form > section.portal-q").evaluateAll((els) => els.map((e) => e.id));
  return ids.map((id) => {
    const key = keyByDomId.get(id);
    if (!key) throw new Error(`The portal shows a question (${id}) the test has no answer for`);
    return key;
  });
}

/** Answers every visible question of the current section not answered yet; returns the keys answered. */
async function answerSection(page: Page, done: Set<string>): Promise<string[]> {
  const answered: string[] = [];
  for (;;) {
    const next = (await visibleKeys(page)).find((k) => !done.has(k));
    if (!next) return answered;
    await answer(page, next);
    done.add(next);
    answered.push(next);
  }
}

/** The answer shown by the question's controls equals the GOOD one. */
async function expectShown(page: Page, key: string): Promise<void> {
  const a = GOOD[key]!;
  const q = question(page, key);
  if ("choose" in a) await expect(q.getByRole("radio", { name: optionLabel(key, a.choose), exact: true }), key).toBeChecked();
  else if ("check" in a) {
    for (const o of a.check) await expect(q.getByRole("checkbox", { name: optionLabel(key, o), exact: true }), `${key} ${o}`).toBeChecked();
    await expect(q.getByRole("checkbox", { checked: true })).toHaveCount(a.check.length);
  } else if ("type" in a) await expect(q.getByRole("textbox", { name: startsWith(ES(`q.${key}.text`)) }), key).toHaveValue(a.type);
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

async function nextSection(page: Page, sectionKey: string): Promise<void> {
  await page.getByRole("link", { name: ES("ui.next_section") }).click();
  await expect(heading(page)).toHaveText(ES(`s.${sectionKey}.title`));
}

/** Another section through the "Secciones" overview (a link in the page: no reload). */
async function openSection(page: Page, sectionKey: string, cat: Catalogue = es): Promise<void> {
  const overview = page.locator("details.portal-sections");
  if (!(await overview.evaluate((d) => (d as HTMLDetailsElement).open))) await overview.locator("summary").click();
  await overview.getByRole("link", { name: text(cat, `s.${sectionKey}.title`), exact: true }).click();
  await expect(heading(page)).toHaveText(text(cat, `s.${sectionKey}.title`));
}

/** Drafts autosave keeps in this browser for an assessment (they leave once the server has them). */
async function keptOnDevice(page: Page, assessmentId: number): Promise<Record<string, unknown>> {
  return page.evaluate((prefix) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(prefix)) out[k.slice(prefix.length)] = JSON.parse(localStorage.getItem(k) ?? "null");
    }
    return out;
  }, `lantern.answer.${assessmentId}.`);
}

const saveBar = (page: Page) => page.locator(".portal-savebar");

// ---------------------------------------------------------------------------------------------
// Officer pages

const statusBadge = (page: Page) => page.locator(".asm-subhead .asm-status");
const answerCard = (page: Page, key: string) => page.getByRole("article", { name: startsWith(EN(`q.${key}.text`)) });

// =============================================================================================

test(
  "an assessment from start to approval: Spanish invite, autosave through a reload and " +
    "a lost connection, evidence, changes requested, approval with the answer's history",
  async ({ page, loginAs, newContext, mailbox, acme }) => {
    test.setTimeout(180_000);
    const sfx = suffix();
    const supplierName = `Textiles Andinos ${sfx}`;
    const contact = `maria.quispe.${sfx}@andinos.test`;
    const due = isoDay(21);
    const dueEs = new Intl.DateTimeFormat("es", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${due}T00:00:00Z`));
    const comment = `Revise por favor: 52 horas superan las 48 horas semanales de su política (${sfx}).`;
    await loginAs(acme.compliance);
    const supplierId = await createSupplier(page, acme, { name: supplierName, country: "PE", city: "Lima", contactEmail: contact });
    expect(assessmentsOfSupplier(supplierId)).toEqual([]);
    let assessmentId = 0;
    let shownOnce = "";

    await test.step("the officer starts an assessment from the supplier page, due in 3 weeks", async () => {
      await page.goto(acme.path(`/suppliers/${supplierId}`));
      await page.getByRole("link", { name: "Start assessment" }).click();
      await expect(page).toHaveURL(`${BASE_URL}${acme.path(`/assessments/new?supplier=${supplierId}`)}`);
      await expect(heading(page)).toHaveText(`Start an assessment of ${supplierName}`);
      await waitForHydration(page, "main form");
      await page.getByLabel("Due date").fill(due);
      await page.getByRole("button", { name: "Start the assessment" }).click();
      await expect(page).toHaveURL(new RegExp(`^${escapeRe(BASE_URL)}${acme.path("/assessments")}/\\d+$`));
      assessmentId = Number(new URL(page.url()).pathname.split("/").pop());
      await expect(heading(page)).toHaveText(`Assessment of ${supplierName}`);
      await expect(statusBadge(page)).toHaveText("Draft");
      const rows = assessmentsOfSupplier(supplierId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: assessmentId, status: "draft", sent_at: null });
      expect(rows[0]!.due_at?.slice(0, 10)).toBe(due);
    });

    await test.step("the officer invites the supplier's contact in Spanish and is shown the link once", async () => {
      const card = page.getByRole("region", { name: "Invite the supplier" });
      await expect(card).toContainText("No link has been sent yet.");
      await waitForHydration(page, "form.asm-invite-form");
      await expect(card.getByLabel("Email")).toHaveValue(contact); // the supplier's contact, prefilled
      await card.getByLabel("Language", { exact: true }).selectOption("es");
      await card.getByRole("button", { name: "Send invitation" }).click();
      // No mail server in the tests: the officer is shown the link once, to copy; the outbox never shows it.
      await expect(page.getByRole("status").filter({ hasText: `the questionnaire link for ${contact} was not mailed` })).toBeVisible();
      shownOnce = await page.getByLabel("Questionnaire link for the supplier").inputValue();
      expect(shownOnce).toMatch(new RegExp(`^${escapeRe(BASE_URL)}/s/[A-Za-z0-9_-]{43}$`));
      const row = card.getByRole("row").filter({ hasText: contact });
      await expect(row).toContainText("Spanish (Español)");
      await expect(row).toContainText("Active");
      await expect(row).toContainText("never");
      await expect(statusBadge(page)).toHaveText("Sent");
      expect(invitesOf(assessmentId)).toEqual([
        expect.objectContaining({ email: contact, language: "es", revoked_at: null, last_used_at: null }),
      ]);
      expect(assessmentById(assessmentId)?.status).toBe("sent");
    });

    const mail = await mailbox.latest(contact, { kind: "supplier-invite", orgId: acme.orgId });
    expect(mail.subject).toContain(supplierName);
    const link = linkIn(mail, "/s/");
    expect(link).toBe(shownOnce); // the link the officer copied is the one in the (unsent) mail

    await test.step("the link is shown once: not after a reload, never in the outbox", async () => {
      await page.reload();
      await expect(page.getByLabel("Questionnaire link for the supplier")).toHaveCount(0);
      expect(await page.content()).not.toContain(link);
    });
    const token = new URL(link).pathname.slice("/s/".length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The supplier's contact: another browser, not signed in.
    const supplier = await newContext();
    const portal = await supplier.newPage();

    await test.step("the link's page is in Spanish; Start opens the portal at /s/portal, without the token", async () => {
      const res = await portal.goto(link);
      expect(res?.status()).toBe(200);
      await expect(portal.locator("div.portal")).toHaveAttribute("lang", "es");
      await expect(heading(portal)).toHaveText(ES("ui.link.heading"));
      await expect(portal.getByText(ES("ui.link.intro", { buyer: acme.name, supplier: supplierName }))).toBeVisible();
      await expect(portal.getByText(ES("ui.portal.due", { date: dueEs }))).toBeVisible();
      // Reading the link changes nothing (mail scanners open links).
      expect(assessmentById(assessmentId)?.status).toBe("sent");
      await waitForHydration(portal, "form.portal-start");
      await portal.getByRole("button", { name: "Empezar", exact: true }).click();
      await expect(portal).toHaveURL(`${BASE_URL}/s/portal`);
      expect(portal.url()).not.toContain(token);
      await waitForHydration(portal, "form.portal-form");
      await expect(portal.locator("div.portal")).toHaveAttribute("lang", "es");
      await expect(portal.getByText(ES("ui.portal.for_supplier", { supplier: supplierName }))).toBeVisible();
      await expect(heading(portal)).toHaveText(ES("s.profile.title"));
      await expect(portal.getByText(ES("ui.section.position", { n: 1, total: 8 }))).toBeVisible();
      expect(assessmentById(assessmentId)?.status).toBe("in_progress");
      expect(invitesOf(assessmentId)[0]?.last_used_at).not.toBeNull();
    });

    const done = new Set<string>();
    const firstHalf: string[] = [];

    await test.step("the supplier answers the first four sections, each answer saved as it is given", async () => {
      firstHalf.push(...(await answerSection(portal, done)));
      for (const s of ["p1", "p2", "p3"]) {
        await nextSection(portal, s);
        firstHalf.push(...(await answerSection(portal, done)));
        // The policy is signed: a document is asked for (uploaded later).
        if (s === "p1")
          await expect(question(portal, "p1.written_policy").locator(".portal-evidence")).toContainText(ES("ui.evidence.required"));
      }
      expect(firstHalf).toHaveLength(34); // about half of the ~70 questions shown
      expect(firstHalf).toContain("profile.agencies_licensed"); // follow-ups appeared and were answered
      expect(firstHalf).toContain("p1.policy_scope");

      const db = storedAnswers(assessmentId);
      expect(Object.keys(db).sort()).toEqual([...firstHalf].sort());
      for (const k of firstHalf) {
        expect(db[k], k).toMatchObject({ value: stored(k), updatedBy: `supplier ${contact}` });
        // One save per answer; a box ticked while the previous tick was on its way is sent with the next save.
        const g = GOOD[k]!;
        const saves = "check" in g ? g.check.length : 1;
        expect(db[k]!.revision, k).toBeGreaterThanOrEqual(1);
        expect(db[k]!.revision, k).toBeLessThanOrEqual(saves);
      }
      expect(await keptOnDevice(portal, assessmentId)).toEqual({}); // nothing left waiting in the browser
    });

    await test.step("after a reload every answer is still there", async () => {
      await expect(portal).toHaveURL(`${BASE_URL}/s/portal?section=p3`);
      await portal.reload();
      await waitForHydration(portal, "form.portal-form");
      await expect(heading(portal)).toHaveText(ES("s.p3.title"));
      // Without a section it opens on the first one with something required missing: the policy's document.
      await portal.goto("/s/portal");
      await waitForHydration(portal, "form.portal-form");
      await expect(heading(portal)).toHaveText(ES("s.p1.title"));
      for (const s of ["profile", "p1", "p2", "p3"]) {
        await openSection(portal, s);
        for (const k of firstHalf.filter((key) => key.startsWith(`${s}.`))) await expectShown(portal, k);
      }
    });

    await test.step("offline, two more answers are kept on the device; back online they are saved", async () => {
      await openSection(portal, "p4");
      await supplier.setOffline(true);
      const offline = ["p4.managers_trained", "p4.disciplinary"];
      for (const k of offline) await give(portal, k);
      for (const k of offline) await expect(question(portal, k).locator(":scope > .portal-q-status")).toHaveText(ES("ui.not_sent"));
      await expect(saveBar(portal)).toHaveText(ES("ui.offline")); // "…sus respuestas se conservan y se enviarán…"
      const kept = await keptOnDevice(portal, assessmentId);
      expect(Object.keys(kept).sort()).toEqual([...offline].sort());
      for (const k of offline) expect(kept[k]).toMatchObject({ value: "yes", base: 0 });
      const before = storedAnswers(assessmentId);
      for (const k of offline) expect(before[k], `${k} is not on the server yet`).toBeUndefined();

      await supplier.setOffline(false);
      for (const k of offline) await expect(question(portal, k).locator(":scope > .portal-q-status")).toHaveText(ES("ui.saved"));
      await expect(saveBar(portal)).toHaveText(new RegExp(`^${escapeRe(ES("ui.saved_at", { time: "" }))}\\d`));
      await expect.poll(() => keptOnDevice(portal, assessmentId)).toEqual({});
      const after = storedAnswers(assessmentId);
      for (const k of offline) expect(after[k], k).toMatchObject({ value: "yes", revision: 1, updatedBy: `supplier ${contact}` });
      for (const k of offline) done.add(k);
    });

    await test.step("the supplier answers the rest and uploads the signed policy as a PDF", async () => {
      await answerSection(portal, done);
      for (const s of ["p5", "p6", "p7"]) {
        await nextSection(portal, s);
        await answerSection(portal, done);
      }
      await expect(portal.getByRole("link", { name: ES("ui.next_section") })).toHaveCount(0); // the last section

      await openSection(portal, "p1");
      const policy = question(portal, "p1.written_policy");
      await policy
        .getByLabel(ES("ui.upload"), { exact: true })
        .setInputFiles({ name: "politica-firmada.pdf", mimeType: "application/pdf", buffer: PDF });
      await expect(policy.locator(".portal-evidence")).toContainText(ES("ui.upload.done", { name: "politica-firmada.pdf" }));
      await expect(policy.getByRole("link", { name: "politica-firmada.pdf" })).toBeVisible();
      expect(evidenceOf(assessmentId)).toEqual([
        expect.objectContaining({
          question_key: "p1.written_policy",
          filename: "politica-firmada.pdf",
          mime: "application/pdf",
          size_bytes: PDF.length,
          deleted_at: null,
        }),
      ]);
    });

    await test.step("the supplier submits; the portal becomes a read-only copy", async () => {
      await openSection(portal, "p7");
      const box = portal.getByRole("region", { name: ES("ui.submit.heading") });
      await expect(box).toContainText(ES("ui.missing.none"));
      await box.getByRole("button", { name: ES("ui.submit"), exact: true }).click();
      await box.getByRole("button", { name: ES("ui.submit.confirm_button") }).click();
      await expect(portal.getByText(ES("ui.submitted.heading"))).toBeVisible();
      await expect(portal.getByText(ES("ui.submitted.readonly"))).toBeVisible();
      await expect(portal.getByRole("radio")).toHaveCount(0);
      await expect(portal.getByRole("textbox")).toHaveCount(0);
      await expect(portal.locator('input[type="file"]')).toHaveCount(0);
      const row = assessmentById(assessmentId);
      expect(row?.status).toBe("submitted");
      expect(row?.submitted_at).not.toBeNull();
      // The server refuses changes too, not only the page.
      const late = await portal.request.post("/s/portal/answer", {
        form: {
          assessmentId: String(assessmentId),
          questionKey: "p5.usual_total_hours",
          value: JSON.stringify("40"),
          comment: "",
          baseRevision: "1",
        },
        headers: { Origin: BASE_URL },
      });
      expect(late.status()).toBe(409);
      expect(storedAnswers(assessmentId)["p5.usual_total_hours"]).toMatchObject({ value: 52, revision: 1 });
    });

    await test.step("the officer comments on the weekly hours and requests changes", async () => {
      await page.goto(acme.path(`/assessments/${assessmentId}`));
      await expect(statusBadge(page)).toHaveText("Submitted");
      const card = answerCard(page, "p5.usual_total_hours");
      await expect(card).toContainText("52 hours per week");
      await waitForHydration(page, `[id="q-p5.usual_total_hours"] form`);
      await card.getByText("Comment on this answer").click();
      await card.getByLabel("Your comment (the supplier sees it when you request changes)").fill(comment);
      await card.getByRole("button", { name: "Add comment" }).click();
      await expect(card.getByRole("status")).toHaveText("Comment added.");
      await expect(card.getByRole("list", { name: "Review comments" })).toContainText(comment);
      expect(reviewCommentsOf(assessmentId)).toEqual([
        { question_key: "p5.usual_total_hours", author_label: "Priya Raman", body: comment, resolved_at: null }, // signed with the name
      ]);
      await expect(card).toContainText("internal until you request changes");
      // Until changes are requested the comment is internal: the supplier's portal does not carry it.
      const early = await portal.request.get("/s/portal?_data=routes%2Fs.portal._index");
      expect(early.status()).toBe(200);
      expect(await early.text()).not.toContain("52 horas superan");
      await portal.reload();
      await expect(portal.getByText(comment)).toHaveCount(0);

      const review = page.getByRole("region", { name: "Review" });
      await expect(review).toContainText("1 unresolved comment thread.");
      await review.locator("summary", { hasText: "Request changes" }).click();
      await review.getByLabel(/Why are you sending it back/).fill("The weekly hours exceed the policy.");
      await review.getByRole("button", { name: "Send back to the supplier with 1 comment thread" }).click();
      await expect(page.locator(".toast").filter({ hasText: "Sent back to the supplier with your comments." })).toBeVisible();
      await expect(statusBadge(page)).toHaveText("Changes requested");
      expect(assessmentById(assessmentId)?.status).toBe("changes_requested");
      const notice = await mailbox.latest(contact, { kind: "assessment-changes-requested", orgId: acme.orgId });
      expect(notice.subject).toContain("one answer");
    });

    await test.step(
      "the supplier sees the request and the comment in Spanish " + "next to the answer, corrects it and submits again",
      async () => {
        await portal.reload();
        await waitForHydration(portal, "form.portal-form");
        const banner = portal.locator(".portal-changes");
        await expect(banner).toContainText(ES("ui.review.changes_requested.heading"));
        await expect(banner).toContainText(ES("ui.review.changes_requested.body", { buyer: acme.name }));
        await expect(banner).toContainText(ES("ui.review.comments.one", { count: 1 }));

        await openSection(portal, "p5");
        const hours = question(portal, "p5.usual_total_hours");
        const note = hours.getByRole("complementary", { name: ES("ui.review.comment_label") });
        await expect(note).toContainText(ES("ui.review.comment_from", { name: acme.name }));
        await expect(note).toContainText(comment);
        await answer(portal, "p5.usual_total_hours", { type: "46" });
        expect(storedAnswers(assessmentId)["p5.usual_total_hours"]).toMatchObject({ value: 46, revision: 2 });

        await openSection(portal, "p7");
        const box = portal.getByRole("region", { name: ES("ui.submit.heading") });
        await expect(box).toContainText(ES("ui.missing.none"));
        await box.getByRole("button", { name: ES("ui.submit"), exact: true }).click();
        await box.getByRole("button", { name: ES("ui.submit.confirm_button") }).click();
        await expect(portal.getByText(ES("ui.submitted.heading"))).toBeVisible();
        expect(assessmentById(assessmentId)?.status).toBe("submitted");
      },
    );

    await test.step("the officer approves; the answer's history shows both revisions", async () => {
      await page.reload();
      await expect(statusBadge(page)).toHaveText("Submitted");
      const card = answerCard(page, "p5.usual_total_hours");
      await expect(card.locator(".asm-answer-body")).toContainText("46 hours per week");
      await expect(card).toContainText("Revised after review: was 52 hours per week, now 46 hours per week");
      const review = page.getByRole("region", { name: "Review" });
      await review.locator("summary", { hasText: "Approve" }).click();
      await review.getByLabel("Why do you approve it?").fill("Hours corrected to 46; the policy is signed.");
      await review.getByLabel(/unresolved comment/).check();
      await review.getByRole("button", { name: "Approve and recompute the score" }).click();
      await expect(page.locator(".toast").filter({ hasText: "Approved. The assessment is valid until" })).toBeVisible();
      await expect(statusBadge(page)).toHaveText("Approved");
      const row = assessmentById(assessmentId);
      expect(row).toMatchObject({ status: "approved" });
      expect(row?.approved_at).not.toBeNull();
      expect(row?.valid_until?.slice(0, 4)).toBe(String(new Date().getUTCFullYear() + 1));

      await card.getByText("History (2 revisions)").click();
      const revisions = card.locator(".asm-history li");
      await expect(revisions).toHaveCount(2);
      await expect(revisions.nth(0)).toContainText("46 hours per week");
      await expect(revisions.nth(0)).toContainText(`revision 2 by supplier ${contact}`);
      await expect(revisions.nth(1)).toContainText("52 hours per week");
      await expect(revisions.nth(1)).toContainText(`revision 1 by supplier ${contact}`);
      expect(answerRevisions(assessmentId, "p5.usual_total_hours")).toEqual([
        { revision: 1, value: 52, author: `supplier ${contact}` },
        { revision: 2, value: 46, author: `supplier ${contact}` },
      ]);
      expect(reviewCommentsOf(assessmentId)[0]?.resolved_at).not.toBeNull();
    });

    await test.step("the supplier's portal says it is approved", async () => {
      await portal.reload();
      await expect(portal.getByRole("status").filter({ hasText: ES("ui.status.approved") })).toBeVisible();
      await expect(portal.getByRole("radio")).toHaveCount(0);
    });
  },
);

// =============================================================================================

test.describe("the invite link", () => {
  test("a tampered or malformed token answers 404 and opens nothing; reading a link changes nothing", async ({
    page,
    loginAs,
    newContext,
    acme,
  }) => {
    await loginAs(acme.compliance);
    const inv = await invitedAssessment(page, acme, "en");
    const last = inv.token.at(-1) === "A" ? "B" : "A";
    const tampered = `${inv.token.slice(0, -1)}${last}`;
    const visitor = await (await newContext()).newPage();

    for (const path of [`/s/${tampered}`, `/s/${inv.token.slice(0, 20)}`]) {
      const res = await visitor.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(heading(visitor)).toHaveText(EN("ui.error.not_found"));
      await expect(visitor.getByText(EN("ui.link.invalid"))).toBeVisible();
      await expect(visitor.getByRole("button")).toHaveCount(0);
    }
    // Start on a tampered token opens no session either.
    const post = await visitor.request.post(`/s/${tampered}`, {
      form: { intent: "start" },
      headers: { Origin: BASE_URL },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(404);
    expect(post.headers()["set-cookie"]).toBeUndefined();
    expect((await visitor.context().cookies()).map((c) => c.name)).not.toContain("lantern_supplier");
    const portal = await visitor.goto("/s/portal");
    expect(portal?.status()).toBe(401);

    // The real link still opens: the 404 was about the token. Reading it changed nothing.
    const real = await visitor.goto(inv.link);
    expect(real?.status()).toBe(200);
    await expect(heading(visitor)).toHaveText(EN("ui.link.heading"));
    expect(assessmentById(inv.assessmentId)?.status).toBe("sent");
    expect(invitesOf(inv.assessmentId)).toEqual([expect.objectContaining({ revoked_at: null, last_used_at: null })]);
  });

  test(
    "a revoked link answers 410 and is dead for every intent; an expired link " +
      "answers 410 and may ask once for a new link, mailed to the invited address only",
    async ({ page, loginAs, newContext, acme }) => {
      await loginAs(acme.compliance);
      const inv = await invitedAssessment(page, acme, "en");

      await test.step("the officer revokes the link on the assessment page", async () => {
        await page.goto(acme.path(`/assessments/${inv.assessmentId}`));
        const card = page.getByRole("region", { name: "Invite the supplier" });
        await expect(card.getByRole("row").filter({ hasText: inv.email })).toContainText("Active");
        await waitForHydration(page, "form.asm-revoke");
        await card.getByRole("button", { name: "Revoke the link" }).click();
        await expect(
          page.locator(".toast").filter({ hasText: "The link was revoked: it no longer opens the questionnaire." }),
        ).toBeVisible();
        await expect(card.getByRole("row").filter({ hasText: inv.email })).toContainText("Revoked");
        await expect(card.getByRole("button", { name: "Revoke the link" })).toHaveCount(0);
        expect(invitesOf(inv.assessmentId)[0]?.revoked_at).not.toBeNull();
      });

      const visitor = await (await newContext()).newPage();

      await test.step("the revoked link answers 410, offers nothing, and no request brings it back", async () => {
        const mark = lastMailId();
        const res = await visitor.goto(inv.link);
        expect(res?.status()).toBe(410);
        await expect(heading(visitor)).toHaveText(EN("ui.link.revoked"));
        await expect(visitor.getByText(EN("ui.link.revoked_help", { buyer: acme.name }))).toBeVisible();
        await expect(visitor.getByRole("button")).toHaveCount(0);
        await expect(visitor.getByRole("textbox")).toHaveCount(0); // no address can be typed in
        const attacker = `attacker.${suffix()}@evil.test`;
        for (const intent of ["resend", "start", ""]) {
          resetLinkLimits();
          const post = await visitor.request.post(inv.link, {
            form: { intent, email: attacker },
            headers: { Origin: BASE_URL },
            maxRedirects: 0,
          });
          expect(post.status(), intent).toBe(410);
          expect(post.headers()["set-cookie"]).toBeUndefined();
        }
        expect(mailsSince(mark, inv.supplierName)).toEqual([]);
        expect(invitesOf(inv.assessmentId)).toHaveLength(1);
      });

      await test.step(
        "the officer sends a new link; once it has expired it " + "offers “send me a new link”, mailed to the invited address",
        async () => {
          await page.goto(acme.path(`/assessments/${inv.assessmentId}`));
          const card = page.getByRole("region", { name: "Invite the supplier" });
          await waitForHydration(page, "form.asm-invite-form");
          await card.getByRole("button", { name: "Send invitation" }).click();
          await expect(
            page.getByRole("status").filter({ hasText: `the questionnaire link for ${inv.email} was not mailed` }),
          ).toBeVisible();
          const newest = linkIn(latestMail(inv.email, { kind: "supplier-invite", orgId: acme.orgId })!, "/s/");
          expireInvites(inv.assessmentId);
          const res = await visitor.goto(newest);
          expect(res?.status()).toBe(410);
          await expect(heading(visitor)).toHaveText(EN("ui.link.expired"));
          await expect(visitor.getByText(EN("ui.link.ask_new"))).toBeVisible();
          await expect(visitor.getByRole("button", { name: EN("ui.start.button"), exact: true })).toHaveCount(0);
          const mark = lastMailId();
          await waitForHydration(visitor, "main form");
          resetLinkLimits();
          await visitor.getByRole("button", { name: EN("ui.link.send_new") }).click();
          await expect(visitor.getByRole("status")).toHaveText(EN("ui.link.new_link_sent"));
          const mails = mailsSince(mark, inv.supplierName);
          expect(mails.map((m) => ({ to: m.to, kind: m.kind, orgId: m.orgId }))).toEqual([
            { to: inv.email, kind: "supplier-invite", orgId: acme.orgId },
          ]);
          const fresh = linkIn(mails[0]!, "/s/");
          expect(fresh).not.toBe(newest);
          expect((await visitor.goto(fresh))?.status()).toBe(200);
          // The expired link stays dead, and cannot ask a second time.
          expect((await visitor.goto(newest))?.status()).toBe(410);
          const again = lastMailId();
          resetLinkLimits();
          expect((await visitor.request.post(newest, { form: { intent: "resend" }, headers: { Origin: BASE_URL } })).status()).toBe(410);
          expect(mailsSince(again, inv.supplierName)).toEqual([]);
        },
      );
    },
  );

  // A replaced link is revoked: it must not take the questionnaire back from the corrected address.
  test("after the officer re-sends the link to a corrected address, the replaced link cannot take the questionnaire back", async ({
    page,
    loginAs,
    newContext,
    acme,
  }) => {
    await loginAs(acme.compliance);
    const inv = await invitedAssessment(page, acme, "en"); // mailed to the wrong person, say
    const corrected = `corrected.${suffix()}@supplier.test`;

    await test.step("the officer re-sends the link to the corrected address", async () => {
      await page.goto(acme.path(`/assessments/${inv.assessmentId}`));
      const card = page.getByRole("region", { name: "Invite the supplier" });
      await waitForHydration(page, "form.asm-invite-form");
      await card.getByLabel("Email").fill(corrected);
      await card.getByRole("button", { name: "Resend" }).click();
      await expect(page.getByRole("status").filter({ hasText: `the questionnaire link for ${corrected} was not mailed` })).toBeVisible();
      await expect(card.getByRole("row").filter({ hasText: corrected })).toContainText("Active");
      await expect(card.getByRole("row").filter({ hasText: inv.email })).toContainText("Revoked");
    });
    const current = linkIn(latestMail(corrected, { kind: "supplier-invite", orgId: acme.orgId })!, "/s/");

    const visitor = await (await newContext()).newPage();
    expect((await visitor.goto(inv.link))?.status()).toBe(410);
    await expect(visitor.getByRole("button", { name: EN("ui.link.send_new") })).toHaveCount(0);
    const mark = lastMailId();
    resetLinkLimits();
    expect((await visitor.request.post(inv.link, { form: { intent: "resend" }, headers: { Origin: BASE_URL } })).status()).toBe(410);

    // The address that was replaced gets nothing; the corrected contact's link still works.
    expect(mailsSince(mark, inv.supplierName)).toEqual([]);
    expect((await visitor.goto(current))?.status()).toBe(200);
    expect(invitesOf(inv.assessmentId).find((i) => i.email === corrected)?.revoked_at).toBeNull();
  });

  test("the link page says Referrer-Policy: no-referrer once; Start redirects to a URL without the token, and no request leaks it", async ({
    page,
    loginAs,
    newContext,
    acme,
  }) => {
    await loginAs(acme.compliance);
    const inv = await invitedAssessment(page, acme, "en");
    const context = await newContext();
    const visitor = await context.newPage();
    const requests: Request[] = [];
    context.on("request", (r) => requests.push(r));

    await test.step("GET: exactly one Referrer-Policy, no-referrer; not cached", async () => {
      const res = await visitor.goto(inv.link);
      expect(res?.status()).toBe(200);
      const policies = (await res!.headersArray()).filter((h) => h.name.toLowerCase() === "referrer-policy").map((h) => h.value);
      expect(policies).toEqual(["no-referrer"]);
      expect(res!.headers()["cache-control"]).toContain("no-store");
      // The 404 page of a bad token says the same.
      const bad = await context.request.get(`/s/${"x".repeat(43)}`);
      expect(bad.status()).toBe(404);
      expect(
        bad
          .headersArray()
          .filter((h) => h.name.toLowerCase() === "referrer-policy")
          .map((h) => h.value),
      ).toEqual(["no-referrer"]);
    });

    await test.step("POST (no script): 302 to /s/portal with the session cookie; no header carries the token", async () => {
      const res = await context.request.post(inv.link, { form: { intent: "start" }, headers: { Origin: BASE_URL }, maxRedirects: 0 });
      expect(res.status()).toBe(302);
      expect(res.headers()["location"]).toBe("/s/portal");
      const cookie = res.headers()["set-cookie"] ?? "";
      expect(cookie).toMatch(/^lantern_supplier=[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain("Path=/s");
      expect(cookie).toContain("HttpOnly");
      for (const h of res.headersArray()) expect(h.value, h.name).not.toContain(inv.token);
    });

    await test.step("in the browser: Start lands on /s/portal, and no request sent the token in a Referer", async () => {
      await visitor.goto(inv.link);
      await waitForHydration(visitor, "form.portal-start");
      // Started by the post above: the button now continues.
      await visitor.getByRole("button", { name: EN("ui.start.continue"), exact: true }).click();
      await expect(visitor).toHaveURL(`${BASE_URL}/s/portal`);
      await waitForHydration(visitor, "form.portal-form");
      const leaks: string[] = [];
      for (const r of requests) {
        const referer = (await r.allHeaders())["referer"];
        if (referer?.includes(inv.token)) leaks.push(`${r.method()} ${r.url()} ← ${referer}`);
      }
      expect(requests.length).toBeGreaterThan(3); // scripts and data requests were made
      expect(leaks).toEqual([]);
      expect(assessmentById(inv.assessmentId)?.status).toBe("in_progress");
    });
  });
});

test("the portal refuses an 11 MB file (413) and an HTML page named .pdf (415), and stores neither", async ({
  page,
  loginAs,
  newContext,
  acme,
}) => {
  await loginAs(acme.compliance);
  const inv = await invitedAssessment(page, acme, "en");
  const portal = await openPortal(await newContext(), inv, EN("ui.start.button"));
  await openSection(portal, "p5", en);
  const contract = question(portal, "p5.sample_contract", en);
  const input = contract.getByLabel(EN("ui.upload"), { exact: true });
  const status = contract.locator(".portal-evidence > p:last-child");
  const isUpload = (r: { url: () => string; request: () => { method: () => string } }) =>
    r.request().method() === "POST" && new URL(r.url()).pathname === "/s/portal/files";

  await test.step("11 MB: refused in the page and by the server (413)", async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    PDF.copy(big);
    await input.setInputFiles({ name: "huge-contract.pdf", mimeType: "application/pdf", buffer: big });
    await expect(status).toHaveText(EN("ui.upload.too_large", { name: "huge-contract.pdf" }));
    await expect(status).toHaveClass("field-error");
    // A client that skips the page's check gets the same refusal from the server.
    const res = await portal.request.post("/s/portal/files", {
      multipart: {
        assessmentId: String(inv.assessmentId),
        questionKey: "p5.sample_contract",
        file: { name: "huge-contract.pdf", mimeType: "application/pdf", buffer: big },
      },
      headers: { Origin: BASE_URL },
    });
    expect(res.status()).toBe(413);
    expect(await res.json()).toMatchObject({ messageKey: "ui.upload.too_large" });
  });

  await test.step("an HTML page named .pdf: 415, said in the page", async () => {
    const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n");
    const response = portal.waitForResponse(isUpload);
    await input.setInputFiles({ name: "contract.pdf", mimeType: "application/pdf", buffer: html });
    expect((await response).status()).toBe(415);
    await expect(status).toHaveText(EN("ui.upload.wrong_type", { name: "contract.pdf" }));
    await expect(contract.getByRole("link", { name: "contract.pdf" })).toHaveCount(0);
  });

  expect(evidenceOf(inv.assessmentId)).toEqual([]);
  expect(storedAnswers(inv.assessmentId)["p5.sample_contract"]).toBeUndefined();

  await test.step("a real PDF is accepted (the refusals were about the files)", async () => {
    const response = portal.waitForResponse(isUpload);
    await input.setInputFiles({ name: "sample-contract.pdf", mimeType: "application/pdf", buffer: PDF });
    expect((await response).status()).toBe(200);
    await expect(contract.getByRole("link", { name: "sample-contract.pdf" })).toBeVisible();
    const files = evidenceOf(inv.assessmentId);
    expect(files).toEqual([
      expect.objectContaining({
        question_key: "p5.sample_contract",
        filename: "sample-contract.pdf",
        mime: "application/pdf",
        size_bytes: PDF.length,
      }),
    ]);
    expect(storedAnswers(inv.assessmentId)["p5.sample_contract"]?.value).toEqual([String(files[0]!.id)]);
  });
});

test("an executive reads an assessment and its answers, without review, invite or fill controls; their posts are refused", async ({
  page,
  loginAs,
  newContext,
  acme,
}) => {
  // Seeded: ACME-V-0034 submitted (waiting for review, severe red flags), ACME-V-0002 in progress.
  const submitted = assessmentsBySupplierRef(acme.slug, "ACME-V-0034").find((a) => a.status === "submitted");
  const inProgress = assessmentsBySupplierRef(acme.slug, "ACME-V-0002").find((a) => a.status === "in_progress");
  expect(submitted, "the seeded submitted assessment").toBeDefined();
  expect(inProgress, "the seeded assessment in progress").toBeDefined();
  const submittedName = supplierById(submitted!.supplier_id)!.name;
  const controls = async (p: Page) => ({
    requestChanges: await p.locator("summary", { hasText: "Request changes" }).count(),
    approve: await p.locator("summary", { hasText: "Approve" }).count(),
    invite: await p.getByRole("region", { name: "Invite the supplier" }).count(),
    send: await p.getByRole("button", { name: /^(Send invitation|Resend)$/ }).count(),
    revoke: await p.getByRole("button", { name: "Revoke the link" }).count(),
    comment: await p.getByText("Comment on this answer").count(),
    fill: await p.getByRole("link", { name: "Fill in for the supplier" }).count(),
  });

  await test.step("control: a compliance officer sees the controls on the same pages", async () => {
    const ctx = await newContext();
    await loginAs(acme.compliance, ctx);
    const officer = await ctx.newPage();
    await officer.goto(acme.path(`/assessments/${submitted!.id}`));
    expect(await controls(officer)).toMatchObject({ requestChanges: 1, approve: 1, invite: 1, revoke: 1 });
    expect((await controls(officer)).comment).toBeGreaterThan(10);
    await officer.goto(acme.path(`/assessments/${inProgress!.id}`));
    expect((await controls(officer)).fill).toBe(1);
  });

  await loginAs(acme.exec);

  await test.step("the submitted assessment: answers and red flags, no control", async () => {
    const res = await page.goto(acme.path(`/assessments/${submitted!.id}`));
    expect(res?.status()).toBe(200);
    await expect(heading(page)).toHaveText(`Assessment of ${submittedName}`);
    await expect(statusBadge(page)).toHaveText("Submitted");
    await expect(answerCard(page, "p5.usual_total_hours").locator(".asm-answer-body")).toContainText("72 hours per week");
    await expect(answerCard(page, "p1.documents_holder").locator(".asm-answer-body")).toContainText(
      EN("q.p1.documents_holder.opt.employer_keeps"),
    );
    await expect(page.getByRole("region", { name: "Red flags" })).toBeVisible();
    expect(await controls(page)).toEqual({ requestChanges: 0, approve: 0, invite: 0, send: 0, revoke: 0, comment: 0, fill: 0 });
    await expect(page.getByRole("region", { name: "Review" })).toHaveCount(0);
    await expect(page.locator("main form")).toHaveCount(0);
  });

  await test.step("the assessment in progress: no Fill in; the fill page answers 403", async () => {
    await page.goto(acme.path(`/assessments/${inProgress!.id}`));
    await expect(statusBadge(page)).toHaveText("In progress");
    await expect(answerCard(page, "profile.workers").locator(".asm-answer-body")).toContainText("1,850 people");
    expect((await controls(page)).fill).toBe(0);
    await expect(page.locator("main form")).toHaveCount(0);
    const fill = await page.goto(acme.path(`/assessments/${inProgress!.id}/fill`));
    expect(fill?.status()).toBe(403);
  });

  await test.step("an executive's posts are refused with 403 and change nothing", async () => {
    const before = {
      status: assessmentById(submitted!.id)?.status,
      comments: reviewCommentsOf(submitted!.id).length,
      invites: invitesOf(submitted!.id).length,
    };
    const posts: Record<string, string>[] = [
      { intent: "approve", reason: "Checked the answers", ackComments: "on", ackFlags: "on" },
      { intent: "request-changes", reason: "Please look again" },
      { intent: "comment", questionKey: "p5.usual_total_hours", body: "An executive's comment" },
      { intent: "invite", email: `exec-invite.${suffix()}@supplier.test`, language: "en" },
      { intent: "revoke" },
    ];
    for (const form of posts) {
      const res = await page.request.post(acme.path(`/assessments/${submitted!.id}`), {
        form,
        headers: { Origin: BASE_URL },
        maxRedirects: 0,
      });
      expect(res.status(), form.intent).toBe(403);
    }
    expect({
      status: assessmentById(submitted!.id)?.status,
      comments: reviewCommentsOf(submitted!.id).length,
      invites: invitesOf(submitted!.id).length,
    }).toEqual(before);
  });
});
