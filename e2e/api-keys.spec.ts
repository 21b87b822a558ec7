// API keys: an admin creates a key, sees its secret once, a client lists suppliers with it through
// /api/v1, the admin revokes it and the next call is refused (401). Screenshots at 1280 and 390 px.
import path from "node:path";
import { expect, test, waitForHydration } from "./support/fixtures";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");

test("an admin creates an API key, a client uses it, the admin revokes it", async ({ page, loginAs, acme, request }) => {
  test.setTimeout(90_000);
  await loginAs(acme.admin);
  await page.goto(acme.path("/settings/api-keys"));
  await waitForHydration(page, "main form");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  await page.getByLabel("Name").fill("ERP supplier sync");
  await page.getByLabel(/Read only/).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const secretField = page.getByLabel("Your new API key");
  await expect(secretField).toBeVisible();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^lnt_[A-Za-z0-9_-]{40,}$/);
  await expect(page.getByRole("cell", { name: "ERP supplier sync", exact: true })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(SHOTS, "api-keys-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, "api-keys-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await test.step("shown once: after a reload the secret is gone, only its start is listed", async () => {
    await page.goto(acme.path("/settings/api-keys"));
    await expect(page.getByLabel("Your new API key")).toHaveCount(0);
    await expect(page.getByText(`${secret.slice(0, 8)}…`)).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
  });

  await test.step("a client lists suppliers with the key", async () => {
    const r = await request.get("/api/v1/suppliers?limit=5", { headers: { Authorization: `Bearer ${secret}` } });
    expect(r.status()).toBe(200);
    expect(r.headers()["ratelimit-policy"]).toContain("q=");
    const body = (await r.json()) as { data: Array<{ name: string }> };
    expect(body.data.length).toBe(5);
    const write = await request.post("/api/v1/suppliers", {
      headers: { Authorization: `Bearer ${secret}` },
      data: { name: "Should not be created", country: "BD" },
    });
    expect(write.status()).toBe(403);
    expect(write.headers()["content-type"]).toContain("application/problem+json");
  });

  await test.step("the admin revokes the key: the next call is 401", async () => {
    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Last used" })).toBeVisible();
    await page.getByRole("button", { name: "Revoke the key ERP supplier sync" }).click();
    await expect(page.getByText(/was revoked/).first()).toBeVisible();
    const r = await request.get("/api/v1/suppliers?limit=5", { headers: { Authorization: `Bearer ${secret}` } });
    expect(r.status()).toBe(401);
  });

  await test.step("the reference page lists the operations", async () => {
    await page.goto("/api/v1/docs");
    await expect(page.getByRole("heading", { level: 1, name: /Lantern API/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "POST /api/v1/suppliers/bulk" })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, "api-docs-phone.png"), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
