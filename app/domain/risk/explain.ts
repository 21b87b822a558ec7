// Risk model v1: a breakdown in plain English, one line per named part, in the order the score is
// built: country, goods, workforce, inherent, controls, red flags, exposure, overrides, score.
// Country names come from ctx (Intl.DisplayNames in the app, so they follow the user's language);
// every other word is English, like the rest of the staff UI.
// Pure module: no node, kysely, remix or react imports.
import { isoDay } from "~/domain/dates";
import { FLAG_FLOORS } from "./flags";
import { fmt, fmtScore, indicatorLabel, stepDisplayName, workforceFactorLabel } from "./labels";
import type { Breakdown } from "./types";

export interface ExplainContext {
  countryName(iso2: string): string;
  /** The text of a question, so a red flag names the question asked rather than its internal key. */
  questionText?(questionKey: string): string | null;
}

const weight = (w: number) => w.toFixed(2);
const day = (iso: string) => isoDay(iso);

/**
 * The breakdown in plain English, one line per named part, e.g.
 * "Country: Malaysia — TIP 2025 Tier 2 → 40 × 0.45". Names are looked up through `ctx`.
 */
export function explainBreakdown(b: Breakdown, ctx: ExplainContext): string[] {
  const lines: string[] = [];
  const { country, goods, workforce } = b.inherent;
  const name = (iso2: string) => ctx.countryName(iso2) || iso2;

  const tip = country.tier && country.year !== null ? `TIP ${country.year} ${country.tier}` : "no TIP data";
  const overridden = country.override ? ` (overridden; TIP alone gives ${fmt(country.tipValue)})` : "";
  lines.push(`Country: ${name(country.iso2)} — ${tip}${overridden} → ${fmt(country.value)} × ${weight(country.weight)}`);

  let goodsText: string;
  const d = goods.driver;
  if (d?.kind === "forced_here") goodsText = `${d.good} listed for forced labour in ${name(d.iso2)} (TVPRA ${d.year})`;
  else if (d?.kind === "child_here") goodsText = `${d.good} listed for child labour in ${name(d.iso2)} (TVPRA ${d.year})`;
  else if (d?.kind === "input_here")
    goodsText = `${d.good} from ${name(d.iso2)} listed as made with inputs produced with child or forced labour (TVPRA ${d.year})`;
  else if (d?.kind === "forced_elsewhere") {
    goodsText = `${d.good} listed for forced labour in ${name(d.iso2)}, not in ${name(country.iso2)} (TVPRA ${d.year})`;
  } else if (goods.goods.length === 0) goodsText = "no goods recorded";
  else goodsText = `${goods.goods.map((g) => g.good).join(", ")} not on the TVPRA list for forced labour`;
  lines.push(`Goods: ${goodsText} → ${fmt(goods.value)} × ${weight(goods.weight)}`);

  if (workforce) {
    const factors = workforce.factors.map(workforceFactorLabel).filter((s): s is string => s !== null);
    const text = factors.length > 0 ? factors.join(", ") : "no vulnerability factors reported";
    lines.push(`Workforce: ${text} → ${fmt(workforce.value)} × ${weight(workforce.weight)}`);
  } else {
    lines.push("Workforce: no profile answered — weights shared between country and goods");
  }
  lines.push(`Inherent risk: ${fmt(b.inherent.value)}`);

  const c = b.controls;
  const formula = `residual = ${fmt(b.inherent.value)} × (1 − ${fmt(c.factor)} × ${fmt(c.maturity)}) = ${fmt(b.residualBeforeFlags)}`;
  if (!c.assessment) {
    lines.push(`Controls: not assessed (no approved assessment) → ${formula}`);
  } else {
    const a = c.assessment;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    let state: string;
    if (a.status === "valid") state = `valid until ${day(a.validUntil)}`;
    else if (a.status === "fading") state = `past ${day(a.validUntil)}, counts ${pct(a.fadeFactor)} of ${pct(c.rawMaturity)}`;
    else state = `expired ${day(a.validUntil)}, no longer counts`;
    lines.push(`Controls: maturity ${pct(c.maturity)} (assessment approved ${day(a.approvedAt)}, ${state}) → ${formula}`);
  }

  const flags = b.flags.raised;
  if (flags.length > 0) {
    const first = flags.find((f) => f.severity === "severe") ?? flags[0]!;
    const base = first.severity === "severe" ? FLAG_FLOORS.severe : FLAG_FLOORS.other;
    for (const f of [first, ...flags.filter((x) => x !== first)]) {
      const effect = f === first ? `floor ${fmt(base)}` : `+${fmt(FLAG_FLOORS.perAdditional)}`;
      const asked = ctx.questionText?.(f.questionKey);
      lines.push(
        `Red flag (${f.severity}): ${indicatorLabel(f.indicator)} — ` +
          `answer to ${asked ? `“${asked}”` : "a question of the assessment"} → ${effect}`,
      );
    }
    const floor = `${base + b.flags.extra > FLAG_FLOORS.max ? "capped floor" : "floor"} ${fmt(b.flags.floor ?? 0)}`;
    lines.push(`Residual after red flags: max(${fmt(b.residualBeforeFlags)}, ${floor}) = ${fmt(b.residual)}`);
  }

  const e = b.exposure;
  if (e.via.length === 0) lines.push("Exposure: none (no scored supplier upstream)");
  else {
    const path = e.via.map(stepDisplayName);
    if (e.hops > e.via.length) path.splice(path.length - 1, 0, `… ${e.hops - e.via.length} more …`);
    lines.push(`Exposure: ${fmt(e.factor)} × ${fmt(e.via[0]!.score)} via ${path.join(", supplied by ")} → ${fmt(e.value)}`);
  }

  if (country.override) lines.push(`Override: country risk set to ${fmt(country.override.score)} — ${country.override.reason}`);

  const from = e.value > b.residual ? `exposure ${fmt(e.value)}` : `residual ${fmt(b.residual)}`;
  lines.push(`Score: ${fmtScore(b.score)} (${b.band}) from the ${from}`);
  return lines;
}
