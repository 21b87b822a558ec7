import { beforeAll, expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { hashToken } from "~/lib/crypto.server";
import { describeLink, openSupplierSession, requestNewLink, revokeAssessmentLinks, sendAssessmentInvite } from "./invites.server";
import { getSupplierIdentity } from "~/lib/supplier-session.server";
import { answerHistory, getAssessment, insertAssessment, insertVersion, saveAnswerIfRevision } from "~/models/assessment.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";

const cookieReq = (setCookie: string) => new Request("http://x/s/portal", { headers: { Cookie: setCookie.split(";")[0]! } });

describeEachEngine("supplier invite links", (h) => {
  let ident: OrgIdentity;
  let assessmentId = 0;
  const latestLink = async (to: string) => {
    const m = await h()
      .db.selectFrom("mail_outbox")
      .select("body_text")
      .where("to_address", "=", to)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return /\/s\/([A-Za-z0-9_-]{43})/.exec(m.body_text)![1]!;
  };

  beforeAll(async () => {
    const { orgId, users } = await makeOrg(h(), "inv", [["o@inv.test", "compliance"]]);
    ident = {
      user: { sessionId: "s", userId: users["o@inv.test"]!, email: "o@inv.test", name: "O" },
      org: { id: orgId, slug: "inv", name: "INV" },
      role: "compliance",
    };
    const supplierId = await insertSupplier(h().db, orgId, SupplierSchema.parse({ name: "Mill", country: "BD" }));
    const versionId = await insertVersion(h().db, "test", 1, { sections: [] });
    expect(await insertVersion(h().db, "test", 1, { changed: true })).toBe(versionId); // published once, never replaced
    assessmentId = await insertAssessment(h().db, orgId, {
      supplierId,
      versionId,
      dueAt: "2027-01-31",
      language: "es",
      createdBy: ident.user.userId,
    });
  });

  it("mails a link whose token is stored only as a hash; opening it changes nothing until the POST", async () => {
    expect(await sendAssessmentInvite(h().db, ident, assessmentId, { email: "lan@mill.test", language: "es" }, "ip")).toHaveProperty(
      "value.inviteId",
    );
    const token = await latestLink("lan@mill.test");
    const stored = await h().db.selectFrom("assessment_invites").select(["token_hash"]).where("assessment_id", "=", assessmentId).execute();
    expect(stored.map((s) => s.token_hash)).toEqual([hashToken(token)]);
    expect((await getAssessment(h().db, ident.org.id, assessmentId))?.status).toBe("sent");

    const link = await describeLink(h().db, token);
    expect(link).toMatchObject({ state: "open", orgName: "INV", supplierName: "Mill", language: "es" });
    expect((await getAssessment(h().db, ident.org.id, assessmentId))?.status).toBe("sent");

    const opened = await openSupplierSession(h().db, token);
    if (!("cookie" in opened)) throw new Error("not opened");
    expect(opened.cookie).toMatch(/^lantern_supplier=[A-Za-z0-9_-]{43}; Path=\/s; HttpOnly; SameSite=Lax/);
    const who = await getSupplierIdentity(h().db, cookieReq(opened.cookie));
    expect(who).toMatchObject({ assessmentId, orgId: ident.org.id, email: "lan@mill.test" });
    expect((await getAssessment(h().db, ident.org.id, assessmentId))?.status).toBe("in_progress");
  });

  it("resending kills the old link and its sessions; a revoked link cannot ask for a new one", async () => {
    const old = await latestLink("lan@mill.test");
    const session = await openSupplierSession(h().db, old);
    if (!("cookie" in session)) throw new Error("not opened");
    await sendAssessmentInvite(h().db, ident, assessmentId, { email: "lan@mill.test", language: "es" }, "ip");
    const fresh = await latestLink("lan@mill.test");
    expect(fresh).not.toBe(old);
    expect(await describeLink(h().db, old)).toMatchObject({ state: "revoked" });
    expect(await openSupplierSession(h().db, old)).toEqual({ state: "revoked" });
    expect(await getSupplierIdentity(h().db, cookieReq(session.cookie))).toBeNull();
    expect(await describeLink(h().db, fresh)).toMatchObject({ state: "open" });

    await revokeAssessmentLinks(h().db, ident, assessmentId, "ip");
    expect(await describeLink(h().db, fresh)).toMatchObject({ state: "revoked" });
    const before = await h().db.selectFrom("mail_outbox").select("id").where("to_address", "=", "lan@mill.test").execute();
    expect(await requestNewLink(h().db, fresh)).toEqual({ sent: false });
    expect(await requestNewLink(h().db, old)).toEqual({ sent: false });
    const after = await h().db.selectFrom("mail_outbox").select("id").where("to_address", "=", "lan@mill.test").execute();
    expect(after.length).toBe(before.length);
    const live = await h()
      .db.selectFrom("assessment_invites")
      .select("id")
      .where("assessment_id", "=", assessmentId)
      .where("revoked_at", "is", null)
      .execute();
    expect(live).toEqual([]);
  });

  it("lets an expired link ask once for a new one, mailed to the invited address; the expired token never opens again", async () => {
    await sendAssessmentInvite(h().db, ident, assessmentId, { email: "lan@mill.test", language: "es" }, "ip");
    const token = await latestLink("lan@mill.test");
    await h()
      .db.updateTable("assessment_invites")
      .set({ expires_at: "2020-01-01T00:00:00.000Z" })
      .where("token_hash", "=", hashToken(token))
      .execute();
    expect(await requestNewLink(h().db, token)).toEqual({ sent: true });
    const fresh = await latestLink("lan@mill.test");
    expect(fresh).not.toBe(token);
    expect(await describeLink(h().db, fresh)).toMatchObject({ state: "open" });
    expect(await openSupplierSession(h().db, token)).toEqual({ state: "revoked" });
    expect(await requestNewLink(h().db, token)).toEqual({ sent: false });
    expect(await describeLink(h().db, fresh)).toMatchObject({ state: "open" });
  });

  it("lets only the newest link ask for a new one", async () => {
    await sendAssessmentInvite(h().db, ident, assessmentId, { email: "wrong@mill.test", language: "es" }, "ip");
    const replaced = await latestLink("wrong@mill.test");
    await sendAssessmentInvite(h().db, ident, assessmentId, { email: "right@mill.test", language: "es" }, "ip");
    const current = await latestLink("right@mill.test");
    expect(await requestNewLink(h().db, replaced)).toEqual({ sent: false });
    expect(await describeLink(h().db, current)).toMatchObject({ state: "open" });
  });

  it("treats tampered, unknown and expired tokens as such", async () => {
    expect(await describeLink(h().db, "not-a-token")).toEqual({ state: "invalid" });
    expect(await describeLink(h().db, "A".repeat(43))).toEqual({ state: "invalid" });
    expect(await requestNewLink(h().db, "A".repeat(43))).toEqual({ sent: false });
    const token = await latestLink("right@mill.test");
    expect(await describeLink(h().db, token, new Date(Date.now() + 31 * 24 * 3600_000))).toMatchObject({ state: "expired" });
  });

  it("keeps every revision of an answer and refuses a save on a stale revision", async () => {
    expect(
      await saveAnswerIfRevision(h().db, ident.org.id, assessmentId, "p1.policy", 0, {
        value: "no",
        comment: null,
        author: "supplier lan@mill.test",
      }),
    ).toEqual({ revision: 1 });
    expect(
      await saveAnswerIfRevision(h().db, ident.org.id, assessmentId, "p1.policy", 1, {
        value: "yes",
        comment: "signed in May",
        author: "supplier lan@mill.test",
      }),
    ).toEqual({ revision: 2 });
    const stale = await saveAnswerIfRevision(h().db, ident.org.id, assessmentId, "p1.policy", 1, {
      value: "no",
      comment: null,
      author: "o@inv.test",
    });
    expect(stale).toMatchObject({ conflict: { value: "yes", revision: 2, comment: "signed in May" } });
    const history = await answerHistory(h().db, ident.org.id, assessmentId, "p1.policy");
    expect(history.map((r) => [r.revision, r.value])).toEqual([
      [2, "yes"],
      [1, "no"],
    ]);
  });
});
