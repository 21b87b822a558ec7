// The organisation profile page's form. Every field travels as text (the browser's form and a plain
// post alike); this schema turns it into the stored shape (app/schemas/org-profile.ts) plus the
// version the page was loaded at, so the browser's resolver and the action read the same rules.
// Rows (entities, policies, training) are posted as "entities.0.name": nestProfileForm builds the lists.
import { z } from "zod";
import { emptyOrgProfile, type OrgProfile, type TurnoverBand } from "~/domain/org-profile";
import { MAX_DB_INT } from "./fields";
import { OrgProfileSchema } from "./org-profile";

export const PROFILE_LISTS = ["entities", "policies", "training"] as const;
export type ProfileList = (typeof PROFILE_LISTS)[number];
/** Enough rows to trip each list's limit in the schema, never more (a hostile row number makes one row). */
const MAX_ROWS: Record<ProfileList, number> = { entities: 201, policies: 101, training: 501 };

export interface ProfileFormValues {
  version: string;
  legalName: string;
  structure: string;
  headquartersCountry: string;
  /** One sector a line. */
  sectors: string;
  employees: string;
  turnoverBand: string;
  turnoverCurrency: string;
  financialYearEnd: string;
  consultation: string;
  entities: Array<{ name: string; country: string; registrationNumber: string }>;
  policies: Array<{ title: string; adoptedOn: string; reviewedOn: string; summary: string; url: string }>;
  training: Array<{ year: string; audience: string; topic: string; people: string }>;
}

export const EMPTY_ROWS = {
  entities: { name: "", country: "", registrationNumber: "" },
  policies: { title: "", adoptedOn: "", reviewedOn: "", summary: "", url: "" },
  training: { year: "", audience: "", topic: "", people: "" },
} as const;

const base = OrgProfileSchema.shape;
const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const ProfileFormSchema = OrgProfileSchema.extend({
  version: z.coerce.number().int().min(0).max(MAX_DB_INT),
  sectors: z
    .string()
    .max(4000, "Sectors: at most 4000 characters")
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(base.sectors),
  employees: z.preprocess(
    blankToNull,
    z.union([z.null(), z.coerce.number({ invalid_type_error: "Give a whole number" }).int("Give a whole number").min(0).max(10_000_000)]),
  ),
  turnoverBand: z.preprocess(blankToNull, base.turnoverBand),
  headquartersCountry: z.preprocess(blankToNull, base.headquartersCountry),
  entities: base.entities.optional().default([]),
  policies: base.policies.optional().default([]),
  training: base.training.optional().default([]),
});
export type ProfileFormInput = z.output<typeof ProfileFormSchema>;

/** The stored profile as the form's text values. */
export function profileFormValues(p: OrgProfile, version: number): ProfileFormValues {
  return {
    version: String(version),
    legalName: p.legalName,
    structure: p.structure,
    headquartersCountry: p.headquartersCountry ?? "",
    sectors: p.sectors.join("\n"),
    employees: p.employees == null ? "" : String(p.employees),
    turnoverBand: p.turnoverBand ?? "",
    turnoverCurrency: p.turnoverCurrency,
    financialYearEnd: p.financialYearEnd,
    consultation: p.consultation,
    entities: p.entities.map((e) => ({ name: e.name, country: e.country, registrationNumber: e.registrationNumber ?? "" })),
    policies: p.policies.map((x) => ({
      title: x.title,
      adoptedOn: x.adoptedOn,
      reviewedOn: x.reviewedOn ?? "",
      summary: x.summary,
      url: x.url ?? "",
    })),
    training: p.training.map((t) => ({ year: String(t.year), audience: t.audience, topic: t.topic, people: String(t.people) })),
  };
}

/** The profile part of a parsed form (the version is the page's, not the profile's). */
export function profileOf(input: ProfileFormInput): OrgProfile {
  const { version: _version, turnoverBand, ...rest } = input;
  return { ...rest, turnoverBand: (turnoverBand ?? null) as TurnoverBand | null };
}

const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * A posted form ({ legalName: "…", "entities.0.name": "…" }) as the nested object the schema reads.
 * Rows are compacted in order of their numbers; only known lists and fields are kept.
 */
export function nestProfileForm(flat: Record<string, string | string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows = new Map<ProfileList, Map<number, Record<string, string>>>();
  for (const [key, raw] of Object.entries(flat)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1]! : raw;
    const parts = key.split(".");
    if (parts.some((p) => p === "" || UNSAFE_KEYS.has(p))) continue;
    if (parts.length === 1) {
      out[key] = value;
      continue;
    }
    const [list, index, field] = parts;
    if (parts.length !== 3 || !(PROFILE_LISTS as readonly string[]).includes(list!) || !/^\d{1,9}$/.test(index!)) continue;
    const name = list as ProfileList;
    if (!(field! in EMPTY_ROWS[name])) continue;
    let byIndex = rows.get(name);
    if (!byIndex) rows.set(name, (byIndex = new Map()));
    const i = Number(index);
    if (!byIndex.has(i) && byIndex.size >= MAX_ROWS[name]) continue;
    byIndex.set(i, { ...(byIndex.get(i) ?? {}), [field!]: value });
  }
  for (const [list, byIndex] of rows) out[list] = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  return out;
}

/** What a post holds, as form values again: shown back unchanged after a refusal or a row added without JavaScript. */
export function draftValues(nested: Record<string, unknown>, orgName: string): ProfileFormValues {
  const empty = profileFormValues(emptyOrgProfile(orgName), 0);
  const rowsOf = <L extends ProfileList>(list: L): ProfileFormValues[L] => {
    const raw = nested[list];
    if (!Array.isArray(raw)) return [];
    const fields = Object.keys(EMPTY_ROWS[list]);
    return raw.map((r: unknown) => {
      const rec = typeof r === "object" && r !== null ? (r as Record<string, unknown>) : {};
      return Object.fromEntries(fields.map((f) => [f, str(rec[f])]));
    }) as ProfileFormValues[L];
  };
  const field = (k: keyof Omit<ProfileFormValues, ProfileList>) => (typeof nested[k] === "string" ? str(nested[k]) : empty[k]);
  return {
    version: field("version"),
    legalName: field("legalName"),
    structure: field("structure"),
    headquartersCountry: field("headquartersCountry"),
    sectors: field("sectors"),
    employees: field("employees"),
    turnoverBand: field("turnoverBand"),
    turnoverCurrency: field("turnoverCurrency"),
    financialYearEnd: field("financialYearEnd"),
    consultation: field("consultation"),
    entities: rowsOf("entities"),
    policies: rowsOf("policies"),
    training: rowsOf("training"),
  };
}

/** A row button without JavaScript: "add:policies" or "remove:policies:2". */
export function rowIntent(intent: unknown): { op: "add" | "remove"; list: ProfileList; index: number } | null {
  const m = typeof intent === "string" ? /^(add|remove):(entities|policies|training)(?::(\d{1,4}))?$/.exec(intent) : null;
  if (!m) return null;
  return { op: m[1] as "add" | "remove", list: m[2] as ProfileList, index: Number(m[3] ?? -1) };
}

/** The draft after a row button: one blank row more, or the row taken out. */
export function applyRowIntent(draft: ProfileFormValues, r: NonNullable<ReturnType<typeof rowIntent>>): ProfileFormValues {
  const rows = [...draft[r.list]] as Array<Record<string, string>>;
  if (r.op === "add" && rows.length < MAX_ROWS[r.list] - 1) rows.push({ ...EMPTY_ROWS[r.list] });
  if (r.op === "remove" && r.index >= 0 && r.index < rows.length) rows.splice(r.index, 1);
  return { ...draft, [r.list]: rows };
}
