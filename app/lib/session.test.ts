import { afterEach, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { getSessionUser, readSessionToken, startSession } from "./session.server";
import { resetEnvCache } from "./env.server";

function cookieHeader(setCookie: string) {
  return setCookie.split(";")[0]!;
}
const req = (cookie: string) => new Request("http://x/", { headers: { Cookie: cookie } });

afterEach(() => {
  delete process.env.COOKIE_SECURE;
  resetEnvCache();
});

describeEachEngine("sessions", (h) => {
  it("expires a session after the idle limit and after the absolute limit", async () => {
    const { users } = await makeOrg(h(), "ses", [["s@ses.test", "admin"]]);
    const uid = users["s@ses.test"]!;
    const t0 = new Date("2026-01-01T08:00:00.000Z");
    const s = await startSession(h().db, uid, { ip: null, userAgent: null }, t0);
    const c = cookieHeader(s.cookie);
    expect((await getSessionUser(h().db, req(c), new Date("2026-01-01T12:00:00.000Z")))?.userId).toBe(uid);
    // 8 h 1 min after the last activity (12:00): idle timeout
    expect(await getSessionUser(h().db, req(c), new Date("2026-01-01T20:01:00.000Z"))).toBeNull();
    // the row is gone, not just ignored
    expect(await h().db.selectFrom("sessions").select("id").where("id", "=", s.sessionId).executeTakeFirst()).toBeUndefined();

    const s2 = await startSession(h().db, uid, { ip: null, userAgent: null }, t0);
    const c2 = cookieHeader(s2.cookie);
    // active every few hours for a week: still ends at the absolute limit (7 days)
    for (let hrs = 4; hrs < 7 * 24; hrs += 4) {
      expect(await getSessionUser(h().db, req(c2), new Date(t0.getTime() + hrs * 3600_000)), `hour ${hrs}`).not.toBeNull();
    }
    expect(await getSessionUser(h().db, req(c2), new Date(t0.getTime() + 7 * 24 * 3600_000 + 60_000))).toBeNull();
  });

  it("keeps the user signed in when the idle clock cannot be written (a busy database), and writes it next time", async () => {
    const { users } = await makeOrg(h(), "busy", [["b@busy.test", "admin"]]);
    const uid = users["b@busy.test"]!;
    const t0 = new Date("2026-01-01T08:00:00.000Z");
    const s = await startSession(h().db, uid, { ip: null, userAgent: null }, t0);
    // Every UPDATE fails, as SQLite answers "database is locked" while a long import commit holds the write lock.
    const busy = h().db.withPlugin({
      transformQuery: (args) => {
        if (args.node.kind === "UpdateQueryNode") throw new Error("database is locked");
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const later = new Date("2026-01-01T09:00:00.000Z");
    expect((await getSessionUser(busy, req(cookieHeader(s.cookie)), later))?.userId).toBe(uid);
    const seen = async () =>
      (await h().db.selectFrom("sessions").select("last_seen_at").where("id", "=", s.sessionId).executeTakeFirstOrThrow()).last_seen_at;
    expect(await seen()).toBe(t0.toISOString());
    expect((await getSessionUser(h().db, req(cookieHeader(s.cookie)), later))?.userId).toBe(uid);
    expect(await seen()).toBe(later.toISOString());
  });

  it("marks the cookie Secure when configured (the default in production)", async () => {
    process.env.COOKIE_SECURE = "true";
    resetEnvCache();
    const { users } = await makeOrg(h(), "sec", [["x@sec.test", "admin"]]);
    const s = await startSession(h().db, users["x@sec.test"]!, { ip: null, userAgent: null });
    expect(s.cookie).toMatch(/; Secure/);
    expect(readSessionToken(req(cookieHeader(s.cookie)))).toHaveLength(43);
    expect(readSessionToken(req("lantern_session=../../etc"))).toBeNull();
  });
});
