// The organisation profile: facts about the reporting organisation itself that yearly statements
// need and no supplier record holds (UK MSA s.54 "structure, business and supply chains", the
// Australian criteria on structure and consultation, Canada S-211 on structure, policies and
// training). Stored as one document per organisation (organization_profiles.data), checked by
// app/schemas/org-profile.ts on the way in and out.
// Pure module: no node, kysely, remix or react imports.

export const TURNOVER_BANDS = [
  { key: "lt-10m", label: "Under 10 million" },
  { key: "10m-36m", label: "10 to 36 million" },
  { key: "36m-100m", label: "36 to 100 million" },
  { key: "100m-500m", label: "100 to 500 million" },
  { key: "500m-1bn", label: "500 million to 1 billion" },
  { key: "gte-1bn", label: "1 billion or more" },
] as const;
export type TurnoverBand = (typeof TURNOVER_BANDS)[number]["key"];

export const PROFILE_CURRENCIES = ["GBP", "EUR", "USD", "AUD", "CAD"] as const;
export type ProfileCurrency = (typeof PROFILE_CURRENCIES)[number];

/** A legal entity the statement covers (a joint statement covers several). */
export interface CoveredEntity {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  registrationNumber: string | null;
}

/** A policy the organisation has adopted (supplier code of conduct, anti-slavery policy, recruitment policy…). */
export interface ProfilePolicy {
  title: string;
  /** yyyy-mm-dd */
  adoptedOn: string;
  /** yyyy-mm-dd of the last review, or null when never reviewed. */
  reviewedOn: string | null;
  summary: string;
  url: string | null;
}

/** Training given in a year: who, on what, how many people. */
export interface ProfileTraining {
  year: number;
  audience: string;
  topic: string;
  people: number;
}

export interface OrgProfile {
  legalName: string;
  /** Group structure, ownership and operations, in the organisation's words. */
  structure: string;
  /** ISO 3166-1 alpha-2, or null when not given. */
  headquartersCountry: string | null;
  sectors: string[];
  employees: number | null;
  turnoverBand: TurnoverBand | null;
  turnoverCurrency: ProfileCurrency;
  /** mm-dd the financial year ends (the reporting year), e.g. "12-31". */
  financialYearEnd: string;
  entities: CoveredEntity[];
  policies: ProfilePolicy[];
  training: ProfileTraining[];
  /** How the covered entities were consulted in preparing the statement (Australian criterion 6). */
  consultation: string;
}

export function emptyOrgProfile(orgName: string): OrgProfile {
  return {
    legalName: orgName,
    structure: "",
    headquartersCountry: null,
    sectors: [],
    employees: null,
    turnoverBand: null,
    turnoverCurrency: "GBP",
    financialYearEnd: "12-31",
    entities: [],
    policies: [],
    training: [],
    consultation: "",
  };
}

/** Training given in one reporting year, summed: what a statement says about training. */
export function trainingInYear(profile: OrgProfile, year: number): { sessions: ProfileTraining[]; people: number } {
  const sessions = profile.training.filter((t) => t.year === year);
  return { sessions, people: sessions.reduce((n, t) => n + t.people, 0) };
}
