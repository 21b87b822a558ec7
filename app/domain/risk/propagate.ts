// Risk model v1, step 6: tier propagation.
//   exposure(s)  = round2(factor × max score(own suppliers))     (0 when none has a score)
//   score(s)     = round1(max(residual(s), exposure(s)))           = what finalizeBreakdown stores
// Using the stored (rounded) score of each supplier makes an incremental run, whose outside
// suppliers come from stored rows (`fixed`), give exactly what a full run gives.
//
// - The best supplier is the one with the highest score; ties go to the lowest supplier id.
// - via(s) = [best supplier u] followed by via(u) when u's own score is driven by its exposure
//   (exposure(u) > residual(u)), else by nothing: the path ends at the supplier whose own residual
//   drives it. It is the path of the exposure whether or not the exposure drives s's score.
// - A path longer than MAX_VIA_STEPS keeps its first MAX_VIA_STEPS − 1 steps and its last one (the
//   supplier that drives it); `hops` keeps the full length. This is the same whether it is computed
//   in one run or through `fixed`, and keeps the work linear on very deep chains.
// - Paths share their step objects with their suppliers' paths (copy before mutating one, as
//   finalizeBreakdown does); steps from `fixed` are copied.
// - Kahn's algorithm over flat typed arrays: O(V + E), no recursion. Suppliers listed more than once
//   count once. A cycle among `nodes` (the registry refuses them, so it means bad data) throws.
// Pure module: no node, kysely, remix or react imports.
import { EXPOSURE_FACTOR } from "./methodology";
import { round1, round2 } from "./round";
import type { Breakdown, ExposureStep, FixedScore, Propagated, PropagationNode } from "./types";

export const MAX_VIA_STEPS = 12;

function shorten(path: ExposureStep[]): ExposureStep[] {
  if (path.length <= MAX_VIA_STEPS) return path;
  return [...path.slice(0, MAX_VIA_STEPS - 1), path[path.length - 1]!];
}

const copyStep = (s: ExposureStep): ExposureStep => ({ ...s });

/**
 * Tier propagation: effective(s) = max(R(s), factor × max effective(own suppliers)). `nodes` are
 * the suppliers to compute (a closed-downward set: every buyer of a changed supplier is in it);
 * suppliers referenced but not in `nodes` take their value from `fixed` (missing = no exposure).
 * Deterministic: ties go to the lowest supplier id. Throws on a cycle among `nodes`.
 */
export function propagate(
  nodes: ReadonlyMap<number, PropagationNode>,
  fixed: ReadonlyMap<number, FixedScore>,
  factor: number = EXPOSURE_FACTOR,
): Map<number, Propagated> {
  if (!(Number.isFinite(factor) && factor >= 0 && factor <= 1))
    throw new Error(`propagate: the factor must be between 0 and 1, got ${factor}`);
  const { n, ids, list, supStart, sup, outsideIds, pending, buyerCount, buyers } = supplyGraph(nodes);

  const outside: (FixedScore | undefined)[] = outsideIds.map((id) => fixed.get(id));
  const score = new Float64Array(n);
  const driven = new Uint8Array(n); // 1 = the exposure drives the score
  const via: ExposureStep[][] = new Array<ExposureStep[]>(n);
  const hops = new Float64Array(n);
  const result: Propagated[] = new Array<Propagated>(n);

  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let k = 0; k < n; k++) if (pending[k] === 0) queue[tail++] = k;

  while (head < tail) {
    const k = queue[head++]!;
    let best = -1;
    let bestId = 0;
    let bestRef = 0; // supplier reference as in `sup`
    for (let e = supStart[k]!; e < supStart[k + 1]!; e++) {
      const ref = sup[e]!;
      if (ref === -2147483648) continue;
      let s: number;
      let id: number;
      if (ref >= 0) {
        s = score[ref]!;
        id = ids[ref]!;
      } else {
        const f = outside[-1 - ref];
        if (f === undefined) continue;
        s = f.score;
        id = outsideIds[-1 - ref]!;
      }
      if (s > best || (s === best && id < bestId)) {
        best = s;
        bestId = id;
        bestRef = ref;
      }
    }

    const residual = list[k]!.residual;
    let exposure = 0;
    let path: ExposureStep[] = [];
    let h = 0;
    if (best >= 0) {
      exposure = round2(factor * best);
      const head: ExposureStep = { supplierId: bestId, score: best };
      if (bestRef >= 0) {
        // Step objects are shared with the supplier's path (finalizeBreakdown copies them).
        path = driven[bestRef] ? shorten([head, ...via[bestRef]!]) : [head];
        h = 1 + (driven[bestRef] ? hops[bestRef]! : 0);
      } else {
        const f = outside[-1 - bestRef]!;
        path = shorten([head, ...f.via.map(copyStep)]);
        h = 1 + (f.hops ?? f.via.length);
      }
    }
    score[k] = round1(Math.max(residual, exposure));
    driven[k] = exposure > residual ? 1 : 0;
    via[k] = path;
    hops[k] = h;
    result[k] = { score: score[k]!, exposure, via: path, hops: h, factor };

    for (let b = buyerCount[k]!; b < buyerCount[k + 1]!; b++) {
      const buyer = buyers[b]!;
      if (--pending[buyer]! === 0) queue[tail++] = buyer;
    }
  }

  if (tail < n) throw new Error(`propagate: the supply graph has a cycle: ${describeCycle(ids, supStart, sup, pending)}`);

  const out = new Map<number, Propagated>();
  for (let k = 0; k < n; k++) out.set(ids[k]!, result[k]!);
  return out;
}

/**
 * The nodes as flat arrays: each node's suppliers (an index into `nodes`, or -1 - position in
 * `outsideIds` for a supplier outside the set, duplicates skipped), how many of its suppliers in the
 * set are still to compute, and its buyers (CSR), to release them in topological order.
 */
function supplyGraph(nodes: ReadonlyMap<number, PropagationNode>) {
  const n = nodes.size;
  const ids: number[] = new Array<number>(n);
  const list: PropagationNode[] = new Array<PropagationNode>(n);
  const index = new Map<number, number>();
  let i = 0;
  for (const [id, node] of nodes) {
    ids[i] = id;
    list[i] = node;
    index.set(id, i);
    i++;
  }

  // Suppliers of each node, resolved once: an index into `nodes`, or -1 - (position in outsideIds).
  const supStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) supStart[k + 1] = supStart[k]! + list[k]!.suppliers.length;
  const sup = new Int32Array(supStart[n]!);
  const outsideIds: number[] = [];
  const outsideIndex = new Map<number, number>();
  const pending = new Int32Array(n);
  const buyerCount = new Int32Array(n + 1);
  // stamp[j] = k + 1 once node k has listed supplier j (in the set), outsideStamp likewise.
  const stamp = new Int32Array(n);
  const outsideStamp: number[] = [];
  for (let k = 0; k < n; k++) {
    let at = supStart[k]!;
    for (const sid of list[k]!.suppliers) {
      const j = index.get(sid);
      if (j !== undefined) {
        if (stamp[j] === k + 1) continue;
        stamp[j] = k + 1;
        sup[at++] = j;
        pending[k]!++;
        buyerCount[j + 1]!++;
      } else {
        let o = outsideIndex.get(sid);
        if (o === undefined) {
          o = outsideIds.length;
          outsideIds.push(sid);
          outsideIndex.set(sid, o);
          outsideStamp.push(0);
        }
        if (outsideStamp[o] === k + 1) continue;
        outsideStamp[o] = k + 1;
        sup[at++] = -1 - o;
      }
    }
    for (; at < supStart[k + 1]!; at++) sup[at] = -2147483648; // duplicate: skipped below
  }

  // Buyers of each node (CSR).
  for (let k = 0; k < n; k++) buyerCount[k + 1]! += buyerCount[k]!;
  const fill = buyerCount.slice(0, n);
  const buyers = new Int32Array(buyerCount[n]!);
  for (let k = 0; k < n; k++) {
    for (let e = supStart[k]!; e < supStart[k + 1]!; e++) {
      const j = sup[e]!;
      if (j >= 0) buyers[fill[j]!++] = k;
    }
  }
  return { n, ids, list, supStart, sup, outsideIds, pending, buyerCount, buyers };
}

/** A cycle among the nodes Kahn's algorithm could not release, as "a supplies b supplies … a". */
function describeCycle(ids: readonly number[], supStart: Int32Array, sup: Int32Array, pending: Int32Array): string {
  // Every unreleased node has an unreleased supplier: walk supplier links until a node repeats.
  let k = pending.findIndex((p) => p > 0);
  const position = new Map<number, number>();
  const walk: number[] = [];
  while (!position.has(k)) {
    position.set(k, walk.length);
    walk.push(k);
    let next = -1;
    for (let e = supStart[k]!; e < supStart[k + 1]!; e++) {
      const j = sup[e]!;
      if (j >= 0 && pending[j]! > 0) {
        next = j;
        break;
      }
    }
    if (next < 0) break; // cannot happen for a real leftover set
    k = next;
  }
  const loop = walk.slice(position.get(k) ?? 0).map((x) => ids[x]!);
  // The walk goes buyer → supplier; name it supplier → buyer, as the registry does.
  const names = [...loop, loop[0]!].reverse().map((id) => `#${id}`);
  return `${names.join(" supplies ")} (the registry refuses such loops; check the supplier links)`;
}

/**
 * The FixedScore of a supplier outside a recomputed set, from its stored breakdown: its score, and
 * the path only when its exposure (not its own residual) drives that score.
 */
export function fixedScoreOf(
  b: Pick<Breakdown, "score" | "residual"> & { exposure: Pick<Breakdown["exposure"], "value" | "via"> & { hops?: number } },
): FixedScore {
  const driven = b.exposure.value > b.residual;
  return {
    score: b.score,
    via: driven ? b.exposure.via.map(copyStep) : [],
    hops: driven ? (b.exposure.hops ?? b.exposure.via.length) : 0,
  };
}
