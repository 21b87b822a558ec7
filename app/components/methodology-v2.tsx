// "How Lantern scores risk": what risk model v2 changes, with the organisation's own v2 settings.
// Every number comes from the model's constants or the methodology, never from text.
import { CHILD_GOODS_SCORES, FORCED_GOODS_SCORES } from "~/domain/risk/inherent-v2";
import { SECTOR_GOODS, SECTOR_GOODS_VERSION } from "~/domain/risk/sector-goods";
import type { Methodology } from "~/domain/risk/types";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function ModelSection({ config }: { config: Methodology }) {
  if (config.model === "v1") {
    return (
      <section aria-labelledby="model-h" className="methodology-section" id="model">
        <h2 id="model-h">Risk model v1</h2>
        <p>
          Your organisation scores with model v1: a supplier&apos;s own answers count in full, goods count only when recorded, and child
          labour counts inside the goods part. Model v2 weighs what is proven above what is declared; an admin can preview its effect
          supplier by supplier in the methodology settings before moving to it.
        </p>
      </section>
    );
  }
  const w = config.inherentWeights;
  const total = w.country + w.goods + w.childGoods + w.workforce;
  const share = (x: number) => (total > 0 ? `${Math.round((x / total) * 100)}%` : "—");
  const F = FORCED_GOODS_SCORES;
  const C = CHILD_GOODS_SCORES;
  const forced = `Goods listed for forced labour count ${F.forced_here} in the supplier's country (${F.forced_elsewhere} elsewhere).`;
  const child = `Goods listed for child labour add a part of their own: ${C.child_here} here, ${C.child_elsewhere} elsewhere.`;
  const weights =
    `Weights: country ${share(w.country)}, forced-labour goods ${share(w.goods)}, ` +
    `child-labour goods ${share(w.childGoods)}, workforce ${share(w.workforce)}.`;
  return (
    <section aria-labelledby="model-h" className="methodology-section" id="model">
      <h2 id="model-h">Risk model v2: what is proven weighs more than what is declared</h2>
      <p>Your organisation scores with model v2. It keeps every step below and changes five things.</p>
      <ol>
        <li>
          <strong>Likely goods from the sector.</strong> A supplier with a sector but no goods recorded (an “Apparel” factory on a list)
          gets the goods its sector implies, from a table of {SECTOR_GOODS.length} sectors, each with its reason (version{" "}
          {SECTOR_GOODS_VERSION}). A likely good counts {pct(config.likelyGoodsFactor)} of the same good recorded and is labelled “likely”;
          an officer confirms it (it becomes a recorded good) or rejects it with a reason. Recorded goods that are not on the list do not
          silence the sector.
        </li>
        <li>
          <strong>Child labour is its own part.</strong> {forced} {child}
          <br />
          {weights}
        </li>
        <li>
          <strong>Credit by proof.</strong> An answer earns its full points only when a reviewer accepted a document behind it (and the
          document is still valid) or an independent audit in force covers it; an answer the supplier only declared earns{" "}
          {pct(config.declaredCredit)} of its points. Whoever uploaded a document or filled in the answer cannot accept it. Each
          supplier&apos;s page shows, per principle, how much of what it answered is declared, evidenced or verified.
        </li>
        <li>
          <strong>A floor answers alone cannot lift.</strong> While a recorded good is listed for forced or child labour in the
          supplier&apos;s own country, its score stays at {config.goodsFloor} or more, however good its answers; only an independent audit
          in force without an open critical finding lifts it. Likely goods never set this floor.
        </li>
        <li>
          <strong>Countries without a TIP placement</strong> take the placement of the state that stands for them (a territory its
          sovereign&apos;s, a micro-state its neighbour&apos;s), named as such: “TIP 2025 Tier 1 (United States, for Puerto Rico)”.
        </li>
      </ol>
      <p>
        Assessments answered on questionnaire version 1 keep counting: questions that version never asked are left out, not counted as
        unanswered.
      </p>
    </section>
  );
}
