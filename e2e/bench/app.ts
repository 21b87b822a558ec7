// Figures measured against the real app (started as a child process exactly as `npm run serve` does).
import fs from "node:fs";
import path from "node:path";
import { freePort, HOST, loadSettings, measureHttp, runToCompletion, withServer } from "./http";
import { compareWithFloor, log, REPO_ROOT, TSX_BIN, type BenchContext, type BenchRecord, type FigureDef } from "./lib";

const SERVER_ENTRY = "app/server/main.ts";

/** The environment the app server runs with (production mode, 127.0.0.1, the given database and port). */
function appEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return { ...process.env, PORT: String(port), HOST, NODE_ENV: "production", DATABASE_URL: databaseUrl };
}

function checkAppFiles(): void {
  if (!fs.existsSync(path.join(REPO_ROOT, SERVER_ENTRY))) throw new Error(`${SERVER_ENTRY} does not exist`);
  if (!fs.existsSync(path.join(REPO_ROOT, "build/index.js"))) {
    log("warning: build/index.js is missing — run `remix build` first (npm run bench does)");
  }
}

/**
 * Migrates and seeds a fresh SQLite database in a temp dir, starts the app on a free port
 * (production mode, 127.0.0.1), waits for /healthz, runs `body`, and stops the server's process group.
 */
export async function withApp<T>(ctx: BenchContext, body: (baseUrl: string) => Promise<T>): Promise<T> {
  checkAppFiles();
  const databaseUrl = `file:${path.join(ctx.tmpDir("app"), "bench.db")}`;
  const port = await freePort();
  const env = appEnv(databaseUrl, port);
  await runToCompletion("migrate", TSX_BIN, ["db/cli/migrate.ts"], env);
  await runToCompletion("seed", TSX_BIN, ["db/cli/seed.ts"], env);
  return withServer(
    { label: "app server", command: TSX_BIN, args: [SERVER_ENTRY], env, port, readyPath: "/healthz", readyTimeoutMs: 30_000 },
    ({ baseUrl }) => body(baseUrl),
  );
}

/**
 * Like withApp, but on a database the caller prepared (already migrated and filled, e.g. the
 * 100,000-supplier tenant of registry.ts): no migration, no seed.
 */
export async function withAppOnDatabase<T>(databaseUrl: string, body: (baseUrl: string) => Promise<T>): Promise<T> {
  checkAppFiles();
  const port = await freePort();
  return withServer(
    {
      label: "app server",
      command: TSX_BIN,
      args: [SERVER_ENTRY],
      env: appEnv(databaseUrl, port),
      port,
      readyPath: "/healthz",
      readyTimeoutMs: 30_000,
    },
    ({ baseUrl }) => body(baseUrl),
  );
}

/** A GET page of the app under load, compared with floor.http.bare (ratio = bare req/s ÷ app req/s). */
export function pageFigure(figure: string, pathname: string, description: string, goal?: string): FigureDef {
  return {
    figures: [figure],
    description,
    async run(ctx) {
      // The floor runs first (if not already in this run), so the two servers never overlap.
      const floor = await ctx.floor("floor.http.bare");
      const record: BenchRecord = await withApp(ctx, async (baseUrl) => {
        const probe = await fetch(baseUrl + pathname, { redirect: "manual" });
        const text = await probe.text();
        if (probe.status !== 200) {
          throw new Error(`GET ${pathname} answered ${probe.status} before the load test: ${text.slice(0, 300)}`);
        }
        return measureHttp(figure, baseUrl + pathname, loadSettings(ctx.quick));
      });
      if (record.error) return [record];
      return [compareWithFloor(record, floor, "rate", goal)];
    },
  };
}

export const appFigures: FigureDef[] = [
  pageFigure("app.http.login_page", "/login", "the Remix login page (GET /login) of the real app, autocannon, 10 connections"),
];
