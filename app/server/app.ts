import "~/load-context";
// The HTTP server: static files, security headers, CSRF check, request log, body limits, and the Remix handler.
// Split from main.ts so tests can start it on a free port with their own database.
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import compression from "compression";
import path from "node:path";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { Db } from "~db/client";
import { contentSecurityPolicy, isCrossSiteRequest } from "~/domain/security";
import { newNonce } from "~/lib/crypto.server";
import { env } from "~/lib/env.server";
import { isUnloggedPath, log, redactPath } from "~/lib/logger.server";
import { createShedder } from "./shed";
import { bodyLimit, createRemixHandler } from "./body-limit";
import { createHealthCheck, type HealthCheck } from "./health";
import { runInRequestScope } from "~db/scope";

export function createApp(opts: { build: ServerBuild; db: Db; publicDir: string; health?: HealthCheck }) {
  const health = opts.health ?? createHealthCheck(opts.db);
  const app = express();
  const e = env();
  app.disable("x-powered-by");
  // Forwarded client addresses only from the configured load balancers (TRUST_PROXY).
  if (e.TRUST_PROXY.length > 0) app.set("trust proxy", e.TRUST_PROXY);
  app.use(compression());

  // Fingerprinted build assets are immutable; the rest of public/ is cached briefly.
  app.use("/build", express.static(path.join(opts.publicDir, "build"), { immutable: true, maxAge: "1y" }));
  // Other public files (favicon…): only paths that look like files reach the disk, so page requests
  // do not pay for a failed stat.
  const publicFiles = express.static(opts.publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.[A-Za-z0-9]{1,8}$/.test(req.path) ? publicFiles(req, res, next) : next()));

  app.use((req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const nonce = newNonce();
    res.locals.nonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Referrer-Policy is set per response in app/entry.server.tsx: token pages need "no-referrer",
    // and the Remix adapter appends route headers instead of replacing ours.
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (e.appUrl.startsWith("https://")) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    res.on("finish", () => {
      if (isUnloggedPath(req.originalUrl)) return; // worker voice: no trace of who reported, or when
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info("request", { method: req.method, path: redactPath(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  });

  // CSRF: refuse state-changing requests that a browser marks as coming from another site.
  app.use((req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const expectedOrigin = `${req.protocol}://${req.get("host") ?? ""}`;
    const crossSite = isCrossSiteRequest({
      method: req.method,
      secFetchSite: req.get("sec-fetch-site") ?? null,
      origin: req.get("origin") ?? null,
      expectedOrigin,
    });
    if (crossSite) {
      res.status(403).type("text/plain").send("Cross-site request refused.");
      return;
    }
    // A same-origin form post from a page under Referrer-Policy: no-referrer (invite and reset links)
    // carries "Origin: null". The browser has already told us it is same-origin (Sec-Fetch-Site),
    // so drop the opaque Origin rather than let Remix's own origin check refuse the post.
    if (req.get("origin") === "null" && req.get("sec-fetch-site") === "same-origin") delete req.headers.origin;
    next();
  });

  const shedder = createShedder({
    maxInflight: e.SHED_MAX_INFLIGHT,
    maxQueue: e.SHED_QUEUE,
    queueTimeoutMs: e.SHED_QUEUE_MS,
    maxLagMs: e.SHED_MAX_LAG_MS,
  });
  app.get("/healthz", (req, res, next) => {
    // Ready (200 "ok") or not (503 with the reason): see health.ts. ?detail adds the load-shedding
    // counters (read by the overload bench), for the machine itself only: they would help an
    // outsider time an attack.
    const local = ["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(req.socket.remoteAddress ?? "");
    health
      .check()
      .then((r) => {
        res.status(r.ready ? 200 : 503);
        if (req.query.detail !== undefined && local) res.json({ status: r.ready ? "ok" : r.reason, shed: shedder.stats() });
        else res.type("text/plain").send(r.ready ? "ok" : `not ready: ${r.reason}`);
      })
      .catch(next);
  });
  // Every body is capped before anything parses it (413); before the shedder, so a slow sender holds
  // a connection but never one of the request slots.
  app.use(bodyLimit());
  // After static files and /healthz, so assets and health checks answer even under overload.
  app.use(shedder.middleware);

  const remix = createRemixHandler({
    build: opts.build,
    mode: e.NODE_ENV === "production" ? "production" : "development",
    getLoadContext: (req, res): AppLoadContext => ({
      db: opts.db.db,
      engine: opts.db.engine,
      nonce: String(res.locals.nonce ?? ""),
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  });
  // The request keeps its slot until the handler is done, even if the client left before the answer.
  // Each request starts with an empty database scope (no tenant row visible on PostgreSQL); the
  // guards (requireUser, requireOrg, the portal's) fill it in once they know who is asking.
  app.all("*", (req, res, next) => runInRequestScope(() => shedder.track(res, remix(req, res, next))));

  // Last resort: never a stack trace.
  app.use((err: unknown, _req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    void next;
    log.error("unhandled error", { error: err instanceof Error ? err.stack : String(err) });
    if (!res.headersSent) res.status(500).type("text/plain").send("Something went wrong on our side. Please try again.");
  });
  return app;
}
