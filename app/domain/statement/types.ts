// Yearly statements: the shapes shared by the templates, the figure catalogue, the token renderer,
// the service and the pages. Pure module: no node, kysely, remix or react imports.

/** One section of a template: what the law asks (guidance, in our words) and a draft with figure tokens. */
export interface TemplateSection {
  key: string;
  heading: string;
  guidance: string;
  /** Draft text; blank lines separate paragraphs; `[[figure:<key>]]` stands for a figure. */
  draft: string;
  /** Sections of a group are shown under its heading (e.g. Canada's annual questionnaire). */
  group?: string;
}

export interface StatementTemplate {
  /** Stable key of the law, e.g. "uk-msa-s54"; with `version` it names one file in templates/. */
  key: string;
  version: number;
  law: string;
  title: string;
  /** Who must sign, in the law's terms (shown beside the approval form). */
  approvalNote: string;
  sections: TemplateSection[];
}

/** The lists a figure can count (each a SELECT in app/models/statement-lists.server.ts). */
export const STATEMENT_LISTS = [
  "suppliers",
  "assessments_approved",
  "assessments_expired",
  "assessments_valid",
  "actions_opened",
  "actions_closed",
  "actions_verified",
  "audits",
] as const;
export type StatementList = (typeof STATEMENT_LISTS)[number];

export const LIST_LABELS: Readonly<Record<StatementList, string>> = {
  suppliers: "Suppliers at the end of the year",
  assessments_approved: "Assessments approved in the year",
  assessments_expired: "Assessments that expired in the year",
  assessments_valid: "Assessments in force at the end of the year",
  actions_opened: "Corrective actions opened in the year",
  actions_closed: "Corrective actions closed in the year",
  actions_verified: "Corrective actions verified in the year",
  audits: "Site audits in the year",
};

/** Which rows of a list a figure counts. Every field narrows; none = the whole list. */
export interface ListFilter {
  tier?: number;
  tierMin?: number;
  tierNull?: boolean;
  country?: string;
  statusIn?: string[];
  detail?: string;
  detailSet?: boolean;
}

/** Where a figure comes from: rows of a list (frozen at approval), or a page of the app. */
export type FigureSource =
  { kind: "list"; list: StatementList; filter: ListFilter } | { kind: "profile" } | { kind: "methodology" } | { kind: "grievances" };

export interface Figure {
  key: string;
  label: string;
  /** What the token prints. */
  text: string;
  /** The number behind it, when it is a count (null for words, and for masked counts). */
  value: number | null;
  source: FigureSource;
}

/** One group of a list's rows: how many rows share these columns. */
export interface ListGroup {
  list: StatementList;
  tier: number | null;
  country: string | null;
  status: string | null;
  detail: string | null;
  n: number;
}

/** Everything a statement's figures are computed from, for one reporting year. */
export interface YearFacts {
  year: number;
  period: { from: string; to: string };
  groups: ListGroup[];
  grievances: { received: number; substantiated: number; remedies: number; channels: number };
  methodology: { model: string; version: number } | null;
}

/** A stored section text, rendered: plain text and figures, paragraph by paragraph. */
export type Segment = { kind: "text"; text: string } | { kind: "figure"; key: string; text: string; source: FigureSource };
export type Paragraph = Segment[];

/** What a list's status, detail and date columns hold, as its page heads them. */
export const LIST_COLUMNS: Readonly<Record<StatementList, { status: string; detail: string; day: string }>> = {
  suppliers: { status: "Risk band", detail: "Sector", day: "Added" },
  assessments_approved: { status: "Status", detail: "—", day: "Approved" },
  assessments_expired: { status: "Status", detail: "—", day: "Valid until" },
  assessments_valid: { status: "Status", detail: "—", day: "Approved" },
  actions_opened: { status: "Status", detail: "ILO indicator", day: "Opened" },
  actions_closed: { status: "Status", detail: "ILO indicator", day: "Closed" },
  actions_verified: { status: "Status", detail: "ILO indicator", day: "Verified" },
  audits: { status: "Standard", detail: "Audit firm", day: "Audit date" },
};
