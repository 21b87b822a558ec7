// Risk scores, the tenant's methodology and daily roll-ups. Scoped by orgId, except the reference
// data (shared by all tenants) and app_meta. Inputs: risk-inputs.server.ts; jobs: risk-jobs.server.ts.
import { sql } from "kysely";
import type { DbOrTrx } from "./types";
import type { RiskBand } from "~db/types";
import type { Methodology, ReferenceData, TipPlacement, TipProxy, TvpraEntry } from "~/domain/risk";
import { nowIso } from "~/lib/time";
import { todayIso } from "~/domain/dates";
import type SQLite from "better-sqlite3";
import { refreshDashboardRollup } from "./dashboard-rollup.server";
import { chunks } from "./chunks";

// ---------------------------------------------------------------------------------------------
// Reference data

/** The latest TIP placement per country and the whole TVPRA list, with a label of their editions. */
export async function loadReferenceData(db: DbOrTrx): Promise<ReferenceData> {
  const tipRows = await db.selectFrom("tip_tiers").select(["iso2", "tier", "report_year"]).execute();
  const tip = new Map<string, TipPlacement>();
  for (const r of tipRows) {
    const cur = tip.get(r.iso2);
    if (!cur || r.report_year > cur.year) tip.set(r.iso2, { iso2: r.iso2, tier: r.tier, year: r.report_year });
  }
  const goodsRows = await db
    .selectFrom("tvpra_goods")
    .select(["good", "iso2", "child_labor", "forced_labor", "forced_child_labor", "list_year", "downstream_input_country"])
    .execute();
  const goods: TvpraEntry[] = goodsRows.map((r) => ({
    good: r.good,
    iso2: r.iso2,
    childLabor: Boolean(r.child_labor),
    forcedLabor: Boolean(r.forced_labor) || Boolean(r.forced_child_labor),
    year: r.list_year,
    inputFrom: r.downstream_input_country,
  }));
  const proxies = new Map<string, TipProxy>();
  for (const r of await db.selectFrom("tip_proxies").select(["iso2", "proxy_iso2", "kind", "rationale"]).execute()) {
    proxies.set(r.iso2, { iso2: r.iso2, proxyIso2: r.proxy_iso2, kind: r.kind, rationale: r.rationale });
  }
  const tipYear = Math.max(0, ...[...tip.values()].map((t) => t.year));
  const goodsYear = Math.max(0, ...goods.map((g) => g.year));
  return { tip, goods, proxies, edition: `TIP ${tipYear} · TVPRA ${goodsYear} (${tip.size} countries, ${goods.length} goods entries)` };
}

export async function getMeta(db: DbOrTrx, key: string): Promise<string | undefined> {
  return (await db.selectFrom("app_meta").select("value").where("key", "=", key).executeTakeFirst())?.value;
}

export async function setMeta(db: DbOrTrx, key: string, value: string): Promise<void> {
  await db
    .insertInto("app_meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Methodology

export interface StoredMethodology {
  version: number;
  config: unknown;
  note: string | null;
  createdAt: string | null;
  createdBy: string | null;
}

/** The newest saved methodology of the tenant, or undefined (the model's defaults apply). */
export async function latestMethodology(db: DbOrTrx, orgId: number): Promise<StoredMethodology | undefined> {
  const r = await db
    .selectFrom("methodology_versions as m")
    .leftJoin("users as u", "u.id", "m.created_by")
    .select(["m.version", "m.config", "m.note", "m.created_at", "u.email"])
    .where("m.org_id", "=", orgId)
    .orderBy("m.version", "desc")
    .limit(1)
    .executeTakeFirst();
  return r && { version: r.version, config: JSON.parse(r.config), note: r.note, createdAt: r.created_at, createdBy: r.email };
}

export async function methodologyHistory(db: DbOrTrx, orgId: number, limit = 20) {
  const rows = await db
    .selectFrom("methodology_versions as m")
    .leftJoin("users as u", "u.id", "m.created_by")
    .select(["m.version", "m.note", "m.created_at", "u.email"])
    .where("m.org_id", "=", orgId)
    .orderBy("m.version", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ version: r.version, note: r.note, createdAt: r.created_at, createdBy: r.email }));
}

export async function insertMethodology(
  db: DbOrTrx,
  orgId: number,
  version: number,
  config: Methodology,
  note: string | null,
  userId: number | null,
): Promise<void> {
  await db
    .insertInto("methodology_versions")
    .values({ org_id: orgId, version, config: JSON.stringify(config), note, created_by: userId, created_at: nowIso() })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Writing scores

export interface ScoreRow {
  supplierId: number;
  score: number;
  band: RiskBand;
  inherent: number;
  maturity: number;
  residual: number;
  exposure: number;
  flags: number;
  assessed: boolean;
  assessmentId: number | null;
  breakdown: string;
  digest: string;
}

/**
 * Appends score rows and points each supplier at its new current score. Inside a transaction; on
 * SQLite pass the raw handle of the same connection and the rows go in through prepared statements
 * (a full recompute of 100,000 suppliers writes 100,000 rows), elsewhere one statement per chunk.
 */
export async function writeScores(
  db: DbOrTrx,
  orgId: number,
  rows: readonly ScoreRow[],
  meta: { computedAt: string; modelVersion: string; methodologyVersion: number; referenceEdition: string; trigger: string },
  raw?: SQLite.Database,
): Promise<void> {
  if (raw) {
    const insert = raw.prepare(
      `insert into risk_scores (org_id, supplier_id, computed_at, model_version, methodology_version, reference_edition, trigger,
        score, band, inherent, maturity, residual, exposure, flags, assessed, assessment_id, breakdown, digest)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = raw.prepare(
      "update suppliers set risk_score = ?, risk_band = ?, risk_digest = ?, risk_computed_at = ? where id = ? and org_id = ?",
    );
    for (const r of rows) {
      insert.run(
        orgId,
        r.supplierId,
        meta.computedAt,
        meta.modelVersion,
        meta.methodologyVersion,
        meta.referenceEdition,
        meta.trigger,
        r.score,
        r.band,
        r.inherent,
        r.maturity,
        r.residual,
        r.exposure,
        r.flags,
        r.assessed ? 1 : 0,
        r.assessmentId,
        r.breakdown,
        r.digest,
      );
      update.run(r.score, r.band, r.digest, meta.computedAt, r.supplierId, orgId);
    }
    return;
  }
  for (const part of chunks(rows, 200)) {
    await db
      .insertInto("risk_scores")
      .values(
        part.map((r) => ({
          org_id: orgId,
          supplier_id: r.supplierId,
          computed_at: meta.computedAt,
          model_version: meta.modelVersion,
          methodology_version: meta.methodologyVersion,
          reference_edition: meta.referenceEdition,
          trigger: meta.trigger,
          score: r.score,
          band: r.band,
          inherent: r.inherent,
          maturity: r.maturity,
          residual: r.residual,
          exposure: r.exposure,
          flags: r.flags,
          assessed: r.assessed ? 1 : 0,
          assessment_id: r.assessmentId,
          breakdown: r.breakdown,
          digest: r.digest,
        })),
      )
      .execute();
  }
  // UPDATE … FROM (VALUES …) runs on both engines; VALUES columns are column1.. on both.
  for (const part of chunks(rows, 200)) {
    const values = sql.join(
      part.map(
        (r) => sql`(cast(${r.supplierId} as integer), cast(${r.score} as real), cast(${r.band} as text), cast(${r.digest} as text))`,
      ),
    );
    await sql`
      update suppliers set risk_score = v.column2, risk_band = v.column3, risk_digest = v.column4, risk_computed_at = ${meta.computedAt}
      from (values ${values}) as v
      where suppliers.id = v.column1 and suppliers.org_id = ${orgId}`.execute(db);
  }
}

/** The score history of one supplier, newest first. */
export async function scoreHistory(db: DbOrTrx, orgId: number, supplierId: number, limit = 50) {
  return db
    .selectFrom("risk_scores")
    .select([
      "id",
      "computed_at",
      "score",
      "band",
      "trigger",
      "methodology_version",
      "reference_edition",
      "model_version",
      "assessed",
      "flags",
    ])
    .where("org_id", "=", orgId)
    .where("supplier_id", "=", supplierId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** The current score row of one supplier (the one its digest points at). */
export async function currentScore(db: DbOrTrx, orgId: number, supplierId: number) {
  const r = await db
    .selectFrom("suppliers as s")
    .innerJoin("risk_scores as r", (j) => j.onRef("r.supplier_id", "=", "s.id").onRef("r.digest", "=", "s.risk_digest"))
    .select([
      "r.id",
      "r.computed_at",
      "r.score",
      "r.band",
      "r.breakdown",
      "r.methodology_version",
      "r.reference_edition",
      "r.model_version",
      "r.trigger",
      "s.risk_computed_at",
    ])
    .where("s.org_id", "=", orgId)
    .where("r.org_id", "=", orgId)
    .where("s.id", "=", supplierId)
    .orderBy("r.id", "desc")
    .limit(1)
    .executeTakeFirst();
  return r && { ...r, breakdown: JSON.parse(r.breakdown) as unknown };
}

// ---------------------------------------------------------------------------------------------
// Roll-ups

/**
 * Rewrites today's roll-up of the tenant from the supplier rows (active and inactive; archived left
 * out). The dashboard's roll-ups (app/models/dashboard.server.ts) are rewritten first, in one pass
 * over the suppliers, and today's totals are summed from them rather than scanning the tenant twice.
 */
export async function writeSnapshot(db: DbOrTrx, orgId: number, now = new Date()): Promise<void> {
  const t = await refreshDashboardRollup(db, orgId, now);
  const row = {
    suppliers: t.suppliers,
    avg_score: t.scored ? Math.round((t.scoreSum / t.scored) * 100) / 100 : 0,
    low: t.low,
    medium: t.medium,
    high: t.high,
    critical: t.critical,
    assessed: t.assessed,
    updated_at: nowIso(now),
  };
  await db
    .insertInto("risk_snapshots")
    .values({ org_id: orgId, day: todayIso(now), ...row })
    .onConflict((oc) => oc.columns(["org_id", "day"]).doUpdateSet(row))
    .execute();
}

export async function snapshots(db: DbOrTrx, orgId: number, fromDay: string, toDay: string) {
  return db
    .selectFrom("risk_snapshots")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("day", ">=", fromDay)
    .where("day", "<=", toDay)
    .orderBy("day")
    .execute();
}
