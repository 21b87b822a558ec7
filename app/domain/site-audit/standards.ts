// Social audit standards as data: how each is named, how long an audit of it stays in force, which
// Athens principles it checks (with the reason), and the words it uses for the severity of a finding.
// An audit in force with a standard that covers a principle makes the answers on that principle count
// as verified (risk model v2, "credit by proof"). Data file: each row says why.
// Pure module: no node, kysely, remix or react imports.
import type { Principle } from "~/domain/questionnaire/types";

export const AUDIT_STANDARDS = ["smeta_2", "smeta_4", "rba_vap", "amfori_bsci", "sa8000", "other"] as const;
export type AuditStandard = (typeof AUDIT_STANDARDS)[number];
export const AUDIT_TYPES = ["announced", "semi_announced", "unannounced"] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];
export const FINDING_SEVERITIES = ["critical", "major", "minor"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const AUDIT_TYPE_LABELS: Record<AuditType, string> = {
  announced: "Announced",
  semi_announced: "Semi-announced",
  unannounced: "Unannounced",
};

export interface StandardInfo {
  label: string;
  /** Months an audit stays in force after its date (the officer may change the date it ends). */
  validityMonths: number;
  validityReason: string;
  /** The Athens principles the standard checks at the site, each with the reason. */
  covers: readonly { principle: Principle; reason: string }[];
  /** The standard's own words for the severity of a finding (lower case) → our three levels. */
  severities: Readonly<Record<string, FindingSeverity>>;
}

const ETI_SITE = "checks the site's own labour practice, not the buyer's corporate programme";

// SMETA 2- and 4-pillar audit the same labour standards (the 4-pillar adds environment and business ethics).
const SMETA_VALIDITY = {
  validityMonths: 24,
  validityReason: "Sedex members usually re-audit every two years; the audit is taken as in force for that long.",
};
const SMETA_COVERS: StandardInfo["covers"] = [
  {
    principle: "P1",
    reason: "ETI Base Code 1 (employment freely chosen): no deposits, no retained identity documents, free to resign.",
  },
  {
    principle: "P4",
    reason: "Management systems and worker interviews: personnel rules applied, grievance channel, training records.",
  },
];
const SMETA_SEVERITIES: StandardInfo["severities"] = {
  "business critical": "critical",
  critical: "critical",
  "zero tolerance": "critical",
  major: "major",
  minor: "minor",
};

export const STANDARDS: Readonly<Record<AuditStandard, StandardInfo>> = {
  smeta_2: {
    label: "SMETA 2-pillar",
    ...SMETA_VALIDITY,
    covers: [
      ...SMETA_COVERS,
      { principle: "P5", reason: "Recruitment fees, agency labour, wages and working hours are checked on site records (ETI 5, 6, 8)." },
    ],
    severities: SMETA_SEVERITIES,
  },
  smeta_4: {
    label: "SMETA 4-pillar",
    ...SMETA_VALIDITY,
    covers: [
      ...SMETA_COVERS,
      {
        principle: "P5",
        reason: `Recruitment fees, agency labour, wages and hours on site records; the extra pillars (environment, ethics) ${ETI_SITE}.`,
      },
    ],
    severities: SMETA_SEVERITIES,
  },
  rba_vap: {
    label: "RBA VAP",
    validityMonths: 24,
    validityReason: "An RBA Validated Audit Process audit is taken as in force for two years (closure audits extend the findings only).",
    covers: [
      { principle: "P1", reason: "Labor A1 (freely chosen employment): no fees, no held documents, freedom to resign." },
      { principle: "P2", reason: "Management system: communication of the code and worker training are checked." },
      { principle: "P3", reason: "Management system: company commitment, accountability, risk assessment and improvement objectives." },
      { principle: "P4", reason: "Worker feedback and grievance, training and disciplinary practice are audited." },
      { principle: "P5", reason: "Supplier responsibility, labour agents, wages (A5) and working hours (A3) are audited." },
    ],
    severities: { priority: "critical", "zero tolerance": "critical", major: "major", minor: "minor", "risk of nonconformance": "minor" },
  },
  amfori_bsci: {
    label: "amfori BSCI",
    validityMonths: 24,
    validityReason: "amfori BSCI audits are valid for two years (one year with a poor rating; shorten the date then).",
    covers: [
      { principle: "P1", reason: "Performance area 'No bonded, forced, trafficked labour' (a zero-tolerance area)." },
      { principle: "P2", reason: "Performance area 'Workers' involvement and protection': workers know their rights." },
      { principle: "P3", reason: "Performance area 'Social management system and cascade effect'." },
      { principle: "P4", reason: "Grievance mechanism and personnel practices are part of workers' protection." },
      { principle: "P5", reason: "Cascade effect to business partners, fair remuneration and decent working hours." },
    ],
    severities: { "zero tolerance": "critical", critical: "critical", major: "major", minor: "minor" },
  },
  sa8000: {
    label: "SA8000",
    validityMonths: 36,
    validityReason: "An SA8000 certificate runs three years; use the date on the certificate.",
    covers: [
      { principle: "P1", reason: "Element 2 (forced or compulsory labour)." },
      { principle: "P2", reason: "Element 9 (management system): policies communicated to workers in their language." },
      { principle: "P3", reason: "Element 9: social performance team, risk assessment and monitoring." },
      { principle: "P4", reason: "Element 9: complaints, non-retaliation, training; Element 6 (disciplinary practices)." },
      { principle: "P5", reason: "Element 9: management of suppliers and private employment agencies; Elements 7 and 8 (hours, pay)." },
    ],
    severities: { critical: "critical", "zero tolerance": "critical", major: "major", minor: "minor" },
  },
  other: {
    label: "Other standard",
    validityMonths: 12,
    validityReason: "An unnamed standard is taken as in force for one year unless the officer says otherwise.",
    // Nothing is known about what it checks, so it verifies no answer and lifts no floor; its critical
    // findings still raise red flags.
    covers: [],
    severities: { "zero tolerance": "critical", critical: "critical", priority: "critical", major: "major", minor: "minor" },
  },
};

export function isAuditStandard(v: unknown): v is AuditStandard {
  return typeof v === "string" && (AUDIT_STANDARDS as readonly string[]).includes(v);
}

/** The standard's words a finding may use, for help texts and error messages ("Priority, Major, Minor"). */
export function severityWords(standard: AuditStandard): string[] {
  return Object.keys(STANDARDS[standard].severities).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
}

/** "Zero tolerance" (as the standard names it) → critical; null when the standard has no such word. */
export function mapSeverity(standard: AuditStandard, word: string): FindingSeverity | null {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  return STANDARDS[standard].severities[key] ?? null;
}

/** The principles an audit of this standard covers. */
export function coveredPrinciples(standard: AuditStandard): Principle[] {
  return STANDARDS[standard].covers.map((c) => c.principle);
}

/** The last day an audit is in force by default: its date + the standard's validity, minus one day. */
export function defaultValidUntil(standard: AuditStandard, auditDate: string): string {
  const d = new Date(`${auditDate}T00:00:00Z`);
  const months = STANDARDS[standard].validityMonths;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
  // 31 March + 1 month must not spill into May: clamp to the month's last day.
  if (target.getUTCDate() !== d.getUTCDate()) target.setUTCDate(0);
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

/** An audit is in force from its date to its last valid day, both included. */
export function inForce(a: { auditDate: string; validUntil: string }, today: string): boolean {
  return a.auditDate <= today && today <= a.validUntil;
}

/** "SMETA 4-pillar, 2026-03-10, Bureau X" (an "other" standard by the name the officer gave). */
export function auditLabel(a: { standard: AuditStandard; standardOther?: string | null; auditDate: string; firm: string }): string {
  const name = a.standard === "other" && a.standardOther ? a.standardOther : STANDARDS[a.standard].label;
  return `${name}, ${a.auditDate}, ${a.firm}`;
}
