// The maps: the dashboard's supplier map (each demo site a link named by supplier and risk), the
// supplier page's location map, and coordinates entered through the supplier form (both or
// neither). At 1280 px and on a 390 px phone, with no sideways scrolling caused by a map. In copies
// of the demo tenants of this file's own (the acme and borealis fixtures).
import path from "node:path";
import type { Page } from "@playwright/test";
import { REPO_ROOT } from "./support/env";
import { expect, test } from "./support/fixtures";

const SHOTS = path.join(REPO_ROOT, "test-results", "screenshots");

async function noSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, "page wider than the screen").toBeLessThanOrEqual(width);
}

test.describe("maps", () => {
  for (const viewport of [
    { width: 1280, height: 900, name: "desktop" },
    { width: 390, height: 844, name: "phone" },
  ]) {
    test(`the dashboard map leads to a supplier, whose page shows its site (${viewport.name})`, async ({ page, loginAs, acme }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await loginAs(acme.compliance);
      await page.goto(acme.path());
      const map = page.getByRole("region", { name: "Where the suppliers are" });
      await expect(map).toBeVisible();
      // Every demo site is a named link, coloured by band; the legend names the bands.
      const dhaka = map.getByRole("link", { name: /^Dhaka Knitwear Ltd, (low|medium|high|critical) risk \d+\.\d$/ });
      await expect(dhaka).toHaveCount(1);
      expect(await map.locator("svg a").count()).toBeGreaterThan(30);
      await expect(map.getByRole("list", { name: "Colours of the risk bands" })).toContainText("Critical");
      // The world outline is an image from this server.
      const outline = await page.request.get("/map/world.svg");
      expect(outline.status()).toBe(200);
      expect(outline.headers()["content-type"]).toMatch(/image\/svg\+xml/);
      await map.scrollIntoViewIfNeeded();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, `maps-dashboard-${viewport.name}.png`), fullPage: false });

      // The same figures as a table, for anyone who cannot use the map.
      await map.getByText("The sites as a table").click();
      await expect(map.getByRole("table")).toContainText("Dhaka Knitwear Ltd");

      // Keyboard: the point is focusable; Enter opens the supplier.
      await dhaka.focus();
      await expect(dhaka).toBeFocused();
      await Promise.all([page.waitForURL(new RegExp(`${acme.path("/suppliers")}/\\d+$`)), page.keyboard.press("Enter")]);
      await expect(page.getByRole("heading", { level: 1, name: "Dhaka Knitwear Ltd" })).toBeVisible();
      const location = page.getByRole("region", { name: "Location" });
      await expect(location).toContainText(/at 2[34]\.\d+, 90\.\d+ \(latitude, longitude\)/);
      await expect(location.getByRole("img", { name: /^Dhaka Knitwear Ltd, .* at 2[34]\.\d+, 90\.\d+$/ })).toBeVisible();
      await expect(page.locator(".details-item", { hasText: "Coordinates" })).toContainText(/2[34]\.\d+, 90\.\d+/);
      await location.scrollIntoViewIfNeeded();
      await noSidewaysScroll(page);
      await page.screenshot({ path: path.join(SHOTS, `maps-supplier-${viewport.name}.png`), fullPage: false });
    });
  }

  test("coordinates through the form: a lone latitude is refused on the field, both are kept and shown", async ({
    page,
    loginAs,
    borealis,
  }) => {
    await loginAs(borealis.compliance);
    await page.goto(borealis.path("/suppliers/new"));
    const name = `Map Test Assembly ${Date.now()}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Bangladesh" });
    await page.getByLabel("Latitude", { exact: true }).fill("23.8103");
    await page.getByRole("button", { name: "Create supplier" }).click();
    const longitude = page.getByLabel("Longitude", { exact: true });
    await expect(longitude).toHaveAccessibleDescription(/Enter the longitude too, or leave both coordinates empty/);
    await expect(page).toHaveURL(/\/suppliers\/new$/);
    await longitude.fill("200");
    await page.getByRole("button", { name: "Create supplier" }).click();
    await expect(longitude).toHaveAccessibleDescription(/Longitude must be a number from -180 to 180/);
    await longitude.fill("90.4125");
    await Promise.all([
      page.waitForURL(new RegExp(`${borealis.path("/suppliers")}/\\d+$`)),
      page.getByRole("button", { name: "Create supplier" }).click(),
    ]);
    await expect(page.locator(".details-item", { hasText: "Coordinates" })).toContainText("23.8103, 90.4125");

    // An edit that leaves them alone keeps them.
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page.getByLabel("Latitude", { exact: true })).toHaveValue("23.8103");
    await page.getByLabel("City", { exact: true }).fill("Dhaka");
    await Promise.all([
      page.waitForURL(new RegExp(`${borealis.path("/suppliers")}/\\d+$`)),
      page.getByRole("button", { name: "Save changes" }).click(),
    ]);
    await expect(page.locator(".details-item", { hasText: "Coordinates" })).toContainText("23.8103, 90.4125");
    await expect(
      page.getByRole("region", { name: "Location" }).getByRole("img", { name: new RegExp(`^${name}, .* at 23.8103, 90.4125$`) }),
    ).toBeVisible();
  });
});
