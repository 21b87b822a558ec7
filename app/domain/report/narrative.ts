// The board report's short narrative, written from the figures alone: what changed over the period
// (from its first and last daily roll-up), the top risks, and the due-diligence work done (actions
// opened and closed, questionnaires sent and approved). Deterministic, plain English, no adjectives
// the data does not support. Pure module: no node, kysely, remix or react imports.
import type { ActionFigures, BandCounts, Funnel, Period, RiskySupplier, TrendPoint } from "./types";
import { BAND_LABELS } from "./types";
import { periodCoverage, type PeriodCoverage } from "./period";

export interface NarrativeInput {
  period: Period;
  /** "Tier 1 suppliers in Bangladesh"; null for the whole supply base. */
  scope: string | null;
  /** Daily roll-ups inside the period, oldest first. */
  trend: readonly TrendPoint[];
  now: { suppliers: number; assessed: number; bands: BandCounts; avgScore: number | null };
  riskiest: readonly RiskySupplier[];
  /** Countries with the most high and critical suppliers, most first. */
  countries: ReadonlyArray<{ name: string; high: number; critical: number }>;
  actions: ActionFigures;
  funnel: Funnel;
  assessments: { overdue: number };
}

export interface NarrativeSection {
  heading: string;
  text: string;
}

const INT = new Intl.NumberFormat("en");
const ONE = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const int = (n: number) => INT.format(n);
const score = (n: number) => ONE.format(n);
const plural = (n: number, one: string, many: string) => `${int(n)} ${n === 1 ? one : many}`;
const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "0%");

/** "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function signed(delta: number, digits: 0 | 1): string {
  const abs = digits ? score(Math.abs(delta)) : int(Math.abs(delta));
  return `${delta < 0 ? "−" : "+"}${abs}`;
}

const atRisk = (p: { high: number; critical: number }) => p.high + p.critical;

/** The days of the period that the risk roll-ups cover (days with scored suppliers only). */
export function riskCoverage(period: Period, trend: readonly TrendPoint[]): PeriodCoverage | null {
  return periodCoverage(
    period,
    trend.filter((p) => p.suppliers > 0).map((p) => p.day),
  );
}

/**
 * Says that the change in risk covers fewer days than the period under the report's heading, and
 * why (no roll-up before or after some day); null when the roll-ups span the whole period.
 */
export function coverageNote(period: Period, trend: readonly TrendPoint[]): string | null {
  const c = riskCoverage(period, trend);
  if (!c || c.whole) return null;
  const before = c.from > period.from ? `before ${c.from}` : null;
  const after = c.to < period.to ? `after ${c.to}` : null;
  const why = `no risk roll-up was recorded in it ${[before, after].filter(Boolean).join(" or ")}`;
  const window = c.from === c.to ? `only ${c.from}` : `only ${c.from} to ${c.to}`;
  return `The change in risk covers ${window} (${plural(c.days, "day", "days")} of the period's ${int(period.days)}): ${why}.`;
}

function whatChanged(i: NarrativeInput): string {
  const scope = i.scope ? ` for ${i.scope}` : "";
  const points = i.trend.filter((p) => p.suppliers > 0 && p.day >= i.period.from && p.day <= i.period.to);
  if (points.length === 0) {
    const none = `No risk roll-up was recorded${scope} in this period, so there is no change to report.`;
    return `${none} Scores are recorded each day they are computed.`;
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (points.length === 1 || first.day === last.day) {
    const avg = last.avgScore === null ? "no scored suppliers" : `an average risk score of ${score(last.avgScore)}`;
    const band = `${plural(atRisk(last), "supplier", "suppliers")} in the high or critical band`;
    return `Risk was recorded on one day in this period${scope} (${last.day}): ${avg}, with ${band}. More days are needed to show a trend.`;
  }
  // The heading names the whole period: say so when the history behind the change is shorter.
  const note = coverageNote(i.period, points);
  const sentences: string[] = note ? [note] : [];
  if (first.avgScore !== null && last.avgScore !== null) {
    const d = Math.round((last.avgScore - first.avgScore) * 10) / 10;
    const average = `Between ${first.day} and ${last.day} the average risk score${scope}`;
    const moved = `${d < 0 ? "fell" : "rose"} from ${score(first.avgScore)} to ${score(last.avgScore)} (${signed(d, 1)} points;`;
    sentences.push(
      d === 0
        ? `${average} stayed at ${score(last.avgScore)} (0 to 100, higher is riskier).`
        : `${average} ${moved} 0 to 100, higher is riskier).`,
    );
  } else {
    sentences.push(`Between ${first.day} and ${last.day}${scope}:`);
  }
  const a = atRisk(first);
  const b = atRisk(last);
  sentences.push(
    a === b
      ? `Suppliers in the high or critical band stayed at ${int(b)}.`
      : `Suppliers in the high or critical band went from ${int(a)} to ${int(b)} (${signed(b - a, 0)}), ` +
          `of which ${int(last.critical)} critical.`,
  );
  if (last.assessed !== first.assessed) {
    sentences.push(`Suppliers with a valid approved assessment went from ${int(first.assessed)} to ${int(last.assessed)}.`);
  }
  if (last.suppliers !== first.suppliers) {
    sentences.push(`The supply base counted ${int(first.suppliers)} suppliers at the start and ${int(last.suppliers)} at the end.`);
  }
  return sentences.join(" ");
}

function topRisks(i: NarrativeInput): string {
  // The scope is itself a noun phrase about suppliers ("Tier 1 suppliers in Peru"): it replaces the word.
  if (i.now.suppliers === 0) return `There are no ${i.scope ?? "suppliers"} to report on.`;
  const scope = i.scope ? ` among ${i.scope}` : "";
  const atRiskNow = i.now.bands.high + i.now.bands.critical;
  const share = `${pct(atRiskNow, i.now.suppliers)} of ${plural(i.now.suppliers, "supplier", "suppliers")}`;
  const sentences = [
    `Today ${plural(atRiskNow, "supplier is", "suppliers are")} in the high or critical band${scope} ` +
      `(${share}; ${int(i.now.bands.critical)} critical).`,
  ];
  const named = i.riskiest.slice(0, 3);
  if (named.length) {
    const described = named.map(
      (s) => `${s.name} (${s.countryName}, ${BAND_LABELS[s.band].toLowerCase()}, ${score(s.score)}${s.driver ? ` — ${s.driver}` : ""})`,
    );
    sentences.push(`The highest scores are ${listOf(described)}.`);
  }
  const countries = i.countries.filter((c) => c.high + c.critical > 0).slice(0, 3);
  if (countries.length) {
    const where = listOf(countries.map((c) => `${c.name} (${int(c.high + c.critical)})`));
    sentences.push(`Most high and critical suppliers are in ${where}.`);
  }
  if (i.now.bands.none > 0) sentences.push(`${plural(i.now.bands.none, "supplier has", "suppliers have")} no score yet.`);
  return sentences.join(" ");
}

function actionsTaken(i: NarrativeInput): string {
  const a = i.actions;
  const sentences: string[] = [];
  if (a.openedInPeriod === 0 && a.closedInPeriod === 0) sentences.push("No corrective action was opened or closed in this period.");
  else
    sentences.push(
      `In this period ${plural(a.openedInPeriod, "corrective action was", "corrective actions were")} opened ` +
        `and ${int(a.closedInPeriod)} closed.`,
    );
  if (a.open > 0) {
    const parts = [
      a.overdue ? `${int(a.overdue)} overdue` : "none overdue",
      ...(a.openRedFlags ? [`${int(a.openRedFlags)} raised by red flags`] : []),
    ];
    sentences.push(`${plural(a.open, "action remains", "actions remain")} open (${parts.join(", ")}).`);
  } else {
    sentences.push("No corrective action is open.");
  }
  const f = i.funnel;
  if (f.sent === 0) sentences.push("No questionnaire was sent to suppliers in this period.");
  else {
    const steps = `${int(f.started)} started, ${int(f.submitted)} submitted and ${int(f.approved)} approved so far`;
    sentences.push(`${plural(f.sent, "questionnaire was", "questionnaires were")} sent in this period: ${steps}.`);
  }
  const of = `${int(i.now.assessed)} of ${plural(i.now.suppliers, "supplier", "suppliers")}`;
  const assessed = `${of} (${pct(i.now.assessed, i.now.suppliers)}) hold a valid approved assessment`;
  sentences.push(
    i.assessments.overdue
      ? `${assessed}; ${plural(i.assessments.overdue, "questionnaire is", "questionnaires are")} overdue.`
      : `${assessed}.`,
  );
  return sentences.join(" ");
}

/** Three short sections: what changed, the top risks, the actions taken. */
export function writeNarrative(i: NarrativeInput): NarrativeSection[] {
  return [
    { heading: "What changed", text: whatChanged(i) },
    { heading: "Top risks", text: topRisks(i) },
    { heading: "Due diligence", text: actionsTaken(i) },
  ];
}
