import { describe, expect, it } from "vitest";
import { computeTiers, findAnyCycle, recomputeTiersWithin, type SupplierLink } from "./tiers";

// Reference check: the incremental pass over an upstream closure must agree with a full recomputation.
function upstream(links: SupplierLink[], start: number): number[] {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const l of links) {
      if (l.buyerId === queue[i] && !seen.has(l.supplierId)) {
        seen.add(l.supplierId);
        queue.push(l.supplierId);
      }
    }
  }
  return [...seen];
}

function incremental(ids: number[], links: SupplierLink[], before: Map<number, number | null>, changed: number) {
  const affected = upstream(links, changed);
  const buyersOf = new Map<number, number[]>();
  for (const l of links)
    if (affected.includes(l.supplierId)) buyersOf.set(l.supplierId, [...(buyersOf.get(l.supplierId) ?? []), l.buyerId]);
  const next = new Map(before);
  for (const [id, t] of recomputeTiersWithin(affected, buyersOf, before)) next.set(id, t);
  return next;
}

describe("recomputeTiersWithin", () => {
  it("raises a tier-1 supplier and its upstream when it starts supplying another supplier", () => {
    const ids = [1, 2, 3, 4];
    const before: SupplierLink[] = [
      { supplierId: 3, buyerId: 2 },
      { supplierId: 4, buyerId: 3 },
    ];
    const t0 = computeTiers(ids, before);
    expect(t0.get(2)).toBe(1);
    const after = [...before, { supplierId: 2, buyerId: 1 }];
    const t1 = incremental(ids, after, t0, 2);
    expect(Object.fromEntries(t1)).toEqual(Object.fromEntries(computeTiers(ids, after)));
    expect(t1.get(4)).toBe(4);
  });

  it("lowers tiers when a shorter path appears, and raises them when it goes", () => {
    const ids = [1, 2, 3, 4, 5];
    const base: SupplierLink[] = [
      { supplierId: 2, buyerId: 1 },
      { supplierId: 3, buyerId: 2 },
      { supplierId: 4, buyerId: 3 },
      { supplierId: 5, buyerId: 4 },
    ];
    const t0 = computeTiers(ids, base);
    const withShortcut = [...base, { supplierId: 4, buyerId: 1 }];
    const t1 = incremental(ids, withShortcut, t0, 4);
    expect(t1.get(4)).toBe(2);
    expect(t1.get(5)).toBe(3);
    expect(Object.fromEntries(t1)).toEqual(Object.fromEntries(computeTiers(ids, withShortcut)));
    const t2 = incremental(ids, base, t1, 4);
    expect(Object.fromEntries(t2)).toEqual(Object.fromEntries(t0));
  });

  it("agrees with a full recomputation on random acyclic graphs", () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const n = 30;
      const ids = Array.from({ length: n }, (_, i) => i + 1);
      const links: SupplierLink[] = [];
      // edges only from higher to lower ids: acyclic by construction
      for (let i = 0; i < 40; i++) {
        const a = 2 + Math.floor(rnd() * (n - 1));
        const b = 1 + Math.floor(rnd() * (a - 1));
        if (!links.some((l) => l.supplierId === a && l.buyerId === b)) links.push({ supplierId: a, buyerId: b });
      }
      const t0 = computeTiers(ids, links);
      const a = 2 + Math.floor(rnd() * (n - 1));
      const b = 1 + Math.floor(rnd() * (a - 1));
      const existing = links.findIndex((l) => l.supplierId === a && l.buyerId === b);
      const changed = existing >= 0 ? links.filter((_, i) => i !== existing) : [...links, { supplierId: a, buyerId: b }];
      const t1 = incremental(ids, changed, t0, a);
      expect(Object.fromEntries(t1)).toEqual(Object.fromEntries(computeTiers(ids, changed)));
    }
  });
});

describe("findAnyCycle", () => {
  it("returns null for an acyclic graph", () => {
    expect(
      findAnyCycle([
        { supplierId: 2, buyerId: 1 },
        { supplierId: 3, buyerId: 2 },
        { supplierId: 3, buyerId: 1 },
      ]),
    ).toBeNull();
  });
  it("returns a loop in supplier → buyer order", () => {
    const links = [
      { supplierId: 9, buyerId: 1 },
      { supplierId: 2, buyerId: 3 },
      { supplierId: 3, buyerId: 4 },
      { supplierId: 4, buyerId: 2 },
      { supplierId: 5, buyerId: 2 },
    ];
    const loop = findAnyCycle(links)!;
    expect(loop[0]).toBe(loop.at(-1));
    expect(new Set(loop)).toEqual(new Set([2, 3, 4]));
    for (let i = 0; i + 1 < loop.length; i++) {
      expect(links.some((l) => l.supplierId === loop[i] && l.buyerId === loop[i + 1])).toBe(true);
    }
  });
  it("finds a self-loop", () => {
    expect(findAnyCycle([{ supplierId: 7, buyerId: 7 }])).toEqual([7, 7]);
  });
});
