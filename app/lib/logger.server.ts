// Structured JSON lines on stdout. Paths pass through redactPath so invite/reset tokens never reach logs.
import { decodeSegment } from "~/domain/request-path";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

let threshold: number = ORDER[(process.env.LOG_LEVEL as Level | undefined) ?? "info"] ?? ORDER.info;

export function setLogLevel(level: Level | "silent"): void {
  threshold = ORDER[level];
}

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < threshold) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export const log = {
  debug: (msg: string, f?: Record<string, unknown>) => write("debug", msg, f),
  info: (msg: string, f?: Record<string, unknown>) => write("info", msg, f),
  warn: (msg: string, f?: Record<string, unknown>) => write("warn", msg, f),
  error: (msg: string, f?: Record<string, unknown>) => write("error", msg, f),
};

/**
 * Paths never written to the request log: the worker-voice pages (/v/…), so the log holds no trace of
 * who opened a report form or a case, or when. Read the way the router matches (escapes decoded, case
 * ignored, empty segments skipped), like redactPath.
 */
export function isUnloggedPath(path: string): boolean {
  const cut = path.search(/[?#]/);
  const pathname = cut === -1 ? path : path.slice(0, cut);
  const first = pathname.split("/").find((p) => p !== "");
  return first !== undefined && decodeSegment(first).toLowerCase() === "v";
}

// Routes whose next path segment is a secret link token. Keys are the route's segments, lower-case.
const TOKEN_ROUTES: ReadonlyArray<readonly string[]> = [["s"], ["join"], ["reset-password"], ["signup", "confirm"]];
// Query parameters that carry a token (compared lower-case, after decoding).
const TOKEN_PARAMS = new Set(["token", "t"]);

/**
 * Token-bearing URL segments are replaced by "…" before a path is logged. The path is read the way
 * the router matches it (percent-escapes decoded, case ignored, empty segments skipped), so /S/<token>
 * and /%73/<token>, which the router serves as /s/<token>, are redacted too.
 */
export function redactPath(path: string): string {
  const cut = path.search(/[?#]/);
  const pathname = cut === -1 ? path : path.slice(0, cut);
  const rest = cut === -1 ? "" : path.slice(cut);
  return redactPathname(pathname) + redactQuery(rest);
}

function redactPathname(pathname: string): string {
  const raw = pathname.split("/").filter((p, i, all) => p !== "" || i === all.length - 1);
  const folded = raw.map((p) => decodeSegment(p).toLowerCase());
  for (const route of TOKEN_ROUTES) {
    if (!route.every((seg, i) => folded[i] === seg)) continue;
    const token = folded[route.length];
    // /s/portal is the portal itself (a session, not a link token).
    if (token === undefined || token === "" || (route[0] === "s" && token === "portal")) {
      return "/" + [...route, ...raw.slice(route.length)].join("/");
    }
    return "/" + [...route, "…", ...raw.slice(route.length + 1)].join("/");
  }
  return pathname;
}

function redactQuery(rest: string): string {
  if (!rest.startsWith("?")) return rest;
  const hash = rest.indexOf("#");
  const query = hash === -1 ? rest.slice(1) : rest.slice(1, hash);
  const tail = hash === -1 ? "" : rest.slice(hash);
  const pairs = query.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    if (eq === -1) return pair;
    const name = decodeSegment(pair.slice(0, eq).replace(/\+/g, " ")).toLowerCase();
    return TOKEN_PARAMS.has(name) ? `${pair.slice(0, eq)}=…` : pair;
  });
  return "?" + pairs.join("&") + tail;
}
