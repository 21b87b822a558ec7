// What a supplier's page shows, in one call: the supplier, its TIP placement, its supply chain both
// ways (with the names of everyone in it), and, as the role allows, its assessments, risk and
// corrective actions.
import { todayIso } from "~/domain/dates";
import { countryName } from "~/domain/country";
import { can, type Role } from "~/domain/permissions";
import { fail, ok } from "~/domain/result";
import { supplierAudits } from "./site-audits.server";
import { listForSupplier } from "~/models/action.server";
import { listAssessments } from "~/models/assessment.server";
import { latestTipTiers } from "~/models/reference.server";
import { downstreamEdges, upstreamEdges } from "~/models/supplier-graph.server";
import { getSupplier, namesByIds, type SupplierRecord } from "~/models/supplier.server";
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { DbOrTrx } from "~/models/types";
import { supplierRiskView } from "./risk-view.server";

export const UP_DEPTH = 6; // levels of the upstream tree shown
const UP_LIMIT = 1000; // links listed at most (a tier-1 factory can have a large chain behind it)
const DOWN_LIMIT = 500;

/** A supplier in the chain, with its country's name resolved on the server (its ICU and the browser's differ for a few regions). */
export interface ChainSupplier {
  id: number;
  name: string;
  country: string;
  countryLabel: string;
  tier: number | null;
  status: string;
}

const chainSupplier = (s: { id: number; name: string; country: string; tier: number | null; status: string }): ChainSupplier => ({
  id: s.id,
  name: s.name,
  country: s.country,
  countryLabel: countryName(s.country),
  tier: s.tier,
  status: s.status,
});

/** The links around a supplier, at most UP_LIMIT upstream (and DOWN_LIMIT downstream), and everyone in them. */
async function chainAround(db: DbOrTrx, orgId: number, s: SupplierRecord) {
  // Downstream, a path to tier 1 is (tier − 1) links long; one level more than shown upstream tells
  // how much lies beyond the tree.
  const downDepth = Math.min(Math.max(s.tier ?? 10, 1), 50);
  const [up, down] = await Promise.all([
    upstreamEdges(db, orgId, s.id, UP_DEPTH + 1, UP_LIMIT + 1),
    downstreamEdges(db, orgId, s.id, downDepth, DOWN_LIMIT + 1),
  ]);
  const upstream = up.slice(0, UP_LIMIT);
  const downstream = down.slice(0, DOWN_LIMIT);
  const ids = new Set<number>();
  for (const e of [...upstream, ...downstream]) ids.add(e.supplierId).add(e.buyerId);
  ids.delete(s.id);
  const names = await namesByIds(db, orgId, [...ids]);
  const nodes: Record<string, ChainSupplier> = { [s.id]: chainSupplier(s) };
  for (const n of names.values()) nodes[n.id] = chainSupplier(n);
  return {
    upstream,
    // The levels the tree shows travel with the data: the page's component runs in the browser too,
    // where this module does not exist.
    upDepth: UP_DEPTH,
    upTruncated: up.length > UP_LIMIT,
    downstream,
    nodes,
    directSuppliers: upstream.filter((e) => e.buyerId === s.id).map((e) => e.supplierId),
    directBuyers: downstream.filter((e) => e.supplierId === s.id).map((e) => e.buyerId),
  };
}

/** The supplier page's data for someone with `role`; not found when the organisation has no such supplier. */
export async function supplierPage(db: Kysely<Database>, orgId: number, role: Role, supplierId: number) {
  const supplier = await getSupplier(db, orgId, supplierId);
  if (!supplier) return fail("not_found", "No such supplier");
  const [tip, chain, assessments, risk, actions, audits] = await Promise.all([
    latestTipTiers(db, [supplier.country]),
    chainAround(db, orgId, supplier),
    can(role, "assessments.view") ? listAssessments(db, orgId, { supplierId, limit: 10, offset: 0 }) : null,
    can(role, "risk.view") ? supplierRiskView(db, orgId, supplierId, { caseNumbers: can(role, "grievances.handle") }) : null,
    can(role, "actions.view") ? listForSupplier(db, orgId, supplierId) : null,
    supplierAudits(db, orgId, supplierId),
  ]);
  return ok({
    supplier,
    tip: tip.get(supplier.country) ?? null,
    ...chain,
    mayEdit: can(role, "suppliers.edit"),
    mayAssess: can(role, "assessments.manage"),
    assessments,
    risk,
    actions,
    mayEditActions: can(role, "actions.edit"),
    audits,
    today: todayIso(),
  });
}

export type SupplierPageData = Extract<Awaited<ReturnType<typeof supplierPage>>, { ok: true }>["value"];
