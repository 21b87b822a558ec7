// A document as the supplier portal shows it: never who uploaded or reviewed it (the supplier sees
// the buying organization, never an officer's address), its validity date in the reader's language.
import type { EvidenceReviewStatus } from "~db/types";
import type { Locale } from "~/domain/questionnaire/i18n/locale";
import { longDate } from "./portal.server";

export function portalFile(
  f: {
    id: number;
    question_key: string;
    filename: string;
    size_bytes: number | string;
    kind: string | null;
    valid_until: string | null;
    review_status: EvidenceReviewStatus;
    review_reason: string | null;
  },
  locale: Locale,
) {
  return {
    id: f.id,
    questionKey: f.question_key,
    filename: f.filename,
    size: Number(f.size_bytes),
    kind: f.kind,
    validUntil: longDate(f.valid_until, locale),
    status: f.review_status as EvidenceReviewStatus,
    reason: f.review_status === "rejected" ? f.review_reason : null,
  };
}
