// Yearly statements (db/migrations/2026-12-11T0100_statements.ts): the statement, its revisions, its
// approval, and the year's facts its figures are computed from. Scoped by orgId; saves are guarded by
// `version` (a save from an older copy changes nothing and says so).
import { sql } from "kysely";
import { addDays } from "~/domain/dates";
import type { Figure, ListGroup, YearFacts } from "~/domain/statement/types";
import type { StatementStatus } from "~db/types";
import { listGroups, type Period } from "./statement-lists.server";
import type { DbOrTrx } from "./types";

export interface StatementRecord {
  id: number;
  templateKey: string;
  templateVersion: number;
  year: number;
  period: Period;
  status: StatementStatus;
  sections: Record<string, string>;
  /** Frozen at approval; null while a draft. */
  figures: Record<string, Figure> | null;
  approval: {
    approverName: string;
    approverTitle: string;
    approvingBody: string;
    approvedOn: string;
    recordedBy: string | null;
    recordedAt: string;
  } | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const COLUMNS = [
  "s.id",
  "s.template_key",
  "s.template_version",
  "s.year",
  "s.period_from",
  "s.period_to",
  "s.status",
  "s.sections",
  "s.figures",
  "s.approver_name",
  "s.approver_title",
  "s.approving_body",
  "s.approved_on",
  "s.approval_recorded_at",
  "s.published_at",
  "s.created_at",
  "s.updated_at",
  "s.version",
  "u.email as recorded_by",
] as const;

function base(db: DbOrTrx, orgId: number) {
  return db
    .selectFrom("statements as s")
    .leftJoin("users as u", "u.id", "s.approval_recorded_by")
    .select(COLUMNS)
    .where("s.org_id", "=", orgId);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>["executeTakeFirstOrThrow"]>>;

function toRecord(r: Row): StatementRecord {
  return {
    id: r.id,
    templateKey: r.template_key,
    templateVersion: r.template_version,
    year: r.year,
    period: { from: r.period_from, to: r.period_to },
    status: r.status,
    // Only this module writes these columns, always from checked values.
    sections: JSON.parse(r.sections) as Record<string, string>,
    figures: r.figures ? (JSON.parse(r.figures) as Record<string, Figure>) : null,
    approval:
      r.approved_on && r.approval_recorded_at
        ? {
            approverName: r.approver_name ?? "",
            approverTitle: r.approver_title ?? "",
            approvingBody: r.approving_body ?? "",
            approvedOn: r.approved_on,
            recordedBy: r.recorded_by,
            recordedAt: r.approval_recorded_at,
          }
        : null,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function getStatement(db: DbOrTrx, orgId: number, id: number): Promise<StatementRecord | null> {
  const r = await base(db, orgId).where("s.id", "=", id).executeTakeFirst();
  return r ? toRecord(r) : null;
}

export async function listStatements(db: DbOrTrx, orgId: number): Promise<StatementRecord[]> {
  return (await base(db, orgId).orderBy("s.year", "desc").orderBy("s.id", "desc").limit(500).execute()).map(toRecord);
}

/** The newest approved or published statement of a template for a year (what next year compares with). */
export async function approvedStatementFor(db: DbOrTrx, orgId: number, templateKey: string, year: number): Promise<StatementRecord | null> {
  const r = await base(db, orgId)
    .where("s.template_key", "=", templateKey)
    .where("s.year", "=", year)
    .where("s.status", "in", ["approved", "published"])
    .orderBy("s.id", "desc")
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

export async function insertStatement(
  db: DbOrTrx,
  orgId: number,
  s: { templateKey: string; templateVersion: number; year: number; period: Period; sections: Record<string, string> },
  at: { userId: number | null; now: string },
): Promise<number> {
  const r = await db
    .insertInto("statements")
    .values({
      org_id: orgId,
      template_key: s.templateKey,
      template_version: s.templateVersion,
      year: s.year,
      period_from: s.period.from,
      period_to: s.period.to,
      status: "draft",
      sections: JSON.stringify(s.sections),
      created_by: at.userId,
      created_at: at.now,
      updated_at: at.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Writes a draft's texts when `expectedVersion` is current; false when someone saved first or it is no longer a draft. */
export async function updateSections(
  db: DbOrTrx,
  orgId: number,
  id: number,
  sections: Record<string, string>,
  at: { expectedVersion: number; now: string },
): Promise<boolean> {
  const r = await db
    .updateTable("statements")
    .set({ sections: JSON.stringify(sections), updated_at: at.now, version: at.expectedVersion + 1 })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("version", "=", at.expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRevision(
  db: DbOrTrx,
  orgId: number,
  statementId: number,
  sections: Record<string, string>,
  at: { note: string | null; userId: number | null; label: string; now: string },
): Promise<number> {
  const last = await db
    .selectFrom("statement_revisions")
    .select(sql<number | null>`max(revision)`.as("n"))
    .where("org_id", "=", orgId)
    .where("statement_id", "=", statementId)
    .executeTakeFirst();
  const revision = Number(last?.n ?? 0) + 1;
  await db
    .insertInto("statement_revisions")
    .values({
      org_id: orgId,
      statement_id: statementId,
      revision,
      sections: JSON.stringify(sections),
      note: at.note,
      created_by: at.userId,
      created_by_label: at.label,
      created_at: at.now,
    })
    .execute();
  return revision;
}

export async function listRevisions(db: DbOrTrx, orgId: number, statementId: number) {
  const rows = await db
    .selectFrom("statement_revisions")
    .select(["revision", "sections", "note", "created_by_label", "created_at"])
    .where("org_id", "=", orgId)
    .where("statement_id", "=", statementId)
    .orderBy("revision", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    sections: JSON.parse(r.sections) as Record<string, string>,
    note: r.note,
    by: r.created_by_label,
    at: r.created_at,
  }));
}

/** Draft → approved with the board's approval and the frozen figures; false when not a draft at `expectedVersion`. */
export async function markApproved(
  db: DbOrTrx,
  orgId: number,
  id: number,
  a: { approverName: string; approverTitle: string; approvingBody: string; approvedOn: string; figures: Record<string, Figure> },
  at: { expectedVersion: number; userId: number | null; now: string },
): Promise<boolean> {
  const r = await db
    .updateTable("statements")
    .set({
      status: "approved",
      figures: JSON.stringify(a.figures),
      approver_name: a.approverName,
      approver_title: a.approverTitle,
      approving_body: a.approvingBody,
      approved_on: a.approvedOn,
      approval_recorded_by: at.userId,
      approval_recorded_at: at.now,
      updated_at: at.now,
      version: at.expectedVersion + 1,
    })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("version", "=", at.expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markPublished(db: DbOrTrx, orgId: number, id: number, at: { expectedVersion: number; now: string }) {
  const r = await db
    .updateTable("statements")
    .set({ status: "published", published_at: at.now, updated_at: at.now, version: at.expectedVersion + 1 })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "=", "approved")
    .where("version", "=", at.expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Everything one reporting year's figures are computed from. */
export async function yearFacts(db: DbOrTrx, orgId: number, year: number, p: Period, suppliers?: ListGroup[]): Promise<YearFacts> {
  const next = addDays(p.to, 1);
  const inYear = (col: "received_at" | "substantiated_at") =>
    db
      .selectFrom("grievance_cases")
      .select(sql<number>`count(*)`.as("n"))
      .where("org_id", "=", orgId)
      .where(col, ">=", p.from)
      .where(col, "<", next)
      .executeTakeFirstOrThrow();
  const [groups, received, substantiated, remedies, channels, method] = await Promise.all([
    listGroups(db, orgId, p, suppliers),
    inYear("received_at"),
    inYear("substantiated_at"),
    db
      .selectFrom("grievance_remedies")
      .select(sql<number>`count(*)`.as("n"))
      .where("org_id", "=", orgId)
      .where("delivered_on", ">=", p.from)
      .where("delivered_on", "<", next)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("voice_channels")
      .select(sql<number>`count(*)`.as("n"))
      .where("org_id", "=", orgId)
      .where("active", "=", 1)
      .where("created_at", "<", next)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("methodology_versions")
      .select(["version", "config"])
      .where("org_id", "=", orgId)
      .where("created_at", "<", next)
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  const model = method ? (JSON.parse(method.config) as { model?: unknown }).model : undefined;
  return {
    year,
    period: p,
    groups,
    grievances: {
      received: Number(received.n),
      substantiated: Number(substantiated.n),
      remedies: Number(remedies.n),
      channels: Number(channels.n),
    },
    methodology: method ? { model: typeof model === "string" ? model : "v1", version: method.version } : null,
  };
}
