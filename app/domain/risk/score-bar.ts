// The geometry of the supplier page's score bar: the named parts of a score as segments laid end to
// end on a 0..100 scale, so the coloured part ends exactly at the score, and what the supplier's
// controls took away as a hatched part after it.
//
// The coloured segments are the inherent parts scaled by what the controls kept (they add up to the
// residual before flags), then what the red-flag floor added, then what upstream exposure added. The
// hatched part can only show controls that still count: when a floor or exposure lifts the score
// above the inherent risk, the controls' effect is overridden and nothing is hatched (the legend
// says so). The bar therefore never holds more than 100: score + hatched = max(score, inherent).
//
// Each segment's label value is rounded to one decimal with the largest-remainder method, so the
// legend's numbers add up to the score shown above the bar.
// Pure module: no node, kysely, remix or react imports.
import type { Breakdown } from "./types";

export type SegmentKey = "country" | "goods" | "childGoods" | "workforce" | "flags" | "floor" | "exposure";

export interface BarSegment {
  key: SegmentKey;
  label: string;
  /** Where it starts and how wide it is, in % of the bar (the bar is 0..100). */
  start: number;
  width: number;
  /** The segment's value rounded to one decimal; all values add up to the rounded score. */
  value: number;
}

export interface ScoreBarGeometry {
  score: number;
  segments: BarSegment[];
  /** What the controls removed from the inherent risk (one decimal), whether or not it still counts. */
  removedByControls: number;
  /** The hatched part after the score (start = score), 0 when a floor or exposure overrides the controls. */
  controls: { start: number; width: number };
  /** The controls removed something, but a red-flag floor or upstream exposure put the score back above it. */
  controlsOverridden: boolean;
}

const LABELS: Record<SegmentKey, string> = {
  country: "Country",
  goods: "Goods",
  childGoods: "Child-labour goods",
  workforce: "Workforce",
  flags: "Red-flag floor",
  floor: "Listed-goods floor",
  exposure: "Upstream exposure",
};

/** Segments narrower than this (in score points) are left out: they could not be seen or named. */
const MIN_SHOWN = 0.05;

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

/** Rounds `values` to one decimal so that they add up to `total` (largest remainder). */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const tenths = values.map((v) => Math.max(0, v) * 10);
  const floors = tenths.map((t) => Math.floor(t + 1e-9));
  let left = Math.round(total * 10) - floors.reduce((a, b) => a + b, 0);
  const order = tenths.map((t, i) => ({ i, rest: t - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  // Only when the parts add up to more than the total (they should not): take from the largest.
  while (left < 0) {
    const i = floors.indexOf(Math.max(...floors));
    floors[i]! -= 1;
    left += 1;
  }
  return floors.map((f) => f / 10);
}

/** Lays the parts of a breakdown out on the bar: the coloured segments end at the score. */
export function scoreBarGeometry(b: Breakdown): ScoreBarGeometry {
  const score = clamp100(b.score);
  const keep = 1 - b.controls.factor * b.controls.maturity;
  const { country, goods, workforce, childGoods } = b.inherent;
  const goodsFloor = b.floors?.goods;
  const heldByGoods = goodsFloor != null && goodsFloor.liftedBy === null && goodsFloor.value >= (b.flags.floor ?? 0);
  const raw: Array<{ key: SegmentKey; value: number }> = [
    { key: "country", value: country.value * country.weight * keep },
    { key: "goods", value: goods.value * goods.weight * keep },
    { key: "childGoods", value: childGoods ? childGoods.value * childGoods.weight * keep : 0 },
    { key: "workforce", value: workforce ? workforce.value * workforce.weight * keep : 0 },
    // What a floor added: the listed-goods floor (v2) when it is the one that holds, else the red flags'.
    { key: heldByGoods ? "floor" : "flags", value: Math.max(0, b.residual - b.residualBeforeFlags) },
    { key: "exposure", value: Math.max(0, b.exposure.value - b.residual) },
  ];
  // The stored parts are rounded to two decimals each and the score to one: scale them so that the
  // segments end exactly at the score (the correction is a few hundredths at most).
  const sum = raw.reduce((a, s) => a + s.value, 0);
  const scale = sum > 0 ? score / sum : 0;
  const shown = raw.map((s) => ({ ...s, value: s.value * scale })).filter((s) => s.value >= MIN_SHOWN);
  const rounded = roundToTotal(
    shown.map((s) => s.value),
    shown.length ? score : 0,
  );
  let start = 0;
  const segments = shown.map((s, i): BarSegment => {
    const seg = { key: s.key, label: LABELS[s.key], start, width: s.value, value: rounded[i]! };
    start += s.value;
    return seg;
  });

  const removed = Math.max(0, b.inherent.value - b.residualBeforeFlags);
  const stillCounts = Math.max(0, Math.min(removed, clamp100(b.inherent.value) - score));
  const width = stillCounts >= MIN_SHOWN ? stillCounts : 0;
  return {
    score,
    segments,
    removedByControls: Math.round(removed * 10) / 10,
    controls: { start: score, width },
    controlsOverridden: removed >= MIN_SHOWN && width === 0,
  };
}
