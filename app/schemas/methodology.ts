// The methodology settings form (admins): weights, band thresholds, validity, country overrides and a
// change note. One schema for the react-hook-form resolver and the action. Fields are named after the
// Methodology type ("bands.high", "principleWeights.P5"), so the model's own checks
// (methodologyProblems) land next to the field they are about; overrides are rows
// ("overrides.0.iso2") because an admin adds and removes them.
import { z } from "zod";
import {
  DEFAULT_METHODOLOGY,
  METHODOLOGY_LIMITS,
  MODEL_VERSIONS,
  methodologyProblems,
  type Methodology,
  type MethodologyProblem,
} from "~/domain/risk";
import { PRINCIPLES, type Principle } from "~/domain/questionnaire/types";

export const NOTE_MAX = 500;
/** More rows than countries exist makes no sense; the cap keeps a hostile post small. */
export const MAX_OVERRIDES = 300;
/** Relative weights: a cap keeps their sum finite and the form sane. */
export const WEIGHT_MAX = 1000;
export const INTENTS = ["preview", "save"] as const;
export type MethodologyIntent = (typeof INTENTS)[number];

const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A number typed into a text field ("0.45", " 12 ", "0,45"); empty, anything else or a value out of
 * the given range gets `message`. Ranges that depend on other fields are methodologyProblems()' job.
 */
const numberField = (message: string, opts: { int?: boolean; min?: number; max?: number } = {}) =>
  z
    .union([z.string(), z.number()], { errorMap: () => ({ message }) })
    .optional()
    .transform((v, ctx) => {
      let n = NaN;
      if (typeof v === "number") n = v;
      else if (typeof v === "string") {
        const s = v.trim();
        // One decimal comma is read as a point (European keyboards); thousands separators are not expected.
        const text = s.includes(".") ? s : s.replace(/^(-?\d*),(\d+)$/, "$1.$2");
        if (text !== "" && text.length <= 30 && /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) n = Number(text);
      }
      const outside = (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max);
      if (!Number.isFinite(n) || (opts.int && !Number.isInteger(n)) || outside) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return n;
    });

const weight = numberField(`Enter a weight from 0 to ${WEIGHT_MAX}, e.g. 0.45 or 20.`, { min: 0, max: WEIGHT_MAX });
const band = numberField(`Enter a score from ${METHODOLOGY_LIMITS.bandMin} to ${METHODOLOGY_LIMITS.bandMax}.`);
const share = numberField("Enter a share from 0 to 1, e.g. 0.5.", { min: 0, max: 1 });
const floorScore = numberField(`Enter a score from ${METHODOLOGY_LIMITS.goodsFloor.min} to ${METHODOLOGY_LIMITS.goodsFloor.max}.`, {
  min: METHODOLOGY_LIMITS.goodsFloor.min,
  max: METHODOLOGY_LIMITS.goodsFloor.max,
});
const months = (min: number, max: number) => numberField(`Enter a whole number of months from ${min} to ${max}.`, { int: true });

const text = (max: number, tooLong: string) =>
  z
    .string({ invalid_type_error: "Enter text." })
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, tooLong)
    .refine((v) => !CONTROL_CHARS.test(v), "Remove control characters.");

const overrideRow = z.object({
  iso2: z
    .string({ required_error: "Choose a country.", invalid_type_error: "Choose a country." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country."),
  score: numberField("Enter a country risk from 0 to 100."),
  reason: text(METHODOLOGY_LIMITS.overrideReasonMax, `Keep the reason to ${METHODOLOGY_LIMITS.overrideReasonMax} characters or fewer.`),
});

const principleShape = Object.fromEntries(PRINCIPLES.map((p) => [p, weight])) as Record<Principle, typeof weight>;

/** Where a problem found by methodologyProblems() shows in the form (overrides by row). */
export function problemPath(path: string, rows: ReadonlyArray<{ iso2: string }>): Array<string | number> {
  if (path === "") return ["_form"];
  const parts = path.split(".");
  if (parts[0] !== "countryOverrides") return parts;
  if (parts.length === 1) return ["overrides"];
  const index = rows.findIndex((r) => r.iso2 === parts[1]);
  return index < 0 ? ["overrides"] : ["overrides", index, parts[2] ?? "iso2"];
}

/** Problems as the flat { "bands.high": "…" } map the form reads (first message per field). */
export function problemFieldErrors(problems: readonly MethodologyProblem[], rows: ReadonlyArray<{ iso2: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[problemPath(p.path, rows).join(".")] ??= p.message;
  return out;
}

/**
 * The form schema. `knownCountries` (iso2 codes from the countries table) also rejects codes that
 * are well-formed but unknown; without it only the format is checked.
 */
export function methodologySchema(knownCountries?: readonly string[]) {
  const known = knownCountries ? new Set(knownCountries) : null;
  return z
    .object({
      intent: z.enum(INTENTS, { errorMap: () => ({ message: "Choose Preview or Save." }) }),
      // The version the form was filled from: saving over a newer one is refused (409), not silent.
      baseVersion: numberField("Reload the page and try again.", { int: true, min: 0, max: 1_000_000_000 }),
      model: z.enum(MODEL_VERSIONS, { errorMap: () => ({ message: "Choose risk model v1 or v2." }) }),
      inherentWeights: z.object({ country: weight, goods: weight, childGoods: weight, workforce: weight }),
      principleWeights: z.object(principleShape),
      bands: z.object({ medium: band, high: band, critical: band }),
      validityMonths: months(METHODOLOGY_LIMITS.validityMonths.min, METHODOLOGY_LIMITS.validityMonths.max),
      fadeMonths: months(METHODOLOGY_LIMITS.fadeMonths.min, METHODOLOGY_LIMITS.fadeMonths.max),
      declaredCredit: share,
      likelyGoodsFactor: share,
      goodsFloor: floorScore,
      overrides: z.array(overrideRow).max(MAX_OVERRIDES, `At most ${MAX_OVERRIDES} country overrides.`).optional().default([]),
      note: text(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters or fewer.`),
    })
    .superRefine((v, ctx) => {
      const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
      if (v.intent === "save" && v.note === "") issue(["note"], "Say what changed and why; the note is kept with the version.");
      const seen = new Set<string>();
      v.overrides.forEach((row, i) => {
        if (known && !known.has(row.iso2)) issue(["overrides", i, "iso2"], "That country is not in Lantern's country list.");
        if (seen.has(row.iso2)) issue(["overrides", i, "iso2"], "This country already has an override above.");
        seen.add(row.iso2);
      });
      for (const p of methodologyProblems(toMethodology(v))) issue(problemPath(p.path, v.overrides), p.message);
    })
    .transform((v) => ({ intent: v.intent, baseVersion: v.baseVersion, note: v.note === "" ? null : v.note, config: toMethodology(v) }));
}

export const MethodologySchema = methodologySchema();
export type MethodologyFormValues = z.input<typeof MethodologySchema>;
export type MethodologyInput = z.output<typeof MethodologySchema>;

type Parsed = {
  model: Methodology["model"];
  declaredCredit: number;
  likelyGoodsFactor: number;
  goodsFloor: number;
  inherentWeights: Methodology["inherentWeights"];
  principleWeights: Methodology["principleWeights"];
  bands: Methodology["bands"];
  validityMonths: number;
  fadeMonths: number;
  overrides: Array<{ iso2: string; score: number; reason: string }>;
};

function toMethodology(v: Parsed): Methodology {
  return {
    model: v.model,
    inherentWeights: { ...v.inherentWeights },
    principleWeights: { ...v.principleWeights },
    bands: { ...v.bands },
    validityMonths: v.validityMonths,
    fadeMonths: v.fadeMonths,
    countryOverrides: Object.fromEntries(v.overrides.map((o) => [o.iso2, { score: o.score, reason: o.reason }])),
    declaredCredit: v.declaredCredit,
    likelyGoodsFactor: v.likelyGoodsFactor,
    goodsFloor: v.goodsFloor,
  };
}

/** What the form starts from: the tenant's current methodology (and its version), as text fields. */
export function methodologyFormValues(m: Methodology = DEFAULT_METHODOLOGY, version = 0): MethodologyFormValues {
  const s = (n: number) => String(n);
  return {
    intent: "preview",
    baseVersion: s(version),
    model: m.model,
    inherentWeights: {
      country: s(m.inherentWeights.country),
      goods: s(m.inherentWeights.goods),
      childGoods: s(m.inherentWeights.childGoods),
      workforce: s(m.inherentWeights.workforce),
    },
    principleWeights: Object.fromEntries(PRINCIPLES.map((p) => [p, s(m.principleWeights[p])])) as Record<Principle, string>,
    bands: { medium: s(m.bands.medium), high: s(m.bands.high), critical: s(m.bands.critical) },
    validityMonths: s(m.validityMonths),
    fadeMonths: s(m.fadeMonths),
    declaredCredit: s(m.declaredCredit),
    likelyGoodsFactor: s(m.likelyGoodsFactor),
    goodsFloor: s(m.goodsFloor),
    overrides: Object.entries(m.countryOverrides)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([iso2, o]) => ({ iso2, score: s(o.score), reason: o.reason })),
    note: "",
  };
}

const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * A posted form ({ "bands.high": "50", "overrides.0.iso2": "MY", … }) as the nested object the
 * schema reads. Row numbers are compacted in their order (a hostile "overrides.99999999.iso2" makes
 * one row, not a huge array), and only MAX_OVERRIDES + 1 rows are kept (enough to trip the limit).
 */
export function nestFormValues(flat: Record<string, string | string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows = new Map<string, Map<number, Record<string, unknown>>>();
  for (const [key, raw] of Object.entries(flat)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    const parts = key.split(".");
    if (parts.some((p) => p === "" || UNSAFE_KEYS.has(p)) || parts.length > 3) continue;
    if (parts.length === 3 && /^\d{1,9}$/.test(parts[1]!)) {
      const [list, index, field] = parts as [string, string, string];
      let byIndex = rows.get(list);
      if (!byIndex) rows.set(list, (byIndex = new Map()));
      const i = Number(index);
      if (!byIndex.has(i) && byIndex.size > MAX_OVERRIDES) continue;
      const row = byIndex.get(i) ?? {};
      row[field] = value;
      byIndex.set(i, row);
    } else if (parts.length === 2) {
      const [group, field] = parts as [string, string];
      const cur = out[group];
      const obj = typeof cur === "object" && cur !== null && !Array.isArray(cur) ? (cur as Record<string, unknown>) : {};
      obj[field] = value;
      out[group] = obj;
    } else if (parts.length === 1) out[key] = value;
  }
  for (const [list, byIndex] of rows) out[list] = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  return out;
}
