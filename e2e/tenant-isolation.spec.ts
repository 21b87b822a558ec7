// One tenant never sees another: a member of borealis asking for acme's pages gets the same 404 as
// for an organization that does not exist, and not a byte of acme's data.
import { BASE_URL } from "./support/env";
import { mailCount } from "./support/db";
import { expect, test, type Tenant } from "./support/fixtures";

// Strings that only acme's pages contain (its name, email domain, people and suppliers).
const acmeData = (acme: Tenant) => ["Acme Apparel", `@${acme.slug}.test`, "Alex Moreno", "Dhaka Knitwear", "ACME-V-"];

for (const sub of ["", "/members", "/audit", "/outbox"]) {
  test(`a borealis member gets a 404 for /o/acme${sub}`, async ({ page, loginAs, acme, borealis }) => {
    const path = acme.path(sub);
    await loginAs(borealis.compliance);
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveURL(`${BASE_URL}${path}`);

    // Neither the page nor its embedded loader data mentions acme.
    const html = await response!.text();
    for (const s of acmeData(acme)) expect(html, `the response must not contain "${s}"`).not.toContain(s);
    // The borealis user is still signed in: the 404 is about acme, not about the session.
    expect((await page.request.get(borealis.path(), { maxRedirects: 0 })).status()).toBe(200);
  });
}

test("a borealis member's data request for acme's team answers 404 without data", async ({ page, loginAs, acme, borealis }) => {
  await loginAs(borealis.compliance);
  const response = await page.request.get(acme.path("/members?_data=routes%2Fo.%24org.members"));
  expect(response.status()).toBe(404);
  const body = await response.text();
  for (const s of acmeData(acme)) expect(body).not.toContain(s);
});

test("a borealis member cannot invite people into acme", async ({ page, loginAs, acme, borealis }) => {
  await loginAs(borealis.compliance);
  const intruder = `intruder-${Date.now().toString(36)}@${borealis.slug}.test`;
  const response = await page.request.post(acme.path("/members"), {
    form: { intent: "invite", email: intruder, role: "admin" },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  expect(mailCount(intruder)).toBe(0);
});

test("an anonymous visitor to a tenant page is sent to the login page", async ({ page, acme }) => {
  const direct = await page.request.get(acme.path(), { maxRedirects: 0 });
  expect(direct.status()).toBe(302);
  expect(direct.headers()["location"]).toBe(`/login?redirectTo=%2Fo%2F${acme.slug}`);

  await page.goto(acme.path("/members"));
  await expect(page).toHaveURL(`${BASE_URL}/login?redirectTo=%2Fo%2F${acme.slug}%2Fmembers`);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  expect(await page.content()).not.toContain("Acme Apparel");
});

test("an organization that does not exist answers 404", async ({ page, loginAs, borealis }) => {
  await loginAs(borealis.compliance);
  const response = await page.goto("/o/nope");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("There is nothing here, or you do not have access to it.")).toBeVisible();
});
