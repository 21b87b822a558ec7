import { describe, expect, it } from "vitest";
import { computeTiers, findCycle, type SupplierLink } from "./tiers";

const link = (supplierId: number, buyerId: number): SupplierLink => ({ supplierId, buyerId });
const asObject = (m: Map<number, number | null>) => Object.fromEntries(m);

/** Checks that `loop` is a real cycle made of `links` plus `added`. */
function expectValidLoop(loop: number[] | null, links: SupplierLink[], added: SupplierLink) {
  expect(loop).not.toBeNull();
  const l = loop!;
  expect(l[0]).toBe(added.supplierId);
  expect(l[1]).toBe(added.buyerId);
  expect(l[l.length - 1]).toBe(added.supplierId);
  const edges = new Set([...links, added].map((e) => `${e.supplierId}>${e.buyerId}`));
  for (let i = 0; i + 1 < l.length; i++) expect(edges.has(`${l[i]}>${l[i + 1]}`)).toBe(true);
}

describe("computeTiers", () => {
  it("makes every unlinked supplier tier 1", () => {
    expect(asObject(computeTiers([1, 2, 3], []))).toEqual({ 1: 1, 2: 1, 3: 1 });
  });

  it("returns an empty map for no suppliers", () => {
    expect(computeTiers([], []).size).toBe(0);
  });

  it("counts a simple chain: farm → spinner → mill → factory", () => {
    // 4 supplies 3, 3 supplies 2, 2 supplies 1.
    const tiers = computeTiers([1, 2, 3, 4], [link(4, 3), link(3, 2), link(2, 1)]);
    expect(asObject(tiers)).toEqual({ 1: 1, 2: 2, 3: 3, 4: 4 });
  });

  it("handles a diamond: two mills share a buyer and a supplier", () => {
    //      1
    //    /   \
    //   2     3
    //    \   /
    //      4
    const tiers = computeTiers([1, 2, 3, 4], [link(2, 1), link(3, 1), link(4, 2), link(4, 3)]);
    expect(asObject(tiers)).toEqual({ 1: 1, 2: 2, 3: 2, 4: 3 });
  });

  it("uses the shortest path when a supplier has several buyers", () => {
    // 5 supplies tier-1 factory 1 directly and also tier-3 spinner 3.
    const links = [link(2, 1), link(3, 2), link(5, 3), link(5, 1), link(6, 5)];
    expect(asObject(computeTiers([1, 2, 3, 5, 6], links))).toEqual({ 1: 1, 2: 2, 3: 3, 5: 2, 6: 3 });
  });

  it("picks the nearest of several tier-1 suppliers", () => {
    // 10 → 11 → 12 (tier 1) and 10 → 20 (tier 1)
    const tiers = computeTiers([10, 11, 12, 20], [link(10, 11), link(11, 12), link(10, 20)]);
    expect(tiers.get(10)).toBe(2);
    expect(tiers.get(11)).toBe(2);
  });

  it("gives null to suppliers that only reach a cycle", () => {
    // 1 ⇄ 2 is a loop, 3 feeds it; 4 supplies tier-1 5.
    const tiers = computeTiers([1, 2, 3, 4, 5], [link(1, 2), link(2, 1), link(3, 1), link(4, 5)]);
    expect(asObject(tiers)).toEqual({ 1: null, 2: null, 3: null, 4: 2, 5: 1 });
  });

  it("still ranks cycle members that also reach a tier-1 supplier", () => {
    // 2 ⇄ 3, and 3 also supplies tier-1 1.
    const tiers = computeTiers([1, 2, 3], [link(2, 3), link(3, 2), link(3, 1)]);
    expect(asObject(tiers)).toEqual({ 1: 1, 2: 3, 3: 2 });
  });

  it("treats a self-link as a cycle", () => {
    expect(asObject(computeTiers([1], [link(1, 1)]))).toEqual({ 1: null });
  });

  it("ignores links to unknown suppliers and duplicate ids or links", () => {
    const tiers = computeTiers([1, 2, 2], [link(2, 1), link(2, 1), link(2, 99), link(98, 1)]);
    expect(asObject(tiers)).toEqual({ 1: 1, 2: 2 });
  });

  it("does not depend on the order of ids or links", () => {
    const ids = [1, 2, 3, 4, 5, 6];
    const links = [link(2, 1), link(3, 2), link(4, 3), link(4, 1), link(5, 4), link(6, 5)];
    const expected = asObject(computeTiers(ids, links));
    expect(asObject(computeTiers([...ids].reverse(), [...links].reverse()))).toEqual(expected);
    expect(expected).toEqual({ 1: 1, 2: 2, 3: 3, 4: 2, 5: 3, 6: 4 });
  });

  it("handles a 100,000-supplier chain quickly", () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    const links = Array.from({ length: n - 1 }, (_, i) => link(i + 2, i + 1)); // i+2 supplies i+1
    const t0 = performance.now();
    const tiers = computeTiers(ids, links);
    const ms = performance.now() - t0;
    expect(tiers.get(1)).toBe(1);
    expect(tiers.get(n)).toBe(n);
    expect(ms).toBeLessThan(1000);
  });

  it("handles 100,000 suppliers in a wide, multi-buyer graph quickly", () => {
    // 1,000 tier-1 factories; every other supplier supplies two earlier suppliers.
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => i);
    const links: SupplierLink[] = [];
    for (let i = 1000; i < n; i++) links.push(link(i, Math.floor(i / 2)), link(i, i - 1000));
    const t0 = performance.now();
    const tiers = computeTiers(ids, links);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(tiers.get(999)).toBe(1);
    expect(tiers.get(1000)).toBe(2);
    expect([...tiers.values()].every((t) => t !== null)).toBe(true);
  });
});

describe("findCycle", () => {
  it("returns null when the new link keeps the graph acyclic", () => {
    const links = [link(2, 1), link(3, 2)];
    expect(findCycle(links, link(4, 3))).toBeNull();
    expect(findCycle(links, link(3, 1))).toBeNull(); // a shortcut, not a loop
    expect(findCycle([], link(1, 2))).toBeNull();
  });

  it("detects a two-node loop", () => {
    expect(findCycle([link(1, 2)], link(2, 1))).toEqual([2, 1, 2]);
  });

  it("detects a self-link", () => {
    expect(findCycle([], link(7, 7))).toEqual([7, 7]);
  });

  it("returns the loop along a longer chain", () => {
    // 4 → 3 → 2 → 1; adding 1 → 4 closes 1 → 4 → 3 → 2 → 1.
    const links = [link(4, 3), link(3, 2), link(2, 1)];
    expect(findCycle(links, link(1, 4))).toEqual([1, 4, 3, 2, 1]);
  });

  it("returns a shortest loop through a diamond", () => {
    // 4 → 2 → 1, 4 → 3 → 1, 3 → 5 → 6 → 1; adding 1 → 4.
    const links = [link(4, 2), link(2, 1), link(4, 3), link(3, 1), link(3, 5), link(5, 6), link(6, 1)];
    const loop = findCycle(links, link(1, 4));
    expectValidLoop(loop, links, link(1, 4));
    expect(loop).toHaveLength(4);
  });

  it("finds loops that run through several buyers", () => {
    const links = [link(1, 2), link(1, 3), link(3, 4), link(4, 5), link(2, 6)];
    const added = link(5, 1);
    expectValidLoop(findCycle(links, added), links, added);
    expect(findCycle(links, link(6, 3))).toBeNull();
  });

  it("handles a 100,000-supplier chain quickly", () => {
    const n = 100_000;
    const links = Array.from({ length: n - 1 }, (_, i) => link(i + 2, i + 1));
    const t0 = performance.now();
    const loop = findCycle(links, link(1, n));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(loop).toHaveLength(n + 1);
    expect(loop![0]).toBe(1);
    expect(loop![1]).toBe(n);
    expect(findCycle(links, link(n + 1, 1))).toBeNull();
  });
});
