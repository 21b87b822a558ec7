// What the risk model needs about each supplier of a computation, read from the database: facts,
// recorded goods, the latest approved assessment with its answers and (model v2) the proof behind
// them, the likely goods an officer rejected, the site's audits (verification and independent red
// flags, read in one go per chunk of suppliers) and its substantiated worker grievances (red flags that
// cite the case, never the reporter), plus the supply links around the set.
import type { DbOrTrx } from "~/models/types";
import type { ModelVersion, ProofLevel, SupplierRiskInput } from "~/domain/risk";
import type { Answers } from "~/domain/questionnaire/types";
import {
  goodsOf,
  latestApproved,
  linksOfBuyers,
  rejectedLikelyGoods,
  type ApprovedAssessment,
  type SupplierFacts,
} from "~/models/risk-inputs.server";
import { listAcceptedEvidence } from "~/models/evidence.server";
import { auditSignalInputs } from "~/models/site-audit.server";
import { auditSignals, type AuditSignalInput } from "~/domain/site-audit/signals";
import { substantiatedGrievanceFlags, type GrievanceFlag } from "~/models/grievance-stats.server";
import { grievanceFlag } from "~/domain/voice/flags";
import { confirmedScreeningFlags, type ConfirmedScreening } from "~/models/screening.server";
import { screeningFlag } from "~/domain/screening/flags";
import { todayIso } from "~/domain/dates";
import { evidenceExpired } from "~/domain/questionnaire/evidence";
import { templateOfVersion } from "./assessment-core.server";

export interface RiskInputs {
  inputs: Map<number, SupplierRiskInput>;
  links: Array<{ supplierId: number; buyerId: number }>;
}

/**
 * The model's input for each supplier in `facts` (`scope` "all" reads the whole tenant in one go).
 * `assume` replaces a supplier's latest approved assessment (a dry run's "what if").
 */
export async function loadRiskInputs(
  db: DbOrTrx,
  orgId: number,
  facts: ReadonlyMap<number, SupplierFacts>,
  scope: "all" | "listed",
  opts: { model: ModelVersion; now: Date; assume?: ReadonlyMap<number, ApprovedAssessment> },
): Promise<RiskInputs> {
  const ids = scope === "all" ? "all" : [...facts.keys()];
  const v2 = opts.model === "v2";
  const [goods, approved, links, rejected, audits, grievances, screening] = await Promise.all([
    goodsOf(db, orgId, ids),
    latestApproved(db, orgId, ids),
    linksOfBuyers(db, orgId, ids),
    v2 ? rejectedLikelyGoods(db, orgId, ids) : new Map<number, string[]>(),
    v2 ? auditSignalInputs(db, orgId, ids) : new Map<number, AuditSignalInput[]>(),
    v2 ? substantiatedGrievanceFlags(db, orgId, ids) : new Map<number, GrievanceFlag[]>(),
    v2 ? confirmedScreeningFlags(db, orgId, ids) : new Map<number, ConfirmedScreening[]>(),
  ]);
  const today = todayIso(opts.now);
  const chosen = (id: number) => opts.assume?.get(id) ?? approved.get(id);
  const assessed = [...facts.keys()].map(chosen).filter((a): a is ApprovedAssessment => a !== undefined);
  const proof = v2 ? await proofOf(db, orgId, assessed, opts.now) : new Map<number, Map<string, ProofLevel>>();

  const inputs = new Map<number, SupplierRiskInput>();
  for (const f of facts.values()) {
    const a = chosen(f.id);
    let assessment: SupplierRiskInput["assessment"] = null;
    if (a) {
      const answers: Record<string, Answers[string]> = {};
      for (const x of a.answers) answers[x.questionKey] = x.value === null ? null : (JSON.parse(x.value) as Answers[string]);
      const template = await templateOfVersion(db, a.versionId);
      assessment = { id: a.id, approvedAt: a.approvedAt, template, answers, proof: proof.get(a.id) };
    }
    // Independent signals (v2): the site's audits verify principles and raise red flags; substantiated
    // grievances raise red flags too.
    const signals = auditSignals(audits.get(f.id) ?? [], today);
    const flags = [...signals.flags, ...(grievances.get(f.id) ?? []).map(grievanceFlag), ...(screening.get(f.id) ?? []).map(screeningFlag)];
    inputs.set(f.id, {
      supplierId: f.id,
      country: f.country,
      goods: goods.get(f.id) ?? [],
      sector: f.sector,
      rejectedLikelyGoods: rejected.get(f.id),
      verification: signals.verification,
      independentFlags: flags,
      assessment,
    });
  }
  return { inputs, links };
}

/**
 * Per assessment, the questions whose answer a reviewer-accepted document backs on `now` (model v2's
 * "evidenced"); a document past its validity date no longer counts.
 */
async function proofOf(db: DbOrTrx, orgId: number, assessments: readonly ApprovedAssessment[], now: Date) {
  const out = new Map<number, Map<string, ProofLevel>>();
  if (assessments.length === 0) return out;
  const today = todayIso(now);
  for (const e of await listAcceptedEvidence(db, orgId, [...new Set(assessments.map((a) => a.id))])) {
    if (evidenceExpired(e.validUntil, today)) continue;
    let m = out.get(e.assessmentId);
    if (!m) out.set(e.assessmentId, (m = new Map()));
    m.set(e.questionKey, "evidenced");
  }
  return out;
}
