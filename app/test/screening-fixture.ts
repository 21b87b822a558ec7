// The screening part of the two-tenant route fixture (route-fixture.ts): a candidate match on the
// tenant's supplier, written directly (the fixture's suppliers have ordinary names that match no list),
// with the tenant's marker in its reason. `freshCandidate` makes another one for a decision to act on.
import type { Db } from "~db/client";
import { insertMatches, listMatches } from "~/models/screening.server";

export interface ScreeningFixture {
  screeningMatchId: number;
}

export async function freshCandidate(
  db: Db,
  orgId: number,
  supplierId: number,
  marker = "probe",
): Promise<{ id: number; version: number }> {
  const entryKey = `fixture-${Math.random().toString(36).slice(2, 10)}`;
  await insertMatches(
    db.db,
    orgId,
    [
      {
        supplierId,
        list: "uflpa",
        entryKey,
        entryName: "Hetian Haolin Hair Accessories Co. Ltd.",
        matchedOn: "Hotan Haolin Hair Accessories",
        score: 90,
        reason: `Name is 90% alike to UFLPA alias 'Hotan Haolin Hair Accessories' (${marker} fixture).`,
        supplierName: `${marker} fixture ${entryKey}`,
        listEdition: "partial copy compiled 2026-12-06 (69 entities)",
      },
    ],
    "2026-12-01T00:00:00.000Z",
  );
  const row = await db.db
    .selectFrom("screening_matches")
    .select(["id", "version"])
    .where("org_id", "=", orgId)
    .where("entry_key", "=", entryKey)
    .executeTakeFirstOrThrow();
  return row;
}

export async function screeningFixture(db: Db, orgId: number, supplierId: number, marker: string): Promise<ScreeningFixture> {
  const { id } = await freshCandidate(db, orgId, supplierId, marker);
  // Read back through the queue's own query, so a fixture the page cannot show fails here.
  const { rows } = await listMatches(db.db, orgId, { limit: 10, offset: 0 });
  if (!rows.some((r) => r.id === id)) throw new Error("screening fixture not listed");
  return { screeningMatchId: id };
}
