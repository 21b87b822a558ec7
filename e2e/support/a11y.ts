// Accessibility checks (axe-core, WCAG 2.2 A and AA) shared by the fixture (the final state of every
// page a test leaves open), e2e/a11y.spec.ts (every page the suite navigated to, visited again as the
// same role) and e2e/keyboard.spec.ts. Results go to test-results/a11y/*.jsonl, one file per worker
// process; a11y.spec.ts sums them up in test-results/a11y-summary.json.
//
// Exclusions: none. No rule is disabled and no element is left out; a violation is fixed in the app.
import { addDays } from "~/domain/dates";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { hashToken } from "~/lib/crypto.server";
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Cookie, Page } from "@playwright/test";
import { clearRateLimit, latestMail } from "./db";
import { BASE_URL, E2E_DB_FILE, REPO_ROOT } from "./env";
import { SESSION_COOKIE } from "./session";
import type { Tenant } from "./tenants";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const A11Y_DIR = path.join(REPO_ROOT, "test-results", "a11y");
export const SUMMARY_FILE = path.join(REPO_ROOT, "test-results", "a11y-summary.json");
const SUPPLIER_COOKIE = "lantern_supplier";

export interface A11yViolation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface ScanResult {
  /** "final" (a test's last page state), "replay" (a11y.spec.ts) or "keyboard". */
  source: string;
  url: string;
  pattern: string;
  role: string;
  test: string;
  violations: A11yViolation[];
}

/** A page a test navigated to, with what is needed to open it again as the same visitor. */
export interface Visit {
  url: string;
  pattern: string;
  role: string;
  /** The signed-in user, to give the replay a fresh session (the test's own may be logged out by then). */
  email: string | null;
  /** The other cookies of the origin (the supplier portal's session, the portal language). */
  cookies: Cookie[];
  /** The document's HTTP status, when the navigation loaded one (client-side navigations do not). */
  status: number | null;
  test: string;
}

/**
 * The route pattern of a URL: the org slug, numeric ids and link tokens replaced, and the names (not
 * the values) of the query parameters kept, e.g. /o/:org/suppliers/:id/edit or /o/:org/suppliers?q.
 */
export function routePattern(url: string): string {
  const u = new URL(url);
  const parts = u.pathname.split("/").map((seg, i, all) => {
    if (i === 2 && all[1] === "o" && seg) return ":org";
    if (/^\d+$/.test(seg)) return ":id";
    if (/^[A-Za-z0-9_-]{20,}$/.test(seg)) return ":token";
    return seg;
  });
  // "index" is what Remix adds after a post to an index route: the same page.
  const keys = [...new Set([...u.searchParams.keys()].filter((k) => k !== "_data" && k !== "index"))].sort();
  return parts.join("/") + (keys.length ? `?${keys.join("&")}` : "");
}

function withDb<T>(fn: (db: Database.Database) => T): T | null {
  if (!existsSync(E2E_DB_FILE)) return null;
  const db = new Database(E2E_DB_FILE, { fileMustExist: true, readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

/** Who a set of cookies is, for a page: the user's role in the page's org, "user", "supplier" (portal) or "anonymous". */
export function whoIs(cookies: readonly Cookie[], url: string): { role: string; email: string | null } {
  const u = new URL(url);
  if (u.pathname.startsWith("/s/") && cookies.some((c) => c.name === SUPPLIER_COOKIE)) return { role: "supplier", email: null };
  const token = cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!token) return { role: "anonymous", email: null };
  const id = hashToken(token);
  const slug = /^\/o\/([^/]+)/.exec(u.pathname)?.[1];
  const row = withDb(
    (db) =>
      db
        .prepare(
          `SELECT u.email,
             (SELECT m.role FROM memberships m JOIN organizations o ON o.id = m.org_id WHERE m.user_id = u.id AND o.slug = ?) AS role
           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
        )
        .get(slug ?? "", id) as { email: string; role: string | null } | undefined,
  );
  if (!row) return { role: "anonymous", email: null };
  return { role: slug ? (row.role ?? "non-member") : "user", email: row.email };
}

/** Runs axe on the page as it is now (retrying once if the page navigates meanwhile). */
export async function axeViolations(page: Page): Promise<A11yViolation[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForLoadState("load", { timeout: 10_000 });
      // Legacy mode runs axe in the page itself; the default mode opens a blank page in the same
      // context to merge frame results, which would show up in the test's own context. The app has
      // no iframes, so there is nothing to merge.
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
      return results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? "?",
        help: v.help,
        targets: v.nodes.map((n) => n.target.map(String).join(" ")),
      }));
    } catch (e) {
      if (attempt >= 1 || !/context was destroyed|navigat/i.test(String(e))) throw e;
    }
  }
}

/** Whether axe has anything to look at: an HTML document of the app (not a PDF, a download, or Chrome's error page). */
export async function isAppPage(page: Page): Promise<boolean> {
  if (page.isClosed() || !/^https?:/.test(page.url())) return false;
  try {
    return (await page.evaluate(() => document.contentType)) === "text/html";
  } catch {
    return false;
  }
}

export function formatViolations(results: readonly ScanResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const v of r.violations) {
      lines.push(
        `${r.pattern} (${r.role}) ${r.url}\n  ${v.rule} [${v.impact}] ${v.help}\n${v.targets.map((t) => `    - ${t}`).join("\n")}`,
      );
    }
  }
  return lines.join("\n");
}

function append(file: string, entry: unknown): void {
  mkdirSync(A11Y_DIR, { recursive: true });
  appendFileSync(path.join(A11Y_DIR, file), `${JSON.stringify(entry)}\n`);
}

export const recordVisit = (v: Visit): void => append(`visits-${process.pid}.jsonl`, v);
export const recordScan = (s: ScanResult): void => append(`scans-${process.pid}.jsonl`, s);

function readAll<T>(prefix: string): T[] {
  if (!existsSync(A11Y_DIR)) return [];
  return readdirSync(A11Y_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(path.join(A11Y_DIR, f), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as T),
    );
}

export const readVisits = (): Visit[] => readAll<Visit>("visits-");
export const readScans = (): ScanResult[] => readAll<ScanResult>("scans-");

/** Scans a page, records the result and returns it. */
export async function scan(page: Page, source: string, test: string): Promise<ScanResult> {
  const cookies = await page.context().cookies(page.url());
  const { role } = whoIs(cookies, page.url());
  const result: ScanResult = {
    source,
    url: page.url(),
    pattern: routePattern(page.url()),
    role,
    test,
    violations: await axeViolations(page),
  };
  recordScan(result);
  return result;
}

/**
 * Watches the main-frame navigations of every page of a context (full loads and client-side ones)
 * and records each as a Visit. Returns the pending lookups, to await before the context closes.
 */
export function watchNavigations(context: BrowserContext, test: string, pending: Array<Promise<unknown>>): void {
  const watchPage = (page: Page) => {
    let lastStatus: { url: string; status: number } | null = null;
    page.on("response", (res) => {
      if (res.request().isNavigationRequest() && res.frame() === page.mainFrame()) lastStatus = { url: res.url(), status: res.status() };
    });
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      if (!url.startsWith(`${BASE_URL}/`)) return;
      const status = lastStatus?.url === url ? lastStatus.status : null;
      pending.push(
        context
          // All of them: the supplier portal's cookie has Path=/s, so cookies(BASE_URL) would miss it.
          .cookies()
          .then((cookies) => {
            const who = whoIs(cookies, url);
            recordVisit({
              url,
              pattern: routePattern(url),
              role: who.role,
              email: who.email,
              cookies: cookies.filter((c) => c.name !== SESSION_COOKIE),
              status,
              test,
            });
          })
          .catch(() => undefined), // the context closed first: nothing to record
      );
    });
  };
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
}

export interface Summary {
  pagesScanned: number;
  distinctPatterns: number;
  violations: number;
  bySource: Record<string, number>;
  byRule: Record<string, number>;
  patterns: string[];
}

export function summarize(scans: readonly ScanResult[]): Summary {
  const bySource: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  for (const s of scans) {
    bySource[s.source] = (bySource[s.source] ?? 0) + 1;
    for (const v of s.violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + v.targets.length;
  }
  const patterns = [...new Set(scans.map((s) => `${s.pattern} (${s.role})`))].sort();
  return {
    pagesScanned: scans.length,
    distinctPatterns: new Set(scans.map((s) => s.pattern)).size,
    violations: Object.values(byRule).reduce((a, b) => a + b, 0),
    bySource,
    byRule,
    patterns,
  };
}

export function writeSummary(summary: Summary): void {
  mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
  writeFileSync(SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
}

// ---- A supplier questionnaire to open (a11y.spec.ts, keyboard.spec.ts) ----

/**
 * As the signed-in compliance officer of `officer` (of `tenant`): a new supplier, an assessment in
 * English and an invite mailed to a new address. Returns the /s/<token> link from the mail.
 */
export async function createInvite(officer: Page, tenant: Tenant): Promise<{ link: string; assessmentId: number; supplierName: string }> {
  const sfx = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const supplierName = `A11y Test Mill ${sfx}`;
  const email = `a11y.${sfx}@supplier.test`;
  const post = async (url: string, form: Record<string, string>) => {
    const res = await officer.request.post(url, { form, headers: { Origin: BASE_URL }, maxRedirects: 0 });
    if (res.status() >= 400) throw new Error(`POST ${url}: ${res.status()} ${await res.text()}`);
    return res;
  };
  const idAfter = (location: string | undefined, sub: string) => {
    const prefix = tenant.path(sub);
    return location?.startsWith(prefix) && /^\d+$/.test(location.slice(prefix.length)) ? Number(location.slice(prefix.length)) : 0;
  };
  const created = await post(tenant.path("/suppliers/new"), { name: supplierName, country: "VN", contactEmail: email, status: "active" });
  const supplierId = idAfter(created.headers()["location"], "/suppliers/");
  if (!supplierId) throw new Error(`No supplier page in ${created.headers()["location"]}`);
  const due = addDays(new Date(), 21);
  const started = await post(tenant.path(`/assessments/new?supplier=${supplierId}`), { dueAt: due, language: "en" });
  const assessmentId = idAfter(started.headers()["location"], "/assessments/");
  if (!assessmentId) throw new Error(`No assessment page in ${started.headers()["location"]}`);
  await post(tenant.path(`/assessments/${assessmentId}`), { intent: "invite", email, language: "en" });
  const mail = latestMail(email, { kind: "supplier-invite", orgId: tenant.orgId });
  const link = mail?.body.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`No /s/ link mailed to ${email}`);
  clearRateLimit("invite-ip"); // opening links is limited per IP, and every test comes from 127.0.0.1
  return { link, assessmentId, supplierName };
}

/** A new invite (see createInvite, in `tenant`), opened and started in `context`: the portal's first section. */
export async function openInvitedPortal(officer: Page, context: BrowserContext, tenant: Tenant): Promise<Page> {
  const { link } = await createInvite(officer, tenant);
  const portal = await context.newPage();
  await portal.goto(link);
  await waitForReact(portal, "form.portal-start");
  await portal.getByRole("button", { name: "Start", exact: true }).click();
  await portal.waitForURL(`${BASE_URL}/s/portal`);
  await waitForReact(portal, "form.portal-form");
  return portal;
}

/** Waits until React has hydrated the element (as fixtures.waitForHydration, which this module cannot import). */
export async function waitForReact(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el !== null && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
  }, selector);
}
