// The `test` every spec imports. It adds:
//  - acme, borealis: tenants of the worker's own, copies of the demo tenants (e2e/support/tenants.ts),
//    made the first time a test of the worker asks for them;
//  - loginAs(email): a signed-in browser context without going through the login form (a session
//    started by the app's own code, its cookie handed to the browser);
//  - newContext(): another, signed-out browser (an invitee on another machine), watched like the first;
//  - mailbox: the outbox as the recipient's mail client sees it;
//  - an automatic check that no page broke the Content-Security-Policy during the test;
//  - an automatic accessibility check (axe, WCAG 2.2 A/AA) of every page left open at the end of a
//    passing test, and a record of every page the test navigated to, for e2e/a11y.spec.ts to scan
//    again (see e2e/README.md).
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
  type PlaywrightWorkerArgs,
  type TestInfo,
} from "@playwright/test";
import { BASE_URL } from "./env";
import { latestMail, type Mail, type MailFilter } from "./db";
import { createSession, SESSION_COOKIE } from "./session";
import { demoTenant, type Tenant } from "./tenants";
import type { DemoTemplate } from "~db/seed/demo-copy";
import { formatViolations, isAppPage, scan, watchNavigations, type ScanResult } from "./a11y";

export { expect, SESSION_COOKIE, type Tenant };

export interface CspViolation {
  via: "event" | "console";
  page: string;
  detail: string;
}

declare global {
  interface Window {
    __cspViolations?: string[];
    __lanternReportCsp?: (detail: string) => Promise<void>;
  }
}

/** Records CSP violations of every page of a context: the DOM event (via a binding that survives navigations) and the console message. */
async function watchCsp(context: BrowserContext, sink: CspViolation[]): Promise<void> {
  await context.exposeBinding("__lanternReportCsp", ({ page }, detail: string) => {
    sink.push({ via: "event", page: page.url(), detail });
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) => {
        const detail = `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || "?"}:${e.lineNumber} ${e.sample}`;
        window.__cspViolations?.push(detail);
        void window.__lanternReportCsp?.(detail);
      },
      true,
    );
  });
  context.on("console", (msg) => {
    if (msg.type() === "error" && /Content.Security.Policy/i.test(msg.text())) {
      sink.push({ via: "console", page: msg.page()?.url() ?? "?", detail: msg.text() });
    }
  });
}

// React's hydration errors (production builds print only their numbers): the page the server sent and
// the one the browser built differ, so React throws the server's DOM away and renders the whole page
// again, which users see as content that changes after load (and tests as elements detached mid-step).
const HYDRATION_ERROR = /Minified React error #(418|419|421|422|423|425)\b|[Hh]ydrat(ion|ing) (failed|error)|did not match/;

/** Records the hydration errors of every page of a context. */
function watchHydration(context: BrowserContext, sink: string[]): void {
  const watch = (page: Page) =>
    page.on("pageerror", (e) => {
      if (HYDRATION_ERROR.test(e.message)) sink.push(`${page.url()}: ${e.message.slice(0, 160)}`);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
}

/** Gives a browser context the cookie of a new session of the user; returns the token. */
export async function signIn(context: BrowserContext, email: string): Promise<string> {
  const token = await createSession(email);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" }]);
  return token;
}

/**
 * "" on a test's first run; on a retry or a --repeat-each copy, a suffix for the plus part of an
 * email address, so data that can be created only once (an account, a member) is new again.
 */
export function attemptTag(testInfo: TestInfo): string {
  return testInfo.retry === 0 && testInfo.repeatEachIndex === 0 ? "" : `+run${testInfo.repeatEachIndex}r${testInfo.retry}`;
}

/** The first absolute link in a mail body whose path starts with `pathPrefix` (e.g. "/join/"). */
export function linkIn(mail: Mail, pathPrefix: string): string {
  const link = mail.body.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`No ${pathPrefix} link in mail "${mail.subject}" to ${mail.to}:\n${mail.body}`);
  return link;
}

/**
 * Waits until React has hydrated the element (it then carries React's props), so a click runs the
 * client-side handlers (zod validation, fetch submissions) instead of a plain browser form post.
 */
export async function waitForHydration(page: Page, selector = "main form"): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el !== null && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
  }, selector);
}

/** A request context with no cookie jar of its own: it sends exactly the session cookie given. */
export async function requestWithCookie(playwright: PlaywrightWorkerArgs["playwright"], token: string): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Cookie: `${SESSION_COOKIE}=${token}` } });
}

/** The contexts of a test (its own and those from newContext()), for the accessibility checks. */
interface A11yWatch {
  watch: (context: BrowserContext) => void;
  contexts: BrowserContext[];
}

interface Fixtures {
  cspViolations: CspViolation[];
  hydrationErrors: string[];
  a11yWatch: A11yWatch;
  a11yFinalState: void;
  loginAs: (email: string, context?: BrowserContext) => Promise<string>;
  newContext: () => Promise<BrowserContext>;
  mailbox: { latest: (to: string, filter?: MailFilter) => Promise<Mail> };
  /** A copy of the demo tenant acme (suppliers, questionnaires, admin|compliance|exec users), one per spec file. */
  acme: Tenant;
  /** A copy of the demo tenant borealis, for the specs that need a second tenant; one per spec file. */
  borealis: Tenant;
}

interface WorkerFixtures {
  /** The worker's tenants, made on first use: one copy of each demo tenant per spec file. */
  tenants: { of: (template: DemoTemplate, specFile: string) => Promise<Tenant> };
}

// The second argument of a fixture is named `provide`, not `use`: the React hooks lint rule takes
// any call of `use` for a hook.
export const test = base.extend<Fixtures, WorkerFixtures>({
  // One tenant per spec file, not per worker: a worker runs several files one after the other, and a
  // file must not see what an earlier file changed (specs pass alone and in any order). Tests of one
  // file share it, as they share the file's order.
  tenants: [
    async ({}, provide, workerInfo) => {
      const made = new Map<string, Promise<Tenant>>();
      await provide({
        of: (template, specFile) => {
          const key = `${template} ${specFile}`;
          if (!made.has(key)) made.set(key, demoTenant(template, workerInfo.workerIndex));
          return made.get(key)!;
        },
      });
    },
    { scope: "worker" },
  ],
  acme: [async ({ tenants }, provide, testInfo) => provide(await tenants.of("acme", testInfo.file)), { timeout: 60_000 }],
  borealis: [async ({ tenants }, provide, testInfo) => provide(await tenants.of("borealis", testInfo.file)), { timeout: 60_000 }],

  cspViolations: [
    async ({ context }, provide) => {
      const sink: CspViolation[] = [];
      await watchCsp(context, sink);
      await provide(sink);
      expect(sink, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],

  hydrationErrors: [
    async ({ context }, provide) => {
      const sink: string[] = [];
      watchHydration(context, sink);
      await provide(sink);
      expect(sink, "React hydration errors (the browser rendered the page differently from the server)").toEqual([]);
    },
    { auto: true },
  ],

  loginAs: async ({ context }, provide) => {
    await provide((email, ctx = context) => signIn(ctx, email));
  },

  // Records the main-frame navigations of every context of the test (test-results/a11y/visits-*.jsonl).
  a11yWatch: async ({}, provide, testInfo) => {
    const pending: Array<Promise<unknown>> = [];
    const contexts: BrowserContext[] = [];
    await provide({
      contexts,
      watch: (ctx) => {
        contexts.push(ctx);
        watchNavigations(ctx, testInfo.titlePath.slice(1).join(" › "), pending);
      },
    });
    await Promise.all(pending);
  },

  // Runs before newContext() closes its contexts: axe on the final state of every page still open.
  // Only for a test that passed: a failed one already says what is wrong, and its page may be anywhere.
  a11yFinalState: [
    async ({ context, newContext, a11yWatch }, provide, testInfo) => {
      void newContext; // a dependency only, so that this teardown runs first
      a11yWatch.watch(context);
      await provide();
      if (testInfo.status !== testInfo.expectedStatus || testInfo.expectedStatus !== "passed") return;
      const results: ScanResult[] = [];
      const name = testInfo.titlePath.slice(1).join(" › ");
      for (const ctx of a11yWatch.contexts) {
        for (const page of ctx.pages()) if (await isAppPage(page)) results.push(await scan(page, "final", name));
      }
      const failed = results.filter((r) => r.violations.length > 0);
      expect(failed.length, `Accessibility violations (axe, WCAG 2.2 A/AA) on the final page state:\n${formatViolations(failed)}`).toBe(0);
    },
    { auto: true },
  ],

  newContext: async ({ browser, cspViolations, hydrationErrors, a11yWatch }, provide) => {
    const made: BrowserContext[] = [];
    await provide(async () => {
      const ctx = await browser.newContext({ baseURL: BASE_URL });
      await watchCsp(ctx, cspViolations);
      watchHydration(ctx, hydrationErrors);
      a11yWatch.watch(ctx);
      made.push(ctx);
      return ctx;
    });
    for (const ctx of made) await ctx.close();
  },

  mailbox: async ({}, provide) => {
    await provide({
      // Mail is queued in the same transaction as the change that caused it; poll briefly anyway.
      latest: async (to, filter = {}) => {
        let mail: Mail | undefined;
        await expect
          .poll(() => (mail = latestMail(to, filter)), { message: `a ${filter.kind ?? ""} mail to ${to} in the outbox`, timeout: 5_000 })
          .toBeDefined();
        return mail!;
      },
    });
  },
});
