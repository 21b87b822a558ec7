// The API as another system uses it, from start to end, against a real server of its own:
//  1. an admin signs in and creates an API key on Settings → API keys (the page shows it once);
//  2. the admin subscribes a receiver to supplier.risk_band_changed on Settings → Webhooks;
//  3. the key upserts the suppliers of a CSV file through POST /api/v1/suppliers/bulk;
//  4. the key reads each supplier's risk (band, score, explanation) once the scores are computed;
//  5. a second upsert moves one supplier to another country, its band changes, and the receiver gets a
//     signed webhook, verified with the snippet the README gives.
// The server runs on a fresh SQLite database seeded with the demo tenants, with the test-only
// allow-list that lets webhooks reach a receiver on this machine over plain http.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { freePort, seedDatabase, startServer, type CrashServer } from "../support/crash-server";
import { DEMO_PASSWORD, REPO_ROOT } from "../support/env";

export const DEMO_CSV = path.join(REPO_ROOT, "e2e/api-demo/suppliers.csv");
const ORG = "acme";
const ADMIN = "admin@acme.test";

export interface DemoReport {
  keyPrefix: string;
  upserted: { created: number; updated: number; unchanged: number };
  risks: Array<{ ref: string; name: string; band: string; score: number }>;
  webhook: { event: string; supplier: string; from: string; to: string; signatureValid: boolean };
}

/** The README's verification snippet, as a receiver would write it. */
function verifyLantern(header: string, body: string, secret: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = crypto.createHmac("sha256", secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

interface Delivery {
  signature: string;
  body: string;
}

/** A webhook receiver on loopback that keeps what it was sent. */
async function startReceiver(): Promise<{ origin: string; deliveries: Delivery[]; close: () => Promise<void> }> {
  const port = await freePort();
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ signature: String(req.headers["lantern-signature"] ?? ""), body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, deliveries, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A form post as the browser sends it without JavaScript; the answer's HTML. */
async function postForm(server: CrashServer, cookie: string, pathname: string, fields: Array<[string, string]>): Promise<string> {
  const r = await fetch(server.url + pathname, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  const html = await r.text();
  if (r.status >= 400) throw new Error(`POST ${pathname} answered ${r.status}: ${html.slice(0, 300)}`);
  return html;
}

async function signIn(server: CrashServer): Promise<string> {
  const r = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: ADMIN, password: DEMO_PASSWORD, redirectTo: "" }).toString(),
    redirect: "manual",
  });
  const cookie = r.headers.getSetCookie().find((c) => c.startsWith("lantern_session="));
  if (!cookie) throw new Error(`Signing in as ${ADMIN} failed (${r.status})`);
  return cookie.split(";")[0]!;
}

function api(server: CrashServer, key: string) {
  return async (method: string, pathname: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: "application/json" };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["idempotency-key"] = crypto.randomUUID();
    }
    const r = await fetch(server.url + pathname, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await r.json()) as Record<string, unknown>;
    if (r.status >= 400) throw new Error(`${method} ${pathname} answered ${r.status}: ${JSON.stringify(json)}`);
    return { status: r.status, json };
  };
}

function readCsv(file: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, "utf8"), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

interface RiskView {
  band: string;
  value: number;
}

/** The supplier's current score, or undefined while it is not computed yet. */
async function riskOf(call: ReturnType<typeof api>, id: number): Promise<RiskView | undefined> {
  const { json } = await call("GET", `/api/v1/suppliers/${id}/risk`);
  return (json.score as RiskView | null) ?? undefined;
}

export async function runApiDemo(log: (line: string) => void = () => {}, csvFile = DEMO_CSV): Promise<DemoReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-api-demo-"));
  const databaseUrl = `file:${path.join(dir, "demo.db")}`;
  const receiver = await startReceiver();
  let server: CrashServer | undefined;
  try {
    log("Seeding a fresh database with the demo tenants…");
    await seedDatabase(databaseUrl, path.join(dir, "evidence"));
    server = await startServer(databaseUrl, path.join(dir, "evidence"), { WEBHOOK_TEST_ALLOW_ORIGINS: receiver.origin });
    log(`Lantern is running at ${server.url}`);

    // 1. The admin creates a key on Settings → API keys; the page shows it once.
    const cookie = await signIn(server);
    const keyPage = await postForm(server, cookie, `/o/${ORG}/settings/api-keys`, [
      ["intent", "create"],
      ["name", "ERP integration (demo)"],
      ["access", "write"],
      ["expiresOn", ""],
    ]);
    const key = /lnt_[A-Za-z0-9_-]{20,}/.exec(keyPage)?.[0];
    if (!key) throw new Error("The API keys page did not show the new key");
    log(`1. Created API key ${key.slice(0, 10)}… (read and write)`);

    // 2. The admin subscribes the receiver to band changes on Settings → Webhooks.
    const hookPage = await postForm(server, cookie, `/o/${ORG}/settings/webhooks`, [
      ["intent", "create"],
      ["url", `${receiver.origin}/lantern`],
      ["description", "Demo receiver"],
      ["events", "supplier.risk_band_changed"],
    ]);
    const secret = /whsec_[A-Za-z0-9_-]{20,}/.exec(hookPage)?.[0];
    if (!secret) throw new Error("The webhooks page did not show the signing secret");
    log(`2. Subscribed ${receiver.origin}/lantern to supplier.risk_band_changed`);

    // 3. Upsert the CSV's suppliers by reference: all rows or none.
    const call = api(server, key);
    const rows = readCsv(csvFile);
    const bulk = await call("POST", "/api/v1/suppliers/bulk", { policy: "overwrite", rows });
    const upserted = bulk.json as DemoReport["upserted"];
    log(`3. Upserted ${rows.length} suppliers from ${path.basename(csvFile)}: ${JSON.stringify(upserted)}`);

    // 4. Read their risk once the scores are computed (a job recomputes them after the write).
    const ids = new Map<string, { id: number; name: string }>();
    for (const row of rows) {
      const { json } = await call("GET", `/api/v1/suppliers?q=${encodeURIComponent(row.external_ref!)}&limit=5`);
      const listed = json.data as Array<{ id: number; name: string; externalRef: string | null }>;
      const hit = listed.find((s) => s.externalRef === row.external_ref);
      if (!hit) throw new Error(`Supplier ${row.external_ref} not found through the API`);
      ids.set(row.external_ref!, { id: hit.id, name: hit.name });
    }
    const risks: DemoReport["risks"] = [];
    for (const [ref, s] of ids) {
      const r = await until(`the risk score of ${ref}`, () => riskOf(call, s.id));
      risks.push({ ref, name: s.name, band: r.band, score: r.value });
      log(`4. ${ref} ${s.name}: ${r.band} risk, ${r.value}`);
    }

    // 5. The ERP moves one supplier's site to another country; its band changes; a signed webhook arrives.
    const moved = rows.find((r) => r.external_ref === "DEMO-API-001")!;
    const before = risks.find((r) => r.ref === moved.external_ref)!;
    await call("POST", "/api/v1/suppliers/bulk", {
      policy: "overwrite",
      rows: [{ ...moved, country: "TM", city: "Ashgabat", goods: "Cotton|Garments" }],
    });
    log(`5. Moved ${moved.external_ref} to Turkmenistan (cotton); waiting for the webhook…`);
    const delivery = await until("a supplier.risk_band_changed webhook", async () =>
      receiver.deliveries.find((d) => JSON.parse(d.body).type === "supplier.risk_band_changed"),
    );
    const event = JSON.parse(delivery.body) as {
      type: string;
      data: { supplier: { externalRef: string | null; name: string }; previousBand: string; band: string };
    };
    const signatureValid = verifyLantern(delivery.signature, delivery.body, secret);
    log(
      `   Received ${event.type} for ${event.data.supplier.name}: ${event.data.previousBand} → ${event.data.band}; ` +
        `signature ${signatureValid ? "valid" : "INVALID"} (was ${before.band})`,
    );
    return {
      keyPrefix: key.slice(0, 8),
      upserted,
      risks,
      webhook: {
        event: event.type,
        supplier: event.data.supplier.externalRef ?? event.data.supplier.name,
        from: event.data.previousBand,
        to: event.data.band,
        signatureValid,
      },
    };
  } finally {
    await server?.kill();
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
