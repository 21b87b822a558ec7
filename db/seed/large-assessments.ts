// Approved questionnaires for the "big" tenant: one supplier in five (spread over the tiers) holds an
// approved assessment on the built-in template, answered along a handful of profiles (good, good but
// long hours, mixed, poor with red flags), some with reviewer-accepted evidence. Written in batches
// straight into the tables (the approval workflow would take hours at this size); the risk scores are
// left to the caller (a full recompute, e.g. runRiskJobs after queueing one).
import type { Insertable, Kysely } from "kysely";
import type { AnswersTable, Database } from "../types";
import type { Answers } from "~/domain/questionnaire";
import { BEST, WORST } from "~/domain/questionnaire/test-fixtures";
import { currentTemplateVersionId } from "~/services/assessment-core.server";

const DAY = 86_400_000;
/** Every this many suppliers (in tier, then id order) gets an approved assessment. */
export const ASSESSED_EVERY = 5;
/** Rows per INSERT (SQLite allows 32,766 bound values per statement; answers have 7 columns). */
const BATCH = 2_000;

const pick = (from: Answers, prefixes: string[]) =>
  Object.fromEntries(Object.entries(from).filter(([k]) => prefixes.some((p) => k.startsWith(p))));

interface Profile {
  name: string;
  answers: Answers;
  /** Questions whose answer a reviewer-accepted document backs. */
  evidence: string[];
}

/** The answer profiles, used in turn (so each is about a fifth of the assessed suppliers). */
export const PROFILES: readonly Profile[] = [
  { name: "good, evidenced", answers: BEST, evidence: ["p1.written_policy", "p2.training_records", "p3.risk_assessment"] },
  { name: "good, declared", answers: BEST, evidence: [] },
  { name: "good but long hours", answers: { ...BEST, "p5.weekly_hours": 64, "p5.rest_day": "no" }, evidence: ["p1.written_policy"] },
  { name: "mixed", answers: { ...BEST, ...pick(WORST, ["p2.", "p3.", "p7."]) }, evidence: [] },
  { name: "poor, red flags", answers: WORST, evidence: [] },
];

export interface SeededAssessments {
  assessments: number;
  answers: number;
  evidence: number;
  versionId: number;
}

/**
 * Gives one supplier in ASSESSED_EVERY of the tenant an approved assessment (skipped when the tenant
 * already has approved ones: running it again changes nothing).
 */
export async function seedLargeAssessments(
  db: Kysely<Database>,
  orgId: number,
  approver: { userId: number; label: string },
  now = new Date(),
): Promise<SeededAssessments> {
  const versionId = await currentTemplateVersionId(db);
  const existing = await db
    .selectFrom("assessments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("status", "=", "approved")
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { assessments: 0, answers: 0, evidence: 0, versionId };

  const suppliers = await db.selectFrom("suppliers").select("id").where("org_id", "=", orgId).orderBy("tier").orderBy("id").execute();
  const chosen = suppliers.filter((_, i) => i % ASSESSED_EVERY === 0).map((s) => s.id);
  const out: SeededAssessments = { assessments: 0, answers: 0, evidence: 0, versionId };
  const iso = (t: number) => new Date(t).toISOString();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < chosen.length; start += BATCH / 10) {
      const part = chosen.slice(start, start + BATCH / 10);
      const rows = part.map((supplierId, j) => {
        const k = start + j;
        // Approved 1 to 330 days ago (a few in their fading months), started six weeks before.
        const approved = now.getTime() - (1 + ((k * 37) % 330)) * DAY - (k % 3_600) * 1_000;
        return {
          org_id: orgId,
          supplier_id: supplierId,
          version_id: versionId,
          status: "approved" as const,
          created_by: approver.userId,
          created_at: iso(approved - 42 * DAY),
          updated_at: iso(approved),
          sent_at: iso(approved - 42 * DAY),
          started_at: iso(approved - 30 * DAY),
          submitted_at: iso(approved - 5 * DAY),
          approved_at: iso(approved),
          approved_by: approver.userId,
          valid_until: iso(approved + 365 * DAY),
        };
      });
      const ids = await trx.insertInto("assessments").values(rows).returning(["id", "supplier_id"]).execute();
      const idOf = new Map(ids.map((r) => [r.supplier_id, r.id]));
      const answers: Insertable<AnswersTable>[] = [];
      const evidence: Array<Parameters<typeof evidenceRow>[0]> = [];
      for (const [j, supplierId] of part.entries()) {
        const assessmentId = idOf.get(supplierId)!;
        const profile = PROFILES[(start + j) % PROFILES.length]!;
        const at = rows[j]!.submitted_at;
        for (const [key, value] of Object.entries(profile.answers)) {
          if (value === undefined) continue;
          answers.push({
            assessment_id: assessmentId,
            question_key: key,
            value: JSON.stringify(value),
            comment: null,
            revision: 1,
            updated_by: "supplier",
            updated_at: at,
          });
        }
        for (const key of profile.evidence) evidence.push({ assessmentId, key, at: rows[j]!.approved_at });
      }
      for (let i = 0; i < answers.length; i += BATCH)
        await trx
          .insertInto("answers")
          .values(answers.slice(i, i + BATCH))
          .execute();
      if (evidence.length) {
        await trx
          .insertInto("evidence_files")
          .values(evidence.map((e) => evidenceRow(e, orgId, approver)))
          .execute();
      }
      out.assessments += rows.length;
      out.answers += answers.length;
      out.evidence += evidence.length;
    }
  });
  return out;
}

function evidenceRow(e: { assessmentId: number; key: string; at: string }, orgId: number, approver: { userId: number; label: string }) {
  return {
    org_id: orgId,
    assessment_id: e.assessmentId,
    question_key: e.key,
    filename: `${e.key.split(".").pop()}.pdf`,
    mime: "application/pdf",
    size_bytes: 320,
    sha256: "0".repeat(64),
    // Synthetic: no file behind it (the scale seed needs the review, not the bytes).
    storage_key: `seed/large/${e.assessmentId}/${e.key}`,
    uploaded_by: "supplier",
    created_at: e.at,
    kind: e.key === "p2.training_records" ? "training_records" : e.key === "p3.risk_assessment" ? "risk_assessment" : "policy_document",
    valid_until: null,
    review_status: "accepted" as const,
    reviewed_by_user_id: approver.userId,
    reviewed_by_label: approver.label,
    reviewed_at: e.at,
    review_reason: null,
  };
}
