// The 2026-12-06T0300 migration's data step: every live token found in a stored mail body (shown
// on the outbox page or printed to a local server's log until now) is killed, and removed from the body.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import { describeEachEngine, makeOrg } from "~/test/support";
import { hashToken, newToken } from "~/lib/crypto.server";
import { insertAssessment, insertVersion } from "~/models/assessment.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import { revokeExposedTokens } from "./migrations/2026-12-06T0300_revoke_exposed_tokens";

const NOW = "2026-12-06T03:00:00.000Z";
const LATER = "2027-06-01T00:00:00.000Z";

describeEachEngine("migration 2026-12-06T0300: revoke exposed tokens", (h) => {
  it(
    "expires supplier links, revokes team invitations, uses up resets " +
      "and sign-ups found in mail bodies, and removes them from the bodies",
    async () => {
      const db = h().db;
      const { orgId, users } = await makeOrg(h(), "exposed", [["admin@exposed.test", "admin"]]);
      const userId = users["admin@exposed.test"]!;
      const supplierId = await insertSupplier(db, orgId, SupplierSchema.parse({ name: "Mill", country: "BD" }));
      const versionId = await insertVersion(db, "exposed-test", 1, { sections: [] });
      const assessmentId = await insertAssessment(db, orgId, { supplierId, versionId, dueAt: null, language: "en", createdBy: userId });

      const [supplierTok, teamTok, resetTok, signupTok, unmailedTok] = [newToken(), newToken(), newToken(), newToken(), newToken()];
      const supplierInvite = await db
        .insertInto("assessment_invites")
        .values({
          org_id: orgId,
          assessment_id: assessmentId,
          email: "s@mill.test",
          token_hash: hashToken(supplierTok),
          language: "en",
          created_by: userId,
          created_at: NOW,
          expires_at: LATER,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const unmailed = await db
        .insertInto("assessment_invites")
        .values({
          org_id: orgId,
          assessment_id: assessmentId,
          email: "s2@mill.test",
          token_hash: hashToken(unmailedTok),
          language: "en",
          created_by: userId,
          created_at: NOW,
          expires_at: LATER,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("team_invites")
        .values({
          org_id: orgId,
          email: "new@exposed.test",
          role: "compliance",
          token_hash: hashToken(teamTok),
          invited_by: userId,
          created_at: NOW,
          expires_at: LATER,
        })
        .execute();
      await db
        .insertInto("password_resets")
        .values({ user_id: userId, token_hash: hashToken(resetTok), created_at: NOW, expires_at: LATER })
        .execute();
      await db
        .insertInto("pending_signups")
        .values({
          token_hash: hashToken(signupTok),
          email: "x@y.test",
          name: "X",
          password_hash: "h",
          org_name: "Y",
          created_at: NOW,
          expires_at: LATER,
          team_invite_id: null,
        })
        .execute();
      const mail = (orgIdOf: number | null, kind: string, text: string) =>
        db
          .insertInto("mail_outbox")
          .values({ org_id: orgIdOf, kind, to_address: "someone@test", subject: kind, body_text: text, created_at: NOW })
          .execute();
      await mail(orgId, "supplier-invite", `Open the questionnaire:\n\nhttp://localhost:3000/s/${supplierTok}\n\nDo not forward it.`);
      await mail(orgId, "team-invite", `Accept the invitation:\n\nhttps://lantern.example/join/${teamTok}\n`);
      await mail(null, "password-reset", `Choose a new password here: http://localhost:3000/reset-password/${resetTok}.`);
      await mail(null, "signup-confirm", `Confirm: http://localhost:3000/signup/confirm/${signupTok}`);
      await mail(orgId, "note", "No link in here, just http://localhost:3000/o/exposed/suppliers.");

      expect(await revokeExposedTokens(db as unknown as Kysely<unknown>, NOW)).toEqual({ mails: 4, tokens: 4 });

      const bodies = (await db.selectFrom("mail_outbox").select("body_text").orderBy("id").execute()).map((m) => m.body_text);
      for (const tok of [supplierTok, teamTok, resetTok, signupTok]) expect(bodies.join("\n")).not.toContain(tok);
      expect(bodies[0]).toContain("http://localhost:3000/s/[link removed]\n");
      expect(bodies[2]).toContain("/reset-password/[link removed].");
      expect(bodies[4]).toBe("No link in here, just http://localhost:3000/o/exposed/suppliers.");

      const invites = await db.selectFrom("assessment_invites").select(["id", "expires_at", "revoked_at"]).orderBy("id").execute();
      expect(invites.find((i) => i.id === supplierInvite.id)).toEqual({ id: supplierInvite.id, expires_at: NOW, revoked_at: null });
      expect(invites.find((i) => i.id === unmailed.id)?.expires_at).toBe(LATER); // never in a mail: untouched
      expect((await db.selectFrom("team_invites").select("revoked_at").executeTakeFirstOrThrow()).revoked_at).toBe(NOW);
      expect((await db.selectFrom("password_resets").select("used_at").executeTakeFirstOrThrow()).used_at).toBe(NOW);
      expect((await db.selectFrom("pending_signups").select("used_at").executeTakeFirstOrThrow()).used_at).toBe(NOW);

      // Running it again finds nothing left to revoke.
      expect(await revokeExposedTokens(db as unknown as Kysely<unknown>, LATER)).toEqual({ mails: 0, tokens: 0 });
    },
  );
});
