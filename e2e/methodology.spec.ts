// The risk methodology as an admin changes it: a country override with its reason, previewed (the
// band-move table) and saved as a new version; then the supplier page's breakdown and the
// methodology page show the override, and the page shows the data editions. An executive reads the
// settings without any control. All of it in a copy of the demo tenant acme of this file's own (the
// acme fixture), so the new methodology version moves no other spec's scores. The override is for a
// country where no acme supplier is (one per attempt, so a retry starts clean), on a supplier this
// spec creates.
import type { Page } from "@playwright/test";
import { BASE_URL } from "./support/env";
import { expect, test, waitForHydration, type Tenant } from "./support/fixtures";

const settings = (acme: Tenant) => acme.path("/settings/methodology");
/** Tier 1 countries (country risk 15) where no acme supplier is: low before, high with an override of 90. */
const COUNTRIES = [
  { iso2: "IS", name: "Iceland" },
  { iso2: "FI", name: "Finland" },
  { iso2: "EE", name: "Estonia" },
  { iso2: "NZ", name: "New Zealand" },
];

const sidebar = (page: Page) => page.getByRole("complementary");

async function createSupplier(page: Page, acme: Tenant, name: string, country: string): Promise<number> {
  const res = await page.request.post(acme.path("/suppliers/new"), {
    form: { name, country, status: "active" },
    headers: { Origin: BASE_URL },
    maxRedirects: 0,
  });
  expect(res.status(), await res.text()).toBe(302);
  const m = new RegExp(`${acme.path("/suppliers")}/(\\d+)$`).exec(res.headers()["location"] ?? "");
  if (!m) throw new Error(`no supplier page in ${res.headers()["location"]}`);
  return Number(m[1]);
}

test("an admin overrides a country's risk: preview, save, then the breakdown and the methodology page show it", async ({
  page,
  loginAs,
  acme,
}, testInfo) => {
  const country = COUNTRIES[(testInfo.retry + testInfo.repeatEachIndex) % COUNTRIES.length]!;
  const sfx = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const reason = `Our own audit found passport retention at fish plants (${sfx})`;
  await loginAs(acme.admin);
  const supplierId = await createSupplier(page, acme, `Lantern Fish Works ${sfx}`, country.iso2);

  await page.goto(acme.path());
  await sidebar(page).getByRole("link", { name: "Risk settings" }).click();
  await expect(page).toHaveURL(`${BASE_URL}${settings(acme)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Risk methodology settings" })).toBeVisible();
  await waitForHydration(page, "main form");
  const saveButton = page.getByRole("button", { name: /^Save as version \d+$/ });
  const nextVersion = Number((await saveButton.textContent())!.replace(/\D+/g, ""));

  await test.step("add an override row and preview: the band-move table, nothing saved", async () => {
    await page.getByRole("button", { name: "Add a country override" }).click();
    const row = page.locator(".methodology-override").last();
    await row.getByLabel(/^Country \(override \d+\)$/).selectOption(country.iso2);
    await row.getByLabel("Country risk (0–100)").fill("90");
    await row.getByLabel("Reason").fill(reason);
    await page.getByRole("button", { name: "Preview", exact: true }).click();

    const preview = page.locator(".methodology-preview");
    await expect(preview.getByRole("heading", { name: "Preview: nothing has been saved" })).toBeVisible();
    await expect(preview.getByText(/^\d+ suppliers? would change band$/)).toBeVisible();
    const lowToHigh = preview.locator('td[data-from="low"][data-to="high"]');
    expect(Number(await lowToHigh.textContent())).toBeGreaterThanOrEqual(1);
    await expect(saveButton).toHaveText(`Save as version ${nextVersion}`);
  });

  await test.step("saving needs a note, then saves a new version and recomputes now", async () => {
    await saveButton.click();
    const note = page.getByLabel("What changed and why");
    await expect(note).toHaveAttribute("aria-invalid", "true");
    await note.fill(`Override ${country.name} after our audit`);
    await saveButton.click();
    const saved = page.locator(".toast").filter({ hasText: `Saved as version ${nextVersion}.` });
    await expect(saved).toBeVisible();
    await expect(saved).toContainText("Scores were recomputed now");
    await expect(page.getByRole("button", { name: `Save as version ${nextVersion + 1}` })).toBeVisible();
    const history = page.locator(".methodology-history");
    await expect(history.getByRole("row").nth(1)).toContainText(`Override ${country.name} after our audit`);
  });

  await test.step("the supplier's breakdown shows the override and its reason", async () => {
    await page.goto(acme.path(`/suppliers/${supplierId}`));
    await page.getByText("How this score is calculated").click();
    const lines = page.locator(".risk-lines li");
    await expect(lines.filter({ hasText: `Override: country risk set to 90.0 — ${reason}` })).toHaveCount(1);
    await expect(lines.filter({ hasText: `Country: ${country.name}` })).toContainText("overridden");
  });

  await test.step("the methodology page lists the override and the data editions", async () => {
    await sidebar(page).getByRole("link", { name: "Methodology", exact: true }).click();
    await expect(page).toHaveURL(`${BASE_URL}${acme.path("/methodology")}`);
    await expect(page.getByRole("heading", { level: 1, name: "How Lantern scores risk" })).toBeVisible();
    const overrides = page.locator("#overrides");
    const row = overrides.getByRole("row").filter({ hasText: `${country.name} (${country.iso2})` });
    await expect(row).toContainText(reason);
    await expect(row).toContainText("Tier 1, TIP 2025");
    const sources = page.locator("#sources");
    await expect(sources).toContainText("TIP 2025 · TVPRA 2022");
    await expect(sources).toContainText("2025 report");
    await expect(sources).toContainText("2022 edition");
    await expect(sources).toContainText("467 entries");
  });
});

test("an executive reads the methodology and its settings, without any control", async ({ page, loginAs, acme }) => {
  await loginAs(acme.exec);
  await page.goto(acme.path());
  await expect(sidebar(page).getByRole("link", { name: "Risk settings" })).toHaveCount(0);
  await sidebar(page).getByRole("link", { name: "Methodology", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How Lantern scores risk" })).toBeVisible();
  await expect(page.locator("#score")).toContainText("Critical");
  await expect(page.locator("#flags")).toContainText("Debt bondage");

  await page.getByRole("link", { name: "Settings and version history" }).click();
  await expect(page).toHaveURL(`${BASE_URL}${settings(acme)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Risk methodology settings" })).toBeVisible();
  await expect(page.getByText("Only an admin can change these.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Version history" })).toBeVisible();
  await expect(page.locator("main form")).toHaveCount(0);
  await expect(page.locator("main").getByRole("button")).toHaveCount(0);
  await expect(page.locator("main").getByRole("textbox")).toHaveCount(0);
  await expect(page.locator("main").getByRole("combobox")).toHaveCount(0);
});
