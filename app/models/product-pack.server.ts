// What a tracing pack reads about the suppliers of a product's chain, a few queries per chunk of
// suppliers (a chain can have thousands): the suppliers with their current score's breakdown, their
// recorded goods, assessments, the origin answers and evidence files of their latest approved
// assessment, their site audits, the links among them, and the TVPRA rows of their countries.
// Every function is scoped by orgId (reference data excepted).
import type { DbOrTrx } from "./types";
import type { PackScreeningCoverage, PackScreeningEntry } from "~/domain/tracing/pack";
import type { TvpraRow } from "~/domain/tracing/origins";
import { chunks } from "./chunks";
import { screeningForSuppliers } from "./screening.server";
import { SCREENING_LISTS } from "~/domain/screening/lists";

export const ORIGIN_QUESTIONS = ["p3.material_origins", "p3.material_origins_other"] as const;

export async function chainSupplierRows(db: DbOrTrx, orgId: number, ids: readonly number[]) {
  const out = [];
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("suppliers as s")
      .leftJoin("risk_scores as r", (j) =>
        j.onRef("r.supplier_id", "=", "s.id").onRef("r.digest", "=", "s.risk_digest").on("r.org_id", "=", orgId),
      )
      .select([
        "s.id",
        "s.name",
        "s.country",
        "s.city",
        "s.tier",
        "s.status",
        "s.risk_score",
        "s.risk_band",
        "s.risk_computed_at",
        "r.id as score_id",
      ])
      .select("r.breakdown")
      .where("s.org_id", "=", orgId)
      .where("s.id", "in", part)
      .orderBy("s.id")
      .orderBy("r.id", "desc")
      .execute();
    // Several score rows can share a digest (the same result computed again): the newest wins.
    const seen = new Set<number>();
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}

export async function goodsOf(db: DbOrTrx, orgId: number, ids: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("supplier_goods")
      .select(["supplier_id", "good"])
      .where("org_id", "=", orgId)
      .where("supplier_id", "in", part)
      .execute();
    for (const r of rows) out.set(r.supplier_id, [...(out.get(r.supplier_id) ?? []), r.good]);
  }
  return out;
}

/** Assessments of the suppliers, newest first. */
export async function assessmentsOf(db: DbOrTrx, orgId: number, ids: readonly number[]) {
  const out = [];
  for (const part of chunks(ids)) {
    out.push(
      ...(await db
        .selectFrom("assessments")
        .select(["id", "supplier_id", "status", "sent_at", "submitted_at", "approved_at", "created_at"])
        .where("org_id", "=", orgId)
        .where("supplier_id", "in", part)
        .orderBy("id", "desc")
        .execute()),
    );
  }
  return out;
}

/** The origin answers (ORIGIN_QUESTIONS) of some assessments, JSON-decoded. */
export async function originAnswers(db: DbOrTrx, orgId: number, assessmentIds: readonly number[]) {
  const out: Array<{ assessmentId: number; key: string; value: unknown }> = [];
  for (const part of chunks(assessmentIds)) {
    const rows = await db
      .selectFrom("answers as a")
      .innerJoin("assessments as s", "s.id", "a.assessment_id")
      .select(["a.assessment_id", "a.question_key", "a.value"])
      .where("s.org_id", "=", orgId)
      .where("a.assessment_id", "in", part)
      .where("a.question_key", "in", [...ORIGIN_QUESTIONS])
      .execute();
    for (const r of rows)
      out.push({ assessmentId: r.assessment_id, key: r.question_key, value: r.value == null ? null : (JSON.parse(r.value) as unknown) });
  }
  return out;
}

/** Evidence files of some assessments that are still there and not rejected by a reviewer. */
export async function evidenceOf(db: DbOrTrx, orgId: number, assessmentIds: readonly number[]) {
  const out = [];
  for (const part of chunks(assessmentIds)) {
    out.push(
      ...(await db
        .selectFrom("evidence_files")
        .select(["id", "assessment_id", "filename", "size_bytes", "sha256", "storage_key", "kind", "valid_until", "review_status"])
        .where("org_id", "=", orgId)
        .where("assessment_id", "in", part)
        .where("deleted_at", "is", null)
        .where("review_status", "!=", "rejected")
        .orderBy("id")
        .execute()),
    );
  }
  return out;
}

export async function auditsOf(db: DbOrTrx, orgId: number, ids: readonly number[]) {
  const out = [];
  for (const part of chunks(ids)) {
    out.push(
      ...(await db
        .selectFrom("site_audits")
        .select([
          "id",
          "supplier_id",
          "standard",
          "standard_other",
          "firm",
          "audit_date",
          "valid_until",
          "report_filename",
          "report_size",
          "report_sha256",
        ])
        .where("org_id", "=", orgId)
        .where("supplier_id", "in", part)
        .orderBy("audit_date", "desc")
        .execute()),
    );
  }
  return out;
}

/** Links whose supplier and buyer are both among `ids`, as "supplier>buyer" keys. */
export async function linksAmong(db: DbOrTrx, orgId: number, ids: readonly number[]): Promise<Set<string>> {
  const wanted = new Set(ids);
  const out = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("supplier_links")
      .select(["supplier_id", "buyer_id"])
      .where("org_id", "=", orgId)
      .where("supplier_id", "in", part)
      .execute();
    for (const r of rows) if (wanted.has(r.buyer_id)) out.add(`${r.supplier_id}>${r.buyer_id}`);
  }
  return out;
}

/** Who supplies a buyer, by the supplier graph (for suggesting an input's supplier). */
export async function suppliersOfBuyer(db: DbOrTrx, orgId: number, buyerId: number, limit = 50) {
  return db
    .selectFrom("supplier_links as l")
    .innerJoin("suppliers as s", "s.id", "l.supplier_id")
    .select(["s.id", "s.name", "s.country"])
    .where("l.org_id", "=", orgId)
    .where("s.org_id", "=", orgId)
    .where("l.buyer_id", "=", buyerId)
    .orderBy("s.name")
    .limit(limit)
    .execute();
}

/** TVPRA rows (reference data, shared by all tenants) for some countries, latest list year per good and country. */
export async function tvpraFor(db: DbOrTrx, countries: readonly string[]): Promise<TvpraRow[]> {
  if (!countries.length) return [];
  const rows = await db
    .selectFrom("tvpra_goods")
    .select(["good", "iso2", "forced_labor", "child_labor", "list_year"])
    .where("iso2", "in", [...new Set(countries)])
    .where("downstream_input_country", "is", null)
    .execute();
  const latest = new Map<string, TvpraRow>();
  for (const r of rows) {
    const key = `${r.good}|${r.iso2}`;
    if ((latest.get(key)?.year ?? -1) >= r.list_year) continue;
    latest.set(key, { good: r.good, iso2: r.iso2, forced: r.forced_labor === 1, child: r.child_labor === 1, year: r.list_year });
  }
  return [...latest.values()];
}

/**
 * Screening results for the pack's suppliers (regulators' lists: UFLPA entity list, CBP withhold
 * release orders, singled-out regions) and which edition of each list was used. Dismissed matches are
 * left out (an officer found them not to be the same entity); a candidate is printed as not yet
 * reviewed, so the reader sees it is not a finding. Every list is named with its edition and what it
 * lacks: no match on a partial list proves nothing.
 */
export async function packScreening(
  db: DbOrTrx,
  orgId: number,
  supplierIds: readonly number[],
): Promise<{ screening: PackScreeningEntry[]; coverage: PackScreeningCoverage[] }> {
  const results = await screeningForSuppliers(db, orgId, supplierIds);
  return {
    screening: results.map((r) => ({
      supplierId: r.supplierId,
      list: r.listName,
      entryName: r.entryName,
      status: r.status,
      note: r.status === "confirmed" && r.decisionReason ? `Confirmed by an officer: ${r.decisionReason}` : r.reason,
    })),
    coverage: SCREENING_LISTS.map((l) => ({ list: l.name, edition: l.edition, partial: l.partial, note: l.note })),
  };
}
