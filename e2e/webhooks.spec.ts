// Webhooks, end to end: an admin subscribes the loopback test receiver (allowed through the test-only
// WEBHOOK_TEST_ALLOW_ORIGINS the e2e server is started with), copies the signing secret shown once,
// sends a test event; the receiver gets it with a signature the documented snippet accepts, and the
// delivery log shows the 200. An address inside the network is refused with a message. Screenshots at
// desktop and 390 px.
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test, waitForHydration } from "./support/fixtures";
import { WEBHOOK_RECEIVER_ORIGIN, WEBHOOK_RECEIVER_PORT } from "./support/env";
import { VERIFY_SNIPPET } from "~/domain/webhooks/snippet";

const SHOTS = path.join(process.cwd(), "test-results", "screenshots");
type Verify = (header: string, body: string, secret: string) => boolean;
const verifyLantern = new Function("require", `${VERIFY_SNIPPET}\nreturn verifyLantern;`)(createRequire(import.meta.url)) as Verify;

const hits: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let server: http.Server;
test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(WEBHOOK_RECEIVER_PORT, "127.0.0.1", r));
});
test.afterAll(async () => {
  await new Promise((r) => server.close(r));
});

test("an admin subscribes a receiver, sends a test event, and the receiver gets it signed", async ({ page, loginAs, acme }) => {
  test.setTimeout(90_000);
  await loginAs(acme.admin);
  await page.goto(acme.path("/settings/webhooks"));
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await waitForHydration(page, "main form");

  await test.step("an address inside the network is refused", async () => {
    await page.getByLabel("Address (https)").fill("https://169.254.169.254/latest/meta-data/");
    await page.getByLabel(/A questionnaire was submitted/).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByRole("alert")).toContainText("cloud metadata address");
  });

  let secret = "";
  await test.step("the loopback test receiver is subscribed; the secret is shown once", async () => {
    await page.getByLabel("Address (https)").fill(`${WEBHOOK_RECEIVER_ORIGIN}/lantern`);
    await page.getByLabel("Description (optional)").fill("Test receiver");
    await page.getByLabel(/A supplier's risk band changed/).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByRole("status")).toContainText("shown only this once");
    secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, "webhooks-created-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, "webhooks-created-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("a test event arrives signed, and the log shows the 200", async () => {
    await page.getByRole("link", { name: "Open the webhook" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${WEBHOOK_RECEIVER_ORIGIN}/lantern`);
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByText("Test event queued")).toBeVisible();
    await expect.poll(() => hits.length, { timeout: 20_000 }).toBe(1);
    const hit = hits[0]!;
    expect(verifyLantern(String(hit.headers["lantern-signature"]), hit.body, secret)).toBe(true);
    expect(JSON.parse(hit.body)).toMatchObject({ version: 1, type: "webhook.test", organisation: { slug: acme.slug } });
    await expect(async () => {
      await page.reload();
      const row = page.getByRole("row").filter({ hasText: "webhook.test" });
      await expect(row).toContainText("200", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, "webhooks-log-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, "webhooks-log-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
