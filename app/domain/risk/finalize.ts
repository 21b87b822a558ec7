// Risk model v1: from the residual and the exposure to the stored score, band and main driver.
//
// Driver rule (the one-line reason shown in lists), first match wins:
//   1. any red flag        → "Red flag: <indicator>" — the first severe flag, else the first; "(+N more)";
//   2. exposure > residual → "Via tier-N supplier <name>" (N = the step's tier when the service filled
//                            it) or "Via supplier #id, N tiers up" — the supplier at the end of the path;
//   3. otherwise the inherent part with the largest weight × value (ties: country, goods, workforce);
//      when controls count 0, followed by why: "; not assessed" / "; assessment expired" / "; no controls in place".
// Pure module: no node, kysely, remix or react imports.
import { indicatorLabel, stepName, workforceFactorLabel } from "./labels";
import { EXPOSURE_FACTOR } from "./methodology";
import { round1, round2 } from "./round";
import type { Breakdown, Methodology, Propagated, ResidualAssessment, RiskBand } from "./types";

export function bandOf(score: number, m: Pick<Methodology, "bands">): RiskBand {
  if (score >= m.bands.critical) return "critical";
  if (score >= m.bands.high) return "high";
  if (score >= m.bands.medium) return "medium";
  return "low";
}

const GOODS_KIND_LABEL = {
  forced_here: "forced labour",
  child_here: "child labour",
  input_here: "listed inputs",
  forced_elsewhere: "forced labour elsewhere",
} as const;

export function driverOf(b: Omit<Breakdown, "driver" | "band" | "score">): Breakdown["driver"] {
  const flags = [...b.flags.raised, ...(b.flags.independent ?? [])];
  if (flags.length > 0) {
    const main = flags.find((f) => f.severity === "severe") ?? flags[0]!;
    const more = flags.length > 1 ? ` (+${flags.length - 1} more)` : "";
    return { kind: "flag", label: `Red flag: ${indicatorLabel(main.indicator)}${more}` };
  }
  if (b.exposure.value > b.residual) {
    const last = b.exposure.via[b.exposure.via.length - 1];
    if (!last) return { kind: "exposure", label: "Via an upstream supplier" };
    if (typeof last.tier === "number") return { kind: "exposure", label: `Via tier-${last.tier} ${stepName(last)}` };
    const hops = b.exposure.hops;
    return { kind: "exposure", label: `Via ${stepName(last)}, ${hops} ${hops === 1 ? "tier" : "tiers"} up` };
  }
  const floor = b.floors?.goods;
  if (floor && floor.liftedBy === null && floor.value > b.residualBeforeFlags) {
    return { kind: "floor", label: `Listed good: ${floor.good}, ${floor.kind} labour (${floor.iso2}); floor ${floor.value}` };
  }
  const inherent = inherentDriver(b);
  // Without working controls the inherent part is what drives the score; say why controls count 0.
  const c = b.controls;
  if (c.maturity === 0) {
    const why = !c.assessment
      ? "not assessed"
      : c.assessment.status === "expired" || c.rawMaturity > 0
        ? "assessment expired"
        : "no controls in place";
    return { kind: inherent.kind, label: `${inherent.label}; ${why}` };
  }
  return inherent;
}

function inherentDriver(b: Omit<Breakdown, "driver" | "band" | "score">): Breakdown["driver"] {
  const { country, goods, workforce } = b.inherent;
  const cw = country.weight * country.value;
  const gw = goods.weight * goods.value;
  const ww = workforce ? workforce.weight * workforce.value : -1;
  if (cw >= gw && cw >= ww) {
    const why = country.override ? "override" : country.tier ? `TIP ${country.tier}` : "no TIP data";
    return { kind: "country", label: `Country risk: ${country.iso2} (${why})` };
  }
  const child = b.inherent.childGoods;
  const cgw = child ? child.weight * child.value : -1;
  if (gw >= ww || cgw >= ww) {
    const likely = (d: { likely?: true } | null) => (d?.likely ? ", likely from sector" : "");
    if (child?.driver && cgw > gw) {
      const d = child.driver;
      const where = d.kind === "child_here" ? ` (${d.iso2})` : " elsewhere";
      return { kind: "goods", label: `Goods: ${d.good}, child labour${where}${likely(d)}` };
    }
    const d = goods.driver;
    const label = d
      ? `Goods: ${d.good}, ${GOODS_KIND_LABEL[d.kind]}${d.kind === "forced_elsewhere" ? "" : ` (${d.iso2})`}${likely(d)}`
      : "Goods: none listed";
    return { kind: "goods", label };
  }
  const top = [...workforce!.factors].sort((a, z) => z.points - a.points)[0];
  const label = top ? workforceFactorLabel(top) : null;
  return { kind: "workforce", label: `Workforce: ${label ?? "vulnerable workforce"}` };
}

/** The full breakdown: residual + exposure → score (one decimal), band and the main driver. */
export function finalizeBreakdown(res: ResidualAssessment, exposure: Propagated, m: Methodology): Breakdown {
  const value = round2(exposure.exposure);
  const exp: Breakdown["exposure"] = {
    value,
    factor: exposure.factor ?? EXPOSURE_FACTOR,
    via: exposure.via.map((s) => ({ ...s })),
    hops: exposure.hops ?? exposure.via.length,
  };
  const score = round1(Math.max(res.residual, value));
  const partial = {
    model: res.model,
    inherent: res.inherent,
    controls: res.controls,
    residualBeforeFlags: res.residualBeforeFlags,
    flags: res.flags,
    ...(res.floors ? { floors: res.floors } : {}),
    residual: res.residual,
    exposure: exp,
  };
  return { ...partial, score, band: bandOf(score, m), driver: driverOf(partial) };
}
