// Database-backed sessions. The cookie holds a random token; the sessions table holds its sha256,
// so sessions are revocable server-side and a leaked table cannot be replayed.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { newToken, hashToken } from "./crypto.server";
import { env } from "./env.server";
import { addMinutes, nowIso } from "./time";
import { log } from "./logger.server";
import { deleteSession, deleteUserSessions, findSessionWithUser, insertSession, touchSession } from "~/models/session.server";

export const SESSION_COOKIE = "lantern_session";
const TOUCH_EVERY_MS = 60_000; // write last_seen_at at most once a minute per session

export interface SessionUser {
  sessionId: string;
  userId: number;
  email: string;
  name: string;
  /** How the session was made: a password, or single sign-on through organisation ssoOrgId (absent: password). */
  authMethod?: "password" | "sso";
  ssoOrgId?: number | null;
}

function cookieAttributes(maxAgeSeconds: number): string {
  const parts = [`Path=/`, `HttpOnly`, `SameSite=Lax`, `Max-Age=${maxAgeSeconds}`];
  if (env().cookieSecure) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * Starts a new session (always a new id: a session id from before login is never reused, which
 * defeats session fixation) and returns its Set-Cookie header.
 */
export async function startSession(
  db: Kysely<Database>,
  userId: number,
  meta: { ip: string | null; userAgent: string | null; sso?: { orgId: number } },
  now = new Date(),
): Promise<{ cookie: string; sessionId: string }> {
  const token = newToken();
  const id = hashToken(token);
  const e = env();
  await insertSession(db, {
    id,
    user_id: userId,
    created_at: nowIso(now),
    last_seen_at: nowIso(now),
    expires_at: nowIso(addMinutes(now, e.SESSION_ABSOLUTE_HOURS * 60)),
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    auth_method: meta.sso ? "sso" : "password",
    sso_org_id: meta.sso?.orgId ?? null,
  });
  return { cookie: `${SESSION_COOKIE}=${token}; ${cookieAttributes(e.SESSION_ABSOLUTE_HOURS * 3600)}`, sessionId: id };
}

export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(0)}`;
}

/** The signed-in user, or null when there is no valid session (unknown, idle too long, or past its absolute expiry). */
export async function getSessionUser(db: Kysely<Database>, request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const id = hashToken(token);
  const s = await findSessionWithUser(db, id);
  if (!s) return null;
  const idleLimit = addMinutes(new Date(s.lastSeenAt), env().SESSION_IDLE_MINUTES);
  if (now >= new Date(s.expiresAt) || now >= idleLimit) {
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - new Date(s.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    // Only the idle clock: when the write cannot be made now (SQLite busy for seconds under a
    // 100,000-row import commit), the request still goes on; the next request a minute on tries again.
    try {
      await touchSession(db, id, nowIso(now));
    } catch (err) {
      log.warn("session refresh skipped", { error: err instanceof Error ? err.message : String(err) });
    }
  }
  return {
    sessionId: s.sessionId,
    userId: s.userId,
    email: s.email,
    name: s.name,
    authMethod: s.authMethod === "sso" ? "sso" : "password",
    ssoOrgId: s.ssoOrgId,
  };
}

export async function endSession(db: Kysely<Database>, request: Request): Promise<void> {
  const token = readSessionToken(request);
  if (token) await deleteSession(db, hashToken(token));
}

export async function endAllSessions(db: Kysely<Database>, userId: number, exceptSessionId?: string): Promise<void> {
  await deleteUserSessions(db, userId, exceptSessionId);
}
