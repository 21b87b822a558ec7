// Accessibility (axe-core, WCAG 2.2 A and AA). Tagged @a11y: runs in the last project ("throttle",
// the chromium project's teardown, before the throttling tests), so every page the other specs
// navigated to exists by now: each distinct route
// pattern, per role, is opened again in a fresh browser as the same visitor (a fresh session for the
// same user, the supplier portal's own cookie) and scanned, whichever tenant copy the page belongs
// to. A few pages are always scanned, so that the spec means something on its own (`--no-deps`):
// those of the file's own copy of the demo tenant acme (the `acme` fixture). Then every field of the
// main form pages must have an accessible name. The summary of all scans of the run (these and the fixtures' final-state
// scans) goes to test-results/a11y-summary.json and to the console.
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import {
  formatViolations,
  openInvitedPortal,
  readScans,
  readVisits,
  routePattern,
  scan,
  summarize,
  writeSummary,
  type ScanResult,
  type Visit,
} from "./support/a11y";
import { clearRateLimit, latestMail } from "./support/db";
import { assessmentsBySupplierRef } from "./support/db-assessments";
import { suppliersByRefs } from "./support/db-suppliers";
import { createSession } from "./support/session";
import { BASE_URL } from "./support/env";
import { expect, requestWithCookie, signIn, test, waitForHydration, type Tenant } from "./support/fixtures";
import { productBySku } from "./support/db-products";

/** Always scanned (as `email`, or signed out), whatever the other specs visited: pages of `acme`. */
function baseline(acme: Tenant): Visit[] {
  const supplier = suppliersByRefs(acme.slug, ["ACME-V-0034"])[0];
  const assessment = assessmentsBySupplierRef(acme.slug, "ACME-V-0034").at(-1);
  const pages: Array<[string, string | null]> = [
    ["/login", null],
    ["/signup", null],
    ["/forgot-password", null],
    ["/sso", null],
    [acme.path(), acme.exec],
    [acme.path("/report"), acme.exec],
    [acme.path("/suppliers"), acme.compliance],
    [acme.path("/suppliers/new"), acme.compliance],
    [acme.path("/suppliers/import"), acme.compliance],
    [acme.path("/actions"), acme.compliance],
    [acme.path("/actions/new"), acme.compliance],
    [acme.path("/grievances"), acme.compliance],
    [acme.path("/grievances"), acme.exec],
    [acme.path("/assessments"), acme.compliance],
    [acme.path("/products"), acme.compliance],
    [acme.path(`/products/${productBySku(acme.slug, "TS-CREW-001")?.id ?? 0}`), acme.compliance],
    [acme.path("/methodology"), acme.compliance],
    [acme.path("/members"), acme.admin],
    [acme.path("/audit"), acme.admin],
    [acme.path("/settings/methodology"), acme.admin],
    [acme.path("/settings/profile"), acme.compliance],
    [acme.path("/settings/webhooks"), acme.admin],
    [acme.path("/settings/api-keys"), acme.admin],
    [acme.path("/settings/sso"), acme.admin],
    [acme.path("/screening"), acme.compliance],
    [acme.path("/statements"), acme.compliance],
    ["/account", acme.admin],
    ["/api/v1/docs", null],
  ];
  if (supplier)
    pages.push([acme.path(`/suppliers/${supplier.id}`), acme.compliance], [acme.path(`/suppliers/${supplier.id}/edit`), acme.compliance]);
  if (assessment) pages.push([acme.path(`/assessments/${assessment.id}`), acme.compliance]);
  // Labelled as the fixtures label recorded visits, so that a page the suite visited anyway is scanned once.
  const roleOf = (path: string, email: string | null) =>
    !email ? "anonymous" : !path.startsWith("/o/") ? "user" : email.split("@")[0]!.replace("exec", "executive");
  return pages.map(([p, email]) => {
    const url = new URL(p, "http://127.0.0.1").toString();
    return { url: p, pattern: routePattern(url), role: roleOf(p, email), email, cookies: [], status: 200, test: "baseline" };
  });
}

/**
 * One-time links the suite has spent by now (a reset link, a team invitation), freshly made, so that
 * their forms are scanned and not only their "used" pages.
 */
async function liveLinks(request: APIRequestContext, admin: APIRequestContext, acme: Tenant): Promise<Visit[]> {
  const sfx = Date.now().toString(36);
  const out: Visit[] = [];
  const visit = (link: string): Visit => {
    const url = new URL(link);
    return { url: url.pathname, pattern: routePattern(link), role: "anonymous", email: null, cookies: [], status: 200, test: "fresh link" };
  };
  const reset = await request.post("/forgot-password", { form: { email: acme.exec }, headers: { Origin: BASE_URL } });
  expect(reset.status(), "asking for a reset link").toBeLessThan(400);
  const resetLink = latestMail(acme.exec, { kind: "password-reset" })?.body.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
  if (resetLink) out.push(visit(resetLink));
  const invitee = `a11y.join.${sfx}@${acme.slug}.test`;
  const invite = await admin.post(acme.path("/members"), {
    form: { intent: "invite", email: invitee, role: "executive" },
    headers: { Origin: BASE_URL },
  });
  expect(invite.status(), "inviting a teammate").toBe(200);
  const joinLink = latestMail(invitee, { orgId: acme.orgId })?.body.match(/https?:\/\/\S+\/join\/[A-Za-z0-9_-]+/)?.[0];
  if (joinLink) out.push(visit(joinLink));
  expect(
    out.map((v) => v.pattern),
    "fresh one-time links",
  ).toEqual(["/reset-password/:token", "/join/:token"]);
  return out;
}

/** Recorded visits grouped by route pattern and role, the candidates of each in the order they were seen. */
function groups(visits: readonly Visit[]): Map<string, Visit[]> {
  const out = new Map<string, Visit[]>();
  for (const v of visits) {
    const key = `${v.pattern} (${v.role})`;
    const list = out.get(key) ?? [];
    if (list.length < 3 && !list.some((x) => x.url === v.url)) list.push(v);
    out.set(key, list);
  }
  return out;
}

async function settle(page: Page): Promise<void> {
  // Charts and pollers render after hydration; a page that keeps polling never goes idle.
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  // The dashboard's charts are drawn in the browser: scan them, not their loading placeholders.
  await expect(page.locator(".chart-loading")).toHaveCount(0, { timeout: 5_000 });
}

test(
  "every page the suite navigated to, opened again as the same role, has no axe violation (WCAG 2.2 A/AA)",
  { tag: "@a11y" },
  async ({ newContext, request, playwright, acme }) => {
    test.setTimeout(15 * 60_000);
    // Recorded by the specs of this run, each in its own tenant copy (other slugs, other users): each
    // visit is replayed as it was recorded, as the user who made it.
    const recorded = readVisits();
    const admin = await requestWithCookie(playwright, await createSession(acme.admin));
    const all = groups([...(await liveLinks(request, admin, acme)), ...recorded, ...baseline(acme)]);
    await admin.dispose();
    clearRateLimit("invite-ip"); // opening /s/<token> links is limited per IP
    const results: ScanResult[] = [];
    const unreachable: string[] = [];

    for (const [key, candidates] of all) {
      await test.step(key, async () => {
        for (const [i, v] of candidates.entries()) {
          const ctx: BrowserContext = await newContext();
          if (v.cookies.length) await ctx.addCookies(v.cookies);
          if (v.email) await signIn(ctx, v.email);
          const page = await ctx.newPage();
          const res = await page.goto(v.url).catch(() => null);
          const status = res?.status() ?? 0;
          const contentType = res?.headers()["content-type"] ?? "";
          const last = i === candidates.length - 1;
          // Another candidate when this one no longer opens as it did (deleted since, link used up).
          const gone =
            !contentType.includes("text/html") || (status >= 400 && (v.status ?? 200) < 400) || routePattern(page.url()) !== v.pattern;
          if (gone && !last) {
            await ctx.close();
            continue;
          }
          if (!contentType.includes("text/html")) {
            unreachable.push(`${key}: ${v.url} answered ${status} ${contentType}`);
          } else {
            await settle(page);
            const r = await scan(page, "replay", `${v.test} (${key})`);
            results.push(r);
            if (gone) unreachable.push(`${key}: ${v.url} opened as ${routePattern(page.url())} (${status}); scanned that`);
          }
          await ctx.close();
          return;
        }
      });
    }

    console.log(`a11y replay: ${recorded.length} recorded navigations, ${all.size} patterns × roles, ${results.length} scanned`);
    if (unreachable.length) console.log(`a11y replay: could not reopen as first seen:\n  ${unreachable.join("\n  ")}`);
    // Every baseline page at least was scanned, and most pages reopened as they were first seen.
    expect(results.length).toBeGreaterThanOrEqual(baseline(acme).length);
    expect(unreachable.length, unreachable.join("\n")).toBeLessThanOrEqual(Math.ceil(results.length / 4));
    const failed = results.filter((r) => r.violations.length > 0);
    expect(failed.length, `Accessibility violations (axe, WCAG 2.2 A/AA):\n${formatViolations(failed)}`).toBe(0);
  },
);

test("every field of the main form pages has an accessible name", { tag: "@a11y" }, async ({ page, loginAs, newContext, acme }) => {
  const fields = "input:not([type=hidden]), select, textarea";
  async function expectNamed(p: Page, where: string) {
    // Fields folded away in a <details> need their names too: unfold them all.
    await p.locator("details").evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const controls = p.locator(fields);
    const n = await controls.count();
    expect(n, `${where} has form fields`).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const c = controls.nth(i);
      const desc = await c.evaluate(
        (el) =>
          `<${el.tagName.toLowerCase()} id="${el.id}" name="${el.getAttribute("name") ?? ""}" type="${el.getAttribute("type") ?? ""}">`,
      );
      await expect(c, `${where}: ${desc} has an accessible name`).toHaveAccessibleName(/\S/);
    }
  }

  const anonymous = await (await newContext()).newPage();
  for (const path of ["/login", "/signup"]) {
    await anonymous.goto(path);
    await waitForHydration(anonymous);
    await expectNamed(anonymous, path);
  }

  await loginAs(acme.compliance);
  const supplier = suppliersByRefs(acme.slug, ["ACME-V-0034"])[0];
  expect(supplier, "the seeded supplier ACME-V-0034").toBeDefined();
  for (const path of [acme.path("/suppliers/new"), acme.path(`/suppliers/${supplier!.id}/edit`), acme.path("/actions/new")]) {
    await page.goto(path);
    await waitForHydration(page);
    await expectNamed(page, path);
  }

  const portal = await openInvitedPortal(page, await newContext(), acme);
  await expectNamed(portal, "/s/portal (the answer page)");
});

test.afterAll(() => {
  const summary = summarize(readScans());
  writeSummary(summary);
  console.log(
    `axe: ${summary.pagesScanned} pages scanned (${Object.entries(summary.bySource)
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ", ",
      )}), ${summary.distinctPatterns} distinct route patterns, ${summary.violations} violations — test-results/a11y-summary.json`,
  );
});

test("on a 390 px phone, the shell with its Menu closed and open has no axe violation", { tag: "@a11y" }, async ({ browser, acme }) => {
  test.setTimeout(6 * 60_000);
  const results: ScanResult[] = [];
  for (const [path, email] of [
    [acme.path(), acme.exec],
    [acme.path("/suppliers"), acme.compliance],
    [acme.path("/assessments"), acme.compliance],
    [acme.path("/grievances"), acme.compliance],
    [acme.path("/members"), acme.admin],
    [acme.path("/settings/review"), acme.admin],
    [acme.path("/settings/api-keys"), acme.admin],
    [acme.path("/settings/sso"), acme.admin],
    [acme.path("/settings/profile"), acme.compliance],
    [acme.path("/screening"), acme.compliance],
    // A product with its bill of materials, tracing panels and the pack form.
    [acme.path(`/products/${productBySku(acme.slug, "TS-CREW-001")?.id ?? 0}`), acme.compliance],
    // Yearly statements (a statement's own pages are replayed from statements.spec.ts's visits).
    [acme.path("/statements"), acme.compliance],
    // An approved assessment with its documents and their Accept / Reject forms.
    [acme.path(`/assessments/${assessmentsBySupplierRef(acme.slug, "ACME-V-0001")[0]!.id}`), acme.admin],
    // Recording a site audit (the audit page itself is replayed from site-audits.spec.ts's visits).
    [acme.path(`/suppliers/${suppliersByRefs(acme.slug, ["ACME-V-0001"])[0]!.id}/audits/new`), acme.compliance],
  ] as const) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(ctx, email);
    const page = await ctx.newPage();
    await page.goto(path);
    await settle(page);
    results.push(await scan(page, "phone", `${path} at 390 px, menu closed`));
    await page.getByRole("banner").locator("summary", { hasText: "Menu" }).click();
    await expect(page.locator("details.nav-toggle")).toHaveAttribute("open", "");
    results.push(await scan(page, "phone", `${path} at 390 px, menu open`));
    await ctx.close();
  }
  const failed = results.filter((r) => r.violations.length > 0);
  expect(failed.length, `Accessibility violations at 390 px:\n${formatViolations(failed)}`).toBe(0);
});
