// Scoping by signature: every model function of assessments, invites, evidence and reminders takes
// the organization id and filters by it. Called with another organization's id, each one finds
// nothing and changes nothing, on both engines; called with the owner's id, the same rows are there.
import { expect, it } from "vitest";
import { describeEachEngine, makeOrg } from "~/test/support";
import { SupplierSchema } from "~/schemas/supplier";
import { insertSupplier } from "./supplier.server";
import {
  answerHistory,
  answersOf,
  getAssessment,
  insertAssessment,
  insertReviewComment,
  insertVersion,
  listAssessments,
  releaseOpenReviewComments,
  resolveOpenReviewComments,
  reviewCommentOf,
  reviewCommentsOf,
  saveAnswerIfRevision,
  setAssessmentStatus,
  supplierHasAssessments,
  suppliersWithOpenAssessment,
} from "./assessment.server";
import { getEvidence, insertEvidence, listEvidence, markEvidenceDeleted, orgStorageBytes } from "./evidence.server";
import {
  currentInvite,
  insertAssessmentInvite,
  insertSupplierSession,
  listAssessmentInvites,
  newestInviteId,
  revokeAssessmentInvites,
  revokeInviteIfUnrevoked,
  supersedeAssessmentInvites,
  touchInvite,
} from "./invite.server";
import { insertReminder, reminderSent } from "./reminder.server";
import { matchingSupplierIds, startCounts } from "./assessment-start.server";

describeEachEngine("assessment models scoped by organization", (h) => {
  it("finds and changes nothing when called with another organization's id", async () => {
    const db = h().db;
    const mine = await makeOrg(h(), "scope-mine", [["o@mine.test", "compliance"]]);
    const other = await makeOrg(h(), "scope-other", [["o@other.test", "compliance"]]);
    const me = mine.orgId;
    const them = other.orgId;
    const supplierId = await insertSupplier(db, me, SupplierSchema.parse({ name: "Scoped Mill", country: "BD" }));
    const versionId = await insertVersion(db, "scope-test", 1, { sections: [] });
    const aid = await insertAssessment(db, me, {
      supplierId,
      versionId,
      dueAt: "2027-01-31",
      language: "en",
      createdBy: mine.users["o@mine.test"]!,
    });
    const author = { value: "yes", comment: null, author: "o@mine.test" };
    expect(await saveAnswerIfRevision(db, me, aid, "p1.policy", 0, author)).toEqual({ revision: 1 });
    const commentId = await insertReviewComment(db, me, aid, {
      questionKey: "p1.policy",
      authorUserId: mine.users["o@mine.test"]!,
      authorLabel: "o@mine.test",
      body: "Please attach the policy.",
    });
    expect(commentId).toBeGreaterThan(0);
    const fileId = await insertEvidence(db, me, {
      assessmentId: aid,
      questionKey: "p1.policy",
      filename: "p.pdf",
      mime: "application/pdf",
      sizeBytes: 10,
      sha256: "a".repeat(64),
      uploadedBy: "o@mine.test",
    });
    const inviteId = await insertAssessmentInvite(db, me, {
      assessmentId: aid,
      email: "hr@mill.test",
      tokenHash: "h".repeat(64),
      language: "en",
      createdBy: null,
      expiresAt: "2099-01-01T00:00:00.000Z",
    });
    expect(await insertReminder(db, me, aid, "due-7d", "2027-01-24T00:00:00.000Z")).toBe(true);

    // Another organization's id: nothing found.
    expect(await getAssessment(db, them, aid)).toBeUndefined();
    expect(await listAssessments(db, them, { supplierId, limit: 10, offset: 0 })).toEqual([]);
    expect(await answersOf(db, them, aid)).toEqual([]);
    expect(await answerHistory(db, them, aid)).toEqual([]);
    expect(await reviewCommentsOf(db, them, aid)).toEqual([]);
    expect(await reviewCommentOf(db, them, commentId!)).toBeUndefined();
    expect(await supplierHasAssessments(db, them, supplierId)).toBe(false);
    expect([...(await suppliersWithOpenAssessment(db, them, [supplierId]))]).toEqual([]);
    expect(await startCounts(db, them, {})).toEqual({ count: 0, skip: 0 });
    expect(await matchingSupplierIds(db, them, {}, 10)).toEqual([]);
    expect(await listEvidence(db, them, aid)).toEqual([]);
    expect(await getEvidence(db, them, aid, fileId)).toBeUndefined();
    expect(await orgStorageBytes(db, them)).toBe(0);
    expect(await currentInvite(db, them, aid)).toBeUndefined();
    expect(await listAssessmentInvites(db, them, aid)).toEqual([]);
    expect(await newestInviteId(db, them, aid)).toBeUndefined();
    expect(await reminderSent(db, them, aid, "due-7d")).toBe(false);

    // ... and nothing changed.
    expect(await saveAnswerIfRevision(db, them, aid, "p1.policy", 1, { ...author, value: "no" })).toBeNull();
    expect(await saveAnswerIfRevision(db, them, aid, "p2.new", 0, author)).toBeNull();
    expect(
      await insertReviewComment(db, them, aid, { questionKey: "p1.policy", authorUserId: 0, authorLabel: "x", body: "planted" }),
    ).toBeNull();
    expect(await releaseOpenReviewComments(db, them, aid, "2027-01-01T00:00:00.000Z")).toBe(0);
    expect(await resolveOpenReviewComments(db, them, aid, "2027-01-01T00:00:00.000Z", { userId: 1, label: "x" })).toBe(0);
    expect(await setAssessmentStatus(db, them, aid, ["draft"], "sent")).toBe(false);
    expect(await markEvidenceDeleted(db, them, aid, fileId)).toBe(false);
    expect(await revokeAssessmentInvites(db, them, aid, "2027-01-01T00:00:00.000Z")).toBe(0);
    expect(await revokeInviteIfUnrevoked(db, them, inviteId, "2027-01-01T00:00:00.000Z")).toBe(false);
    await supersedeAssessmentInvites(db, them, aid, "2027-01-01T00:00:00.000Z");
    await touchInvite(db, them, inviteId, "2027-01-01T00:00:00.000Z");
    expect(await insertSupplierSession(db, them, { id: "s".repeat(64), inviteId, assessmentId: aid, expiresAt: "2099-01-01" })).toBe(false);
    expect(await insertReminder(db, them, aid, "overdue", "2027-02-01T00:00:00.000Z")).toBe(false);

    // The owner still sees exactly what it wrote.
    expect(await getAssessment(db, me, aid)).toMatchObject({ status: "draft" });
    expect((await answersOf(db, me, aid)).map((a) => [a.questionKey, a.value, a.revision])).toEqual([["p1.policy", "yes", 1]]);
    expect((await answerHistory(db, me, aid)).map((r) => r.revision)).toEqual([1]);
    expect(await reviewCommentsOf(db, me, aid)).toEqual([
      expect.objectContaining({ id: commentId, body: "Please attach the policy.", released_at: null, resolved_at: null }),
    ]);
    expect((await listEvidence(db, me, aid)).map((f) => f.id)).toEqual([fileId]);
    const [invite] = await listAssessmentInvites(db, me, aid);
    expect(invite).toMatchObject({ id: inviteId, revoked_at: null, last_used_at: null });
    expect(
      (await db.selectFrom("assessment_invites").select("superseded_at").where("id", "=", inviteId).executeTakeFirst())?.superseded_at,
    ).toBeNull();
    expect(await db.selectFrom("supplier_sessions").select("id").where("assessment_id", "=", aid).execute()).toEqual([]);
    expect(await reminderSent(db, me, aid, "due-7d")).toBe(true);
    expect(await reminderSent(db, me, aid, "overdue")).toBe(false);
    expect([...(await suppliersWithOpenAssessment(db, me, [supplierId]))]).toEqual([supplierId]);
    expect(await startCounts(db, me, {})).toEqual({ count: 1, skip: 1 });
  });
});
