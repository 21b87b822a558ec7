// A tenant's yearly statements for the route sweeps: a UK draft whose text carries the tenant's
// marker, and an approved Australian statement (its figures and lists frozen).
import type { Db } from "~db/client";
import type { OrgIdentity } from "~/lib/auth.server";
import { approveStatement, draftStatement, saveStatement } from "~/services/statements.server";

export interface StatementFixture {
  statementId: number; // a draft UK statement for 2026, the marker in its policies section
  approvedStatementId: number; // an approved Australian statement for 2026
}

const IP = "192.0.2.12";
const NOW = new Date("2026-12-07T10:00:00Z");

export async function statementFixture(db: Db, admin: OrgIdentity, marker: string): Promise<StatementFixture> {
  const draft = await draftStatement(db.db, admin, { template: "uk-msa-s54", year: 2026 }, IP, NOW);
  if (!draft.ok) throw new Error(draft.message);
  const statementId = draft.value.statementId;
  const text = `${marker} policy on forced labour. [[figure:profile.policies]]`;
  const saved = await saveStatement(db.db, admin, statementId, { expectedVersion: 1, note: null, sections: { policies: text } }, IP, NOW);
  if (!saved.ok) throw new Error(saved.message);
  const other = await draftStatement(db.db, admin, { template: "au-msa", year: 2026 }, IP, NOW);
  if (!other.ok) throw new Error(other.message);
  const approval = {
    expectedVersion: 1,
    approverName: `${marker} Director`,
    approverTitle: "Director",
    approvingBody: "Board",
    approvedOn: "2026-12-01",
  };
  const approved = await approveStatement(db.db, admin, other.value.statementId, approval, IP, NOW);
  if (!approved.ok) throw new Error(approved.message);
  return { statementId, approvedStatementId: other.value.statementId };
}
