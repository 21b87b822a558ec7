// The Athens questionnaire workflow: start (one supplier or many), answer (officer on the supplier's
// behalf, or the supplier through its link), submit (complete answers only), review (comments on
// single answers), request changes, approve. Status: draft → sent → in_progress → submitted →
// changes_requested → … → approved. Every change is audited; every answer revision is kept.
// This module starts and reads assessments; answering is in assessment-answers.server, the review
// in assessment-review.server, what they share in assessment-core.server.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { completeness, findBuiltInTemplate, redFlagsOf } from "~/domain/questionnaire";
import { recordAudit } from "~/models/audit.server";
import {
  answerHistory,
  answersOf,
  getAssessment,
  insertAssessment,
  reviewCommentsOf,
  suppliersWithOpenAssessment,
} from "~/models/assessment.server";
import { namesByIds } from "~/models/supplier.server";
import {
  answersMap,
  attachmentsOf,
  currentTemplate,
  currentTemplateVersionId,
  orgOf,
  reaches,
  templateOfVersion,
  type Actor,
} from "./assessment-core.server";

type DB = Kysely<Database>;

// ---------------------------------------------------------------------------------------------
// Start

export interface StartOptions {
  dueAt: string | null;
  language: string;
  /**
   * The built-in version to start on; default (and what every route uses): the newest. Only the demo
   * seed and tests pick an older one, to show answers kept from before a new version was published.
   */
  templateVersion?: number;
}

export type SkipReason = "not found" | "archived" | "already has an open assessment";

/** Starts one assessment per supplier; suppliers with an assessment still open, or archived, are skipped. */
export async function startAssessments(
  db: DB,
  id: OrgIdentity,
  supplierIds: readonly number[],
  opts: StartOptions,
  ip: string,
): Promise<{ created: number[]; skipped: Array<{ supplierId: number; reason: SkipReason }> }> {
  const template = opts.templateVersion === undefined ? currentTemplate() : findBuiltInTemplate("athens-fl", opts.templateVersion);
  if (!template) throw new Error(`no built-in questionnaire version ${opts.templateVersion}`);
  return db.transaction().execute(async (trx) => {
    const versionId = await currentTemplateVersionId(trx, template);
    const suppliers = await namesByIds(trx, id.org.id, supplierIds);
    const open = await suppliersWithOpenAssessment(trx, id.org.id, supplierIds);
    const created: number[] = [];
    const skipped: Array<{ supplierId: number; reason: SkipReason }> = [];
    for (const sid of supplierIds) {
      const s = suppliers.get(sid);
      if (!s) skipped.push({ supplierId: sid, reason: "not found" });
      else if (s.status === "archived") skipped.push({ supplierId: sid, reason: "archived" });
      else if (open.has(sid)) skipped.push({ supplierId: sid, reason: "already has an open assessment" });
      else {
        const aid = await insertAssessment(trx, id.org.id, {
          supplierId: sid,
          versionId,
          dueAt: opts.dueAt,
          language: opts.language,
          createdBy: id.user.userId,
        });
        await recordAudit(trx, {
          orgId: id.org.id,
          actorUserId: id.user.userId,
          actorLabel: id.user.email,
          action: "assessment.started",
          entity: "assessment",
          entityId: aid,
          diff: { supplierId: sid, template: `${template.key}@${template.version}`, dueAt: opts.dueAt },
          ip,
        });
        created.push(aid);
        open.add(sid);
      }
    }
    return { created, skipped };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Everything a page about one assessment shows: the pinned template, answers, files, comments, progress, red flags. */
export async function assessmentView(db: DB, actor: Actor, assessmentId: number) {
  if (!reaches(actor, assessmentId)) return null;
  const orgId = orgOf(actor);
  const a = await getAssessment(db, orgId, assessmentId);
  if (!a) return null;
  const template = await templateOfVersion(db, a.versionId);
  const [stored, comments, { files, attachments }] = await Promise.all([
    answersOf(db, orgId, assessmentId),
    // A supplier sees a review comment only once a request for changes released it.
    reviewCommentsOf(db, orgId, assessmentId, { releasedOnly: actor.kind === "supplier" }),
    attachmentsOf(db, orgId, assessmentId, template),
  ]);
  const answers = answersMap(stored);
  return {
    assessment: a,
    template,
    answers: stored,
    comments,
    files,
    completeness: completeness(template, answers, attachments),
    redFlags: redFlagsOf(template, answers),
  };
}

export async function historyOf(db: DB, actor: Actor, assessmentId: number, questionKey?: string) {
  if (!reaches(actor, assessmentId) || !(await getAssessment(db, orgOf(actor), assessmentId))) return null;
  return answerHistory(db, orgOf(actor), assessmentId, questionKey);
}
