// A score explained to a person: a few plain sentences, in the order a reader asks "why?": where the
// supplier is and what it makes, what it told us and how much of that is proven, what holds the score
// up (red flags, a listed good), and what its own suppliers add. No question keys, no formulas: the
// arithmetic stays in explainBreakdown ("How this score is calculated"). Scores have one decimal.
// Works for v1 and v2 breakdowns (v1 has no likely goods, proof or goods floor).
// Pure module: no node, kysely, remix or react imports.
import { isoDay } from "~/domain/dates";
import { fmtScore, indicatorLabel, stepDisplayName } from "./labels";
import type { Breakdown, GoodsPart } from "./types";

export interface SummaryContext {
  countryName(iso2: string): string;
  /** The text of a question, so a red flag names the question asked. */
  questionText?(questionKey: string): string | null;
  /** Staff who filled in answers on the supplier's behalf (their names), when any did. */
  filledBy?: readonly string[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

function countrySentence(b: Breakdown, name: (iso2: string) => string): string {
  const c = b.inherent.country;
  if (c.override) return `${name(c.iso2)}: country risk set by your methodology to ${fmtScore(c.override.score)} (${c.override.reason}).`;
  if (c.tier === null) return `${name(c.iso2)}: no TIP placement, and no other state's placement stands for it, so it counts as unknown.`;
  if (c.standIn) {
    return `${name(c.iso2)} has no TIP placement of its own; ${name(c.standIn.iso2)}'s stands for it (TIP ${c.year} ${c.tier}).`;
  }
  return `${name(c.iso2)}: TIP ${c.year} ${c.tier}.`;
}

function goodsSentences(b: Breakdown, name: (iso2: string) => string): string[] {
  const out: string[] = [];
  const g: GoodsPart = b.inherent.goods;
  const recorded = g.goods.filter((x) => !x.likely).map((x) => x.good);
  const likely = g.likely?.goods.filter((x) => !x.rejected && !x.recorded).map((x) => x.good) ?? [];
  if (g.likely && likely.length > 0) {
    const what = recorded.length === 0 ? "No goods recorded; likely goods from its sector" : "Likely goods from its sector";
    out.push(
      `${what} “${g.likely.sector}”: ${list(likely)} (counted at ${pct(g.likely.factor)} until an officer confirms or rejects them).`,
    );
  } else if (recorded.length === 0) {
    out.push("No goods recorded.");
  }
  const d = g.driver;
  const child = b.inherent.childGoods?.driver;
  const tag = (x: { likely?: true } | null | undefined) => (x?.likely ? " (likely)" : "");
  if (d?.kind === "forced_here") out.push(`${d.good}${tag(d)} is listed for forced labour in ${name(d.iso2)} (TVPRA ${d.year}).`);
  else if (d?.kind === "child_here") out.push(`${d.good} is listed for child labour in ${name(d.iso2)} (TVPRA ${d.year}).`);
  else if (d?.kind === "input_here")
    out.push(`${d.good}${tag(d)} from ${name(d.iso2)} is listed as made with inputs produced by forced or child labour.`);
  else if (d?.kind === "forced_elsewhere") out.push(`${d.good}${tag(d)} is listed for forced labour in ${name(d.iso2)}, not here.`);
  if (child?.kind === "child_here")
    out.push(`${child.good}${tag(child)} is listed for child labour in ${name(child.iso2)} (TVPRA ${child.year}).`);
  else if (child?.kind === "child_elsewhere" && !d)
    out.push(`${child.good}${tag(child)} is listed for child labour elsewhere (${name(child.iso2)}).`);
  if (!d && !child && recorded.length > 0) out.push(`${list(recorded)}: not on the TVPRA list.`);
  return out;
}

function controlsSentences(b: Breakdown, ctx: SummaryContext): string[] {
  const c = b.controls;
  const a = c.assessment;
  if (!a) {
    const none = "Not assessed: no approved questionnaire, so its controls count as nothing.";
    return c.verification ? [none, `Independently audited: ${c.verification}.`] : [none];
  }
  const own = ctx.filledBy?.length
    ? `the supplier's own answers (filled in by ${list([...ctx.filledBy])} on its behalf)`
    : "the supplier's own answers";
  const out = [`Controls: ${own}, approved ${isoDay(a.approvedAt)}, reach ${pct(c.maturity)} of full marks.`];
  if (a.status === "valid")
    out[0] += ` They count fully until ${isoDay(a.validUntil)}${a.fadeEnd ? ` and no longer count from ${isoDay(a.fadeEnd)}` : ""}.`;
  else if (a.status === "fading") {
    const end = a.fadeEnd ? `, and not at all from ${isoDay(a.fadeEnd)}` : "";
    out[0] += ` Past ${isoDay(a.validUntil)} they count less each day (${pct(a.fadeFactor)} now)${end}.`;
  } else out[0] += ` They expired on ${isoDay(a.validUntil)} and no longer count.`;
  if (c.declaredCredit !== undefined) {
    const shares = c.principles.filter((p) => p.proof && p.answered > 0);
    const declared = shares.filter((p) => (p.proof?.declared ?? 0) > 0.5).map((p) => p.principle);
    if (c.verification) out.push(`Independently verified by ${c.verification}.`);
    if (declared.length > 0) {
      out.push(`Answers without an accepted document count ${pct(c.declaredCredit)}: mostly declared for ${list(declared)}.`);
    } else if (shares.length > 0) out.push("Most answered controls are backed by accepted documents.");
  }
  return out;
}

function floorSentences(b: Breakdown, ctx: SummaryContext): string[] {
  const out: string[] = [];
  const flags = b.flags.raised;
  for (const f of flags) {
    const asked = ctx.questionText?.(f.questionKey);
    out.push(
      `Red flag${f.severity === "severe" ? " (severe)" : ""}: ${indicatorLabel(f.indicator)}` +
        `${asked ? `, from the answer to “${asked}”` : ""}.`,
    );
  }
  for (const f of b.flags.independent ?? []) {
    out.push(`Red flag${f.severity === "severe" ? " (severe)" : ""}: ${indicatorLabel(f.indicator)}, from ${f.source.label}.`);
  }
  if (flags.length + (b.flags.independent?.length ?? 0) > 0 && b.flags.floor !== null)
    out.push(`Red flags keep the score at ${fmtScore(b.flags.floor)} or more.`);
  const floor = b.floors?.goods;
  if (floor && floor.liftedBy === null) {
    const held = floor.value > b.residualBeforeFlags && (b.flags.floor ?? 0) < floor.value;
    out.push(
      `Because ${floor.good} is listed for ${floor.kind} labour in its own country, the score stays at ` +
        `${fmtScore(floor.value)} or more until an independent audit lifts it${held ? " (it holds the score now)" : ""}.`,
    );
  } else if (floor) out.push(`${floor.good} is listed for its country, but ${floor.liftedBy} lifts the floor.`);
  return out;
}

/** The score explained in plain sentences, for the main text of the supplier page. */
export function summarizeBreakdown(b: Breakdown, ctx: SummaryContext): string[] {
  const name = (iso2: string) => ctx.countryName(iso2) || iso2;
  const lines = [countrySentence(b, name), ...goodsSentences(b, name), ...controlsSentences(b, ctx), ...floorSentences(b, ctx)];
  const e = b.exposure;
  if (e.via.length > 0 && e.value > b.residual) {
    const end = e.via[e.via.length - 1]!;
    lines.push(
      `Its own score would be ${fmtScore(b.residual)}; its supply chain raises it to ${fmtScore(e.value)} through ` +
        `${stepDisplayName(end)}${end.country ? ` (${name(end.country)})` : ""}, scored ${fmtScore(end.score)}.`,
    );
  }
  return lines;
}
