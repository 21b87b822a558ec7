// Screening against regulators' lists: the list entries (global reference data) and a tenant's
// matches (candidate → confirmed | dismissed). Every tenant query is scoped by organisation.
import { screeningList, type ScreeningEntry, type ScreeningListKey } from "~/domain/screening/lists";
import type { ScreenedSupplier } from "~/domain/screening/match";
import { chunks } from "./chunks";
import type { DbOrTrx } from "./types";

export type MatchStatus = "candidate" | "confirmed" | "dismissed";

export interface ScreeningMatch {
  id: number;
  supplierId: number;
  supplierName: string;
  list: string;
  entryKey: string;
  entryName: string;
  matchedOn: string;
  score: number;
  reason: string;
  listEdition: string;
  status: MatchStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
  version: number;
}

const strings = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
};

/** Every entry of every list (about a hundred rows: read whole, indexed in memory). */
export async function listScreeningEntries(db: DbOrTrx): Promise<ScreeningEntry[]> {
  const rows = await db.selectFrom("screening_list_entries").selectAll().orderBy("id").execute();
  return rows.map((r) => ({
    list: r.list_key as ScreeningListKey,
    key: r.entry_key,
    kind: r.kind,
    name: r.name,
    aliases: strings(r.aliases),
    country: r.country,
    goods: strings(r.goods),
    region: r.region,
    detail: r.detail,
    listedOn: r.listed_on,
  }));
}

export async function screeningEntrySources(db: DbOrTrx): Promise<Map<string, string>> {
  const rows = await db.selectFrom("screening_list_entries").select(["list_key", "entry_key", "source"]).execute();
  return new Map(rows.map((r) => [`${r.list_key}:${r.entry_key}`, r.source]));
}

/** A page of the tenant's suppliers in id order after `afterId`, with their goods, as the matcher reads them. */
export async function suppliersForScreening(
  db: DbOrTrx,
  orgId: number,
  scope: { ids: readonly number[] } | { afterId: number; limit: number },
): Promise<Array<ScreenedSupplier & { id: number }>> {
  let q = db.selectFrom("suppliers").select(["id", "name", "country", "latitude", "longitude"]).where("org_id", "=", orgId);
  q = "ids" in scope ? q.where("id", "in", scope.ids.length ? [...scope.ids] : [0]) : q.where("id", ">", scope.afterId).limit(scope.limit);
  const rows = await q.orderBy("id").execute();
  if (rows.length === 0) return [];
  const goods = new Map<number, string[]>();
  for (const ids of chunks(rows.map((r) => r.id))) {
    const g = await db
      .selectFrom("supplier_goods")
      .select(["supplier_id", "good"])
      .where("org_id", "=", orgId)
      .where("supplier_id", "in", ids)
      .execute();
    for (const r of g) goods.set(r.supplier_id, [...(goods.get(r.supplier_id) ?? []), r.good]);
  }
  return rows.map((r) => ({ ...r, goods: goods.get(r.id) ?? [] }));
}

export interface StoredMatchKey {
  id: number;
  supplierId: number;
  list: string;
  entryKey: string;
  supplierName: string;
  status: MatchStatus;
  score: number;
  reason: string;
}

export async function matchKeysOf(db: DbOrTrx, orgId: number, supplierIds: readonly number[]): Promise<StoredMatchKey[]> {
  const out: StoredMatchKey[] = [];
  for (const ids of chunks(supplierIds)) {
    const rows = await db
      .selectFrom("screening_matches")
      .select(["id", "supplier_id", "list_key", "entry_key", "supplier_name", "status", "score", "reason"])
      .where("org_id", "=", orgId)
      .where("supplier_id", "in", ids)
      .execute();
    for (const r of rows)
      out.push({
        id: r.id,
        supplierId: r.supplier_id,
        list: r.list_key,
        entryKey: r.entry_key,
        supplierName: r.supplier_name,
        status: r.status,
        score: r.score,
        reason: r.reason,
      });
  }
  return out;
}

export interface NewMatch {
  supplierId: number;
  list: string;
  entryKey: string;
  entryName: string;
  matchedOn: string;
  score: number;
  reason: string;
  supplierName: string;
  listEdition: string;
}

export async function insertMatches(db: DbOrTrx, orgId: number, rows: readonly NewMatch[], now: string): Promise<void> {
  for (const batch of chunks(rows, 60)) {
    await db
      .insertInto("screening_matches")
      .values(
        batch.map((m) => ({
          org_id: orgId,
          supplier_id: m.supplierId,
          list_key: m.list,
          entry_key: m.entryKey,
          entry_name: m.entryName,
          matched_on: m.matchedOn,
          score: m.score,
          reason: m.reason,
          supplier_name: m.supplierName,
          list_edition: m.listEdition,
          status: "candidate" as const,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(["org_id", "supplier_id", "list_key", "entry_key", "supplier_name"]).doNothing())
      .execute();
  }
}

export async function refreshCandidate(db: DbOrTrx, orgId: number, id: number, m: Pick<NewMatch, "score" | "reason">, now: string) {
  await db
    .updateTable("screening_matches")
    .set({ score: m.score, reason: m.reason, updated_at: now })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "=", "candidate")
    .execute();
}

/** Candidates no longer found (the supplier changed): never decided, so nothing is lost. */
export async function deleteCandidates(db: DbOrTrx, orgId: number, ids: readonly number[]): Promise<void> {
  for (const batch of chunks(ids)) {
    await db
      .deleteFrom("screening_matches")
      .where("org_id", "=", orgId)
      .where("status", "=", "candidate")
      .where("id", "in", batch)
      .execute();
  }
}

const MATCH_COLUMNS = [
  "m.id",
  "m.supplier_id",
  "s.name as supplier",
  "m.list_key",
  "m.entry_key",
  "m.entry_name",
  "m.matched_on",
  "m.score",
  "m.reason",
  "m.list_edition",
  "m.status",
  "u.name as decided_by_name",
  "m.decided_at",
  "m.decision_reason",
  "m.created_at",
  "m.version",
] as const;

function baseQuery(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("screening_matches as m")
    .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "m.supplier_id").onRef("s.org_id", "=", "m.org_id"))
    .leftJoin("users as u", "u.id", "m.decided_by")
    .select([...MATCH_COLUMNS])
    .where("m.org_id", "=", orgId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];
const toMatch = (r: Row): ScreeningMatch => ({
  id: r.id,
  supplierId: r.supplier_id,
  supplierName: r.supplier,
  list: r.list_key,
  entryKey: r.entry_key,
  entryName: r.entry_name,
  matchedOn: r.matched_on,
  score: r.score,
  reason: r.reason,
  listEdition: r.list_edition,
  status: r.status,
  decidedBy: r.decided_by_name,
  decidedAt: r.decided_at,
  decisionReason: r.decision_reason,
  createdAt: r.created_at,
  version: r.version,
});

export interface MatchFilter {
  status?: MatchStatus;
  list?: string;
  limit: number;
  offset: number;
}

/** The queue: candidates first, then confirmed, then dismissed; strongest first within each. */
export async function listMatches(db: DbOrTrx, orgId: number, f: MatchFilter): Promise<{ rows: ScreeningMatch[]; total: number }> {
  let q = baseQuery(db, orgId);
  let c = db
    .selectFrom("screening_matches")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId);
  if (f.status) {
    q = q.where("m.status", "=", f.status);
    c = c.where("status", "=", f.status);
  }
  if (f.list) {
    q = q.where("m.list_key", "=", f.list);
    c = c.where("list_key", "=", f.list);
  }
  const [rows, count] = await Promise.all([
    q
      .orderBy((eb) => eb.case().when("m.status", "=", "candidate").then(0).when("m.status", "=", "confirmed").then(1).else(2).end())
      .orderBy("m.score", "desc")
      .orderBy("m.id")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    c.executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toMatch), total: Number(count.n) };
}

export async function matchCounts(db: DbOrTrx, orgId: number): Promise<Record<MatchStatus, number>> {
  const rows = await db
    .selectFrom("screening_matches")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .groupBy("status")
    .execute();
  const out: Record<MatchStatus, number> = { candidate: 0, confirmed: 0, dismissed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function getMatch(db: DbOrTrx, orgId: number, id: number): Promise<ScreeningMatch | null> {
  const r = await baseQuery(db, orgId).where("m.id", "=", id).executeTakeFirst();
  return r ? toMatch(r) : null;
}

/** The matches of the given suppliers (all statuses), strongest first. */
export async function matchesOfSuppliers(db: DbOrTrx, orgId: number, supplierIds: readonly number[]): Promise<ScreeningMatch[]> {
  const out: ScreeningMatch[] = [];
  for (const ids of chunks(supplierIds)) {
    const rows = await baseQuery(db, orgId).where("m.supplier_id", "in", ids).orderBy("m.score", "desc").orderBy("m.id").execute();
    out.push(...rows.map(toMatch));
  }
  return out;
}

/** Records an officer's decision on a candidate at `version`; false when it was decided or changed meanwhile. */
export async function decideMatchIfVersion(
  db: DbOrTrx,
  orgId: number,
  id: number,
  version: number,
  d: { status: "confirmed" | "dismissed"; by: number; at: string; reason: string },
): Promise<boolean> {
  const r = await db
    .updateTable("screening_matches")
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_reason: d.reason, updated_at: d.at, version: version + 1 })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("version", "=", version)
    .where("status", "=", "candidate")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface ConfirmedScreening {
  matchId: number;
  list: string;
  entryName: string;
}

/** Confirmed matches per supplier: the red flags screening raises (risk model v2's independent signals). */
export async function confirmedScreeningFlags(
  db: DbOrTrx,
  orgId: number,
  supplierIds: readonly number[] | "all",
): Promise<Map<number, ConfirmedScreening[]>> {
  const out = new Map<number, ConfirmedScreening[]>();
  const base = db
    .selectFrom("screening_matches")
    .select(["id", "supplier_id", "list_key", "entry_name"])
    .where("org_id", "=", orgId)
    .where("status", "=", "confirmed")
    .orderBy("id");
  for (const ids of supplierIds === "all" ? [null] : chunks([...supplierIds])) {
    for (const r of await (ids ? base.where("supplier_id", "in", ids) : base).execute()) {
      out.set(r.supplier_id, [...(out.get(r.supplier_id) ?? []), { matchId: r.id, list: r.list_key, entryName: r.entry_name }]);
    }
  }
  return out;
}

export interface SupplierScreeningResult {
  supplierId: number;
  supplierName: string;
  list: string;
  /** The list's name, e.g. "UFLPA Entity List". */
  listName: string;
  listEdition: string;
  /** Whether Lantern's copy of the list is partial (say so wherever the result is shown). */
  listPartial: boolean;
  entryName: string;
  matchedOn: string;
  score: number;
  status: "candidate" | "confirmed";
  reason: string;
  decisionReason: string | null;
}

/**
 * For the packs and statements: the candidate and confirmed matches of the given suppliers (dismissed
 * ones are left out: an officer found them not to be the same entity). Only "confirmed" is a red flag.
 */
export async function screeningForSuppliers(
  db: DbOrTrx,
  orgId: number,
  supplierIds: readonly number[],
): Promise<SupplierScreeningResult[]> {
  const rows = await matchesOfSuppliers(db, orgId, supplierIds);
  return rows.flatMap((m) => {
    if (m.status === "dismissed") return [];
    const list = screeningList(m.list);
    return [
      {
        supplierId: m.supplierId,
        supplierName: m.supplierName,
        list: m.list,
        listName: list?.name ?? m.list,
        listEdition: m.listEdition,
        listPartial: list?.partial ?? true,
        entryName: m.entryName,
        matchedOn: m.matchedOn,
        score: m.score,
        status: m.status,
        reason: m.reason,
        decisionReason: m.decisionReason,
      },
    ];
  });
}
