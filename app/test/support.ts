// Helpers for integration tests of models, services and route loaders/actions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import "~/load-context";
import type { Db } from "~db/client";
import { insertUser } from "~/models/user.server";
import { addMember, insertOrg } from "~/models/org.server";
import { startSession } from "~/lib/session.server";
import { readToast } from "~/lib/toast.server";
import { resetEnvCache } from "~/lib/env.server";
import type { Role } from "~/domain/permissions";

// A real argon2id hash of "correct horse battery" (hashing in every test would be slow).
export const PASSWORD = "correct horse battery";
export const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$x3DkpsLJbnchC3zb/NlHEA$bQSjIfTOC1rm39AGqfSGDA7+HGQxX4iH/U0aP6U6JU0";

export function contextFor(handle: Db, ip = "203.0.113.7"): AppLoadContext {
  return { db: handle.db, engine: handle.engine, nonce: "", clientIp: ip };
}

export async function makeOrg(handle: Db, slug: string, members: Array<[string, Role]>) {
  const orgId = await insertOrg(handle.db, slug.toUpperCase(), slug);
  const users: Record<string, number> = {};
  for (const [email, role] of members) {
    const id = await insertUser(handle.db, { email, name: email.split("@")[0]!, passwordHash: PASSWORD_HASH });
    await addMember(handle.db, orgId, id, role);
    users[email] = id;
  }
  return { orgId, users };
}

/** A cookie header for a fresh session of this user. */
export async function cookieFor(handle: Db, userId: number): Promise<string> {
  const { cookie } = await startSession(handle.db, userId, { ip: null, userAgent: null });
  return cookie.split(";")[0]!;
}

export function get(path: string, cookie?: string): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, form: Record<string, string>, cookie?: string): Request {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie) headers.Cookie = cookie;
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: new URLSearchParams(form).toString() });
}

/** The toast a redirect leaves for the next page, read as the root loader reads it (null when none). */
export function toastOf(r: Response) {
  const cookie = r.headers.getSetCookie().find((c) => c.includes("lantern_toast="));
  return cookie ? readToast(new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } })).toast : null;
}

/** Runs fn and returns the Response it returned or threw (Remix guards throw responses). */
export async function responseOf(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const r = await fn();
    if (r instanceof Response) return r;
    throw new Error(`expected a Response, got ${JSON.stringify(r)}`);
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

import { afterAll, beforeAll, describe } from "vitest";
import { TEST_ENGINES } from "~db/testing";

/**
 * Runs a suite once per engine against a fresh, migrated database: SQLite always, PostgreSQL when
 * TEST_PG_URL is set (otherwise the suite is reported as skipped, with the reason in its name).
 */
export function describeEachEngine(title: string, suite: (h: () => Db) => void): void {
  for (const engine of TEST_ENGINES) {
    const name = `${title} [${engine.name}]${engine.skipReason ? ` — skipped: ${engine.skipReason}` : ""}`;
    describe.skipIf(Boolean(engine.skipReason))(name, () => {
      let handle: Db | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await engine.open();
        handle = opened.handle;
        cleanup = opened.cleanup;
      });
      afterAll(async () => {
        await cleanup?.();
      });
      suite(() => {
        if (!handle) throw new Error("database not open");
        return handle;
      });
    });
  }
}

/**
 * Points EVIDENCE_DIR at a fresh temporary folder for the file's tests and removes it afterwards.
 * Returns a getter for the folder (it exists from beforeAll on).
 */
export function withTemporaryEvidenceDir(prefix: string): () => string {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    process.env.EVIDENCE_DIR = dir;
    resetEnvCache();
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.EVIDENCE_DIR;
    resetEnvCache();
  });
  return () => dir;
}
