// Supplier changes: create, edit (optimistic versions), archive, delete, and links between suppliers
// with tiers kept current incrementally. Every change is audited in the same transaction.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import type { SupplierInput } from "~/schemas/supplier";
import { findCycle, recomputeTiersWithin } from "~/domain/supply-chain/tiers";
import { fail, ok, type Result } from "~/domain/result";
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
  upstreamEdges,
  writeTiers,
} from "~/models/supplier-graph.server";
import type { DbOrTrx } from "~/models/types";
import { supplierHasAssessments } from "~/models/assessment.server";
import { refreshRollup, scoresChanged } from "./risk.server";
import { suppliersChangedForScreening } from "./screening.server";
import { supplierFiguresChanged } from "./dashboard.server";

type DB = Kysely<Database>;

const NO_SUCH_SUPPLIER = "No such supplier";
const refTakenFailure = (ref: string | null) =>
  fail("conflict", `Another supplier already has the reference ${ref}`, { field: "externalRef" });

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

export async function createSupplier(db: DB, id: OrgIdentity, input: SupplierInput, ip: string): Promise<Result<{ id: number }>> {
  const r = await db.transaction().execute(async (trx): Promise<Result<{ id: number }>> => {
    if (await refTaken(trx, id.org.id, input.externalRef)) return refTakenFailure(input.externalRef);
    const newId = await insertSupplier(trx, id.org.id, input);
    await recordAudit(trx, { ...actor(id, ip), action: "supplier.created", entity: "supplier", entityId: newId, diff: input });
    return ok({ id: newId });
  });
  if (r.ok) await scoresChanged(db, id.org.id, "supplier created", [r.value.id]);
  if (r.ok) await suppliersChangedForScreening(db, id.org.id, [r.value.id]);
  return r;
}

/** A stale edit's failure carries the record as it is stored now (`detail.current`). */
export type UpdateResult = Result<{ version: number }, { current: SupplierRecord }>;

const staleFailure = (current: SupplierRecord) =>
  fail("conflict", "Someone else changed this supplier while you were editing.", { detail: { current } });

/**
 * Saves an edit made on `version`; if someone saved in between, nothing is written and the failure
 * (a conflict) carries the current record.
 */
export async function updateSupplier(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  version: number,
  input: SupplierInput,
  ip: string,
): Promise<UpdateResult> {
  type Saved = { version: number; riskInputsChanged: boolean; screen: boolean };
  const r = await db.transaction().execute(async (trx): Promise<Result<Saved, { current: SupplierRecord }>> => {
    await lockOrgGraph(trx, id.org.id);
    const before = await getSupplier(trx, id.org.id, supplierId);
    if (!before) return fail("not_found", NO_SUCH_SUPPLIER);
    if (before.version !== version) return staleFailure(before);
    if (await refTaken(trx, id.org.id, input.externalRef, supplierId)) return refTakenFailure(input.externalRef);
    const next = await updateSupplierIfVersion(trx, id.org.id, supplierId, version, input);
    if (next === null) {
      const current = await getSupplier(trx, id.org.id, supplierId);
      return current ? staleFailure(current) : fail("not_found", NO_SUCH_SUPPLIER);
    }
    const changes = diff(inputOf(before), input);
    await recordAudit(trx, { ...actor(id, ip), action: "supplier.updated", entity: "supplier", entityId: supplierId, diff: changes });
    const screen = ["name", "country", "goods", "latitude", "longitude"].some((k) => k in changes);
    return ok({ version: next, riskInputsChanged: "country" in changes || "goods" in changes, screen });
  });
  if (!r.ok) return r;
  // A new name, country, goods or site: screened again against the lists (a decision on the old name stays with it).
  if (r.value.screen) await suppliersChangedForScreening(db, id.org.id, [supplierId]);
  // Only the country and the goods feed the score; other edits leave it alone.
  if (r.value.riskInputsChanged) await scoresChanged(db, id.org.id, "supplier updated", [supplierId]);
  else await supplierFiguresChanged(db, id.org.id); // the dashboard's roll-ups also count spend, currency and status
  return ok({ version: r.value.version });
}

export async function setArchived(db: DB, id: OrgIdentity, supplierId: number, archived: boolean, ip: string): Promise<Result> {
  const r = await db.transaction().execute(async (trx): Promise<Result> => {
    await lockOrgGraph(trx, id.org.id);
    const s = await getSupplier(trx, id.org.id, supplierId);
    if (!s) return fail("not_found", NO_SUCH_SUPPLIER);
    const status = archived ? "archived" : "active";
    if (s.status === status) return ok();
    await setSupplierStatus(trx, id.org.id, supplierId, status);
    await recordAudit(trx, {
      ...actor(id, ip),
      action: archived ? "supplier.archived" : "supplier.restored",
      entity: "supplier",
      entityId: supplierId,
      diff: { status: [s.status, status] },
    });
    return ok();
  });
  // The score stays (an archived supplier still exposes its buyers); the roll-up leaves archived ones out.
  if (r.ok) await refreshRollup(db, id.org.id);
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

/** What a link change did: how many suppliers changed tier. */
export type LinkChange = { changedTiers: number };

/** "supplierId supplies buyerId". Refused with the loop named when it would close a cycle. */
export async function addLink(db: DB, id: OrgIdentity, supplierId: number, buyerId: number, ip: string): Promise<Result<LinkChange>> {
  const r = await db.transaction().execute(async (trx): Promise<Result<LinkChange>> => {
    await lockOrgGraph(trx, id.org.id);
    const names = await namesByIds(trx, id.org.id, [supplierId, buyerId]);
    if (!names.has(supplierId) || !names.has(buyerId)) return fail("not_found", NO_SUCH_SUPPLIER);
    if (supplierId === buyerId) return fail("invalid", "A supplier cannot supply itself");
    if (await linkExists(trx, id.org.id, supplierId, buyerId)) {
      return fail("conflict", `${names.get(supplierId)!.name} already supplies ${names.get(buyerId)!.name}`);
    }
    // A loop closes if the buyer already supplies the supplier, directly or through others.
    const upstream = await upstreamClosure(trx, id.org.id, supplierId);
    if (upstream.includes(buyerId)) {
      const edges = (await linksFrom(trx, id.org.id, upstream)).map((l) => ({ supplierId: l.supplierId, buyerId: l.buyerId }));
      const loop = findCycle(edges, { supplierId, buyerId }) ?? [supplierId, buyerId, supplierId];
      const loopNames = await namesByIds(trx, id.org.id, loop);
      const text = loop.map((x) => loopNames.get(x)?.name ?? `#${x}`).join(" → ");
      return fail("conflict", `This link would close a loop: ${text}. A supply chain cannot loop back on itself.`);
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
    return ok({ changedTiers: changed.size });
  });
  // The buyer (and everyone downstream of it) is now exposed to the supplier's risk.
  if (r.ok) await scoresChanged(db, id.org.id, "link added", [buyerId]);
  return r;
}

export async function removeLink(db: DB, id: OrgIdentity, supplierId: number, buyerId: number, ip: string): Promise<Result<LinkChange>> {
  const r = await db.transaction().execute(async (trx): Promise<Result<LinkChange>> => {
    await lockOrgGraph(trx, id.org.id);
    if (!(await deleteLink(trx, id.org.id, supplierId, buyerId))) return fail("not_found", "These suppliers are not linked");
    const changed = await refreshTiersUpstreamOf(trx, id.org.id, [supplierId]);
    await recordAudit(trx, {
      ...actor(id, ip),
      action: "supplier.link_removed",
      entity: "supplier",
      entityId: supplierId,
      diff: { supplies: buyerId, tiersChanged: changed.size },
    });
    return ok({ changedTiers: changed.size });
  });
  if (r.ok) await scoresChanged(db, id.org.id, "link removed", [buyerId]);
  return r;
}

/**
 * Hard delete, for a supplier entered by mistake. Refused once the supplier has assessments (nothing
 * that has been assessed is ever hard-deleted) and while suppliers of its own are linked to it (they
 * would be re-tiered as if they sold to us directly): archive it instead, or remove those links first.
 */
export async function deleteSupplier(db: DB, id: OrgIdentity, supplierId: number, ip: string): Promise<Result> {
  let buyers: number[] = [];
  const r = await db.transaction().execute(async (trx): Promise<Result> => {
    await lockOrgGraph(trx, id.org.id);
    const s = await getSupplier(trx, id.org.id, supplierId);
    if (!s) return fail("not_found", NO_SUCH_SUPPLIER);
    if (await supplierHasAssessments(trx, id.org.id, supplierId)) {
      return fail("conflict", `${s.name} has assessments, which are kept for the record: archive the supplier instead of deleting it.`);
    }
    if ((await upstreamEdges(trx, id.org.id, supplierId, 1, 1)).length) {
      return fail("conflict", "This supplier has suppliers of its own linked. Remove those links first, or archive it instead.");
    }
    buyers = (await linksFrom(trx, id.org.id, [supplierId])).map((l) => l.buyerId);
    await deleteSupplierRow(trx, id.org.id, supplierId);
    await recordAudit(trx, { ...actor(id, ip), action: "supplier.deleted", entity: "supplier", entityId: supplierId, diff: inputOf(s) });
    return ok();
  });
  if (r.ok) {
    if (buyers.length) await scoresChanged(db, id.org.id, "supplier deleted", buyers);
    else await refreshRollup(db, id.org.id);
  }
  return r;
}
