// Supplier changes: create, edit (optimistic versions), archive, delete, and links between suppliers
// with tiers kept current incrementally. Every change is audited in the same transaction.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { SupplierInput } from "~/schemas/supplier";
import { findCycle, recomputeTiersWithin } from "~/domain/supply-chain/tiers";
import { recordAudit } from "~/models/audit.server";
import {
  deleteSupplierRow,
  findSupplierIdByRef,
  getSupplier,
  insertSupplier,
  namesByIds,
  setSupplierStatus,
  updateSupplierIfVersion,
  type SupplierRecord,
} from "~/models/supplier.server";
import {
  currentTiers,
  deleteLink,
  lockOrgGraph,
  insertLink,
  linkExists,
  linksFrom,
  upstreamClosure,
  writeTiers,
} from "~/models/supplier-graph.server";
import type { DbOrTrx } from "~/models/types";
import { supplierHasAssessments } from "~/models/assessment.server";
import { refreshRollup, scoresChanged } from "./risk.server";
import { supplierFiguresChanged } from "./dashboard.server";

type DB = Kysely<Database>;
export type ServiceError = { status: 400 | 404 | 409; message: string; field?: string };

function actor(id: OrgIdentity, ip: string) {
  return { orgId: id.org.id, actorUserId: id.user.userId, actorLabel: id.user.email, ip };
}

/** What changed between two versions of a supplier, for the audit log. */
function diff(before: SupplierInput, after: SupplierInput): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after) as Array<keyof SupplierInput>) {
    const a = before[k];
    const b = after[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = [a, b];
  }
  return out;
}

function inputOf(r: SupplierRecord): SupplierInput {
  const { id: _id, tier: _t, version: _v, createdAt: _c, updatedAt: _u, ...input } = r;
  return input;
}

async function refTaken(db: DbOrTrx, orgId: number, ref: string | null, exceptId?: number): Promise<boolean> {
  if (!ref) return false;
  const other = await findSupplierIdByRef(db, orgId, ref);
  return other !== undefined && other !== exceptId;
}

export async function createSupplier(db: DB, id: OrgIdentity, input: SupplierInput, ip: string): Promise<ServiceError | { id: number }> {
  const r: ServiceError | { id: number } = await db.transaction().execute(async (trx) => {
    if (await refTaken(trx, id.org.id, input.externalRef)) {
      return { status: 409 as const, field: "externalRef", message: `Another supplier already has the reference ${input.externalRef}` };
    }
    const newId = await insertSupplier(trx, id.org.id, input);
    await recordAudit(trx, { ...actor(id, ip), action: "supplier.created", entity: "supplier", entityId: newId, diff: input });
    return { id: newId };
  });
  if ("id" in r) await scoresChanged(db, id.org.id, "supplier created", [r.id]);
  return r;
}

export type UpdateResult = ServiceError | { version: number } | { stale: true; current: SupplierRecord };

/** Saves an edit made on `version`; if someone saved in between, nothing is written and the current record comes back. */
export async function updateSupplier(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  version: number,
  input: SupplierInput,
  ip: string,
): Promise<UpdateResult> {
  const r: Exclude<UpdateResult, { version: number }> | { version: number; riskInputsChanged: boolean } = await db
    .transaction()
    .execute(async (trx) => {
      await lockOrgGraph(trx, id.org.id);
      const before = await getSupplier(trx, id.org.id, supplierId);
      if (!before) return { status: 404 as const, message: "No such supplier" };
      if (before.version !== version) return { stale: true as const, current: before };
      if (await refTaken(trx, id.org.id, input.externalRef, supplierId)) {
        return { status: 409 as const, field: "externalRef", message: `Another supplier already has the reference ${input.externalRef}` };
      }
      const next = await updateSupplierIfVersion(trx, id.org.id, supplierId, version, input);
      if (next === null) {
        const current = await getSupplier(trx, id.org.id, supplierId);
        return current ? { stale: true as const, current } : { status: 404 as const, message: "No such supplier" };
      }
      const changes = diff(inputOf(before), input);
      await recordAudit(trx, { ...actor(id, ip), action: "supplier.updated", entity: "supplier", entityId: supplierId, diff: changes });
      return { version: next, riskInputsChanged: "country" in changes || "goods" in changes };
    });
  // Only the country and the goods feed the score; other edits leave it alone.
  if (!("version" in r)) return r;
  if (r.riskInputsChanged) await scoresChanged(db, id.org.id, "supplier updated", [supplierId]);
  else await supplierFiguresChanged(db, id.org.id); // the dashboard's roll-ups also count spend, currency and status
  return { version: r.version };
}

export async function setArchived(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  archived: boolean,
  ip: string,
): Promise<ServiceError | { ok: true }> {
  const r = await db.transaction().execute(async (trx) => {
    await lockOrgGraph(trx, id.org.id);
    const s = await getSupplier(trx, id.org.id, supplierId);
    if (!s) return { status: 404 as const, message: "No such supplier" };
    const status = archived ? "archived" : "active";
    if (s.status === status) return { ok: true as const };
    await setSupplierStatus(trx, id.org.id, supplierId, status);
    await recordAudit(trx, {
      ...actor(id, ip),
      action: archived ? "supplier.archived" : "supplier.restored",
      entity: "supplier",
      entityId: supplierId,
      diff: { status: [s.status, status] },
    });
    return { ok: true as const };
  });
  // The score stays (an archived supplier still exposes its buyers); the roll-up leaves archived ones out.
  if ("ok" in r) await refreshRollup(db, id.org.id);
  return r;
}

/** Recomputes tiers of `supplierId` and everyone upstream of it (the only suppliers whose tier can change). */
async function refreshTiersUpstreamOf(trx: DbOrTrx, orgId: number, supplierIds: readonly number[]): Promise<Map<number, number | null>> {
  const affected = new Set<number>();
  for (const s of supplierIds) for (const x of await upstreamClosure(trx, orgId, s)) affected.add(x);
  const ids = [...affected];
  const links = await linksFrom(trx, orgId, ids);
  const buyersOf = new Map<number, number[]>();
  const outside = new Map<number, number | null>();
  for (const l of links) {
    buyersOf.set(l.supplierId, [...(buyersOf.get(l.supplierId) ?? []), l.buyerId]);
    if (!affected.has(l.buyerId)) outside.set(l.buyerId, l.buyerTier);
  }
  const next = recomputeTiersWithin(ids, buyersOf, outside);
  const before = await currentTiers(trx, orgId, ids);
  const changed = new Map([...next].filter(([sid, t]) => before.get(sid) !== t));
  await writeTiers(trx, orgId, changed);
  return changed;
}

/** "supplierId supplies buyerId". Refused with the loop named when it would close a cycle. */
export async function addLink(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  buyerId: number,
  ip: string,
): Promise<ServiceError | { changedTiers: number }> {
  const r = await db.transaction().execute(async (trx) => {
    await lockOrgGraph(trx, id.org.id);
    const names = await namesByIds(trx, id.org.id, [supplierId, buyerId]);
    if (!names.has(supplierId) || !names.has(buyerId)) return { status: 404 as const, message: "No such supplier" };
    if (supplierId === buyerId) return { status: 400 as const, message: "A supplier cannot supply itself" };
    if (await linkExists(trx, id.org.id, supplierId, buyerId)) {
      return { status: 409 as const, message: `${names.get(supplierId)!.name} already supplies ${names.get(buyerId)!.name}` };
    }
    // A loop closes if the buyer already supplies the supplier, directly or through others.
    const upstream = await upstreamClosure(trx, id.org.id, supplierId);
    if (upstream.includes(buyerId)) {
      const edges = (await linksFrom(trx, id.org.id, upstream)).map((l) => ({ supplierId: l.supplierId, buyerId: l.buyerId }));
      const loop = findCycle(edges, { supplierId, buyerId }) ?? [supplierId, buyerId, supplierId];
      const loopNames = await namesByIds(trx, id.org.id, loop);
      const text = loop.map((x) => loopNames.get(x)?.name ?? `#${x}`).join(" → ");
      return { status: 409 as const, message: `This link would close a loop: ${text}. A supply chain cannot loop back on itself.` };
    }
    await insertLink(trx, id.org.id, supplierId, buyerId);
    const changed = await refreshTiersUpstreamOf(trx, id.org.id, [supplierId]);
    await recordAudit(trx, {
      ...actor(id, ip),
      action: "supplier.link_added",
      entity: "supplier",
      entityId: supplierId,
      diff: { supplies: buyerId, tiersChanged: changed.size },
    });
    return { changedTiers: changed.size };
  });
  // The buyer (and everyone downstream of it) is now exposed to the supplier's risk.
  if ("changedTiers" in r) await scoresChanged(db, id.org.id, "link added", [buyerId]);
  return r;
}

export async function removeLink(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  buyerId: number,
  ip: string,
): Promise<ServiceError | { changedTiers: number }> {
  const r = await db.transaction().execute(async (trx) => {
    await lockOrgGraph(trx, id.org.id);
    if (!(await deleteLink(trx, id.org.id, supplierId, buyerId)))
      return { status: 404 as const, message: "These suppliers are not linked" };
    const changed = await refreshTiersUpstreamOf(trx, id.org.id, [supplierId]);
    await recordAudit(trx, {
      ...actor(id, ip),
      action: "supplier.link_removed",
      entity: "supplier",
      entityId: supplierId,
      diff: { supplies: buyerId, tiersChanged: changed.size },
    });
    return { changedTiers: changed.size };
  });
  if ("changedTiers" in r) await scoresChanged(db, id.org.id, "link removed", [buyerId]);
  return r;
}

/**
 * Hard delete, for a supplier entered by mistake. Refused once the supplier has assessments:
 * nothing that has been assessed is ever hard-deleted (archive it instead).
 */
export async function deleteSupplier(db: DB, id: OrgIdentity, supplierId: number, ip: string): Promise<ServiceError | { ok: true }> {
  let buyers: number[] = [];
  const r = await db.transaction().execute(async (trx) => {
    await lockOrgGraph(trx, id.org.id);
    const s = await getSupplier(trx, id.org.id, supplierId);
    if (!s) return { status: 404 as const, message: "No such supplier" };
    if (await supplierHasAssessments(trx, id.org.id, supplierId)) {
      return {
        status: 409 as const,
        message: `${s.name} has assessments, which are kept for the record: archive the supplier instead of deleting it.`,
      };
    }
    const upstream = (await upstreamClosure(trx, id.org.id, supplierId)).filter((x) => x !== supplierId);
    const directSuppliers = (await linksFrom(trx, id.org.id, upstream)).filter((l) => l.buyerId === supplierId).map((l) => l.supplierId);
    buyers = (await linksFrom(trx, id.org.id, [supplierId])).map((l) => l.buyerId);
    await deleteSupplierRow(trx, id.org.id, supplierId);
    if (directSuppliers.length) await refreshTiersUpstreamOf(trx, id.org.id, directSuppliers);
    await recordAudit(trx, { ...actor(id, ip), action: "supplier.deleted", entity: "supplier", entityId: supplierId, diff: inputOf(s) });
    return { ok: true as const };
  });
  if ("ok" in r) {
    if (buyers.length) await scoresChanged(db, id.org.id, "supplier deleted", buyers);
    else await refreshRollup(db, id.org.id);
  }
  return r;
}
