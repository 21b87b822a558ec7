// The executive dashboard and the board report against a real database, on both engines: the
// figures come from the roll-ups and agree with a direct count; filters, periods, the empty tenant,
// the tenant wall, readable 400s, the report's narrative and its CSV.
import { addDays, todayIso } from "~/domain/dates";
import { beforeAll, expect, it } from "vitest";
import Papa from "papaparse";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, responseOf } from "~/test/support";
import { setFourEyes } from "~/models/decision.server";
import * as dashboard from "./o.$org._index";
import * as report from "./o.$org.report";
import * as reportCsv from "./o.$org.report[.csv]";
import * as reportPrint from "./o.$org.report-print[.css]";
import type { Db } from "~db/client";
import type { OrgIdentity } from "~/lib/auth.server";
import { SupplierSchema } from "~/schemas/supplier";
import { addLink, createSupplier, setArchived, updateSupplier } from "~/services/suppliers.server";
import { approveAssessment } from "~/services/assessment-review.server";
import { saveAnswer, submitAssessment } from "~/services/assessment-answers.server";
import { startAssessments } from "~/services/assessments.server";
import type { Actor } from "~/services/assessment-core.server";
import { uploadEvidence } from "~/services/evidence.server";
import { forgetReferenceData, recompute } from "~/services/risk.server";
import { insertAction } from "~/models/action.server";
import { seedReferenceData } from "~db/seed/reference";
import { BEST } from "~/domain/questionnaire/test-fixtures";
import type { DashboardData } from "~/domain/report/types";
import { refreshDashboardRollup } from "~/models/dashboard-rollup.server";

const POLICY_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const DAY = 86_400_000;
const today = () => todayIso();

type Loaded = {
  orgName: string;
  data: DashboardData;
  options: { tiers: number[]; countries: Array<{ iso2: string; name: string }>; sectors: string[]; goods: string[] };
};

describeEachEngine("dashboard and board report routes", (h) => {
  let acme: Awaited<ReturnType<typeof makeOrg>>;
  let ident: OrgIdentity;
  const cookies: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const ctx = () => contextFor(h());

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
  });

  async function make(name: string, extra: Record<string, unknown>) {
    const r = await createSupplier(h().db, ident, SupplierSchema.parse({ name, ...extra }), "192.0.2.1");
    if (!r.ok) throw new Error(r.message);
    return (ids[name] = r.value.id);
  }

  async function approve(supplierId: number, answers: Record<string, unknown>) {
    const actor: Actor = { kind: "officer", id: ident };
    const { created } = await startAssessments(h().db, ident, [supplierId], { dueAt: null, language: "en" }, "ip");
    const aid = created[0]!;
    for (const [key, value] of Object.entries(answers))
      await saveAnswer(h().db, actor, aid, key, { value, comment: null, baseRevision: 0 }, "ip");
    await uploadEvidence(h().db, actor, aid, "p1.written_policy", { name: "policy.pdf", bytes: POLICY_PDF }, "ip");
    expect(await submitAssessment(h().db, actor, aid, "ip")).toHaveProperty("ok", true);
    expect(
      await approveAssessment(h().db, ident, aid, { reason: "Reviewed", acknowledged: ["unresolved_comments", "severe_flags"] }, "ip"),
    ).toHaveProperty("ok", true);
    return aid;
  }

  async function setup(db: Db) {
    if (acme) return;
    acme = await makeOrg(db, "acme", [
      ["admin@a.test", "admin"],
      ["officer@a.test", "compliance"],
      ["exec@a.test", "executive"],
    ]);
    // One officer fills in and approves: these tests are about the dashboard (four eyes: assessment-decisions.test.ts).
    await setFourEyes(db.db, acme.orgId, false);
    const boreal = await makeOrg(db, "boreal", [["admin@b.test", "admin"]]);
    for (const [email, id] of Object.entries({ ...acme.users, ...boreal.users })) cookies[email] = await cookieFor(db, id);
    ident = {
      user: { sessionId: "t", userId: acme.users["officer@a.test"]!, email: "officer@a.test", name: "officer" },
      org: { id: acme.orgId, slug: "acme", name: "ACME" },
      role: "compliance",
    };

    // A history: the supply base as it was 40 days ago (one supplier), then today's.
    await make("Copenhagen Design", { country: "DK", sector: "Design", annualSpend: "100000", currency: "USD" });
    await recompute(db.db, acme.orgId, "all", { trigger: "history", now: new Date(Date.now() - 40 * DAY) });

    await make("Pyongyang Knit", { country: "KP", sector: "Apparel", goods: ["Garments"], annualSpend: "2000000", currency: "USD" });
    await make("Dhaka Mill", {
      country: "BD",
      sector: "Textiles",
      goods: ["Cotton"],
      annualSpend: "500000",
      currency: "USD",
      contactEmail: "m@example.com",
    });
    await make("Kuala Gloves", { country: "MY", sector: "Apparel", goods: ["Rubber Gloves"], annualSpend: "300000", currency: "USD" });
    await make("Euro Buttons", { country: "PT", sector: "Trims", annualSpend: "90000", currency: "EUR" });
    await make("Archived Farm", { country: "KP", sector: "Apparel", annualSpend: "999999", currency: "USD" });
    // Dhaka Mill supplies Pyongyang Knit: tier 2.
    expect(await addLink(db.db, ident, ids["Dhaka Mill"]!, ids["Pyongyang Knit"]!, "ip")).toMatchObject({ ok: true });
    expect(await setArchived(db.db, ident, ids["Archived Farm"]!, true, "ip")).toMatchObject({ ok: true });
    // A good assessment (principle maturity) and one that raises a red flag (a corrective action).
    await approve(ids["Copenhagen Design"]!, BEST);
    await approve(ids["Kuala Gloves"]!, { ...BEST, "p1.documents_holder": "employer_keeps" });
    // An overdue questionnaire, and an overdue manual action.
    const { created } = await startAssessments(db.db, ident, [ids["Euro Buttons"]!], { dueAt: null, language: "en" }, "ip");
    await db.db.updateTable("assessments").set({ due_at: "2020-01-01" }).where("id", "=", created[0]!).execute();
    await insertAction(db.db, acme.orgId, {
      supplierId: ids["Dhaka Mill"]!,
      assessmentId: null,
      source: "manual",
      questionKey: null,
      indicator: null,
      severity: null,
      answer: null,
      title: "Audit the dormitories",
      details: null,
      ownerUserId: null,
      dueAt: "2020-01-01",
      createdBy: null,
    });
  }

  async function load(query = "", email = "exec@a.test"): Promise<Loaded> {
    const r = await responseOf(() =>
      dashboard.loader({ request: get(`/o/acme${query}`, cookies[email]), params: { org: "acme" }, context: ctx() }),
    );
    expect(r.status, query).toBe(200);
    return (await r.json()) as Loaded;
  }

  /** The same figures counted directly from the supplier rows. */
  async function direct(where: { country?: string; tier?: number } = {}) {
    let q = h()
      .db.selectFrom("suppliers")
      .select(["risk_band", "tier", "risk_score"])
      .where("org_id", "=", acme.orgId)
      .where("status", "!=", "archived");
    if (where.country) q = q.where("country", "=", where.country);
    if (where.tier) q = q.where("tier", "=", where.tier);
    const rows = await q.execute();
    const band = (b: string) => rows.filter((r) => r.risk_band === b).length;
    return {
      suppliers: rows.length,
      critical: band("critical"),
      high: band("high"),
      top: Math.max(...rows.map((r) => Number(r.risk_score))),
    };
  }

  it("sends a visitor to the login page, hides another tenant's dashboard and lets every role read it", async () => {
    await setup(h());
    for (const [path, loader] of [
      ["/o/acme", dashboard.loader],
      ["/o/acme/report", report.loader],
      ["/o/acme/report.csv", reportCsv.loader],
    ] as const) {
      const anon = await responseOf(() => loader({ request: get(path), params: { org: "acme" }, context: ctx() }));
      expect(anon.status, path).toBe(302);
      expect(anon.headers.get("Location"), path).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
      const other = await responseOf(() =>
        loader({ request: get(path, cookies["admin@b.test"]), params: { org: "acme" }, context: ctx() }),
      );
      expect(other.status, path).toBe(404);
      for (const email of ["admin@a.test", "officer@a.test", "exec@a.test"]) {
        const ok = await responseOf(() => loader({ request: get(path, cookies[email]), params: { org: "acme" }, context: ctx() }));
        expect(ok.status, `${path} as ${email}`).toBe(200);
      }
    }
  });

  it("shows the figures of the roll-up, which agree with a direct count (archived suppliers left out)", async () => {
    await setup(h());
    const { data, options } = await load();
    const d = await direct();
    const s = data.summary;
    expect(data.emptyTenant).toBe(false);
    expect(s.suppliers).toBe(5);
    expect(s.suppliers).toBe(d.suppliers);
    expect(s.bands.critical).toBe(d.critical);
    expect(s.bands.high).toBe(d.high);
    expect(s.bands.critical + s.bands.high + s.bands.medium + s.bands.low + s.bands.none).toBe(5);
    expect(s.byTier).toEqual([expect.objectContaining({ tier: 1, suppliers: 4 }), expect.objectContaining({ tier: 2, suppliers: 1 })]);
    expect(s.assessed).toBe(2);
    // Spend in the main currency only; the EUR supplier is said to be left out.
    expect(s.spend).toMatchObject({ currency: "USD", total: 2_900_000, otherCurrencySuppliers: 1 });
    expect(s.countries.map((c) => c.country)).not.toContain("XX");
    // Maturity per principle from the two approved assessments.
    const p1 = data.principles.find((p) => p.principle === "P1")!;
    expect(p1).toMatchObject({ label: "Policy setting", suppliers: 2 });
    expect(p1.average).toBeGreaterThan(0);
    // The riskiest first, each with its driver.
    expect(data.riskiest[0]!.score).toBe(d.top);
    expect(data.riskiest.map((r) => r.score)).toEqual([...data.riskiest.map((r) => r.score)].sort((a, b) => b - a));
    expect(data.riskiest.every((r) => typeof r.driver === "string" && r.driver.length > 0)).toBe(true);
    expect(data.riskiest.map((r) => r.name)).not.toContain("Archived Farm");
    // Live counts.
    expect(data.actions.openRedFlags).toBeGreaterThanOrEqual(1);
    expect(data.actions.overdue).toBe(1);
    expect(data.actions.open).toBe(data.actions.openRedFlags + 1);
    expect(data.assessments.overdue).toBe(1);
    expect(data.funnel).toEqual({ sent: 2, started: 2, submitted: 2, approved: 2 });
    // Filter menus.
    expect(options.countries.map((c) => c.iso2)).toEqual(expect.arrayContaining(["BD", "KP", "MY"]));
    expect(options.countries.find((c) => c.iso2 === "KP")?.name).toBe("North Korea");
    expect(options.tiers).toEqual([1, 2]);
    expect(options.sectors).toContain("Apparel");
  });

  it("filters by tier, country and band from the roll-up, and by sector and goods live, with the same counts", async () => {
    await setup(h());
    const bd = await load("?country=BD");
    expect(bd.data.filter).toEqual({ country: "BD" });
    expect(bd.data.summary.suppliers).toBe(1);
    expect(bd.data.riskiest.map((r) => r.name)).toEqual(["Dhaka Mill"]);
    const tier2 = await load("?tier=2");
    expect(tier2.data.summary.byTier).toEqual([expect.objectContaining({ tier: 2, suppliers: 1 })]);
    const kp = (await direct({ country: "KP" })).critical + (await direct({ country: "KP" })).high;
    const band = (await load(`?band=${kp ? "critical" : "high"}`)).data;
    expect(band.summary.suppliers).toBe(band.riskiest.length);
    expect(band.riskiest.every((r) => r.band === (kp ? "critical" : "high"))).toBe(true);
    const apparel = await load("?sector=Apparel");
    expect(apparel.data.summary.suppliers).toBe(2); // the archived one is left out
    expect(apparel.data.summary.assessed).toBe(1);
    expect(apparel.data.principles.find((p) => p.principle === "P1")?.suppliers).toBe(1);
    const cotton = await load("?good=Cotton&tier=2");
    expect(cotton.data.summary.suppliers).toBe(1);
    expect(cotton.data.actions.overdue).toBe(1); // the action of Dhaka Mill
    expect((await load("?good=Cotton&tier=1")).data.summary.suppliers).toBe(0);
    // Tier 0 is "not linked"; nothing here.
    expect((await load("?tier=0")).data.summary.suppliers).toBe(0);
  });

  it("keeps the roll-up current when a supplier's spend, status or sector changes", async () => {
    await setup(h());
    const before = (await load()).data.summary;
    const id = ids["Euro Buttons"]!;
    const row = await h().db.selectFrom("suppliers").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    const r = await updateSupplier(
      h().db,
      ident,
      id,
      row.version,
      SupplierSchema.parse({ name: "Euro Buttons", country: "PT", sector: "Apparel", annualSpend: "50000", currency: "USD" }),
      "ip",
    );
    expect(r.ok).toBe(true);
    // The save only marks the roll-ups stale (no pass over the tenant); the next read rewrites them.
    const stale = () => h().db.selectFrom("dashboard_state").select("stale").where("org_id", "=", acme.orgId).executeTakeFirstOrThrow();
    expect(Number((await stale()).stale)).toBe(1);
    const after = (await load()).data.summary;
    expect(Number((await stale()).stale)).toBe(0);
    expect(after.spend.total).toBe(before.spend.total + 50_000);
    expect(after.spend.otherCurrencySuppliers).toBe(0);
    expect((await load("?sector=Apparel")).data.summary.suppliers).toBe(3);
    await setArchived(h().db, ident, id, true, "ip");
    expect((await load()).data.summary.suppliers).toBe(before.suppliers - 1);
    await setArchived(h().db, ident, id, false, "ip");
    expect((await load()).data.summary.suppliers).toBe(before.suppliers);
  });

  it("draws the trend from the daily roll-ups of the period, for the tenant or one country", async () => {
    await setup(h());
    const last90 = (await load()).data.trend;
    expect(last90.scope).toBe("all");
    expect(last90.points.map((p) => p.day)).toContain(today());
    const old = addDays(new Date(), -40);
    expect(last90.points[0]).toMatchObject({ day: old, suppliers: 1 });
    expect((await load("?days=30")).data.trend.points.map((p) => p.day)).not.toContain(old);
    const dk = (await load("?country=DK")).data.trend;
    expect(dk.scope).toBe("tier-country");
    expect(dk.points.map((p) => [p.day, p.suppliers])).toEqual([
      [old, 1],
      [today(), 1],
    ]);
    const chosen = (await load(`?from=${old}&to=${old}`)).data;
    expect(chosen.period).toEqual({ from: old, to: old, days: 1, preset: null });
    expect(chosen.trend.points).toHaveLength(1);
  });

  it("rebuilds a missing roll-up on first read", async () => {
    await setup(h());
    const before = (await load()).data.summary;
    await h().db.deleteFrom("dashboard_state").where("org_id", "=", acme.orgId).execute();
    await h().db.deleteFrom("dashboard_cube").where("org_id", "=", acme.orgId).execute();
    await h().db.deleteFrom("dashboard_supplier_principles").where("org_id", "=", acme.orgId).execute();
    const after = (await load()).data.summary;
    expect(after).toEqual(before);
    expect((await load()).data.principles.find((p) => p.principle === "P1")?.suppliers).toBe(2);
  });

  it("keeps principle scores in step with each new score row: an expired assessment drops out, a renewed one comes back", async () => {
    await setup(h());
    const principles = async () =>
      (
        await h()
          .db.selectFrom("dashboard_supplier_principles")
          .select(["supplier_id", "principle", "score"])
          .where("org_id", "=", acme.orgId)
          .orderBy("supplier_id")
          .orderBy("principle")
          .execute()
      ).map((r) => `${r.supplier_id}|${r.principle}|${Number(r.score).toFixed(2)}`);
    const current = await principles();
    expect(new Set(current.map((r) => r.split("|")[0]))).toEqual(new Set([String(ids["Copenhagen Design"]), String(ids["Kuala Gloves"])]));
    // Two years on, both approvals have expired: their new score rows carry no principle scores.
    const later = new Date(Date.now() + 730 * DAY);
    await recompute(h().db, acme.orgId, "all", { trigger: "time passes", now: later });
    expect(await principles()).toEqual([]);
    // Back to today: the rows written now bring them back, the same as a full re-read finds.
    await recompute(h().db, acme.orgId, "all", { trigger: "back", now: new Date() });
    expect(await principles()).toEqual(current);
    await h().db.deleteFrom("dashboard_state").where("org_id", "=", acme.orgId).execute();
    await refreshDashboardRollup(h().db, acme.orgId);
    expect(await principles()).toEqual(current);
    // The future day's roll-ups are outside every period that ends today.
    await h().db.deleteFrom("dashboard_trend").where("day", ">", today()).execute();
    await h().db.deleteFrom("risk_snapshots").where("day", ">", today()).execute();
  });

  it("tells a new tenant it has no suppliers yet", async () => {
    await setup(h());
    const r = await responseOf(() =>
      dashboard.loader({ request: get("/o/boreal", cookies["admin@b.test"]), params: { org: "boreal" }, context: ctx() }),
    );
    expect(r.status).toBe(200);
    const { data } = (await r.json()) as Loaded;
    expect(data.emptyTenant).toBe(true);
    expect(data.summary.suppliers).toBe(0);
    expect(data.riskiest).toEqual([]);
    expect(data.trend.points.every((p) => p.suppliers === 0 && p.avgScore === null)).toBe(true);
  });

  it("answers a filter or period it cannot use with a readable 400", async () => {
    await setup(h());
    for (const [query, text] of [
      ["?band=purple", /Band is one of critical, high, medium, low, none/],
      ["?country=Denmark", /two-letter code/],
      ["?days=7", /last 30, 90, 365 days/],
      ["?tier=-1", /Tier is a whole number/],
      ["?from=2026-01-01", /both a start and an end date/],
      ["?from=2026-03-01&to=2026-02-01", /start date is after the end date/],
    ] as const) {
      for (const loader of [dashboard.loader, report.loader, reportCsv.loader]) {
        const r = await responseOf(() =>
          loader({ request: get(`/o/acme${query}`, cookies["exec@a.test"]), params: { org: "acme" }, context: ctx() }),
        );
        expect(r.status, query).toBe(400);
        if (loader !== reportCsv.loader) expect((await r.json()).message, query).toMatch(text);
      }
    }
  });

  it("writes the board report from the same figures, with a narrative, and exports them as CSV", async () => {
    await setup(h());
    const { data } = await load("?days=365");
    const r = await responseOf(() =>
      report.loader({ request: get("/o/acme/report?days=365", cookies["exec@a.test"]), params: { org: "acme" }, context: ctx() }),
    );
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      report: { data: DashboardData; narrative: Array<{ heading: string; text: string }>; scope: string | null };
    };
    expect(body.report.data.summary).toEqual(data.summary);
    expect(body.report.data.actions).toEqual(data.actions);
    expect(body.report.scope).toBeNull();
    const narrative = Object.fromEntries(body.report.narrative.map((s) => [s.heading, s.text]));
    expect(narrative["What changed"]).toMatch(/Between \d{4}-\d{2}-\d{2} and \d{4}-\d{2}-\d{2}/);
    expect(narrative["What changed"]).toContain("The supply base counted 1 suppliers at the start and 5 at the end.");
    expect(narrative["Top risks"]).toContain(data.riskiest[0]!.name);
    expect(narrative["Due diligence"]).toContain(
      "2 questionnaires were sent in this period: 2 started, 2 submitted and 2 approved so far.",
    );

    const csv = await responseOf(() =>
      reportCsv.loader({
        request: get("/o/acme/report.csv?days=365&country=KP", cookies["exec@a.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment; filename="acme-board-report-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["section", "item", "series", "value"]);
    expect(rows).toContainEqual(["report", "scope", "", "suppliers in North Korea"]);
    expect(rows).toContainEqual(["headline", "suppliers", "", "1"]);
    expect(rows.find((x) => x[0] === "riskiest suppliers" && x[2] === "country")?.[3]).toBe("North Korea (KP)");
  });

  it("serves the printed report's running header (organisation, the report's period, Confidential) and page numbers", async () => {
    await setup(h());
    const page = await responseOf(() =>
      report.loader({
        request: get("/o/acme/report?from=2026-01-01&to=2026-03-31", cookies["exec@a.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    const { orgName } = (await page.json()) as { orgName: string };
    const css = await responseOf(() =>
      reportPrint.loader({
        request: get("/o/acme/report-print.css?from=2026-01-01&to=2026-03-31", cookies["exec@a.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(css.status).toBe(200);
    expect(css.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    const text = await css.text();
    expect(text).toContain(`@top-left { content: "${orgName} · Board report · 2026-01-01 to 2026-03-31";`);
    expect(text).toContain('@top-right { content: "Confidential";');
    expect(text).toContain('content: "Page " counter(page) " of " counter(pages);');
    const preset = await (
      await responseOf(() =>
        reportPrint.loader({
          request: get("/o/acme/report-print.css?days=30", cookies["exec@a.test"]),
          params: { org: "acme" },
          context: ctx(),
        }),
      )
    ).text();
    expect(preset).toMatch(/Board report · Last 30 days \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\)"/);
    const bad = await responseOf(() =>
      reportPrint.loader({
        request: get("/o/acme/report-print.css?days=7", cookies["exec@a.test"]),
        params: { org: "acme" },
        context: ctx(),
      }),
    );
    expect(bad.status).toBe(400);
  });
});
