// Likely goods from a supplier's sector (risk model v2): an officer confirms one (it becomes a
// recorded good and counts in full) or rejects it with a reason (it stops counting), and may undo a
// rejection. Each decision is audited and the supplier's score is recomputed.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { fail, ok, type Result } from "~/domain/result";
import { likelyGoodsOfSector } from "~/domain/risk/sector-goods";
import { goodKey } from "~/domain/risk/inherent";
import { getSupplier } from "~/models/supplier.server";
import { addRecordedGood, clearLikelyGoodDecision, rejectLikelyGood } from "~/models/likely-goods.server";
import { recordAudit } from "~/models/audit.server";
import { auditActor } from "./assessment-core.server";
import { scoresChanged } from "./risk.server";

type DB = Kysely<Database>;

export type LikelyGoodDecision =
  { kind: "confirm"; good: string } | { kind: "reject"; good: string; reason: string } | { kind: "restore"; good: string };

const PAST = { confirm: "confirmed", reject: "rejected", restore: "restored" } as const;

const DONE = {
  confirm: (good: string) => `${good} is now a recorded good of this supplier.`,
  reject: (good: string) => `${good} no longer counts as a likely good of this supplier.`,
  restore: (good: string) => `${good} counts as a likely good again.`,
};

/** Applies an officer's decision on one likely good of a supplier; the message says what happened. */
export async function decideLikelyGood(
  db: DB,
  id: OrgIdentity,
  supplierId: number,
  d: LikelyGoodDecision,
  ip: string,
): Promise<Result<{ message: string }>> {
  const orgId = id.org.id;
  const supplier = await getSupplier(db, orgId, supplierId);
  if (!supplier) return fail("not_found", "No such supplier.");
  const likely = likelyGoodsOfSector(supplier.sector).find((g) => goodKey(g.good) === goodKey(d.good));
  if (!likely) {
    return fail("invalid", `${d.good} is not a likely good of the sector “${supplier.sector ?? ""}”: reload the page and try again.`);
  }
  const good = likely.good;
  await db.transaction().execute(async (trx) => {
    if (d.kind === "confirm") {
      await addRecordedGood(trx, orgId, supplierId, good);
      await clearLikelyGoodDecision(trx, orgId, supplierId, good);
    } else if (d.kind === "reject") {
      await rejectLikelyGood(trx, orgId, supplierId, good, { userId: id.user.userId, label: id.user.email }, d.reason);
    } else {
      await clearLikelyGoodDecision(trx, orgId, supplierId, good);
    }
    await recordAudit(trx, {
      ...auditActor({ kind: "officer", id }, ip),
      action: `supplier.likely_good_${PAST[d.kind]}`,
      entity: "supplier",
      entityId: supplierId,
      diff: { good, sector: supplier.sector, ...(d.kind === "reject" ? { reason: d.reason } : {}) },
    });
  });
  await scoresChanged(db, orgId, `likely good ${PAST[d.kind]}`, [supplierId]);
  return ok({ message: DONE[d.kind](good) });
}
