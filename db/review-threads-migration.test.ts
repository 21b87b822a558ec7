// The 2026-12-07T0400 migration's data step: comments and decisions signed with the author's e-mail
// address are signed with the author's name; any other label (a name already, a deleted user) stays.
import { expect, it } from "vitest";
import type { Kysely } from "kysely";
import { describeEachEngine, makeOrg } from "~/test/support";
import { insertAssessment, insertVersion } from "~/models/assessment.server";
import { insertSupplier } from "~/models/supplier.server";
import { SupplierSchema } from "~/schemas/supplier";
import { signWithNames } from "./migrations/2026-12-07T0400_review_threads";

const AT = "2026-12-07T03:00:00.000Z";

describeEachEngine("migration 2026-12-07T0400: sign comments and decisions with names", (h) => {
  it("replaces a label that is its author's address by the author's name, and leaves the others", async () => {
    const db = h().db;
    const { orgId, users } = await makeOrg(h(), "signed", [
      ["ada@signed.test", "compliance"],
      ["grace@signed.test", "admin"],
    ]);
    const ada = users["ada@signed.test"]!;
    const grace = users["grace@signed.test"]!;
    await db.updateTable("users").set({ name: "Ada Lovelace" }).where("id", "=", ada).execute();
    const supplierId = await insertSupplier(db, orgId, SupplierSchema.parse({ name: "Mill", country: "BD" }));
    const versionId = await insertVersion(db, "signed-test", 1, { sections: [] });
    const assessmentId = await insertAssessment(db, orgId, { supplierId, versionId, dueAt: null, language: "en", createdBy: ada });
    const comment = (author: number | null, label: string) =>
      db
        .insertInto("review_comments")
        .values({ assessment_id: assessmentId, question_key: "q", author_user_id: author, author_label: label, body: "b", created_at: AT })
        .returning("id")
        .executeTakeFirstOrThrow();
    const decision = (user: number | null, label: string) =>
      db
        .insertInto("assessment_decisions")
        .values({
          org_id: orgId,
          assessment_id: assessmentId,
          kind: "reopen",
          user_id: user,
          user_label: label,
          reason: "r",
          created_at: AT,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    await comment(ada, "ada@signed.test");
    await comment(grace, "Someone else"); // not the address: kept
    await comment(null, "gone@signed.test"); // the user was deleted: nothing to sign with
    await decision(ada, "ada@signed.test");
    await decision(grace, "grace@signed.test");

    await signWithNames(db as unknown as Kysely<unknown>);

    const comments = await db
      .selectFrom("review_comments")
      .select("author_label")
      .where("assessment_id", "=", assessmentId)
      .orderBy("id")
      .execute();
    expect(comments.map((c) => c.author_label)).toEqual(["Ada Lovelace", "Someone else", "gone@signed.test"]);
    const decisions = await db
      .selectFrom("assessment_decisions")
      .select("user_label")
      .where("assessment_id", "=", assessmentId)
      .orderBy("id")
      .execute();
    expect(decisions.map((d) => d.user_label)).toEqual(["Ada Lovelace", "grace"]); // makeOrg names users after their address's local part
  });
});
