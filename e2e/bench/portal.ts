// Supplier portal figures (the questionnaire issue): how long its first page takes to serve, and how
// much JavaScript it ships. The app runs on a freshly seeded database whose demo questionnaires
// include one sent to a supplier; the bench opens that supplier's link like a supplier would.
import path from "node:path";
import zlib from "node:zlib";
import { createDb } from "~db/client";
import { freePort, HOST, runToCompletion } from "./http";
import { withAppOnDatabase } from "./app";
import { log, median, round, TSX_BIN, type BenchRecord, type FigureDef } from "./lib";

async function prepareDatabase(dir: string): Promise<string> {
  const databaseUrl = `file:${path.join(dir, "portal.db")}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    EVIDENCE_DIR: path.join(dir, "evidence"),
    NODE_ENV: "production",
    HOST,
    PORT: String(await freePort()),
  };
  await runToCompletion("seed", TSX_BIN, ["db/cli/seed.ts"], env);
  return databaseUrl;
}

/** A token from the newest supplier invitation in the outbox (the demo data sends several). */
async function inviteToken(databaseUrl: string): Promise<string> {
  const h = createDb(databaseUrl);
  try {
    const mail = await h.db
      .selectFrom("mail_outbox")
      .select("body_text")
      .where("kind", "=", "supplier-invite")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)?.[1];
    if (!token) throw new Error("no /s/<token> link in the demo invitation");
    return token;
  } finally {
    await h.close();
  }
}

async function timeGets(
  url: string,
  headers: Record<string, string>,
  n: number,
): Promise<{ median: number; p90: number; bytes: number; status: number }> {
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers, redirect: "manual" });
    const body = await r.arrayBuffer();
    times.push(performance.now() - t);
    bytes = body.byteLength;
    status = r.status;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: round(median(times), 2), p90: round(sorted[Math.floor(sorted.length * 0.9)]!, 2), bytes, status };
}

/** The JavaScript a page loads: its module scripts and modulepreloads, raw and gzip-compressed. */
async function javascriptOf(baseUrl: string, html: string): Promise<{ files: number; raw: number; gzip: number }> {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.js)"/g)) urls.add(m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const u of urls) {
    const body = Buffer.from(await (await fetch(new URL(u, baseUrl))).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 6 }).length;
  }
  return { files: urls.size, raw, gzip };
}

export const portalFigures: FigureDef[] = [
  {
    figures: ["portal.first_page", "portal.javascript"],
    description:
      "the supplier portal: serve time of the link page and of the first questionnaire page (sequential GETs), and the JavaScript it ships",
    async run(ctx) {
      const dir = ctx.tmpDir("portal");
      const databaseUrl = await prepareDatabase(dir);
      const token = await inviteToken(databaseUrl);
      return withAppOnDatabase(databaseUrl, async (baseUrl): Promise<BenchRecord[]> => {
        const n = ctx.quick ? 10 : 50;
        // The link page is rate-limited per IP (30 in 15 minutes): time only a few of its GETs.
        const landing = await timeGets(`${baseUrl}/s/${token}`, {}, 5);
        const start = await fetch(`${baseUrl}/s/${token}`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
          body: "intent=start",
        });
        const cookie = start.headers.get("set-cookie")?.split(";")[0];
        if (start.status !== 302 || !cookie) {
          return [{ figure: "portal.first_page", error: `POST /s/<token> answered ${start.status} without a session cookie` }];
        }
        const portal = await timeGets(`${baseUrl}${start.headers.get("location") ?? "/s/portal"}`, { Cookie: cookie }, n);
        if (portal.status !== 200) return [{ figure: "portal.first_page", error: `the portal answered ${portal.status}` }];
        const html = await (await fetch(`${baseUrl}/s/portal`, { headers: { Cookie: cookie } })).text();
        const js = await javascriptOf(baseUrl, html);
        log(
          `portal: link page ${landing.median} ms, first page ${portal.median} ms, ` +
            `${js.files} JS files, ${Math.round(js.gzip / 1024)} KB gzip`,
        );
        return [
          {
            figure: "portal.first_page",
            unit: "ms",
            value: portal.median,
            p90_ms: portal.p90,
            html_bytes: portal.bytes,
            link_page_ms: landing.median,
            link_page_requests: 5,
            requests: n,
            note: "sequential GETs on 127.0.0.1, server already warm",
          },
          {
            figure: "portal.javascript",
            unit: "KB",
            value: round(js.gzip / 1024, 1),
            raw_kb: round(js.raw / 1024, 1),
            files: js.files,
            compression: "gzip level 6",
          },
        ];
      });
    },
  },
];
