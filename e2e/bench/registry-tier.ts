// Registry figure 4: the tier update after one new link.
import { createDb } from "~db/client";
import { BIG_SLUG, BIG_USER } from "~db/seed/large";
import { upstreamClosure } from "~/models/supplier-graph.server";
import { addLink, removeLink } from "~/services/suppliers.server";
import type { OrgIdentity } from "~/lib/auth.server";
import { prng } from "./floors";
import { log, median, round, type FigureDef } from "./lib";
import { withMet } from "./goals";
import { bigTenant, quantile, quickMark, timeAsyncMs } from "./registry-common";
import { capturedQueries, explain } from "./registry-list";

// ---------------------------------------------------------------------------------------------
// 4. Tier update after one new link

export const tierFigure: FigureDef = {
  figures: ["registry.tier_update_one_link"],
  description:
    "addLink on the 100,000-supplier graph (tier k supplier → new tier k-1 buyer, k = 2..4, not yet linked), " +
    "median ms over 20 pairs; each link is removed again (not timed)",
  async run(ctx) {
    const big = await bigTenant(ctx);
    const pairsN = ctx.quick ? 8 : 20;
    const warmupN = 3;
    const h = createDb(`file:${big.dbFile}`);
    try {
      const raw = h.sqlite!;
      const byTier = new Map<number, number[]>();
      for (const r of raw
        .prepare("select id, tier from suppliers where org_id = ? and tier is not null order by id")
        .all(big.orgId) as Array<{ id: number; tier: number }>) {
        const list = byTier.get(r.tier);
        if (list) list.push(r.id);
        else byTier.set(r.tier, [r.id]);
      }
      const linked = new Set<string>();
      for (const l of raw.prepare("select supplier_id as s, buyer_id as b from supplier_links where org_id = ?").all(big.orgId) as Array<{
        s: number;
        b: number;
      }>) {
        linked.add(`${l.s}>${l.b}`);
      }
      const tiers = [2, 3, 4].filter((k) => byTier.get(k)?.length && byTier.get(k - 1)?.length);
      if (!tiers.length) throw new Error(`the big tenant has no tiers 1–4 (tiers: ${[...byTier.keys()].join(", ")})`);
      const rnd = prng(42);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const pairs: Array<{ tier: number; supplierId: number; buyerId: number }> = [];
      while (pairs.length < warmupN + pairsN) {
        const tier = pick(tiers);
        const supplierId = pick(byTier.get(tier)!);
        const buyerId = pick(byTier.get(tier - 1)!);
        const key = `${supplierId}>${buyerId}`;
        if (linked.has(key)) continue;
        linked.add(key);
        pairs.push({ tier, supplierId, buyerId });
      }

      // The plan of the upstream-closure query addLink runs (twice), for diagnosis.
      const closure = await capturedQueries(raw, (db) => upstreamClosure(db, big.orgId, pairs[0]!.supplierId));
      const closurePlan = closure[0] ? explain(raw, closure[0]) : "(not captured)";
      log(`upstream closure plan: ${closurePlan}`);

      const identity: OrgIdentity = {
        user: { sessionId: "bench", userId: big.userId, email: BIG_USER, name: "Sam Okafor" },
        org: { id: big.orgId, slug: BIG_SLUG, name: "Big Retail Group" },
        role: "compliance",
      };
      const addMs: number[] = [];
      const removeMs: number[] = [];
      const upstream: number[] = [];
      const addMsByTier = new Map<number, number[]>();
      let changedTiers = 0;
      for (const [i, p] of pairs.entries()) {
        let added: Awaited<ReturnType<typeof addLink>> | undefined;
        const ms = await timeAsyncMs(async () => {
          added = await addLink(h.db, identity, p.supplierId, p.buyerId, "127.0.0.1");
        });
        if (!added || !added.ok) throw new Error(`addLink(${p.supplierId} → ${p.buyerId}) refused: ${added ? added.message : "no answer"}`);
        let removed: Awaited<ReturnType<typeof removeLink>> | undefined;
        const rms = await timeAsyncMs(async () => {
          removed = await removeLink(h.db, identity, p.supplierId, p.buyerId, "127.0.0.1");
        });
        if (!removed || !removed.ok)
          throw new Error(`removeLink(${p.supplierId} → ${p.buyerId}) refused: ${removed ? removed.message : "no answer"}`);
        if (i < warmupN) continue;
        addMs.push(ms);
        addMsByTier.set(p.tier, [...(addMsByTier.get(p.tier) ?? []), ms]);
        removeMs.push(rms);
        changedTiers += added.value.changedTiers;
        upstream.push((await upstreamClosure(h.db, big.orgId, p.supplierId)).length);
      }
      return [
        withMet({
          figure: "registry.tier_update_one_link",
          unit: "ms",
          value: round(median(addMs)),
          goal: "< 100",
          p90_ms: round(quantile(addMs, 0.9)),
          max_ms: round(Math.max(...addMs)),
          remove_median_ms: round(median(removeMs)),
          pairs: addMs.length,
          by_tier: Object.fromEntries(tiers.map((k) => [k, pairs.slice(warmupN).filter((p) => p.tier === k).length])),
          median_ms_by_tier: Object.fromEntries([...addMsByTier].sort(([a], [b]) => a - b).map(([k, v]) => [k, round(median(v))])),
          changed_tiers: changedTiers,
          upstream_closure_median: median(upstream),
          upstream_closure_max: Math.max(...upstream),
          closure_plan: closurePlan,
          planner_stats: big.plannerStats,
          suppliers: big.suppliers,
          links: big.links,
          ...quickMark(ctx),
        }),
      ];
    } finally {
      await h.close();
    }
  },
};
