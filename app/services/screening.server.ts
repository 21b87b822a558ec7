// Screening suppliers against regulators' lists. `screenSuppliers` runs after a supplier is created
// or changed, after an import commits, and when an officer asks to screen everyone again: it writes
// new candidates, refreshes undecided ones and drops those no longer found. A decision stands: a
// dismissed match is never raised again for the same entry and the same supplier name (a renamed
// supplier is screened afresh), and a confirmed one stays. Confirming or dismissing needs a reason,
// is audited, and recomputes the supplier's score (only a confirmed match is a red flag).
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { fail, ok, type Result } from "~/domain/result";
import { screeningList } from "~/domain/screening/lists";
import { buildScreeningIndex, screenSupplier, type ScreeningIndex } from "~/domain/screening/match";
import { screeningName } from "~/domain/screening/names";
import type { OrgIdentity } from "~/lib/auth.server";
import { log } from "~/lib/logger.server";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import {
  decideMatchIfVersion,
  deleteCandidates,
  getMatch,
  insertMatches,
  listMatches,
  listScreeningEntries,
  matchCounts,
  matchesOfSuppliers,
  matchKeysOf,
  refreshCandidate,
  suppliersForScreening,
  type MatchStatus,
  type NewMatch,
} from "~/models/screening.server";
import type { DbOrTrx } from "~/models/types";
import { scoresChanged } from "./risk.server";

type DB = Kysely<Database>;
const PAGE = 2000;

/** The lists indexed once per process and edition of the entries (they change only when the seed reloads them). */
let cached: { stamp: string; index: ScreeningIndex } | undefined;
async function screeningIndex(db: DbOrTrx): Promise<ScreeningIndex> {
  const entries = await listScreeningEntries(db);
  const stamp = entries.map((e) => `${e.list}:${e.key}`).join(",");
  if (cached?.stamp !== stamp) cached = { stamp, index: buildScreeningIndex(entries) };
  return cached.index;
}

export interface ScreeningRun {
  screened: number;
  added: number;
  dropped: number;
}

async function screenPage(
  db: DbOrTrx,
  orgId: number,
  index: ScreeningIndex,
  suppliers: Awaited<ReturnType<typeof suppliersForScreening>>,
  now: string,
): Promise<{ added: number; dropped: number }> {
  const stored = await matchKeysOf(
    db,
    orgId,
    suppliers.map((s) => s.id),
  );
  const byKey = new Map(stored.map((m) => [`${m.supplierId}|${m.list}|${m.entryKey}|${m.supplierName}`, m]));
  const decided = new Set(stored.filter((m) => m.status === "confirmed").map((m) => `${m.supplierId}|${m.list}|${m.entryKey}`));
  const found = new Set<number>();
  const fresh: NewMatch[] = [];
  for (const s of suppliers) {
    const name = screeningName(s.name) || s.name.toLowerCase();
    for (const c of screenSupplier(index, s)) {
      const prev = byKey.get(`${s.id}|${c.list}|${c.entryKey}|${name}`);
      if (prev) {
        found.add(prev.id);
        if (prev.status === "candidate" && (prev.score !== c.score || prev.reason !== c.reason))
          await refreshCandidate(db, orgId, prev.id, c, now);
        continue;
      }
      // A confirmed match of this entry stands whatever the name is now; a dismissal holds only for its name.
      if (decided.has(`${s.id}|${c.list}|${c.entryKey}`)) continue;
      const listEdition = screeningList(c.list)?.edition ?? "unknown";
      fresh.push({ supplierId: s.id, ...c, supplierName: name, listEdition });
    }
  }
  const stale = stored.filter((m) => m.status === "candidate" && !found.has(m.id)).map((m) => m.id);
  await deleteCandidates(db, orgId, stale);
  await insertMatches(db, orgId, fresh, now);
  return { added: fresh.length, dropped: stale.length };
}

/** Screens the given suppliers (or the whole tenant, a page at a time) against every list. */
export async function screenSuppliers(db: DbOrTrx, orgId: number, scope: readonly number[] | "all", now = nowIso()): Promise<ScreeningRun> {
  const index = await screeningIndex(db);
  const run: ScreeningRun = { screened: 0, added: 0, dropped: 0 };
  if (scope !== "all") {
    const page = await suppliersForScreening(db, orgId, { ids: scope });
    const r = await screenPage(db, orgId, index, page, now);
    return { screened: page.length, ...r };
  }
  for (let afterId = 0; ;) {
    const page = await suppliersForScreening(db, orgId, { afterId, limit: PAGE });
    if (page.length === 0) break;
    const r = await screenPage(db, orgId, index, page, now);
    run.screened += page.length;
    run.added += r.added;
    run.dropped += r.dropped;
    afterId = page.at(-1)!.id;
  }
  return run;
}

/**
 * After a change to suppliers (created, edited, imported): screen them. A failure never undoes the
 * change; it is logged, and "Screen all suppliers again" catches up.
 */
export async function suppliersChangedForScreening(db: DB, orgId: number, scope: readonly number[] | "all"): Promise<ScreeningRun | null> {
  try {
    return await screenSuppliers(db, orgId, scope);
  } catch (e) {
    log.error("screening failed", { orgId, error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

/**
 * "Screen all suppliers again" (admins and compliance officers): audited with its counts. Not one
 * transaction: each page of suppliers is written on its own, so a tenant of 100,000 never holds the
 * database's write lock for seconds (a page is idempotent: running it again changes nothing).
 */
export async function rescreenAll(db: DB, id: OrgIdentity, ip: string | null): Promise<Result<ScreeningRun>> {
  const started = Date.now();
  const r = await screenSuppliers(db, id.org.id, "all");
  await recordAudit(db, {
    orgId: id.org.id,
    actorUserId: id.user.userId,
    actorLabel: id.user.email,
    action: "screening.rescreened",
    entity: "organization",
    entityId: id.org.id,
    diff: { ...r, ms: Date.now() - started },
    ip,
  });
  return ok(r);
}

export interface Decision {
  decision: "confirm" | "dismiss";
  reason: string;
  version: number;
}

/** An officer's decision on a candidate: confirmed ("true match") or dismissed ("not the same entity"). */
export async function decideMatch(
  db: DB,
  id: OrgIdentity,
  matchId: number,
  d: Decision,
  ip: string | null,
): Promise<Result<{ status: "confirmed" | "dismissed"; supplierId: number }>> {
  const m = await getMatch(db, id.org.id, matchId);
  if (!m) return fail("not_found", "No such screening match");
  const status = d.decision === "confirm" ? "confirmed" : "dismissed";
  const now = nowIso();
  const done = await db.transaction().execute(async (trx) => {
    const changed = await decideMatchIfVersion(trx, id.org.id, matchId, d.version, {
      status,
      by: id.user.userId,
      at: now,
      reason: d.reason,
    });
    if (!changed) return false;
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: `screening.${status}`,
      entity: "supplier",
      entityId: m.supplierId,
      diff: { match: matchId, list: m.list, entry: m.entryName, reason: d.reason },
      ip,
    });
    return true;
  });
  if (!done) {
    const now2 = await getMatch(db, id.org.id, matchId);
    const who = now2?.decidedBy ? ` by ${now2.decidedBy}` : "";
    return fail(
      "conflict",
      now2 && now2.status !== "candidate" ? `This match was already ${now2.status}${who}.` : "This match changed meanwhile.",
    );
  }
  if (status === "confirmed") await scoresChanged(db, id.org.id, "screening match confirmed", [m.supplierId]);
  return ok({ status, supplierId: m.supplierId });
}

/** The queue page: one page of matches (candidates first), the counts, and whether filters leave more. */
export async function screeningQueue(db: DB, orgId: number, q: { status?: MatchStatus; list?: string; page: number; size: number }) {
  const [{ rows, total }, counts] = await Promise.all([
    listMatches(db, orgId, { status: q.status, list: q.list, limit: q.size, offset: (q.page - 1) * q.size }),
    matchCounts(db, orgId),
  ]);
  return { rows, total, counts };
}

/** The "Screening" section of a supplier's page: all its matches, decided ones with their reasons. */
export async function supplierScreening(db: DB, orgId: number, supplierId: number) {
  return matchesOfSuppliers(db, orgId, [supplierId]);
}
