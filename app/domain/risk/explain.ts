// Risk models v1 and v2: the arithmetic of a score in plain English ("How this score is calculated"),
// one line per named part, in the order the score is built: country, goods (v2: forced and child
// labour), workforce, inherent, controls (v2: credit by proof), red flags, the listed-goods floor (v2),
// exposure, overrides, score. Values on the 0–100 scale have one decimal; weights and factors two.
// The person-facing summary is summary.ts.
// Country names come from ctx (Intl.DisplayNames in the app, so they follow the user's language);
// every other word is English, like the rest of the staff UI.
// Pure module: no node, kysely, remix or react imports.
import { isoDay } from "~/domain/dates";
import { FLAG_FLOORS } from "./flags";
import { fmt, fmtScore, indicatorLabel, stepDisplayName, workforceFactorLabel } from "./labels";
import type { Breakdown } from "./types";

function childGoodsLines(b: Breakdown, name: (iso2: string) => string): string[] {
  const child = b.inherent.childGoods;
  if (!child) return [];
  const d = child.driver;
  const likely = d?.likely ? `, likely from sector × ${fmt(b.inherent.goods.likely?.factor ?? 1)}` : "";
  const text = !d
    ? "no good listed for child labour"
    : d.kind === "child_here"
      ? `${d.good} listed for child labour in ${name(d.iso2)} (TVPRA ${d.year})${likely}`
      : `${d.good} listed for child labour in ${name(d.iso2)}, not here (TVPRA ${d.year})${likely}`;
  return [`Goods (child labour): ${text} → ${val(child.value)} × ${weight(child.weight)}`];
}

export interface ExplainContext {
  countryName(iso2: string): string;
  /** The text of a question, so a red flag names the question asked rather than its internal key. */
  questionText?(questionKey: string): string | null;
}

const weight = (w: number) => w.toFixed(2);
/** A value on the 0–100 scale: one decimal, like every score the app shows. */
const val = fmtScore;
const day = (iso: string) => isoDay(iso);

/**
 * The breakdown in plain English, one line per named part, e.g.
 * "Country: Malaysia — TIP 2025 Tier 2 → 40 × 0.45". Names are looked up through `ctx`.
 */
export function explainBreakdown(b: Breakdown, ctx: ExplainContext): string[] {
  const lines: string[] = [];
  const { country, goods, workforce } = b.inherent;
  const name = (iso2: string) => ctx.countryName(iso2) || iso2;

  const standIn = country.standIn ? ` (${name(country.standIn.iso2)}, for ${name(country.iso2)})` : "";
  const tip = country.tier && country.year !== null ? `TIP ${country.year} ${country.tier}${standIn}` : "no TIP data";
  const overridden = country.override ? ` (overridden; TIP alone gives ${val(country.tipValue)})` : "";
  lines.push(`Country: ${name(country.iso2)} — ${tip}${overridden} → ${val(country.value)} × ${weight(country.weight)}`);

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
  if (d?.likely) goodsText += `, likely from sector “${goods.likely?.sector ?? ""}” × ${fmt(goods.likely?.factor ?? 1)}`;
  const label = b.inherent.childGoods ? "Goods (forced labour)" : "Goods";
  lines.push(`${label}: ${goodsText} → ${val(goods.value)} × ${weight(goods.weight)}`);
  lines.push(...childGoodsLines(b, name));

  if (workforce) {
    const factors = workforce.factors.map(workforceFactorLabel).filter((s): s is string => s !== null);
    const text = factors.length > 0 ? factors.join(", ") : "no vulnerability factors reported";
    lines.push(`Workforce: ${text} → ${val(workforce.value)} × ${weight(workforce.weight)}`);
  } else {
    lines.push("Workforce: no profile answered — weights shared between country and goods");
  }
  lines.push(`Inherent risk: ${val(b.inherent.value)}`);

  const c = b.controls;
  if (c.declaredCredit !== undefined && c.assessment) {
    const parts = c.principles
      .filter((p) => p.applicable > 0 && p.answeredScore !== undefined)
      .map((p) => `${p.principle} ${fmt(p.answeredScore!)} → ${fmt(p.score)}`);
    lines.push(`Credit by proof: declared answers × ${fmt(c.declaredCredit)}, evidenced or verified × 1 (${parts.join(", ")})`);
  }
  if (c.verification) lines.push(`Independent verification: ${c.verification}`);
  const formula = `residual = ${val(b.inherent.value)} × (1 − ${fmt(c.factor)} × ${fmt(c.maturity)}) = ${val(b.residualBeforeFlags)}`;
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

  // Answers' flags and independent ones (audit findings, …) in one list: the first severe one sets the floor.
  const flags = [
    ...b.flags.raised.map((f) => {
      const asked = ctx.questionText?.(f.questionKey);
      return { ...f, from: `answer to ${asked ? `“${asked}”` : "a question of the assessment"}` };
    }),
    ...(b.flags.independent ?? []).map((f) => ({ ...f, from: f.source.label })),
  ];
  if (flags.length > 0) {
    const first = flags.find((f) => f.severity === "severe") ?? flags[0]!;
    const base = first.severity === "severe" ? FLAG_FLOORS.severe : FLAG_FLOORS.other;
    for (const f of [first, ...flags.filter((x) => x !== first)]) {
      const effect = f === first ? `floor ${val(base)}` : `+${val(FLAG_FLOORS.perAdditional)}`;
      lines.push(`Red flag (${f.severity}): ${indicatorLabel(f.indicator)} — ${f.from} → ${effect}`);
    }
    const floor = `${base + b.flags.extra > FLAG_FLOORS.max ? "capped floor" : "floor"} ${val(b.flags.floor ?? 0)}`;
    lines.push(`Residual after red flags: max(${val(b.residualBeforeFlags)}, ${floor}) = ${val(b.residual)}`);
  }

  const floor = b.floors?.goods;
  if (floor) {
    const holds = floor.liftedBy === null ? `floor ${val(floor.value)}` : `floor lifted by ${floor.liftedBy}`;
    lines.push(`Listed good: ${floor.good} (${floor.kind} labour, ${name(floor.iso2)}, TVPRA ${floor.year}) → ${holds}`);
    if (floor.liftedBy === null && b.residual === floor.value) lines.push(`Residual after floors: ${val(b.residual)}`);
  }

  const e = b.exposure;
  if (e.via.length === 0) lines.push("Exposure: none (no scored supplier upstream)");
  else {
    const path = e.via.map(stepDisplayName);
    if (e.hops > e.via.length) path.splice(path.length - 1, 0, `… ${e.hops - e.via.length} more …`);
    lines.push(`Exposure: ${fmt(e.factor)} × ${val(e.via[0]!.score)} via ${path.join(", supplied by ")} → ${val(e.value)}`);
  }

  if (country.override) lines.push(`Override: country risk set to ${val(country.override.score)} — ${country.override.reason}`);

  const from = e.value > b.residual ? `exposure ${val(e.value)}` : `residual ${val(b.residual)}`;
  lines.push(`Score: ${fmtScore(b.score)} (${b.band}) from the ${from}`);
  return lines;
}
