// Documents behind answers (risk model v2, "credit by proof"): which questions take a document,
// which kind a new document gets by default, and when a document's validity has run out.
// Pure module: no node, kysely, remix or react imports.
import { EVIDENCE_KINDS, type EvidenceKind, type Question, type Section } from "./types";

/**
 * Whether a question may carry documents: an evidence question, a question that asks for a
 * document, and every scored control question (weight > 0 in a principle's section, not the
 * workforce profile), so that any control answer can be backed by proof.
 */
export function takesDocuments(section: Pick<Section, "principle">, question: Question): boolean {
  return question.type === "evidence" || question.evidence !== undefined || (section.principle !== null && question.weight > 0);
}

/** The kind a new document of this question gets unless the uploader picks another one. */
export function defaultEvidenceKind(question: Question | undefined): EvidenceKind {
  return question?.evidence?.accepted ?? "other";
}

export function isEvidenceKind(value: unknown): value is EvidenceKind {
  return typeof value === "string" && (EVIDENCE_KINDS as readonly string[]).includes(value);
}

/** Whether a document valid until `validUntil` (yyyy-mm-dd, null = no end date) has run out on `today`. */
export function evidenceExpired(validUntil: string | null | undefined, today: string): boolean {
  return Boolean(validUntil) && validUntil!.slice(0, 10) < today;
}

/** Where a document's review stands. */
export type EvidenceReviewState = "pending" | "accepted" | "rejected";

/** One document as the review page shows it, with whether this reviewer may decide on it (and why not). */
export interface EvidenceReviewItem {
  id: number;
  questionKey: string;
  filename: string;
  sizeBytes: number;
  kind: string | null;
  validUntil: string | null;
  expired: boolean;
  uploadedBy: string;
  uploadedAt: string;
  status: EvidenceReviewState;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reason: string | null;
  /** Null when this user may accept or reject it; else the reason they may not. */
  notYours: string | null;
}
