// The risk model in plain words, for a reader without the manual. Every number comes from the model's
// constants or from the tenant's methodology (weights, bands, validity, overrides), never from text.
import { CONTROL_FACTOR, EXPOSURE_FACTOR } from "~/domain/risk/methodology";
import { GOODS_SCORES, NO_TIP_DATA_SCORE, WORKFORCE_BASELINE, WORKFORCE_POINTS } from "~/domain/risk/inherent";
import { FLAG_FLOORS } from "~/domain/risk/flags";
import { INDICATOR_LABELS } from "~/domain/risk/labels";
import type { Methodology } from "~/domain/risk/types";
import {
  CHILD_LABOUR_INDICATORS,
  ILO_INDICATORS,
  PRINCIPLES,
  SEVERE_INDICATORS,
  STATE_IMPOSED_INDICATOR,
  type FlagIndicator,
} from "~/domain/questionnaire/types";
import { BAND_LABELS, bandRanges } from "./methodology-summary";
import type { ReferenceSummary } from "./methodology-sources";
import { formatInt } from "./format";

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const pct = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 100) : 0);
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function ScoreSection({ config }: { config: Methodology }) {
  return (
    <section aria-labelledby="score-h" className="methodology-section" id="score">
      <h2 id="score-h">What the score means</h2>
      <p>
        Every supplier gets a risk score from 0 to 100: <strong>the higher, the more likely</strong> it is that forced labour or trafficking
        is part of what it makes. It is not a verdict, it is a way to decide where to look first. The score is always the sum of named
        parts, and each supplier&apos;s page lists them under &ldquo;How this score is calculated&rdquo;, with the data each one comes from.
      </p>
      <table className="table compact methodology-band-table">
        <caption className="sr-only">Bands</caption>
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col">Scores</th>
          </tr>
        </thead>
        <tbody>
          {bandRanges(config.bands).map((b) => (
            <tr key={b.band}>
              <th scope="row">
                <span className={`methodology-band band-${b.band}`}>{BAND_LABELS[b.band]}</span>
              </th>
              <td>{b.to === null ? `${b.from} to 100` : `${b.from} to under ${b.to}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>In short, the score is built in five steps:</p>
      <ol>
        <li>
          how risky the supplier&apos;s situation is to begin with (its country, its goods, its workforce): the{" "}
          <a href="#inherent">inherent risk</a>;
        </li>
        <li>
          how well its own policies and practices guard against it, from its answers to the questionnaire: <a href="#controls">controls</a>;
        </li>
        <li>
          the first reduced by the second: the <a href="#residual">residual risk</a>;
        </li>
        <li>
          answers that point straight at forced labour raise it to a minimum: <a href="#flags">red flags</a>;
        </li>
        <li>
          and a supplier that buys from a risky supplier carries part of that risk: <a href="#tiers">risk from its own suppliers</a>.
        </li>
      </ol>
    </section>
  );
}

export function InherentSection({ config, tip }: { config: Methodology; tip: ReferenceSummary["tip"] }) {
  const w = config.inherentWeights;
  const total = w.country + w.goods + w.workforce;
  const P = WORKFORCE_POINTS;
  return (
    <section aria-labelledby="inherent-h" className="methodology-section" id="inherent">
      <h2 id="inherent-h">1. Inherent risk: where and what</h2>
      <p>
        Before anyone asks the supplier a question, some situations are riskier than others. Lantern combines three parts, each from 0 to
        100, with your organization&apos;s weights: <strong>country {pct(w.country, total)}%</strong>,{" "}
        <strong>goods {pct(w.goods, total)}%</strong> and <strong>workforce {pct(w.workforce, total)}%</strong>. When a supplier has not
        described its workforce yet, country and goods share the whole weight in the same proportion.
      </p>
      <h3 className="h3">Country</h3>
      <p>
        From the tier in which the US State Department&apos;s Trafficking in Persons report places the supplier&apos;s country (the latest
        report that covers it; the year is shown in each breakdown):
      </p>
      <table className="table compact methodology-tiers">
        <thead>
          <tr>
            <th scope="col">TIP tier</th>
            <th scope="col" className="num">
              Country risk
            </th>
            <th scope="col" className="num">
              Countries now
            </th>
          </tr>
        </thead>
        <tbody>
          {tip.byTier.map((t) => (
            <tr key={t.tier}>
              <th scope="row">{t.tier}</th>
              <td className="num">{t.score}</td>
              <td className="num">{t.countries}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">No placement</th>
            <td className="num">{NO_TIP_DATA_SCORE}</td>
            <td className="num">—</td>
          </tr>
        </tbody>
      </table>
      <p>
        Tier 1 means a government fully meets the minimum standards against trafficking; Tier 3 means it does not and is not making
        significant efforts. An admin can replace a country&apos;s value with an <a href="#overrides">override</a>, always with a reason.
      </p>
      <h3 className="h3">Goods</h3>
      <p>
        From the US Department of Labor&apos;s list of goods made with child or forced labour, for the goods the supplier makes; the
        riskiest good counts:
      </p>
      <ul>
        <li>
          listed for forced labour <em>in the supplier&apos;s country</em>: <strong>{GOODS_SCORES.forced_here}</strong>;
        </li>
        <li>
          listed for child labour (only) in its country: <strong>{GOODS_SCORES.child_here}</strong>;
        </li>
        <li>
          listed for forced labour, but in other countries: <strong>{GOODS_SCORES.forced_elsewhere}</strong>;
        </li>
        <li>
          not listed, or no goods recorded: <strong>{GOODS_SCORES.none}</strong>.
        </li>
      </ul>
      <h3 className="h3">Workforce</h3>
      <p>
        From the profile questions at the start of the questionnaire. It starts at {WORKFORCE_BASELINE} and adds points for what makes
        workers vulnerable: up to {r2(P.migrantPerPercent * 100)} for migrant workers ({P.migrantPerPercent} per percent of the workforce),
        up to {r2(P.temporaryPerPercent * 100)} for temporary workers, {P.usesAgencies} for using recruitment agencies and up to{" "}
        {P.unlicensedAgencies} more when they are not all licensed, {P.feesCharged} when workers pay recruitment fees and up to{" "}
        {P.feesNotRepaid} more when the fees are not repaid.
      </p>
    </section>
  );
}

export function ControlsSection({ config, principleLabels }: { config: Methodology; principleLabels: Record<string, string> }) {
  const total = PRINCIPLES.reduce((s, p) => s + config.principleWeights[p], 0);
  return (
    <section aria-labelledby="controls-h" className="methodology-section" id="controls">
      <h2 id="controls-h">2. Controls: what the supplier does about it</h2>
      <p>
        The questionnaire follows the seven Athens Ethical Principles against human trafficking (2006). Each answer earns points for a good
        practice; an unanswered question earns none, and a question that does not apply is left out. Each principle gets a score from 0 to
        100%, and they are combined into the supplier&apos;s <strong>control maturity</strong> with your organization&apos;s weights:
      </p>
      <table className="table compact methodology-principles-table">
        <thead>
          <tr>
            <th scope="col">Principle</th>
            <th scope="col" className="num">
              Share of maturity
            </th>
          </tr>
        </thead>
        <tbody>
          {PRINCIPLES.map((p) => (
            <tr key={p}>
              <th scope="row">
                {p} {principleLabels[p] ?? ""}
              </th>
              <td className="num">{pct(config.principleWeights[p], total)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="h3">Only a recent, approved assessment counts</h3>
      <p>
        Answers count once a compliance officer has reviewed and approved them. They count in full for{" "}
        <strong>{config.validityMonths} months</strong> after approval;{" "}
        {config.fadeMonths > 0 ? (
          <>
            then they count less and less, evenly, until they count for nothing <strong>{config.fadeMonths} months</strong> later.
          </>
        ) : (
          <>then they stop counting at once.</>
        )}{" "}
        A supplier without an approved assessment is marked <em>not assessed</em>, and its controls count as zero: it keeps its full
        inherent risk.
      </p>
    </section>
  );
}

export function ResidualSection() {
  const I = 60;
  const M = 0.5;
  return (
    <section aria-labelledby="residual-h" className="methodology-section" id="residual">
      <h2 id="residual-h">3. Residual risk: inherent risk reduced by controls</h2>
      <p className="methodology-formula">residual = inherent × (1 − {CONTROL_FACTOR} × maturity)</p>
      <p>
        Good controls lower the risk, but never to zero: even a perfect questionnaire removes at most {Math.round(CONTROL_FACTOR * 100)}% of
        it, because a questionnaire is the supplier&apos;s own word. For example, an inherent risk of {I} with a maturity of {M * 100}%
        gives {I} × (1 − {CONTROL_FACTOR} × {M}) = <strong>{r1(I * (1 - CONTROL_FACTOR * M))}</strong>.
      </p>
    </section>
  );
}

export function FlagsSection() {
  return (
    <section aria-labelledby="flags-h" className="methodology-section" id="flags">
      <h2 id="flags-h">4. Red flags: a floor under the score</h2>
      <p>
        Some answers point straight at forced labour, as described by the eleven indicators of the International Labour Organization. One
        such answer puts a <strong>minimum</strong> under the residual risk, whatever the controls: <strong>{FLAG_FLOORS.severe}</strong> if
        the indicator is severe, <strong>{FLAG_FLOORS.other}</strong> otherwise, plus {FLAG_FLOORS.perAdditional} for each further flag, up
        to {FLAG_FLOORS.max}. A red flag never lowers a score, and it stays until a newer approved assessment no longer raises it. Each one
        also opens a corrective action.
      </p>
      <ul className="methodology-indicators">
        {ILO_INDICATORS.map((i) => (
          <IndicatorItem key={i} indicator={i} />
        ))}
      </ul>
      <p>
        Questionnaire version 2 raises three more kinds of red flag, with the same floors. Child labour is not one of the ILO&apos;s
        forced-labour indicators but its own harm: a worker below the legal minimum age, and hazardous work by anyone under 18. Forced
        labour imposed by a state is named apart: workers placed through a government labour-transfer programme, prison labour, and raw
        materials from regions that regulators single out under forced-labour laws, such as Xinjiang under the Uyghur Forced Labor
        Prevention Act.
      </p>
      <ul className="methodology-indicators">
        {[...CHILD_LABOUR_INDICATORS, STATE_IMPOSED_INDICATOR].map((i) => (
          <IndicatorItem key={i} indicator={i} />
        ))}
      </ul>
    </section>
  );
}

function IndicatorItem({ indicator }: { indicator: FlagIndicator }) {
  return (
    <li>
      {cap(INDICATOR_LABELS[indicator])} {SEVERE_INDICATORS.includes(indicator) ? <span className="badge flag-severe">severe</span> : null}
    </li>
  );
}

export function TiersSection() {
  const s = 80;
  const one = r1(EXPOSURE_FACTOR * s);
  const two = r1(EXPOSURE_FACTOR * one);
  return (
    <section aria-labelledby="tiers-h" className="methodology-section" id="tiers">
      <h2 id="tiers-h">5. Risk from its own suppliers</h2>
      <p>
        Forced labour is most often found deep in a supply chain, at a spinning mill or a cotton farm rather than at the factory you buy
        from. So a supplier also carries <strong>{Math.round(EXPOSURE_FACTOR * 100)}%</strong> of the score of its riskiest own supplier,
        and that one of its own, and so on down the tiers. Its final score is the higher of its own residual risk and this exposure.
      </p>
      <p>
        For example, a tier-3 cotton gin scored {s} gives its tier-2 spinning mill at least {EXPOSURE_FACTOR} × {s} = {one}, and the tier-1
        garment factory that buys the yarn at least {EXPOSURE_FACTOR} × {one} = {two}. The breakdown names the path (&ldquo;via the spinning
        mill …, supplied by the gin …&rdquo;), so you can see where the risk comes from. Exposure never exceeds the worst score below it.
      </p>
    </section>
  );
}

export function RecomputeSection({ inlineLimit }: { inlineLimit: number }) {
  return (
    <section aria-labelledby="recompute-h" className="methodology-section" id="recompute">
      <h2 id="recompute-h">When scores are recomputed</h2>
      <p>A supplier&apos;s score is computed again, together with every supplier that buys from it, when:</p>
      <ul>
        <li>it is created, or its country or goods change (by hand or by a CSV import);</li>
        <li>a supply link is added or removed, or a supplier in its chain is deleted;</li>
        <li>a questionnaire of it is approved;</li>
        <li>an approved questionnaire passes its validity and starts to fade (checked daily);</li>
        <li>
          an admin saves a new methodology version, or a new edition of the reference data is loaded (then every score is recomputed).
        </li>
      </ul>
      <p>
        Up to {formatInt(inlineLimit)} suppliers are recomputed at once; larger changes run in the background, and the pages say so while
        they run. A score that does not change adds no new entry; one that does is added to the supplier&apos;s history, with the reason.
      </p>
    </section>
  );
}
