// Every request body is capped before anything parses it. Without this, Remix's request.formData()
// reads whatever arrives: 50 MB posted to an anonymous form was read and parsed in full.
//
// - A body whose Content-Length exceeds the route's limit is refused with 413 before a byte is read.
// - Otherwise the bytes are counted as they arrive (a chunked body has no Content-Length, and only the
//   count holds then) and the request is cut with 413 at the limit.
// - Ordinary forms (the default limit) are read into memory here, in full, before Remix runs: no route
//   ever sees a body over its limit. Routes with a larger limit (uploads) get the body as a stream that
//   breaks at the limit, with the 413 sent at that moment whatever the route makes of the broken
//   stream; those routes also check each file while it streams (app/services/action-upload.server.ts).
//
// Remix's Express adapter reads the body straight from the Node request, so it cannot be handed a
// checked body: remixRequest() below builds the Remix request as the adapter does, from that body.
import { Transform, type TransformCallback } from "node:stream";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import {
  createReadableStreamFromReadable,
  createRequestHandler as createRemixRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import { DEFAULT_MAX_BYTES } from "~/domain/csv/parse";
import { matchesRoute } from "~/domain/request-path";
import { EVIDENCE_LIMITS } from "~/domain/questionnaire/types";
import { UPLOAD_LIMITS } from "~/domain/upload/limits";
import { MAX_FILES_PER_ENTRY } from "~/services/actions.server";
import { FINDINGS_FILE_MAX_BYTES } from "~/lib/upload/audit-finding-sheet.server";

const KB = 1024;

/** Every body not named below: a form of text fields (the largest, a questionnaire section, is a few KB). */
export const DEFAULT_BODY_LIMIT = 64 * KB;
/** Room for a multipart envelope and the text fields around the files. */
const ENVELOPE = 64 * KB;

export interface RouteBodyLimit {
  /** The route as the router matches it: "/o/:org/actions/:id". */
  route: string;
  limit: number;
  why: string;
  /**
   * The route enforces its own, smaller limit (from Content-Length and while it streams) and answers
   * it in its own words (the portal's in the supplier's language): this limit is only the backstop, cut
   * while streaming, and an announced oversized body is left for the route to refuse.
   */
  routeChecksFirst?: boolean;
}

// The upload routes' own limits (what they pass to parseUpload / check against Content-Length).
const EVIDENCE_BODY = EVIDENCE_LIMITS.maxBytes + ENVELOPE;
const ACTION_BODY = MAX_FILES_PER_ENTRY * UPLOAD_LIMITS.maxBytes + ENVELOPE;
const CSV_IMPORT_BODY = DEFAULT_MAX_BYTES + ENVELOPE;

/** Routes that accept files: each checks its body and every file (size, type) while it streams. */
export const UPLOAD_BODY_LIMITS: readonly RouteBodyLimit[] = [
  {
    route: "/o/:org/assessments/:id/files",
    limit: EVIDENCE_BODY + ENVELOPE,
    routeChecksFirst: true,
    why: "one evidence file uploaded by the officer",
  },
  { route: "/s/portal/files", limit: EVIDENCE_BODY + ENVELOPE, routeChecksFirst: true, why: "one evidence file uploaded by the supplier" },
  { route: "/o/:org/actions/:id", limit: ACTION_BODY + ENVELOPE, routeChecksFirst: true, why: "a corrective-action note with its files" },
  {
    route: "/s/portal/actions",
    limit: ACTION_BODY + ENVELOPE,
    routeChecksFirst: true,
    why: "a supplier's reply on an action with its files",
  },
  {
    route: "/o/:org/suppliers/import",
    limit: CSV_IMPORT_BODY + ENVELOPE,
    routeChecksFirst: true,
    why: "a supplier CSV file (the import's own 50 MB file limit)",
  },
  {
    route: "/o/:org/suppliers/:id/audits/new",
    limit: UPLOAD_LIMITS.maxBytes + ENVELOPE + ENVELOPE,
    routeChecksFirst: true,
    why: "an audit with its report file",
  },
  {
    route: "/o/:org/suppliers/:id/audits/:auditId",
    limit: FINDINGS_FILE_MAX_BYTES + ENVELOPE + ENVELOPE,
    routeChecksFirst: true,
    why: "an audit's findings file (CSV or XLSX, 2 MB)",
  },
];

/**
 * Bulk API calls (none yet): a route that takes a large JSON or CSV body gets its limit here, e.g.
 * `{ route: "/api/v1/suppliers/bulk", limit: 10 * MB, why: "..." }`. Everything else keeps the default.
 */
export const BULK_API_BODY_LIMITS: readonly RouteBodyLimit[] = [
  { route: "/api/v1/suppliers/bulk", limit: 32 * 1024 * KB, why: "a bulk upsert of suppliers as JSON (50,000 rows at most)" },
];

export const BODY_LIMITS: readonly RouteBodyLimit[] = [...UPLOAD_BODY_LIMITS, ...BULK_API_BODY_LIMITS];

export interface BodyLimitOptions {
  defaultLimit: number;
  routes: readonly RouteBodyLimit[];
}

const DEFAULTS: BodyLimitOptions = { defaultLimit: DEFAULT_BODY_LIMIT, routes: BODY_LIMITS };

function ruleFor(pathname: string, opts: BodyLimitOptions): RouteBodyLimit | undefined {
  return opts.routes.find((r) => matchesRoute(pathname, r.route));
}

/** The most bytes a request body to `pathname` may have. */
export function bodyLimitFor(pathname: string, opts: BodyLimitOptions = DEFAULTS): number {
  return ruleFor(pathname, opts)?.limit ?? opts.defaultLimit;
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * KB ? `${Math.floor(bytes / (1024 * KB))} MB` : `${Math.floor(bytes / KB)} KB`;
}

// What the request stream state is kept under in res.locals.
interface BodyState {
  limit: number;
  /** The whole body, read here (default-limit routes). */
  buffered?: Buffer;
  /** The body as it arrives, counted (routes with a larger limit). */
  stream?: Transform;
  tooLarge?: boolean;
}
function state(res: ExpressResponse): BodyState | undefined {
  return res.locals.body as BodyState | undefined;
}

/** 413 with words: JSON a form shows as its error for a Remix data request, plain text otherwise. */
function sendTooLarge(req: ExpressRequest, res: ExpressResponse, limit: number): void {
  if (res.headersSent) return;
  const message = `The request is too large: this page accepts at most ${formatLimit(limit)}. Send less at once, or a smaller file.`;
  // Stop reading what the client still sends: close the connection once the answer is out, and
  // discard (not keep) what arrives meanwhile, for a moment, so the answer is not lost to a reset.
  res.setHeader("Connection", "close");
  res.once("finish", () => {
    req.resume();
    setTimeout(() => req.socket.destroy(), 1000).unref();
  });
  res.status(413);
  if (req.path.startsWith("/api/")) {
    res
      .type("application/problem+json")
      .send(JSON.stringify({ type: "/api/v1/docs#problem-too-large", title: "The request is too large", status: 413, detail: message }));
  } else if (typeof req.query._data === "string") res.json({ formError: message });
  else res.type("text/plain").send(message);
}

function hasBody(req: ExpressRequest): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** The middleware: put it in front of anything that reads a body. */
export function bodyLimit(opts: BodyLimitOptions = DEFAULTS) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    const rule = ruleFor(req.path, opts);
    const limit = rule?.limit ?? opts.defaultLimit;
    const declared = Number(req.headers["content-length"] ?? "0");
    if (!Number.isFinite(declared) || (declared > limit && !rule?.routeChecksFirst)) return sendTooLarge(req, res, limit);
    const s: BodyState = { limit };
    res.locals.body = s;

    if (limit > opts.defaultLimit) {
      // Large bodies stream to the route through a counter that breaks the stream at the limit.
      let seen = 0;
      s.stream = new Transform({
        transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
          seen += chunk.length;
          if (seen <= limit) return done(null, chunk);
          s.tooLarge = true;
          req.unpipe(s.stream);
          sendTooLarge(req, res, limit); // at once: the route may still be reading, or waiting
          done(new Error("request body too large"));
        },
      });
      // The cut is deliberate and its 413 is already sent: the route's read fails with it, but the
      // error must never reach the process as an uncaught exception when the route was not reading.
      s.stream.on("error", () => {});
      req.pipe(s.stream);
      // A client that leaves mid-body must end the route's read too (pipe() does not pass errors on),
      // or the route would wait for the rest forever, holding its request slot.
      req.once("close", () => {
        if (!req.complete) s.stream?.destroy(new Error("the client closed the connection mid-body"));
      });
      return next();
    }

    // Small bodies are read here, whole, before any route runs.
    const chunks: Buffer[] = [];
    let seen = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) {
        cleanup();
        req.pause();
        sendTooLarge(req, res, limit);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      s.buffered = Buffer.concat(chunks, seen);
      next();
    };
    // The client went away (or the connection broke) mid-body: nothing to parse, nobody to answer
    // unless the socket is still there.
    const onError = () => {
      cleanup();
      if (!res.headersSent && !req.socket.destroyed) res.status(400).type("text/plain").send("The request body could not be read.");
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}

/** Request headers as the Fetch API wants them (repeated headers appended), as Remix's adapter does. */
function fetchHeaders(h: ExpressRequest["headers"]): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const one of v) out.append(k, one);
    else out.set(k, v);
  }
  return out;
}

/**
 * The Remix (Fetch API) request for an Express request, built as @remix-run/express builds it, with
 * the body this module checked: the buffer read by bodyLimit(), or its counted stream.
 */
export function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname honours "trust proxy"; the port comes from X-Forwarded-Host or Host, as in the adapter.
  const portOf = (h: string | undefined) => {
    const n = Number.parseInt(h?.split(":")[1] ?? "", 10);
    return Number.isSafeInteger(n) ? n : undefined;
  };
  const port = portOf(req.get("X-Forwarded-Host")) ?? portOf(req.get("host"));
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  // Loaders and actions are aborted when the client goes away before the answer is written.
  let controller: AbortController | null = new AbortController();
  const signal = controller.signal;
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());

  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: fetchHeaders(req.headers), signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const s = state(res);
    if (s?.buffered)
      init.body = new Uint8Array(s.buffered); // a copy of at most the default limit
    else if (s?.stream) {
      init.body = createReadableStreamFromReadable(s.stream);
      init.duplex = "half";
    } else if (hasBody(req)) {
      // Not seen by bodyLimit() (it must run first): refuse to read an unchecked body.
      throw new Error("request body reached Remix without passing bodyLimit()");
    }
  }
  return new Request(url.href, init);
}

async function sendRemixResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The Remix handler for Express (in place of @remix-run/express's, which reads the raw request body):
 * the request carries the body bodyLimit() checked; a body cut at its limit has had its 413, whatever
 * the route makes of the broken stream.
 */
export function createRemixHandler(opts: {
  build: ServerBuild;
  mode: "production" | "development";
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRemixRequestHandler(opts.build, opts.mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction): Promise<void> => {
    try {
      const request = remixRequest(req, res);
      const response = await handle(request, opts.getLoadContext(req, res));
      // The body was cut at its limit: the 413 is already out, whatever the route answered.
      if (state(res)?.tooLarge) {
        await response.body?.cancel();
        return;
      }
      await sendRemixResponse(res, response);
    } catch (e) {
      next(e);
    }
  };
}
