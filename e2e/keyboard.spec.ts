// The supplier portal with the keyboard alone: from the mailed link to a submitted questionnaire with
// Tab, Shift+Tab, Space, Enter, arrow keys and typing — no click, no fill. The one file (the signed
// policy the answers ask for) is chosen in the file dialog that Space opens on the upload control.
// After every Tab the focused element must show a focus indicator (an outline or a box-shadow of
// non-zero width on the element itself, on the label that wraps it (.portal-choice:focus-within), or
// on the label that stands for it (.portal-upload:focus-within label); on a date field's calendar
// button, Chromium's own ring), and be in the viewport and not hidden under the fixed save bar.
// The questionnaire is one of a new supplier in a copy of the demo tenant acme of this file's own
// (the acme fixture).
import type { Page } from "@playwright/test";
import { en } from "~/domain/questionnaire/i18n/en";
import { createInvite, formatViolations, scan } from "./support/a11y";
import { assessmentById, evidenceOf, storedAnswers } from "./support/db-assessments";
import { expect, test, waitForHydration } from "./support/fixtures";
import { GOOD_ANSWERS, isoDay, type BaseAnswer } from "./support/answers";

type Answer = BaseAnswer | { date: string } | { file: true };

/** The good answers, with the date typed through the date field's own keys. */
const ANSWERS: Record<string, Answer> = {
  ...GOOD_ANSWERS,
  "p3.risk_assessment_date": { date: isoDay(-60) },
  "p3.site_audit_date": { date: isoDay(-200) },
};
/** Evidence uploaded by keyboard: the signed policy that p1.written_policy = signed asks for. */
const UPLOADS: Record<string, true> = { "p1.written_policy": true };

/** An English text of the portal; a missing key fails the test. */
function EN(key: string): string {
  const t = (en as Record<string, string>)[key];
  if (t === undefined) throw new Error(`No text ${key} in the English catalogue`);
  return t;
}

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** What is focused, and whether its focus shows. */
interface Focused {
  tag: string;
  type: string;
  id: string;
  value: string;
  checked: boolean;
  text: string;
  rel: string;
  /** The question (section.portal-q) the element belongs to, as its key's DOM id. */
  question: string;
  inForm: boolean;
  visibleFocus: string | null;
  inViewport: boolean;
  obscuredBy: string | null;
  describe: string;
}

async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const input = el as HTMLInputElement;
    const shows = (node: Element): string | null => {
      const s = getComputedStyle(node);
      if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
        return `outline ${s.outlineWidth} ${s.outlineStyle} on ${node.tagName.toLowerCase()}.${node.className}`;
      if (s.boxShadow !== "none" && /\d+px/.test(s.boxShadow)) return `box-shadow on ${node.tagName.toLowerCase()}`;
      return null;
    };
    // The element, the label that wraps it, or the label that stands for it.
    const candidates: Element[] = [el];
    const wrap = el.closest("label");
    if (wrap) candidates.push(wrap);
    if (el.id) candidates.push(...Array.from(document.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)));
    let visibleFocus: string | null = null;
    for (const c of candidates) visibleFocus ??= shows(c);
    // Tab from a date field's last part moves to the browser's calendar button inside the field: the
    // field stays document.activeElement but no longer matches :focus, and Chromium draws its own
    // focus ring on the button (not reachable from the page's CSS).
    if (!visibleFocus && input.type === "date" && !el.matches(":focus"))
      visibleFocus = "Chromium's own ring on the date field's calendar button";
    const r = el.getBoundingClientRect();
    const inViewport = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    // Focus not obscured: the middle of the element (or of its label) is not under something else.
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const ours = hit !== null && candidates.some((c) => c === hit || c.contains(hit) || hit.contains(c));
    const q = el.closest("section.portal-q");
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? "",
      id: el.id,
      value: input.value ?? "",
      checked: Boolean(input.checked),
      text: (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 80),
      rel: el.getAttribute("rel") ?? "",
      question: q?.id ?? "",
      inForm: el.closest("form.portal-form") !== null,
      visibleFocus,
      inViewport,
      obscuredBy: ours || !hit ? null : `${hit.tagName.toLowerCase()}.${hit.className}`,
      describe:
        `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ""}` +
        `${input.type ? ` type="${input.type}"` : ""}${input.value ? ` value="${input.value}"` : ""}> ` +
        `${(el.textContent ?? "").trim().slice(0, 40)} ` +
        `(:focus ${el.matches(":focus")}, outline ${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth})`,
    };
  });
}

/** The question key of a question's DOM id (components/portal/format.ts: q-<key with . as ->). */
const keyOf = (domId: string) => Object.keys(ANSWERS).find((k) => `q-${k.replace(/[^A-Za-z0-9_-]/g, "-")}` === domId);

test("a supplier completes and submits the whole questionnaire with the keyboard alone; focus always shows", async ({
  page,
  loginAs,
  newContext,
  acme,
}) => {
  test.setTimeout(5 * 60_000);
  await loginAs(acme.compliance);
  const invite = await createInvite(page, acme);
  const portal = await (await newContext()).newPage();
  const problems: string[] = [];
  let tabs = 0;

  /** Tab (or Shift+Tab); then the focused element, checked for a visible focus indicator in view. */
  async function tab(back = false): Promise<Focused | null> {
    await portal.keyboard.press(back ? "Shift+Tab" : "Tab");
    tabs++;
    const f = await focused(portal);
    if (f) {
      if (!f.visibleFocus) problems.push(`no visible focus: ${f.describe} on ${portal.url()}`);
      if (!f.inViewport) problems.push(`focused but out of view: ${f.describe} on ${portal.url()}`);
      if (f.obscuredBy) problems.push(`focused but covered by ${f.obscuredBy}: ${f.describe} on ${portal.url()}`);
    }
    return f;
  }

  await test.step("the link's page: Tab to Start, Enter", async () => {
    expect((await portal.goto(invite.link))?.status()).toBe(200);
    await waitForHydration(portal, "form.portal-start");
    for (let i = 0; i < 30; i++) {
      const f = await tab();
      if (f?.tag === "button" && f.text === EN("ui.start.button")) break;
    }
    await portal.keyboard.press("Enter");
    await expect(portal).toHaveURL(/\/s\/portal$/);
    await waitForHydration(portal, "form.portal-form");
  });

  const answered = new Set<string>();
  const sections = ["profile", "p1", "p2", "p3", "p4", "p5", "p6", "p7"];
  for (const [n, section] of sections.entries()) {
    await test.step(`section ${n + 1} (${section}): every question answered from the keyboard`, async () => {
      await expect(portal.getByRole("heading", { level: 1 })).toHaveText(EN(`s.${section}.title`));
      const last = n === sections.length - 1;
      let date: string | null = null;
      let sawForm = false;
      for (let i = 0; ; i++) {
        expect(i, `Tab presses in section ${section}`).toBeLessThan(400);
        const f = await tab();
        if (!f) continue;
        // The next section: Enter on its link; focus goes back to the top of the page.
        if (f.tag === "a" && f.rel === "next") {
          await portal.keyboard.press("Enter");
          await expect(portal).toHaveURL(new RegExp(`section=${sections[n + 1]}`));
          await expect(portal.locator(":focus"), "focus moves to the new section").toHaveAttribute("id", "questions");
          return;
        }
        if (last && f.tag === "button" && f.text === EN("ui.submit")) return;
        if (!f.inForm) {
          // Past the last question: Submit is disabled (not focusable) until every answer is saved.
          if (last && sawForm) await expect(portal.locator(".portal-savebar")).toHaveText(/^Saved at/);
          continue;
        }
        sawForm = true;
        const key = keyOf(f.question);
        if (!key) throw new Error(`A question the test has no answer for: ${f.question} (${f.describe})`);
        const a = ANSWERS[key]!;
        if (f.tag === "input" && f.type === "file") {
          if (!UPLOADS[key] || answered.has(`${key}#file`)) continue;
          const chooser = portal.waitForEvent("filechooser");
          await portal.keyboard.press("Space");
          await (await chooser).setFiles({ name: "signed-policy.pdf", mimeType: "application/pdf", buffer: PDF });
          await expect(portal.locator(`#${f.question} .portal-files`)).toContainText("signed-policy.pdf");
          answered.add(`${key}#file`);
          continue;
        }
        if (f.id.endsWith("-comment") || answered.has(key) || "skip" in a) continue;
        if ("choose" in a && f.type === "radio") {
          if (f.value === a.choose) {
            if (!f.checked) await portal.keyboard.press("Space");
          } else {
            // Arrow keys move through the group, choosing as they go.
            for (let k = 0; k < 12 && (await focused(portal))?.value !== a.choose; k++) await portal.keyboard.press("ArrowDown");
            expect((await focused(portal))?.value, `${key}: the arrow keys reach ${a.choose}`).toBe(a.choose);
          }
          answered.add(key);
        } else if ("check" in a && f.type === "checkbox") {
          if (a.check.includes(f.value) && !f.checked) await portal.keyboard.press("Space");
          if (a.check.at(-1) === f.value) answered.add(key);
        } else if ("type" in a && (f.tag === "textarea" || f.type === "text")) {
          await portal.keyboard.type(a.type);
          answered.add(key);
        } else if ("date" in a && f.type === "date") {
          // A date field takes its parts in the browser's order (en-US: month, day, year).
          if (date !== key) {
            const [y, m, d] = a.date.split("-");
            await portal.keyboard.type(`${m}${d}${y}`);
            date = key;
          }
          answered.add(key);
        }
      }
    });
  }

  await test.step("Submit, then confirm (it has the focus) with Enter", async () => {
    // Submit is disabled while answers are on their way: wait for the last saves.
    await expect(portal.locator(".portal-savebar")).toHaveText(/^Saved at/);
    await expect(portal.locator(":focus")).toHaveText(EN("ui.submit"));
    await portal.keyboard.press("Enter");
    await expect(portal.locator(":focus")).toHaveText(EN("ui.submit.confirm_button"));
    await portal.keyboard.press("Enter");
    await expect(portal.getByText(EN("ui.submitted.heading"))).toBeVisible();
  });

  await test.step("Shift+Tab walks back through the read-only copy, focus still visible", async () => {
    for (let i = 0; i < 10; i++) await tab(true);
    const r = await scan(portal, "keyboard", "keyboard: the submitted portal");
    expect(r.violations, formatViolations([r])).toEqual([]);
  });

  expect(problems, `focus problems after ${tabs} Tab presses`).toEqual([]);
  expect(assessmentById(invite.assessmentId)?.status).toBe("submitted");
  const stored = storedAnswers(invite.assessmentId);
  for (const [key, a] of Object.entries(ANSWERS)) {
    if ("choose" in a) expect(stored[key]?.value, key).toBe(a.choose);
    if ("check" in a) expect([...((stored[key]?.value as string[]) ?? [])].sort(), key).toEqual([...a.check].sort());
    if ("date" in a) expect(stored[key]?.value, key).toBe(a.date);
  }
  expect(evidenceOf(invite.assessmentId).map((e) => e.question_key)).toEqual(["p1.written_policy"]);
});
