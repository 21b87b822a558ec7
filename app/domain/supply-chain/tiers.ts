// The tier graph. A link { supplierId, buyerId } means "supplierId supplies buyerId"; both are
// suppliers of the same tenant. A supplier that supplies no other supplier sells straight to the
// tenant: it is tier 1. Every other supplier's tier is 1 + the length of its shortest
// supplier→buyer path to a tier-1 supplier, so a mill that feeds both a tier-1 factory and a tier-2
// mill is tier 2 (the closest exposure is what counts for due diligence).
// Pure module: no node, kysely or remix imports.

export interface SupplierLink {
  supplierId: number;
  buyerId: number;
}

/**
 * Tier of every supplier in `supplierIds`. Links that mention an id outside `supplierIds` are
 * ignored. Suppliers whose every path runs into a cycle never reach tier 1 and get null (the app
 * keeps the graph acyclic with findCycle, so null only shows up for data that bypassed it).
 *
 * Multi-source BFS from all tier-1 suppliers over the reversed edges (buyer → its suppliers), with
 * the adjacency in flat typed arrays: O(V + E) time and memory, no recursion, so a 100,000-deep
 * chain is fine.
 */
export function computeTiers(supplierIds: readonly number[], links: readonly SupplierLink[]): Map<number, number | null> {
  const index = new Map<number, number>();
  const ids: number[] = [];
  for (const id of supplierIds) {
    if (!index.has(id)) {
      index.set(id, ids.length);
      ids.push(id);
    }
  }
  const n = ids.length;

  // Keep only links between known suppliers, as index pairs.
  const from: number[] = [];
  const to: number[] = [];
  for (const { supplierId, buyerId } of links) {
    const s = index.get(supplierId);
    const b = index.get(buyerId);
    if (s === undefined || b === undefined) continue;
    from.push(s);
    to.push(b);
  }
  const m = from.length;

  // outDegree: how many buyers a supplier has; 0 → tier 1.
  // Reverse adjacency in CSR form: the suppliers of buyer b are supplierOf[start[b] .. start[b+1]).
  const outDegree = new Int32Array(n);
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    outDegree[from[e]!]!++;
    start[to[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const supplierOf = new Int32Array(m);
  for (let e = 0; e < m; e++) supplierOf[fill[to[e]!]!++] = from[e]!;

  const tier = new Int32Array(n); // 0 = not reached
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (outDegree[i] === 0) {
      tier[i] = 1;
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const b = queue[head++]!;
    const next = tier[b]! + 1;
    for (let k = start[b]!; k < start[b + 1]!; k++) {
      const s = supplierOf[k]!;
      if (tier[s] === 0) {
        tier[s] = next;
        queue[tail++] = s;
      }
    }
  }

  const result = new Map<number, number | null>();
  for (let i = 0; i < n; i++) result.set(ids[i]!, tier[i] === 0 ? null : tier[i]!);
  return result;
}

/**
 * If adding `newLink` would close a loop, returns it as [supplier, buyer, …, supplier]: the new
 * link followed by the existing path from its buyer back to its supplier (a shortest one, by BFS).
 * Otherwise null. A self-link is the loop [id, id].
 */
export function findCycle(links: readonly SupplierLink[], newLink: SupplierLink): number[] | null {
  const { supplierId: target, buyerId: origin } = newLink;
  if (target === origin) return [target, target];

  const buyersOf = new Map<number, number[]>();
  for (const { supplierId, buyerId } of links) {
    const list = buyersOf.get(supplierId);
    if (list) list.push(buyerId);
    else buyersOf.set(supplierId, [buyerId]);
  }

  // BFS from the new link's buyer along supplier → buyer edges, looking for its supplier.
  const parent = new Map<number, number>([[origin, origin]]);
  const queue: number[] = [origin];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const buyer of buyersOf.get(node) ?? []) {
      if (parent.has(buyer)) continue;
      parent.set(buyer, node);
      if (buyer === target) {
        const path: number[] = [];
        for (let at = target; at !== origin; at = parent.get(at)!) path.push(at);
        path.push(origin, target);
        return path.reverse();
      }
      queue.push(buyer);
    }
  }
  return null;
}

/**
 * Incremental tiers after a change to the links of one supplier. `affected` must be closed under
 * "supplies": every supplier of a member is a member too (the upstream closure of the changed
 * supplier). Only members' tiers can change; every buyer outside the set keeps its tier, given in
 * `outsideTier`. `buyersOf` lists, for each member, all its buyers (inside or outside the set).
 *
 * A multi-source shortest-path pass with a bucket queue (tiers are small integers): O(V + E) of the
 * affected part only, so one new link in a 100,000-supplier graph touches a few dozen rows.
 */
export function recomputeTiersWithin(
  affected: readonly number[],
  buyersOf: ReadonlyMap<number, readonly number[]>,
  outsideTier: ReadonlyMap<number, number | null>,
): Map<number, number | null> {
  const inside = new Set(affected);
  const suppliersOf = new Map<number, number[]>();
  const dist = new Map<number, number>();
  for (const id of inside) {
    const buyers = buyersOf.get(id) ?? [];
    let best = buyers.length === 0 ? 1 : Infinity;
    for (const b of buyers) {
      if (inside.has(b)) {
        const list = suppliersOf.get(b);
        if (list) list.push(id);
        else suppliersOf.set(b, [id]);
      } else {
        const t = outsideTier.get(b);
        if (t != null) best = Math.min(best, t + 1);
      }
    }
    dist.set(id, best);
  }
  const buckets = new Map<number, number[]>();
  for (const [id, d] of dist) {
    if (d === Infinity) continue;
    const list = buckets.get(d);
    if (list) list.push(id);
    else buckets.set(d, [id]);
  }
  const levels = [...buckets.keys()].sort((a, b) => a - b);
  const done = new Set<number>();
  for (let li = 0; li < levels.length; li++) {
    const d = levels[li]!;
    for (const id of buckets.get(d) ?? []) {
      if (done.has(id) || dist.get(id) !== d) continue;
      done.add(id);
      for (const s of suppliersOf.get(id) ?? []) {
        if (d + 1 < dist.get(s)!) {
          dist.set(s, d + 1);
          const list = buckets.get(d + 1);
          if (list) list.push(s);
          else {
            buckets.set(d + 1, [s]);
            if (!levels.includes(d + 1)) {
              levels.push(d + 1);
              levels.sort((a, b) => a - b);
            }
          }
        }
      }
    }
  }
  const out = new Map<number, number | null>();
  for (const [id, d] of dist) out.set(id, d === Infinity ? null : d);
  return out;
}

/**
 * Any loop in a whole graph (used to check an import before it is written), as
 * [a, b, …, a] following supplier → buyer edges, or null when the graph is acyclic.
 * Kahn's algorithm strips every node that cannot be on a cycle; a walk inside what is left must loop.
 */
export function findAnyCycle(links: readonly SupplierLink[]): number[] | null {
  const buyersOf = new Map<number, number[]>();
  const inDeg = new Map<number, number>(); // number of suppliers feeding each node
  for (const { supplierId, buyerId } of links) {
    const list = buyersOf.get(supplierId);
    if (list) list.push(buyerId);
    else buyersOf.set(supplierId, [buyerId]);
    inDeg.set(buyerId, (inDeg.get(buyerId) ?? 0) + 1);
    if (!inDeg.has(supplierId)) inDeg.set(supplierId, 0);
  }
  const queue: number[] = [];
  for (const [id, d] of inDeg) if (d === 0) queue.push(id);
  for (let i = 0; i < queue.length; i++) {
    for (const b of buyersOf.get(queue[i]!) ?? []) {
      const d = inDeg.get(b)! - 1;
      inDeg.set(b, d);
      if (d === 0) queue.push(b);
    }
  }
  const remaining = new Set([...inDeg].filter(([, d]) => d > 0).map(([id]) => id));
  if (remaining.size === 0) return null;
  // Every remaining node has a remaining supplier; walk backwards until a node repeats.
  const supplierIn = new Map<number, number>();
  for (const { supplierId, buyerId } of links) {
    if (remaining.has(supplierId) && remaining.has(buyerId) && !supplierIn.has(buyerId)) supplierIn.set(buyerId, supplierId);
  }
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let at = remaining.values().next().value!;
  while (!seenAt.has(at)) {
    seenAt.set(at, walk.length);
    walk.push(at);
    at = supplierIn.get(at)!;
  }
  const loop = walk.slice(seenAt.get(at)!).reverse(); // reversed: supplier → buyer order
  return [...loop, loop[0]!];
}
