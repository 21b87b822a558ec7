// Request bodies are capped before anything parses them: a declared oversized body is refused at once,
// a chunked one (no Content-Length) is counted while it streams and cut at the limit. Through the real
// app (createApp: the limit sits in front of Remix, so an anonymous route is covered without a build),
// and on a small server with the same middleware and the Remix request it hands on.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { DEFAULT_MAX_BYTES } from "~/domain/csv/parse";
import { UPLOAD_LIMITS } from "~/domain/upload/limits";
import { createApp } from "./app";
import { BODY_LIMITS, DEFAULT_BODY_LIMIT, bodyLimit, bodyLimitFor, remixRequest } from "./body-limit";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(app: express.Express): Promise<string> {
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Sent {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Bytes the client managed to write before the answer came (or the server hung up). */
  written: number;
}

/**
 * POSTs `total` bytes in 16 KB chunks — chunked, or with a Content-Length when `declare` is given —
 * and stops writing as soon as the server answers.
 */
function send(base: string, path: string, total: number, opts: { declare?: number; type?: string } = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const headers: Record<string, string> = { "Content-Type": opts.type ?? "application/x-www-form-urlencoded" };
    if (opts.declare !== undefined) headers["Content-Length"] = String(opts.declare);
    let written = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers, written }));
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (!answered && written < total) {
        const n = Math.min(chunk.length, total - written);
        written += n;
        if (!req.write(chunk.subarray(0, n))) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && opts.declare === undefined) req.end();
    };
    pump();
  });
}

describe("bodyLimitFor", () => {
  it("gives every route the default unless the table says otherwise, matched as the router matches", () => {
    expect(bodyLimitFor("/forgot-password")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/login")).toBe(64 * 1024);
    expect(bodyLimitFor("/o/acme/suppliers/new")).toBe(DEFAULT_BODY_LIMIT);
    // uploads keep room for their files (each route still checks every file while it streams)
    expect(bodyLimitFor("/s/portal/files")).toBeGreaterThan(UPLOAD_LIMITS.maxBytes);
    expect(bodyLimitFor("/o/acme/assessments/7/files")).toBeGreaterThan(UPLOAD_LIMITS.maxBytes);
    expect(bodyLimitFor("/o/acme/actions/7")).toBeGreaterThan(3 * UPLOAD_LIMITS.maxBytes);
    expect(bodyLimitFor("/s/portal/actions")).toBeGreaterThan(3 * UPLOAD_LIMITS.maxBytes);
    // the supplier CSV import takes a file up to the import's own limit
    expect(bodyLimitFor("/o/acme/suppliers/import")).toBeGreaterThan(DEFAULT_MAX_BYTES);
    expect(bodyLimitFor("/O/acme/Suppliers/%69mport/")).toBe(bodyLimitFor("/o/acme/suppliers/import"));
    // a step of an import (mapping, commit) is a small form
    expect(bodyLimitFor("/o/acme/suppliers/import/12")).toBe(DEFAULT_BODY_LIMIT);
    expect(BODY_LIMITS.every((r) => r.route.startsWith("/") && r.limit > DEFAULT_BODY_LIMIT && r.why.length > 0)).toBe(true);
    // the upload routes answer their own limits first (in the portal, in the supplier's language)
    expect(
      BODY_LIMITS.filter((r) => r.routeChecksFirst)
        .map((r) => r.route)
        .sort(),
    ).toEqual([
      "/o/:org/actions/:id",
      "/o/:org/assessments/:id/files",
      "/o/:org/suppliers/:id/audits/:auditId",
      "/o/:org/suppliers/:id/audits/new",
      "/o/:org/suppliers/import",
      "/s/portal/actions",
      "/s/portal/files",
    ]);
    // site audits: the report (one evidence-sized file) and the findings file (2 MB)
    expect(bodyLimitFor("/o/acme/suppliers/7/audits/new")).toBeGreaterThan(UPLOAD_LIMITS.maxBytes);
    expect(bodyLimitFor("/o/acme/suppliers/7/audits/3")).toBeGreaterThan(2 * 1024 * 1024);
    expect(bodyLimitFor("/o/acme/suppliers/7/audits/3/report")).toBe(DEFAULT_BODY_LIMIT);
  });
});

describe("the real app", () => {
  async function app() {
    // The limit answers before Remix: neither a build nor a database is touched.
    return listen(createApp({ build: {} as ServerBuild, db: {} as Db, publicDir: "/nonexistent" }));
  }

  it("refuses a declared 50 MB body to /forgot-password with 413 before reading it", async () => {
    const base = await app();
    const r = await send(base, "/forgot-password", 256 * 1024, { declare: 50 * 1024 * 1024 });
    expect(r.status).toBe(413);
    expect(r.body).toMatch(/too large/i);
    expect(r.headers.connection).toBe("close");
  });

  it("cuts a chunked body without Content-Length at the limit, with 413", async () => {
    const base = await app();
    const r = await send(base, "/forgot-password", 8 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect(r.body).toMatch(/too large/i);
    // The server stopped reading near the limit instead of taking all 8 MB.
    expect(r.written).toBeLessThan(4 * 1024 * 1024);
  });

  it("answers a Remix data request's 413 as JSON the form can show", async () => {
    const base = await app();
    const r = await send(base, "/forgot-password?_data=routes%2Fforgot-password", 128 * 1024);
    expect(r.status).toBe(413);
    expect(r.headers["content-type"]).toMatch(/application\/json/);
    expect(JSON.parse(r.body)).toEqual({ formError: expect.stringMatching(/too large/i) });
  });
});

describe("the middleware and the request it hands to Remix", () => {
  async function small() {
    const app = express();
    app.use(bodyLimit({ defaultLimit: 1000, routes: [{ route: "/upload", limit: 5000, why: "test" }] }));
    app.post("*", async (req, res) => {
      const request = remixRequest(req, res);
      try {
        const text = await request.text();
        res.type("text/plain").send(`read ${text.length}`);
      } catch {
        // a body cut at its limit has had its 413 already
        if (!res.headersSent) res.status(400).type("text/plain").send("unreadable");
      }
    });
    return listen(app);
  }

  it("hands a body under the limit to the route intact, declared or chunked", async () => {
    const base = await small();
    expect((await send(base, "/form", 1000, { declare: 1000 })).body).toBe("read 1000");
    expect((await send(base, "/form", 999)).body).toBe("read 999");
    expect((await send(base, "/upload", 4500)).body).toBe("read 4500");
  });

  it("ends the route's read when the client leaves in the middle of a large body", async () => {
    let settled: (outcome: string) => void = () => {};
    const outcome = new Promise<string>((r) => (settled = r));
    const app = express();
    app.use(bodyLimit({ defaultLimit: 1000, routes: [{ route: "/upload", limit: 1_000_000, why: "test" }] }));
    app.post("*", (req, res) => {
      remixRequest(req, res)
        .text()
        .then(
          () => settled("read"),
          () => settled("failed"),
        );
    });
    const base = await listen(app);
    const req = http.request(new URL("/upload", base), { method: "POST", headers: { "Content-Type": "application/octet-stream" } });
    req.on("error", () => {});
    req.write(Buffer.alloc(20_000, "a"));
    await new Promise((r) => setTimeout(r, 100));
    req.destroy();
    expect(await Promise.race([outcome, new Promise((r) => setTimeout(() => r("still waiting"), 3000))])).toBe("failed");
  });

  it("cuts an oversized chunked upload the route has not started reading without an uncaught error in the process", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      const app = express();
      app.use(bodyLimit({ defaultLimit: 1000, routes: [{ route: "/upload", limit: 5000, why: "test" }] }));
      // A route still busy with something else (a rate-limit lookup, say) when the body passes its limit.
      app.post("/upload", (req, res) => {
        const request = remixRequest(req, res);
        setTimeout(() => void request.text().catch(() => undefined), 300);
      });
      const base = await listen(app);
      expect((await send(base, "/upload", 50_000)).status).toBe(413);
      await new Promise((r) => setTimeout(r, 500));
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });

  it("leaves an announced oversized upload to the route's own refusal, and still cuts a chunked one at the backstop", async () => {
    const app = express();
    app.use(bodyLimit({ defaultLimit: 1000, routes: [{ route: "/upload", limit: 5000, why: "test", routeChecksFirst: true }] }));
    app.post("/upload", (req, res) => {
      // the route's own check, in its own words
      if (Number(req.headers["content-length"] ?? "0") > 4000) return void res.status(413).json({ messageKey: "ui.upload.too_large" });
      remixRequest(req, res)
        .text()
        .then(
          (t) => res.type("text/plain").send(`read ${t.length}`),
          () => (res.headersSent ? undefined : res.status(400).send("unreadable")),
        );
    });
    const base = await listen(app);
    const declared = await send(base, "/upload", 6000, { declare: 6000, type: "multipart/form-data; boundary=x" });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ messageKey: "ui.upload.too_large" });
    expect((await send(base, "/upload", 5001)).status).toBe(413);
    expect((await send(base, "/upload", 5000)).body).toBe("read 5000");
  });

  it("refuses one byte over the route's limit, declared or chunked", async () => {
    const base = await small();
    expect((await send(base, "/form", 1001, { declare: 1001 })).status).toBe(413);
    expect((await send(base, "/form", 1001)).status).toBe(413);
    expect((await send(base, "/upload", 5001, { declare: 5001 })).status).toBe(413);
    expect((await send(base, "/upload", 5001)).status).toBe(413);
    expect((await send(base, "/UPLOAD", 4500)).body).toBe("read 4500");
  });
});
