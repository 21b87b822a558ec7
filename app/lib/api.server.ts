// The REST API's frame (decision 0013). A route under /api/v1 declares its methods with apiRoute();
// every call then goes: method check (405) → key (401/403) → rate limit (429) → JSON body (415/400)
// → Idempotency-Key replay (POST) → the handler → the audit log (every call, under the key's name).
// Anything thrown becomes a problem+json answer: never HTML, never a stack trace.
import { createHash } from "node:crypto";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { hashToken } from "./crypto.server";
import { env } from "./env.server";
import { log } from "./logger.server";
import { apiJson, isProblemStatus, problem } from "./api-problem.server";
import type { OrgIdentity } from "./auth.server";
import { asSystem, setScopeOrg } from "~db/scope";
import { looksLikeKey, parseScopes, shouldTouch, unusableReason, type ApiScope } from "~/domain/api/keys";
import { FixedWindowLimiter, rateLimitHeaders, type RateDecision } from "~/domain/api/rate-limit";
import { findApiKeyByHash, findIdempotent, storeIdempotent, touchApiKey, type ApiKeyRow } from "~/models/api-key.server";
import { recordAudit } from "~/models/audit.server";
import { nowIso } from "./time";

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const API_METHODS: readonly ApiMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Who is calling: the key, its organisation, and an identity the services accept (the key's name as actor). */
export interface ApiCaller {
  key: ApiKeyRow;
  scopes: ApiScope[];
  ident: OrgIdentity;
}

export interface ApiArgs {
  request: Request;
  params: Record<string, string | undefined>;
  context: AppLoadContext;
  /** The parsed JSON body (POST, PUT, PATCH), or undefined. */
  body: unknown;
  ip: string;
}

export interface ApiMethodSpec {
  scope: ApiScope;
  handler: (caller: ApiCaller, args: ApiArgs) => Promise<Response>;
}

const WWW_AUTH = { "WWW-Authenticate": 'Bearer realm="lantern-api"' };
const IDEMPOTENCY_HOURS = 24;

/** The label the audit log shows for a key. */
export function keyLabel(name: string): string {
  return `API key “${name}”`;
}

/**
 * The key named in `Authorization: Bearer <key>`, checked (known, not revoked, not expired, allows
 * `scope`); the request's database scope becomes the key's organisation. Throws a problem otherwise.
 */
export async function requireApiKey(request: Request, context: AppLoadContext, scope: ApiScope): Promise<ApiCaller> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("Authorization") ?? "");
  if (!m) throw problem(401, "Send your API key as “Authorization: Bearer <key>”.", {}, WWW_AUTH);
  const secret = m[1]!;
  // Before the organisation is known: the one crossing path of the API, by the secret's digest only.
  const key = looksLikeKey(secret) ? await asSystem("api key lookup", () => findApiKeyByHash(context.db, hashToken(secret))) : undefined;
  if (!key) throw problem(401, "This API key is not known. Check that it was copied in full.", {}, WWW_AUTH);
  const why = unusableReason(key, nowIso());
  if (why)
    throw problem(
      401,
      `This API key was ${why === "revoked" ? "revoked" : "valid until " + key.expiresAt}. Ask an admin for a new one.`,
      {},
      WWW_AUTH,
    );
  setScopeOrg(key.orgId);
  const scopes = parseScopes(key.scopes);
  if (!scopes.includes(scope)) throw problem(403, `This key may only ${scopes.join(" and ")}; this call needs a key that may ${scope}.`);
  // Changes are made in the name of the admin who created the key; once that account is gone, the key only reads.
  if (scope === "write" && key.createdBy === null)
    throw problem(403, "The admin who created this key no longer has an account, so it may only read. Ask an admin for a new key.");
  const label = keyLabel(key.name);
  const org = key.org;
  // The services audit under the identity's user: the key's name, and the admin who created it (0 only for read calls).
  const ident: OrgIdentity = { user: { sessionId: "", userId: key.createdBy ?? 0, email: label, name: label }, org, role: "admin" };
  return { key, scopes, ident };
}

// Per process: with N servers behind a balancer a key gets up to N times the limit (decision 0013).
const limiter = new FixedWindowLimiter();

function takeRate(key: ApiKeyRow): RateDecision {
  return limiter.take(`key:${key.id}:${key.createdAt}`, env().API_RATE_LIMIT, Date.now());
}

async function readBody(request: Request): Promise<{ raw: string; body: unknown } | Response> {
  const raw = await request.text().catch(() => null);
  if (raw === null) return problem(400, "The request body could not be read.");
  if (raw.trim() === "") return { raw, body: undefined };
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]*\+json$/.test(type))
    return problem(415, "Send the body as JSON with “Content-Type: application/json”.");
  try {
    return { raw, body: JSON.parse(raw) as unknown };
  } catch (e) {
    return problem(400, `The body is not valid JSON: ${e instanceof Error ? e.message : "cannot be parsed"}.`);
  }
}

function asResponse(e: unknown): Response {
  if (e instanceof Response) {
    if ((e.headers.get("Content-Type") ?? "").includes("json")) return e;
    return problem(isProblemStatus(e.status) ? e.status : 400, e.statusText || "The request could not be handled.");
  }
  log.error("api handler failed", { error: e instanceof Error ? e.stack : String(e) });
  return problem(500, "Something went wrong on our side. Please try again; the call was not completed.");
}

/** The stored answer for this Idempotency-Key, a refusal (same key, another body), or null (first use). */
async function idempotent(caller: ApiCaller, args: ApiArgs, idemKey: string, requestHash: string): Promise<Response | null> {
  const since = new Date(Date.now() - IDEMPOTENCY_HOURS * 3600_000).toISOString();
  const stored = await findIdempotent(args.context.db, caller.key.orgId, caller.key.id, idemKey, since);
  if (!stored) return null;
  if (stored.requestHash !== requestHash)
    return problem(422, "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
  return new Response(stored.body, { status: stored.status, headers: { ...stored.headers, "Idempotent-Replayed": "true" } });
}

async function runMethod(spec: ApiMethodSpec, args: Omit<ApiArgs, "body" | "ip">): Promise<{ res: Response; caller?: ApiCaller }> {
  const { request, context } = args;
  const caller = await requireApiKey(request, context, spec.scope);
  const rate = takeRate(caller.key);
  const withRate = (res: Response) => {
    for (const [k, v] of Object.entries(rateLimitHeaders(rate))) res.headers.set(k, v);
    return res;
  };
  if (!rate.allowed)
    return { res: withRate(problem(429, `This key made too many calls; try again in ${rate.resetSeconds} seconds.`)), caller };
  let full: ApiArgs = { ...args, body: undefined, ip: context.clientIp };
  let raw = "";
  if (request.method !== "GET" && request.method !== "DELETE") {
    const b = await readBody(request);
    if (b instanceof Response) return { res: withRate(b), caller };
    full = { ...full, body: b.body };
    raw = b.raw;
  }
  const idemKey = request.method === "POST" ? request.headers.get("Idempotency-Key") : null;
  if (idemKey !== null && !/^[\x21-\x7e]{1,200}$/.test(idemKey))
    return { res: withRate(problem(400, "An Idempotency-Key is 1 to 200 visible ASCII characters.")), caller };
  const requestHash = createHash("sha256")
    .update(`${request.method} ${new URL(request.url).pathname}\n${raw}`)
    .digest("hex");
  if (idemKey) {
    const replay = await idempotent(caller, full, idemKey, requestHash);
    if (replay) return { res: withRate(replay), caller };
  }
  const res = await spec.handler(caller, full).catch(asResponse);
  if (idemKey && res.status < 500) {
    const body = await res.clone().text();
    const headers: Record<string, string> = {};
    for (const h of ["Content-Type", "Location", "ETag"]) if (res.headers.get(h)) headers[h] = res.headers.get(h)!;
    await storeIdempotent(context.db, caller.key.orgId, caller.key.id, idemKey, { requestHash, status: res.status, headers, body });
  }
  return { res: withRate(res), caller };
}

async function audit(context: AppLoadContext, caller: ApiCaller, request: Request, status: number): Promise<void> {
  const url = new URL(request.url);
  const now = nowIso();
  await recordAudit(context.db, {
    orgId: caller.key.orgId,
    actorUserId: null,
    actorLabel: keyLabel(caller.key.name),
    action: "api.call",
    entity: "api_key",
    entityId: caller.key.id,
    diff: { method: request.method, path: url.pathname, query: url.search || undefined, status },
    ip: context.clientIp,
  });
  if (shouldTouch(caller.key.lastUsedAt, Date.now())) await touchApiKey(context.db, caller.key.orgId, caller.key.id, now);
}

/** A route's loader and action from its methods: `export const { loader, action } = apiRoute({ GET: …, POST: … })`. */
export function apiRoute(methods: Partial<Record<ApiMethod, ApiMethodSpec>>) {
  const allow = API_METHODS.filter((m) => methods[m]).join(", ");
  async function handle({ request, params, context }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
    const spec = methods[request.method.toUpperCase() as ApiMethod];
    if (!spec) return problem(405, `This resource answers ${allow}.`, {}, { Allow: allow });
    let outcome: { res: Response; caller?: ApiCaller };
    try {
      outcome = await runMethod(spec, { request, params, context });
    } catch (e) {
      return asResponse(e); // the key was refused: nothing to audit under a key
    }
    if (outcome.caller)
      await audit(context, outcome.caller, request, outcome.res.status).catch((e) => log.error("api audit failed", { e }));
    return outcome.res;
  }
  return { loader: handle, action: handle };
}

export { apiJson };
