// HTTP-level defences: security headers with a per-response CSP nonce, refusal of cross-site posts,
// logout only by POST, and login throttling (10 failures a minute per IP, 5 per account). Members log
// in to a copy of the demo tenant acme of the file's own (the `acme` fixture).
import { BASE_URL, DEMO_PASSWORD } from "./support/env";
import { clearRateLimit } from "./support/db";
import { expect, test } from "./support/fixtures";

const cspNonce = (csp: string) => /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = cspNonce(csp);
  expect(nonce, `a script nonce in ${csp}`).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  expect(/script-src[^;]*'unsafe-(inline|eval)'/.test(csp), "script-src allows no inline/eval").toBe(false);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every script the server renders carries this response's nonce...
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // ...and the page hydrates under the policy (the automatic CSP check reports any violation).
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();

  // A new response, a new nonce.
  const again = await page.request.get("/login");
  expect(cspNonce(again.headers()["content-security-policy"] ?? "")).not.toBe(nonce);
});

test("cross-site posts are refused with 403 before they reach the app", async ({ request, acme }) => {
  const login = { email: acme.compliance, password: DEMO_PASSWORD };
  const crossSite: Record<string, string>[] = [
    { "Sec-Fetch-Site": "cross-site" },
    { "Sec-Fetch-Site": "same-site" },
    { Origin: "https://evil.example" },
    { Origin: "null" },
  ];
  for (const headers of crossSite) {
    const response = await request.post("/login", { form: login, headers, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  }
  // The same post from the app's own origin logs in: the 403 above was about where it came from.
  const sameOrigin = await request.post("/login", {
    form: login,
    headers: { Origin: BASE_URL, "Sec-Fetch-Site": "same-origin" },
    maxRedirects: 0,
  });
  expect(sameOrigin.status()).toBe(302);
  expect(sameOrigin.headers()["location"]).toBe(acme.path());
});

test("a cross-site post to /logout does not log the user out", async ({ page, loginAs, acme }) => {
  await loginAs(acme.exec);
  const response = await page.request.post("/logout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect((await page.goto(acme.path()))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: acme.name })).toBeVisible();
});

test("a GET of /logout (a link, a prefetch, an image tag) does not log the user out", async ({ page, loginAs, acme }) => {
  await loginAs(acme.exec);
  const direct = await page.request.get("/logout", { maxRedirects: 0 });
  expect(direct.status()).toBe(302);
  expect(direct.headers()["set-cookie"]).toBeUndefined();

  await page.goto("/logout");
  await expect(page).toHaveURL(`${BASE_URL}${acme.path()}`);
  expect((await page.goto(acme.path()))?.status()).toBe(200);
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
});

// The throttling tests run in their own project ("throttle"), after all others: they lock 127.0.0.1
// out of logging in for a minute. They start from zeroed counters, so whatever failed logins ran
// before them from this IP do not shift the count, and zero them again when done.
test.describe("login throttling", { tag: "@throttle" }, () => {
  test.beforeEach(() => {
    clearRateLimit("login-ip");
    clearRateLimit("login-ip-hour");
  });
  test.afterEach(() => {
    clearRateLimit("login-ip");
    clearRateLimit("login-ip-hour");
  });

  test("the 11th failed login from one IP within a minute gets 429 with Retry-After", async ({ request, acme }) => {
    // Ten different, never-used addresses: the per-account limit (5) does not come into play.
    const run = Date.now().toString(36);
    for (let i = 1; i <= 10; i++) {
      const r = await request.post("/login", {
        form: { email: `nobody-${run}-${i}@throttle.test`, password: "wrong-password" },
        maxRedirects: 0,
      });
      expect(r.status(), `failed login #${i}`).toBe(401);
    }
    const blocked = await request.post("/login", {
      form: { email: `nobody-${run}-11@throttle.test`, password: "wrong-password" },
      maxRedirects: 0,
    });
    expect(blocked.status()).toBe(429);
    expect(await blocked.text()).toContain("Too many failed log-ins.");

    // Even the right password is refused now, before it is checked.
    const right = await request.post("/login", { form: { email: acme.compliance, password: DEMO_PASSWORD }, maxRedirects: 0 });
    expect(right.status()).toBe(429);
    expect(right.headers()["set-cookie"]).toBeUndefined();

    // The browser's form submission (Remix data request) and a plain HTML form post (no JavaScript)
    // both say how long to wait.
    const data = await request.post("/login?_data=routes%2Flogin", { form: { email: `nobody-${run}@throttle.test`, password: "x" } });
    expect(data.status()).toBe(429);
    expect(Number(data.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(data.headers()["retry-after"])).toBeLessThanOrEqual(60);
    expect(blocked.headers()["retry-after"] ?? "(none)", "Retry-After on the HTML response").toMatch(/^\d+$/);
    expect(Number(blocked.headers()["retry-after"])).toBeLessThanOrEqual(60);
  });

  test("the 6th failed login on one account from one IP within 15 minutes gets 429", async ({ request }) => {
    const email = `target-${Date.now().toString(36)}@throttle.test`;
    for (let i = 1; i <= 5; i++) {
      const r = await request.post("/login", { form: { email, password: `guess-${i}` }, maxRedirects: 0 });
      expect(r.status(), `failed login #${i}`).toBe(401);
    }
    const blocked = await request.post("/login?_data=routes%2Flogin", { form: { email, password: "guess-6" } });
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(60); // the account window is 15 minutes
  });
});
