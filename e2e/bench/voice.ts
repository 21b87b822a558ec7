// Worker-voice figures (the worker-voice issue): the report form's first page (HTML and its one
// stylesheet, gzipped: under 30 KB, and no script), its serving rate against the login page's, and how
// long storing a report and showing its case number takes. The app runs on a freshly seeded database
// with a channel opened on one of the demo suppliers.
import path from "node:path";
import zlib from "node:zlib";
import { createDb } from "~db/client";
import { insertChannel } from "~/models/voice-channel.server";
import { HOST, freePort, loadSettings, measureHttp, runToCompletion } from "./http";
import { withAppOnDatabase } from "./app";
import { compareWithFloor, log, median, round, TSX_BIN, type BenchRecord, type FigureDef } from "./lib";

const CODE = "benchvc2";

async function prepareDatabase(dir: string): Promise<string> {
  const databaseUrl = `file:${path.join(dir, "voice.db")}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    HOST,
    PORT: String(await freePort()),
  };
  await runToCompletion("seed", TSX_BIN, ["db/cli/seed.ts"], env);
  const h = createDb(databaseUrl);
  try {
    const s = await h.db.selectFrom("suppliers").select(["id", "org_id"]).orderBy("id").executeTakeFirstOrThrow();
    await insertChannel(h.db, s.org_id, {
      supplierId: s.id,
      code: CODE,
      languages: "bn,en",
      createdBy: null,
      at: new Date().toISOString(),
    });
  } finally {
    await h.close();
  }
  return databaseUrl;
}

/** HTML and the stylesheets it links, gzipped (level 6), and whether it carries any script. */
async function firstPageWeight(baseUrl: string, url: string) {
  const html = await (await fetch(url)).text();
  let gzip = zlib.gzipSync(html, { level: 6 }).length;
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    gzip += zlib.gzipSync(Buffer.from(await (await fetch(new URL(m[1]!, baseUrl))).arrayBuffer()), { level: 6 }).length;
  }
  return { gzip, scripts: (html.match(/<script/g) ?? []).length };
}

export const voiceFigures: FigureDef[] = [
  {
    figures: ["voice.first_page_kb", "voice.form_page", "voice.report_stored"],
    description:
      "worker voice: the report form's first page (HTML + CSS, gzip), its serving rate against the login page's, " +
      "and a report stored with its case number shown",
    async run(ctx) {
      const login = await ctx.floor("app.http.login_page");
      const databaseUrl = await prepareDatabase(ctx.tmpDir("voice"));
      return withAppOnDatabase(databaseUrl, async (baseUrl): Promise<BenchRecord[]> => {
        const url = `${baseUrl}/v/${CODE}?lang=bn`;
        const weight = await firstPageWeight(baseUrl, url);
        const rate = await measureHttp("voice.form_page", url, loadSettings(ctx.quick));
        // Reports are limited per source (5 an hour): time that many, each as a plain form post.
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          const r = await fetch(`${baseUrl}/v/${CODE}`, {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
            body: `lang=bn&category=fees&happened=this_month&details=bench+report+${i}`,
          });
          const text = await r.text();
          times.push(performance.now() - t);
          if (r.status !== 200 || !/data-testid="case-number"/.test(text)) {
            return [{ figure: "voice.report_stored", error: `POST /v/<code> answered ${r.status} without a case number` }];
          }
        }
        log(`voice: first page ${round(weight.gzip / 1024, 1)} KB gzip, ${weight.scripts} scripts; report ${round(median(times), 1)} ms`);
        return [
          { figure: "voice.first_page_kb", unit: "KB", value: round(weight.gzip / 1024, 1), scripts: weight.scripts, goal: "< 30" },
          compareWithFloor(rate, login, "rate", "<= 1"),
          {
            figure: "voice.report_stored",
            unit: "ms",
            value: round(median(times), 1),
            max_ms: round(Math.max(...times), 1),
            requests: times.length,
            goal: "< 100",
            note: "sequential form posts on 127.0.0.1 (argon2id hash of the passphrase included); five, the per-source limit",
          },
        ];
      });
    },
  },
];
