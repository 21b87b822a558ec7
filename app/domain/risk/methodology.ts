// Risk models v1 and v2: the fixed constants of the models and a tenant's methodology (what an admin
// may change), with the defaults of each model and validation.
//
// Decisions not spelled out in docs/architecture.md ("The risk pipeline"):
// - Months (validity, fade) are whole numbers: staleness adds calendar months in UTC.
// - The country and goods weights may not both be 0: a supplier without a workforce profile would
//   otherwise have no inherent risk at all (the workforce weight is renormalised away).
// - methodologyProblems() also checks the shape, so JSON read from storage or a form can be cast to
//   Methodology and checked with it before use.
// Pure module: no node, kysely, remix or react imports.
import { deepFreeze } from "~/domain/questionnaire/template";
import { PRINCIPLES, PRINCIPLE_WEIGHTS } from "~/domain/questionnaire/types";
import { MODEL_VERSIONS, type Methodology, type ModelVersion } from "./types";

/** Controls lower the inherent risk by at most this share: R = I × (1 − 0.7·M). */
export const CONTROL_FACTOR = 0.7;
/** Default share of a supplier's effective score that carries to its buyers. */
export const EXPOSURE_FACTOR = 0.85;

/**
 * Model v1's defaults (docs/architecture.md, "The risk pipeline"). The v2-only settings are stored
 * with their v2 defaults so that moving a tenant to v2 starts from them; v1 never reads them.
 */
export const METHODOLOGY_V1: Methodology = deepFreeze<Methodology>({
  model: "v1",
  inherentWeights: { country: 0.45, goods: 0.35, childGoods: 0, workforce: 0.2 },
  principleWeights: { ...PRINCIPLE_WEIGHTS },
  bands: { medium: 30, high: 50, critical: 70 },
  validityMonths: 12,
  fadeMonths: 6,
  countryOverrides: {},
  declaredCredit: 0.5,
  likelyGoodsFactor: 0.8,
  goodsFloor: 30,
});

/** Model v2's defaults: child-labour goods get their own weight; declared answers earn half. */
export const METHODOLOGY_V2: Methodology = deepFreeze<Methodology>({
  ...METHODOLOGY_V1,
  model: "v2",
  inherentWeights: { country: 0.4, goods: 0.3, childGoods: 0.1, workforce: 0.2 },
});

/** What a tenant without a saved methodology uses: new tenants start on the latest model. */
export const DEFAULT_METHODOLOGY: Methodology = METHODOLOGY_V2;

/** The defaults of a model version. */
export function methodologyDefaults(model: ModelVersion): Methodology {
  return model === "v1" ? METHODOLOGY_V1 : METHODOLOGY_V2;
}

export const METHODOLOGY_LIMITS = {
  bandMin: 1,
  bandMax: 99,
  validityMonths: { min: 1, max: 60 },
  fadeMonths: { min: 0, max: 36 },
  overrideReasonMax: 500,
  goodsFloor: { min: 0, max: 99 },
} as const;

export interface MethodologyProblem {
  path: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function share(input: Record<string, unknown>, key: string, what: string, add: (path: string, message: string) => void): void {
  const v = input[key];
  if (!isNumber(v) || v < 0 || v > 1) add(key, `Enter ${what} as a number from 0 to 1, e.g. 0.5.`);
}

/** Problems with a methodology an admin typed, as { path, message } (empty = valid). */
export function methodologyProblems(m: Methodology): MethodologyProblem[] {
  const out: MethodologyProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const input: unknown = m;
  if (!isObject(input)) return [{ path: "", message: "The methodology must be an object." }];

  const weights = (path: string, value: unknown, keys: readonly string[], what: string) => {
    if (!isObject(value)) {
      add(path, `The ${what} are missing.`);
      return;
    }
    let sum = 0;
    let allValid = true;
    for (const key of keys) {
      const w = value[key];
      if (!isNumber(w) || w < 0) {
        add(`${path}.${key}`, "Enter a number of 0 or more.");
        allValid = false;
      } else sum += w;
    }
    if (allValid && sum <= 0) add(path, `At least one of the ${what} must be above 0.`);
  };

  if (!MODEL_VERSIONS.includes(input.model as ModelVersion)) add("model", `Choose a risk model: ${MODEL_VERSIONS.join(" or ")}.`);
  weights("inherentWeights", input.inherentWeights, ["country", "goods", "childGoods", "workforce"], "inherent-risk weights");
  const iw = input.inherentWeights;
  if (
    isObject(iw) &&
    isNumber(iw.country) &&
    isNumber(iw.goods) &&
    iw.country === 0 &&
    iw.goods === 0 &&
    isNumber(iw.workforce) &&
    iw.workforce > 0
  ) {
    add(
      "inherentWeights",
      "The country and goods weights cannot both be 0: suppliers without a workforce profile would have no inherent risk.",
    );
  }
  weights("principleWeights", input.principleWeights, PRINCIPLES, "principle weights");
  share(input, "declaredCredit", "the share a declared answer earns", add);
  share(input, "likelyGoodsFactor", "the share a likely good counts", add);
  const floor = input.goodsFloor;
  const { min, max } = METHODOLOGY_LIMITS.goodsFloor;
  if (!isNumber(floor) || floor < min || floor > max) add("goodsFloor", `Enter a score from ${min} to ${max}.`);

  const bands = input.bands;
  if (!isObject(bands)) add("bands", "The band thresholds are missing.");
  else {
    const keys = ["medium", "high", "critical"] as const;
    let ok = true;
    for (const key of keys) {
      const v = bands[key];
      if (!isNumber(v) || v < METHODOLOGY_LIMITS.bandMin || v > METHODOLOGY_LIMITS.bandMax) {
        add(`bands.${key}`, `Enter a number from ${METHODOLOGY_LIMITS.bandMin} to ${METHODOLOGY_LIMITS.bandMax}.`);
        ok = false;
      }
    }
    if (ok) {
      if ((bands.high as number) <= (bands.medium as number)) add("bands.high", "The high threshold must be above the medium threshold.");
      if ((bands.critical as number) <= (bands.high as number))
        add("bands.critical", "The critical threshold must be above the high threshold.");
    }
  }

  const months = (key: "validityMonths" | "fadeMonths") => {
    const { min, max } = METHODOLOGY_LIMITS[key];
    const v = input[key];
    if (!isNumber(v) || !Number.isInteger(v) || v < min || v > max) add(key, `Enter a whole number of months from ${min} to ${max}.`);
  };
  months("validityMonths");
  months("fadeMonths");

  const overrides = input.countryOverrides;
  if (!isObject(overrides)) add("countryOverrides", "The country overrides are missing.");
  else {
    for (const [iso2, o] of Object.entries(overrides)) {
      const path = `countryOverrides.${iso2}`;
      if (!/^[A-Z]{2}$/.test(iso2)) add(path, "Use a two-letter ISO country code in capitals, e.g. MY.");
      if (!isObject(o)) {
        add(path, "Give a score and a reason.");
        continue;
      }
      if (!isNumber(o.score) || o.score < 0 || o.score > 100) add(`${path}.score`, "Enter a score from 0 to 100.");
      if (typeof o.reason !== "string" || o.reason.trim() === "") add(`${path}.reason`, "Give the reason for the override.");
      else if (o.reason.length > METHODOLOGY_LIMITS.overrideReasonMax) {
        add(`${path}.reason`, `Keep the reason to ${METHODOLOGY_LIMITS.overrideReasonMax} characters or fewer.`);
      }
    }
  }
  return out;
}
