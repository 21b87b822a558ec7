// The README's API demonstration (`npm run demo:api`), run as a test so that it keeps working: a key
// made on the settings page, the demo CSV upserted through the API, every supplier's risk read, and a
// signed supplier.risk_band_changed webhook received when one supplier moves country. It starts its
// own server and database (demo.ts), like the crash test.
import { expect, test } from "@playwright/test";
import { runApiDemo } from "./api-demo/demo";

test("the README's API demonstration: key, CSV upsert, risk, signed webhook on a band change", async () => {
  test.setTimeout(240_000);
  const lines: string[] = [];
  const report = await runApiDemo((line) => lines.push(line));
  expect(report.keyPrefix, lines.join("\n")).toMatch(/^lnt_/);
  expect(report.upserted.created).toBe(3);
  expect(report.risks.map((r) => r.ref).sort()).toEqual(["DEMO-API-001", "DEMO-API-002", "DEMO-API-003"]);
  for (const r of report.risks) {
    expect(["low", "medium", "high", "critical"]).toContain(r.band);
    expect(r.score).toBeGreaterThanOrEqual(0);
  }
  expect(report.webhook.event).toBe("supplier.risk_band_changed");
  expect(report.webhook.supplier).toBe("DEMO-API-001");
  expect(report.webhook.from).not.toBe(report.webhook.to);
  expect(report.webhook.signatureValid).toBe(true);
});
