// The lists a statement's figures count (domain/statement/types.ts STATEMENT_LISTS), one SELECT each
// over one reporting year, all with the same columns (ref_id, label, country, tier, status, detail,
// day). The same SELECT is read three ways: grouped (the counts the figures are computed from),
// paged (the live list behind a draft's figure), and copied by INSERT … SELECT into
// statement_snapshot_rows at approval (the frozen list behind an approved statement's figure).
// Actions opened from a grievance case are left out: cases are counted only, never listed.
import { sql, type AliasedExpression, type Expression, type SqlBool } from "kysely";
import { addDays } from "~/domain/dates";
import { STATEMENT_LISTS, type ListFilter, type ListGroup, type StatementList } from "~/domain/statement/types";
import type { DbOrTrx } from "./types";

export interface Period {
  from: string;
  to: string;
}

export interface ListRow {
  refId: number;
  label: string;
  country: string | null;
  tier: number | null;
  status: string | null;
  detail: string | null;
  day: string | null;
}

interface RawListRow {
  ref_id: number;
  label: string;
  country: string;
  tier: number | null;
  status: string | null;
  detail: string | null;
  day: string | null;
}

/** The list's SELECT for one year, as the subquery `l`. */
function listQuery(db: DbOrTrx, orgId: number, list: StatementList, p: Period): AliasedExpression<RawListRow, "l"> {
  return listSelect(db, orgId, list, p).as("l");
}

/** The list's SELECT for one year (ISO days and timestamps compare as strings: `< next day` covers both). */
function listSelect(db: DbOrTrx, orgId: number, list: StatementList, p: Period) {
  const next = addDays(p.to, 1);
  const inYear = (col: string) => sql<SqlBool>`${sql.ref(col)} >= ${p.from} and ${sql.ref(col)} < ${next}`;
  if (list === "suppliers")
    return db
      .selectFrom("suppliers as s")
      .where("s.org_id", "=", orgId)
      .where("s.status", "!=", "archived")
      .where("s.created_at", "<", next)
      .select([
        "s.id as ref_id",
        "s.name as label",
        "s.country as country",
        "s.tier as tier",
        "s.risk_band as status",
        sql<string | null>`s.sector`.as("detail"),
        "s.created_at as day",
      ]);
  if (list === "audits")
    return db
      .selectFrom("site_audits as a")
      .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "a.supplier_id").onRef("s.org_id", "=", "a.org_id"))
      .where("a.org_id", "=", orgId)
      .where(inYear("a.audit_date"))
      .select([
        "a.id as ref_id",
        "s.name as label",
        "s.country as country",
        "s.tier as tier",
        "a.standard as status",
        sql<string | null>`a.firm`.as("detail"),
        "a.audit_date as day",
      ]);
  if (list.startsWith("assessments_")) {
    const day = list === "assessments_expired" ? "a.valid_until" : "a.approved_at";
    let q = db
      .selectFrom("assessments as a")
      .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "a.supplier_id").onRef("s.org_id", "=", "a.org_id"))
      .where("a.org_id", "=", orgId);
    if (list === "assessments_approved") q = q.where(inYear("a.approved_at"));
    if (list === "assessments_expired") q = q.where(inYear("a.valid_until"));
    if (list === "assessments_valid") q = q.where("a.approved_at", "<", next).where("a.valid_until", ">=", p.to);
    return q.select([
      "a.id as ref_id",
      "s.name as label",
      "s.country as country",
      "s.tier as tier",
      "a.status as status",
      sql<string | null>`null`.as("detail"),
      sql<string | null>`${sql.ref(day)}`.as("day"),
    ]);
  }
  const col = list === "actions_opened" ? "c.created_at" : list === "actions_closed" ? "c.done_at" : "c.verified_at";
  return db
    .selectFrom("corrective_actions as c")
    .innerJoin("suppliers as s", (j) => j.onRef("s.id", "=", "c.supplier_id").onRef("s.org_id", "=", "c.org_id"))
    .where("c.org_id", "=", orgId)
    .where("c.grievance_case_id", "is", null)
    .where(inYear(col))
    .select([
      "c.id as ref_id",
      "c.title as label",
      "s.country as country",
      "s.tier as tier",
      "c.status as status",
      "c.indicator as detail",
      sql<string | null>`${sql.ref(col)}`.as("day"),
    ]);
}

/** Every list's rows counted per (tier, country, status, detail): what the year's figures are computed from. */
export async function listGroups(db: DbOrTrx, orgId: number, p: Period, suppliers?: ListGroup[]): Promise<ListGroup[]> {
  const parts = await Promise.all(
    STATEMENT_LISTS.map(async (list) => {
      if (list === "suppliers" && suppliers) return suppliers;
      // Only actions' indicators are grouped on: other lists' detail (sector, firm) would multiply the groups.
      const byDetail = list.startsWith("actions_");
      const rows = await db
        .selectFrom(listQuery(db, orgId, list, p))
        .select(["l.tier", "l.country", "l.status", byDetail ? sql<string | null>`l.detail`.as("detail") : sql<null>`null`.as("detail")])
        .select(sql<number>`count(*)`.as("n"))
        .groupBy(byDetail ? ["l.tier", "l.country", "l.status", "l.detail"] : ["l.tier", "l.country", "l.status"])
        .execute();
      return rows.map((r) => ({
        list,
        tier: r.tier === null ? null : Number(r.tier),
        country: r.country,
        status: r.status,
        detail: r.detail,
        n: Number(r.n),
      }));
    }),
  );
  return parts.flat();
}

/**
 * The suppliers list's groups for several years in ONE scan (it is the list that grows with the tenant):
 * each supplier falls in the bucket of the first year it existed at the end of, and a year's groups are
 * its bucket and every earlier one. Same rows as listGroups' "suppliers" for each period.
 */
export async function supplierGroupsForYears(db: DbOrTrx, orgId: number, periods: readonly Period[]): Promise<ListGroup[][]> {
  const nexts = periods.map((p) => addDays(p.to, 1));
  const sorted = [...new Set(nexts)].sort();
  const bucket = sql<number>`case ${sql.join(
    sorted.map((n, i) => sql`when s.created_at < ${n} then ${sql.lit(i)}`),
    sql` `,
  )} end`;
  const rows = await db
    .selectFrom("suppliers as s")
    .where("s.org_id", "=", orgId)
    .where("s.status", "!=", "archived")
    .where("s.created_at", "<", sorted[sorted.length - 1]!)
    .select(["s.tier", "s.country", "s.risk_band", bucket.as("bucket"), sql<number>`count(*)`.as("n")])
    // By position: the bucket expression carries parameters, which PostgreSQL would not match textually.
    .groupBy(["s.tier", "s.country", "s.risk_band", sql`4`])
    .execute();
  return nexts.map((next) => {
    const upTo = sorted.indexOf(next);
    const m = new Map<string, ListGroup>();
    for (const r of rows) {
      if (Number(r.bucket) > upTo) continue;
      const k = `${r.tier}|${r.country}|${r.risk_band}`;
      const g = m.get(k);
      if (g) g.n += Number(r.n);
      else
        m.set(k, {
          list: "suppliers",
          tier: r.tier === null ? null : Number(r.tier),
          country: r.country,
          status: r.risk_band,
          detail: null,
          n: Number(r.n),
        });
    }
    return [...m.values()];
  });
}

/** A filter as SQL over the list's columns (alias `l`), the same test as domain/statement/lists.ts matchesFilter. */
function filterSql(f: ListFilter): Expression<SqlBool> {
  const parts = [sql`1 = 1`];
  if (f.tier !== undefined) parts.push(sql`l.tier = ${f.tier}`);
  if (f.tierMin !== undefined) parts.push(sql`l.tier >= ${f.tierMin}`);
  if (f.tierNull) parts.push(sql`l.tier is null`);
  if (f.country !== undefined) parts.push(sql`l.country = ${f.country}`);
  if (f.statusIn !== undefined) parts.push(f.statusIn.length ? sql`l.status in (${sql.join(f.statusIn)})` : sql`1 = 0`);
  if (f.detail !== undefined) parts.push(sql`l.detail = ${f.detail}`);
  if (f.detailSet) parts.push(sql`l.detail is not null`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

const toRow = (r: {
  ref_id: unknown;
  label: string;
  country: string | null;
  tier: unknown;
  status: string | null;
  detail: string | null;
  day: string | null;
}): ListRow => ({
  refId: Number(r.ref_id),
  label: r.label,
  country: r.country,
  tier: r.tier === null ? null : Number(r.tier),
  status: r.status,
  detail: r.detail,
  day: r.day,
});

/** One page of a list computed now (a draft's figure), with the total the filter matches. */
export async function liveListPage(
  db: DbOrTrx,
  orgId: number,
  p: Period,
  list: StatementList,
  f: ListFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ListRow[]; total: number }> {
  const base = () => db.selectFrom(listQuery(db, orgId, list, p)).where(filterSql(f));
  const [rows, total] = await Promise.all([
    base().selectAll().orderBy("l.label").orderBy("l.ref_id").limit(page.limit).offset(page.offset).execute(),
    base()
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(total.n) };
}

/** Copies every list's rows of the year into the statement's snapshot (one INSERT … SELECT per list). */
export async function freezeLists(db: DbOrTrx, orgId: number, statementId: number, p: Period): Promise<number> {
  let n = 0;
  for (const list of STATEMENT_LISTS) {
    const r = await db
      .insertInto("statement_snapshot_rows")
      .columns(["org_id", "statement_id", "list", "ref_id", "label", "country", "tier", "status", "detail", "day"])
      .expression(
        db
          .selectFrom(listQuery(db, orgId, list, p))
          .select([
            sql<number>`${sql.lit(orgId)}`.as("org_id"),
            sql<number>`${sql.lit(statementId)}`.as("statement_id"),
            sql<string>`${sql.lit(list)}`.as("list"),
            "l.ref_id",
            "l.label",
            "l.country",
            "l.tier",
            "l.status",
            "l.detail",
            "l.day",
          ]),
      )
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/** One page of a frozen list, with the total the filter matches. */
export async function frozenListPage(
  db: DbOrTrx,
  orgId: number,
  statementId: number,
  list: StatementList,
  f: ListFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ListRow[]; total: number }> {
  const base = () =>
    db
      .selectFrom("statement_snapshot_rows as l")
      .where("l.org_id", "=", orgId)
      .where("l.statement_id", "=", statementId)
      .where("l.list", "=", list)
      .where(filterSql(f));
  const [rows, total] = await Promise.all([
    base()
      .select(["l.ref_id", "l.label", "l.country", "l.tier", "l.status", "l.detail", "l.day"])
      .orderBy("l.label")
      .orderBy("l.ref_id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base()
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: Number(total.n) };
}
