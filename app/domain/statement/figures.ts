// Every figure a statement can cite, computed from one reporting year's facts and the organisation
// profile, each with its source: the list (and filter) it counts, or the page its words come from.
// Templates refer to figures by key (`[[figure:suppliers.total]]`); the catalogue below is the only
// place a key is defined, so an unknown key is refused when a text is saved.
// Pure module: no node, kysely, remix or react imports.
import { countryName } from "~/domain/country";
import { trainingInYear, type OrgProfile } from "~/domain/org-profile";
import { INDICATOR_LABELS } from "~/domain/risk/labels";
import { maskedCount } from "~/domain/voice/case-status";
import { countBy, countRows } from "./lists";
import type { Figure, FigureSource, ListFilter, StatementList, YearFacts } from "./types";

interface Ctx {
  facts: YearFacts;
  profile: OrgProfile | null;
}

interface Definition {
  label: string;
  source: FigureSource;
  /** The figure's text and, for a count, its number. */
  compute: (c: Ctx) => { text: string; value: number | null };
}

const NO_PROFILE = "(no organisation profile is recorded yet)";

function list(l: StatementList, filter: ListFilter = {}): FigureSource {
  return { kind: "list", list: l, filter };
}

function count(l: StatementList, filter: ListFilter = {}) {
  return (c: Ctx) => {
    const n = countRows(c.facts.groups, l, filter);
    return { text: n.toLocaleString("en-GB"), value: n };
  };
}

function words(text: string) {
  return { text, value: null };
}

/** A profile text without its closing full stop: the template's sentence supplies it. */
function bare(s: string): string {
  return s.trim().replace(/[.\s]+$/, "");
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function topCountries(c: Ctx): { text: string; value: number | null } {
  const rows = countBy(c.facts.groups, "suppliers", "country");
  if (rows.length === 0) return words("no country (no suppliers are recorded)");
  const top = rows.slice(0, 5).map((r) => `${countryName(r.value)} (${r.n.toLocaleString("en-GB")})`);
  const rest = rows.length - 5;
  return words(rest > 0 ? `${joinList(top)}, and ${rest} other ${rest === 1 ? "country" : "countries"}` : joinList(top));
}

function byTier(c: Ctx): { text: string; value: number | null } {
  const rows = countBy(c.facts.groups, "suppliers", "tier").sort((a, b) => Number(a.value) - Number(b.value));
  const unlinked = countRows(c.facts.groups, "suppliers", { tierNull: true });
  const parts = rows.map((r) => `${r.n.toLocaleString("en-GB")} at tier ${r.value}`);
  if (unlinked > 0) parts.push(`${unlinked.toLocaleString("en-GB")} not yet placed in a tier`);
  return words(parts.length ? joinList(parts) : "none");
}

function flagsByIndicator(c: Ctx): { text: string; value: number | null } {
  const rows = countBy(c.facts.groups, "actions_opened", "detail", { detailSet: true });
  if (rows.length === 0) return words("no red flag was raised");
  const label = (k: string) => (INDICATOR_LABELS as Record<string, string>)[k] ?? k.replace(/_/g, " ");
  return words(joinList(rows.map((r) => `${label(r.value)} (${r.n})`)));
}

function masked(n: number): { text: string; value: number | null } {
  const m = maskedCount(n);
  return typeof m === "number" ? { text: String(m), value: m } : words(m);
}

function fromProfile(f: (p: OrgProfile, year: number) => string) {
  return (c: Ctx) => words(c.profile ? f(c.profile, c.facts.year) : NO_PROFILE);
}

function policies(p: OrgProfile): string {
  if (p.policies.length === 0) return "No policies are recorded in the organisation profile yet";
  return joinList(p.policies.map((x) => `${x.title} (adopted ${x.adoptedOn}${x.reviewedOn ? `, reviewed ${x.reviewedOn}` : ""})`));
}

function training(p: OrgProfile, year: number): string {
  const t = trainingInYear(p, year);
  if (t.sessions.length === 0) return `No training in ${year} is recorded in the organisation profile yet`;
  const each = t.sessions.map((s) => `${s.topic} for ${s.audience} (${s.people} people)`);
  return `${t.people.toLocaleString("en-GB")} people were trained: ${joinList(each)}`;
}

const HIGH = ["high", "critical"];

export const FIGURES: Readonly<Record<string, Definition>> = {
  "period.label": {
    label: "The reporting year",
    source: { kind: "profile" },
    compute: (c) => words(`${c.facts.period.from} to ${c.facts.period.to}`),
  },
  "suppliers.total": { label: "Suppliers at the end of the year", source: list("suppliers"), compute: count("suppliers") },
  "suppliers.tier1": {
    label: "Tier-1 (direct) suppliers",
    source: list("suppliers", { tier: 1 }),
    compute: count("suppliers", { tier: 1 }),
  },
  "suppliers.tier2": { label: "Tier-2 suppliers", source: list("suppliers", { tier: 2 }), compute: count("suppliers", { tier: 2 }) },
  "suppliers.tier3plus": {
    label: "Suppliers at tier 3 or deeper",
    source: list("suppliers", { tierMin: 3 }),
    compute: count("suppliers", { tierMin: 3 }),
  },
  "suppliers.by_tier": { label: "Suppliers by tier, in words", source: list("suppliers"), compute: byTier },
  "suppliers.countries": {
    label: "Countries the suppliers are in",
    source: list("suppliers"),
    compute: (c) => {
      const n = countBy(c.facts.groups, "suppliers", "country").length;
      return { text: String(n), value: n };
    },
  },
  "suppliers.top_countries": { label: "The five countries with most suppliers", source: list("suppliers"), compute: topCountries },
  "suppliers.high_risk": {
    label: "Suppliers scored high or critical risk",
    source: list("suppliers", { statusIn: HIGH }),
    compute: count("suppliers", { statusIn: HIGH }),
  },
  "assessments.approved": {
    label: "Assessments approved in the year",
    source: list("assessments_approved"),
    compute: count("assessments_approved"),
  },
  "assessments.expired": {
    label: "Assessments that expired in the year",
    source: list("assessments_expired"),
    compute: count("assessments_expired"),
  },
  "assessments.valid_at_end": {
    label: "Assessments in force at the end of the year",
    source: list("assessments_valid"),
    compute: count("assessments_valid"),
  },
  "flags.total": {
    label: "Red flags raised in the year (ILO indicators)",
    source: list("actions_opened", { detailSet: true }),
    compute: count("actions_opened", { detailSet: true }),
  },
  "flags.by_indicator": {
    label: "Red flags by ILO indicator, in words",
    source: list("actions_opened", { detailSet: true }),
    compute: flagsByIndicator,
  },
  "actions.opened": { label: "Corrective actions opened in the year", source: list("actions_opened"), compute: count("actions_opened") },
  "actions.closed": { label: "Corrective actions closed in the year", source: list("actions_closed"), compute: count("actions_closed") },
  "actions.verified": {
    label: "Corrective actions verified in the year",
    source: list("actions_verified"),
    compute: count("actions_verified"),
  },
  "audits.total": { label: "Site audits carried out in the year", source: list("audits"), compute: count("audits") },
  "grievances.received": {
    label: "Worker grievances received in the year (masked under 5)",
    source: { kind: "grievances" },
    compute: (c) => masked(c.facts.grievances.received),
  },
  "grievances.substantiated": {
    label: "Grievances substantiated in the year (masked under 5)",
    source: { kind: "grievances" },
    compute: (c) => masked(c.facts.grievances.substantiated),
  },
  "grievances.remedies": {
    label: "Remedies delivered in the year (masked under 5)",
    source: { kind: "grievances" },
    compute: (c) => masked(c.facts.grievances.remedies),
  },
  "grievances.channels": {
    label: "Worker-voice channels open",
    source: { kind: "grievances" },
    compute: (c) => ({ text: String(c.facts.grievances.channels), value: c.facts.grievances.channels }),
  },
  "methodology.version": {
    label: "The risk methodology in force at the end of the year",
    source: { kind: "methodology" },
    compute: (c) => {
      const m = c.facts.methodology;
      return words(m ? `risk model ${m.model}, methodology version ${m.version}` : "the default risk methodology (never changed)");
    },
  },
  "profile.legal_name": { label: "Legal name", source: { kind: "profile" }, compute: fromProfile((p) => p.legalName) },
  "profile.structure": {
    label: "Structure and business, in the organisation's words",
    source: { kind: "profile" },
    compute: fromProfile((p) => bare(p.structure) || "No structure is described in the organisation profile yet"),
  },
  "profile.sectors": {
    label: "Sectors",
    source: { kind: "profile" },
    compute: fromProfile((p) => (p.sectors.length ? joinList(p.sectors) : "No sector is recorded in the organisation profile yet")),
  },
  "profile.employees": {
    label: "Employees",
    source: { kind: "profile" },
    compute: fromProfile((p) => (p.employees === null ? "an unrecorded number of" : p.employees.toLocaleString("en-GB"))),
  },
  "profile.entities": {
    label: "Entities the statement covers",
    source: { kind: "profile" },
    compute: fromProfile((p) =>
      p.entities.length ? joinList(p.entities.map((e) => `${e.name} (${countryName(e.country)})`)) : p.legalName,
    ),
  },
  "profile.policies": { label: "Policies adopted", source: { kind: "profile" }, compute: fromProfile(policies) },
  "profile.training": { label: "Training given in the year", source: { kind: "profile" }, compute: fromProfile(training) },
  "profile.consultation": {
    label: "How the covered entities were consulted",
    source: { kind: "profile" },
    compute: fromProfile((p) => bare(p.consultation) || "No consultation is described in the organisation profile yet"),
  },
};

export function isFigureKey(key: string): boolean {
  return Object.hasOwn(FIGURES, key);
}

/** Every figure of the catalogue for one year. */
export function computeFigures(facts: YearFacts, profile: OrgProfile | null): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  for (const [key, d] of Object.entries(FIGURES)) out[key] = { key, label: d.label, source: d.source, ...d.compute({ facts, profile }) };
  return out;
}

/** The catalogue as the editor's token help shows it. */
export function figureCatalogue(): Array<{ key: string; label: string; token: string }> {
  return Object.entries(FIGURES).map(([key, d]) => ({ key, label: d.label, token: `[[figure:${key}]]` }));
}
