// The risk panel of the supplier page: the current score with its breakdown explained, the red
// flags with the question and answer that raised them, the score history and any running job.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { explainBreakdown, type Breakdown } from "~/domain/risk";
import { summarizeBreakdown } from "~/domain/risk/summary";
import { staffFillerNames } from "~/models/answer-authors.server";
import { currentScore, scoreHistory } from "~/models/risk.server";
import { activeJobs } from "~/models/risk-jobs.server";
import { getAssessment } from "~/models/assessment.server";
import { findQuestion } from "~/domain/questionnaire";
import { textKeys } from "~/domain/questionnaire/i18n";
import { languageT } from "~/domain/questionnaire/language-texts";
import { answerText } from "~/domain/questionnaire/answer-text";
import { countryName } from "~/domain/country";
import type { RiskFlagView, RiskViewData } from "~/domain/risk/view";
import { GRIEVANCE_SOURCE } from "~/domain/voice/flags";
import { templateOfVersion } from "./assessment-core.server";

type DB = Kysely<Database>;

/**
 * Executives see grievances as counts only: a red flag from a substantiated grievance is named without
 * its case number for them (the flag and its effect on the score stay).
 */
function withoutCaseNumbers(b: Breakdown): Breakdown {
  const independent = b.flags.independent;
  if (!independent?.some((f) => f.source.kind === "grievance_case")) return b;
  const masked = independent.map((f) =>
    f.source.kind === "grievance_case" ? { ...f, source: { ...f.source, id: 0, label: GRIEVANCE_SOURCE } } : f,
  );
  return { ...b, flags: { ...b.flags, independent: masked } };
}

/**
 * The current score of one supplier, explained for a non-expert, with its recent history. `caseNumbers`:
 * whether the reader may see which grievance case raised a flag (admins and compliance officers).
 */
export async function supplierRiskView(db: DB, orgId: number, supplierId: number, opts: { caseNumbers: boolean }): Promise<RiskViewData> {
  const cur = await currentScore(db, orgId, supplierId);
  const [history, jobs] = await Promise.all([scoreHistory(db, orgId, supplierId, 12), activeJobs(db, orgId)]);
  const pending = jobs.map((j) => ({ trigger: j.trigger, status: j.status, done: j.progress_done, total: j.progress_total }));
  if (!cur) return { score: null, history: [], pending };
  const stored = opts.caseNumbers ? (cur.breakdown as Breakdown) : withoutCaseNumbers(cur.breakdown as Breakdown);
  // The stored age is the age when the score was computed; a result that did not change since adds
  // no row, so show the age as of today.
  const a0 = stored.controls.assessment;
  const b: Breakdown = a0
    ? {
        ...stored,
        controls: {
          ...stored.controls,
          assessment: { ...a0, ageDays: Math.max(0, Math.floor((Date.now() - Date.parse(a0.approvedAt)) / 86_400_000)) },
        },
      }
    : stored;
  let flags: RiskFlagView[] = [];
  const t = languageT("en");
  let template: Awaited<ReturnType<typeof templateOfVersion>> | null = null;
  if (b.flags.raised.length && b.controls.assessment) {
    const a = await getAssessment(db, orgId, b.controls.assessment.id);
    template = a ? await templateOfVersion(db, a.versionId) : null;
    flags = b.flags.raised.map((f) => {
      const q = template ? findQuestion(template, f.questionKey)?.question : undefined;
      return {
        indicator: f.indicator,
        indicatorLabel: t(`ilo.${f.indicator}`),
        severity: f.severity,
        questionKey: f.questionKey,
        question: q ? t(textKeys.questionText(q.key)) : "a question of the assessment",
        answer: q ? answerText(q, f.answer, t) : JSON.stringify(f.answer),
      };
    });
  }
  // Red flags name the question asked (in the officers' language), not its internal key.
  const questionText = (key: string) => {
    const q = template ? findQuestion(template, key)?.question : undefined;
    return q ? t(textKeys.questionText(q.key)) : null;
  };
  const lines = explainBreakdown(b, { countryName, questionText });
  const filledBy = b.controls.assessment ? await staffFillerNames(db, orgId, b.controls.assessment.id) : [];
  const summary = summarizeBreakdown(b, { countryName, questionText, filledBy });
  return {
    score: {
      value: cur.score,
      band: cur.band,
      computedAt: cur.computed_at,
      checkedAt: cur.risk_computed_at,
      methodologyVersion: cur.methodology_version,
      referenceEdition: cur.reference_edition,
      modelVersion: cur.model_version,
      trigger: cur.trigger,
      breakdown: b,
      summary,
      lines,
      flags,
      via: b.exposure.via.map((v) => ({ ...v, countryLabel: v.country ? countryName(v.country) : null })),
    },
    history: history.map((h) => ({
      id: h.id,
      at: h.computed_at,
      score: h.score,
      band: h.band,
      trigger: h.trigger,
      methodologyVersion: h.methodology_version,
    })),
    pending,
  };
}
