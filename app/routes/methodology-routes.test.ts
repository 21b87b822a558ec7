// Methodology routes against a real database: the settings page (admins preview and save; other roles
// read without controls), bad input (400 with field errors, nothing saved), the walls (403 for
// non-admins, 404 for another tenant), and the methodology page's figures.
import { beforeAll, expect, it } from "vitest";
import { contextFor, cookieFor, describeEachEngine, get, makeOrg, post, responseOf } from "~/test/support";
import type { OrgIdentity } from "~/lib/auth.server";
import { SupplierSchema } from "~/schemas/supplier";
import { createSupplier } from "~/services/suppliers.server";
import { forgetReferenceData } from "~/services/risk.server";
import { seedReferenceData } from "~db/seed/reference";
import { DEFAULT_METHODOLOGY, type Breakdown } from "~/domain/risk";
import { PRINCIPLES } from "~/domain/questionnaire/types";
import { readToast } from "~/lib/toast.server";
import * as settings from "./o.$org.settings.methodology";
import * as page from "./o.$org.methodology";

type Form = Record<string, string>;

/** The toast a response leaves for the next page (null when it leaves none). */
function toastOf(r: Response) {
  const cookie = r.headers.get("Set-Cookie");
  return cookie ? readToast(new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } })).toast : null;
}

/** The settings form as a browser posts it, from the defaults plus `extra` (later keys win). */
function formOf(extra: Form = {}, overrides: Array<[string, string, string]> = []): Form {
  const m = DEFAULT_METHODOLOGY;
  const f: Form = {
    intent: "preview",
    baseVersion: "0",
    model: m.model,
    "inherentWeights.country": String(m.inherentWeights.country),
    "inherentWeights.goods": String(m.inherentWeights.goods),
    "inherentWeights.childGoods": String(m.inherentWeights.childGoods),
    "inherentWeights.workforce": String(m.inherentWeights.workforce),
    declaredCredit: String(m.declaredCredit),
    likelyGoodsFactor: String(m.likelyGoodsFactor),
    goodsFloor: String(m.goodsFloor),
    "bands.medium": String(m.bands.medium),
    "bands.high": String(m.bands.high),
    "bands.critical": String(m.bands.critical),
    validityMonths: String(m.validityMonths),
    fadeMonths: String(m.fadeMonths),
    note: "",
  };
  for (const p of PRINCIPLES) f[`principleWeights.${p}`] = String(m.principleWeights[p]);
  overrides.forEach(([iso2, score, reason], i) => {
    f[`overrides.${i}.iso2`] = iso2;
    f[`overrides.${i}.score`] = score;
    f[`overrides.${i}.reason`] = reason;
  });
  return { ...f, ...extra };
}

const REASON = "2025 TIP placement predates the audit findings of our own team";

describeEachEngine("methodology routes", (h) => {
  let acme: Awaited<ReturnType<typeof makeOrg>>;
  let boreal: Awaited<ReturnType<typeof makeOrg>>;
  const cookies: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const ctx = () => contextFor(h());

  beforeAll(async () => {
    await seedReferenceData(h().db);
    forgetReferenceData();
    acme = await makeOrg(h(), "acme", [
      ["admin@a.test", "admin"],
      ["officer@a.test", "compliance"],
      ["exec@a.test", "executive"],
    ]);
    boreal = await makeOrg(h(), "boreal", [["admin@b.test", "admin"]]);
    for (const [email, id] of Object.entries({ ...acme.users, ...boreal.users })) cookies[email] = await cookieFor(h(), id);
    const admin: OrgIdentity = {
      user: { sessionId: "s", userId: acme.users["admin@a.test"]!, email: "admin@a.test", name: "admin" },
      org: { id: acme.orgId, slug: "acme", name: "ACME" },
      role: "admin",
    };
    const make = async (name: string, country: string, goods: string[] = []) => {
      const r = await createSupplier(h().db, admin, SupplierSchema.parse({ name, country, goods }), "192.0.2.1");
      if (!r.ok) throw new Error(r.message);
      ids[name] = r.value.id;
    };
    await make("Penang Gloves", "MY");
    await make("Kedah Garments", "MY");
    await make("Dhaka Knit", "BD", ["Garments"]);
    await make("Aarhus Buttons", "DK");
    await make("Porto Shoes", "PT");
  });

  const settingsGet = (email: string, org = "acme") =>
    responseOf(() => settings.loader({ request: get(`/o/${org}/settings/methodology`, cookies[email]), params: { org }, context: ctx() }));
  const settingsPost = (email: string, form: Form, org = "acme") =>
    responseOf(() =>
      settings.action({ request: post(`/o/${org}/settings/methodology`, form, cookies[email]), params: { org }, context: ctx() }),
    );
  const pageGet = (email: string, org = "acme") =>
    responseOf(() => page.loader({ request: get(`/o/${org}/methodology`, cookies[email]), params: { org }, context: ctx() }));

  const versions = async () =>
    await h()
      .db.selectFrom("methodology_versions")
      .select(["version", "note", "config"])
      .where("org_id", "=", acme.orgId)
      .orderBy("version")
      .execute();
  const audits = () =>
    h()
      .db.selectFrom("audit_log")
      .select(["entity_id", "diff", "actor_label"])
      .where("org_id", "=", acme.orgId)
      .where("action", "=", "methodology.changed")
      .execute();
  const scores = async () => {
    const rows = await h()
      .db.selectFrom("suppliers")
      .select(["id", "risk_score", "risk_band", "risk_digest"])
      .where("org_id", "=", acme.orgId)
      .orderBy("id")
      .execute();
    const n = await h()
      .db.selectFrom("risk_scores")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", acme.orgId)
      .executeTakeFirstOrThrow();
    return { rows, scoreRows: Number(n.n) };
  };
  const scoreOf = async (name: string) =>
    h().db.selectFrom("suppliers").select(["risk_score", "risk_band"]).where("id", "=", ids[name]!).executeTakeFirstOrThrow();

  it("shows the defaults (version 0) and the form to admins; other readers get no form", async () => {
    const r = await settingsGet("admin@a.test");
    expect(r.status).toBe(200);
    const data = await r.json();
    expect(data.canEdit).toBe(true);
    expect(data.current.version).toBe(0);
    expect(data.current.config).toEqual(DEFAULT_METHODOLOGY);
    expect(data.history).toEqual([]);
    expect(data.countries.some((c: { iso2: string; name: string }) => c.iso2 === "MY" && c.name === "Malaysia")).toBe(true);
    expect(data.principleLabels.P1).toBe("Policy setting");

    for (const email of ["exec@a.test", "officer@a.test"]) {
      const other = await settingsGet(email);
      expect(other.status, email).toBe(200);
      expect((await other.json()).canEdit, email).toBe(false);
    }
  });

  it("previews how many suppliers would change band, and writes nothing", async () => {
    const before = await scores();
    const r = await settingsPost("admin@a.test", formOf({ intent: "preview" }, [["MY", "95", REASON]]));
    expect(r.status).toBe(200);
    const { preview } = await r.json();
    const cells = Object.values(preview.moves as Record<string, Record<string, number>>).flatMap((row) => Object.values(row));
    expect(cells.reduce((s, n) => s + n, 0)).toBe(before.rows.length);
    expect(preview.computed).toBe(before.rows.length);
    // Both Malaysian suppliers move from low up to high; nobody else moves.
    expect((await scoreOf("Penang Gloves")).risk_band).toBe("low");
    expect(preview.moves.low.high).toBe(2);
    expect(preview.moved).toBe(2);

    expect(await versions()).toEqual([]);
    expect(await audits()).toEqual([]);
    expect(await scores()).toEqual(before);
  });

  it("refuses bad input with field errors and saves nothing", async () => {
    const before = await scores();
    const huge = "x".repeat(100_000);
    const cases: Array<[string, Form, string, RegExp]> = [
      [
        "all inherent weights zero",
        formOf({
          intent: "save",
          note: "n",
          "inherentWeights.country": "0",
          "inherentWeights.goods": "0",
          "inherentWeights.childGoods": "0",
          "inherentWeights.workforce": "0",
        }),
        "inherentWeights",
        /above 0/,
      ],
      [
        "all principle weights zero",
        formOf({ intent: "save", note: "n", ...Object.fromEntries(PRINCIPLES.map((p) => [`principleWeights.${p}`, "0"])) }),
        "principleWeights",
        /above 0/,
      ],
      [
        "thresholds not increasing",
        formOf({ intent: "save", note: "n", "bands.medium": "50", "bands.high": "40" }),
        "bands.high",
        /above the medium/,
      ],
      ["critical not above high", formOf({ intent: "preview", "bands.critical": "50" }), "bands.critical", /above the high/],
      ["override without a reason", formOf({ intent: "save", note: "n" }, [["MY", "80", "  "]]), "overrides.0.reason", /reason/],
      [
        "unknown country",
        formOf({ intent: "save", note: "n" }, [["QQ", "80", REASON]]),
        "overrides.0.iso2",
        /not in Lantern's country list/,
      ],
      ["malformed country", formOf({ intent: "preview" }, [["Malaysia", "80", REASON]]), "overrides.0.iso2", /Choose a country/],
      [
        "the same country twice",
        formOf({ intent: "save", note: "n" }, [
          ["MY", "80", REASON],
          ["my", "70", REASON],
        ]),
        "overrides.1.iso2",
        /already/,
      ],
      ["override score above 100", formOf({ intent: "save", note: "n" }, [["MY", "180", REASON]]), "overrides.0.score", /0 to 100/],
      ["a word for a weight", formOf({ intent: "save", note: "n", "principleWeights.P1": "twenty" }), "principleWeights.P1", /weight/],
      ["an empty weight", formOf({ intent: "save", note: "n", "inherentWeights.goods": "" }), "inherentWeights.goods", /weight/],
      ["a negative weight", formOf({ intent: "save", note: "n", "inherentWeights.goods": "-1" }), "inherentWeights.goods", /weight/],
      ["a word for a threshold", formOf({ intent: "save", note: "n", "bands.medium": "thirty" }), "bands.medium", /1 to 99/],
      ["months not whole", formOf({ intent: "save", note: "n", validityMonths: "6.5" }), "validityMonths", /whole number/],
      ["months out of range", formOf({ intent: "save", note: "n", fadeMonths: "400" }), "fadeMonths", /0 to 36/],
      ["saving without a note", formOf({ intent: "save", note: "   " }), "note", /what changed/],
      ["a huge note", formOf({ intent: "save", note: huge }), "note", /500 characters/],
      ["a huge reason", formOf({ intent: "save", note: "n" }, [["MY", "80", huge]]), "overrides.0.reason", /500 characters/],
      ["a huge number", formOf({ intent: "save", note: "n", "bands.high": "9".repeat(50_000) }), "bands.high", /1 to 99/],
      ["no intent", formOf({ intent: "publish", note: "n" }), "intent", /Preview or Save/],
    ];
    for (const [label, form, field, message] of cases) {
      const r = await settingsPost("admin@a.test", form);
      expect(r.status, label).toBe(400);
      const body = await r.json();
      expect(body.fieldErrors?.[field], `${label}: ${JSON.stringify(body)}`).toMatch(message);
    }
    // A hostile row number makes one row, not a huge array.
    const sparse = await settingsPost("admin@a.test", {
      ...formOf({ intent: "preview" }),
      "overrides.99999999.iso2": "QQ",
      "__proto__.x": "1",
    });
    expect(sparse.status).toBe(400);
    expect((await sparse.json()).fieldErrors["overrides.0.score"]).toBeTruthy();

    expect(await versions()).toEqual([]);
    expect(await audits()).toEqual([]);
    expect(await scores()).toEqual(before);
  });

  it("only admins may preview or save: others get 403 and nothing changes", async () => {
    for (const email of ["exec@a.test", "officer@a.test"]) {
      for (const intent of ["preview", "save"]) {
        const r = await settingsPost(email, formOf({ intent, note: "sneaky" }, [["MY", "99", REASON]]));
        expect(r.status, `${email} ${intent}`).toBe(403);
      }
    }
    expect(await versions()).toEqual([]);
  });

  it("saves a new version: audited with the diff, scores recomputed with the override and its reason", async () => {
    const before = { my: await scoreOf("Penang Gloves"), dk: await scoreOf("Aarhus Buttons") };
    const r = await settingsPost(
      "admin@a.test",
      formOf({ intent: "save", note: "Malaysia: our audits found recruitment-fee debt" }, [["my", "95", REASON]]),
    );
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/o/acme/settings/methodology");
    expect(toastOf(r)).toEqual({
      kind: "success",
      message: "Saved as version 1. Scores were recomputed now: 5 suppliers, 2 with a new score.",
    });

    const v = await versions();
    expect(v.map((x) => [x.version, x.note])).toEqual([[1, "Malaysia: our audits found recruitment-fee debt"]]);
    expect(JSON.parse(v[0]!.config).countryOverrides).toEqual({ MY: { score: 95, reason: REASON } });
    const a = await audits();
    expect(a).toHaveLength(1);
    expect(a[0]!.entity_id).toBe("1");
    expect(a[0]!.actor_label).toBe("admin@a.test");
    const diff = JSON.parse(a[0]!.diff!);
    expect(diff.from.countryOverrides).toEqual({});
    expect(diff.to.countryOverrides.MY.reason).toBe(REASON);

    const after = { my: await scoreOf("Penang Gloves"), dk: await scoreOf("Aarhus Buttons") };
    expect(after.my.risk_score!).toBeGreaterThan(before.my.risk_score!);
    expect(after.my.risk_band).toBe("high");
    expect(after.dk).toEqual(before.dk);
    const latest = await h()
      .db.selectFrom("risk_scores")
      .select(["methodology_version", "trigger", "breakdown"])
      .where("supplier_id", "=", ids["Penang Gloves"]!)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(latest.methodology_version).toBe(1);
    expect(latest.trigger).toBe("methodology v1");
    const b = JSON.parse(latest.breakdown) as Breakdown;
    expect(b.inherent.country.override).toEqual({ score: 95, reason: REASON });

    const page1 = await (await settingsGet("admin@a.test")).json();
    expect(page1.current).toMatchObject({ version: 1, createdBy: "admin@a.test", note: "Malaysia: our audits found recruitment-fee debt" });
    expect(page1.current.config.countryOverrides.MY.score).toBe(95);
    expect(page1.history).toHaveLength(1);

    // The next save is version 2, and removing the override brings the scores back.
    const r2 = await settingsPost("admin@a.test", formOf({ intent: "save", baseVersion: "1", note: "Back to the TIP tiers" }));
    expect(toastOf(r2)?.message).toMatch(/^Saved as version 2\./);
    expect(await scoreOf("Penang Gloves")).toEqual(before.my);
    expect((await (await settingsGet("exec@a.test")).json()).history.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    // Put the override back for the methodology page below.
    expect(
      (await settingsPost("admin@a.test", formOf({ intent: "save", baseVersion: "2", note: "Override again" }, [["MY", "95", REASON]])))
        .status,
    ).toBe(302);
  });

  it("refuses to save over a version saved since the form was loaded (409), and says which", async () => {
    const before = await scores();
    const r = await settingsPost(
      "admin@a.test",
      formOf({ intent: "save", baseVersion: "1", note: "Made from an old page" }, [["BD", "99", REASON]]),
    );
    expect(r.status).toBe(409);
    const { conflict } = await r.json();
    expect(conflict).toMatchObject({ version: 3, createdBy: "admin@a.test", note: "Override again" });
    expect(conflict.config.countryOverrides).toEqual({ MY: { score: 95, reason: REASON } });
    expect(await versions()).toHaveLength(3);
    expect(await audits()).toHaveLength(3);
    expect(await scores()).toEqual(before);
    // A preview does not care: it writes nothing.
    expect((await settingsPost("admin@a.test", formOf({ intent: "preview", baseVersion: "1" }))).status).toBe(200);
    // A missing or garbled base version is a 400.
    expect(
      (await (await settingsPost("admin@a.test", formOf({ intent: "save", baseVersion: "", note: "n" }))).json()).fieldErrors.baseVersion,
    ).toMatch(/Reload/);
  });

  it("the methodology page explains the tenant's settings and the data editions to every reader", async () => {
    for (const email of ["exec@a.test", "officer@a.test", "admin@a.test"]) {
      const r = await pageGet(email);
      expect(r.status, email).toBe(200);
      const data = await r.json();
      expect(data.canEdit, email).toBe(email === "admin@a.test");
      expect(data.current.version).toBe(3);
      expect(data.overrides).toEqual([["MY", { score: 95, reason: REASON }]]);
      expect(data.tip.MY).toEqual({ tier: "Tier 2", year: 2025, score: 40 });
      expect(data.countryNames.MY).toBe("Malaysia");
      expect(data.summary.tip.latestYear).toBe(2025);
      expect(data.summary.tip.countries).toBe(188);
      expect(data.summary.tvpra.latestYear).toBe(2022);
      expect(data.summary.tvpra.entries).toBe(467);
      expect(data.summary.tvpra.unflagged).toBe(10);
      expect(data.summary.edition).toMatch(/^TIP 2025 · TVPRA 2022/);
      const perTier = data.summary.tip.byTier as Array<{ tier: string; score: number; countries: number }>;
      expect(perTier.reduce((s, t) => s + t.countries, 0)).toBe(188);
      expect(perTier.find((t) => t.tier === "Tier 3")).toEqual({ tier: "Tier 3", score: 90, countries: 20 });
    }
  });

  it("another tenant's settings and methodology pages are not found", async () => {
    expect((await settingsGet("admin@b.test")).status).toBe(404);
    expect((await settingsPost("admin@b.test", formOf({ intent: "save", note: "x" }, [["MY", "10", "x"]]))).status).toBe(404);
    expect((await pageGet("admin@b.test")).status).toBe(404);
    expect((await settingsGet("admin@a.test", "boreal")).status).toBe(404);
    expect((await settingsPost("admin@a.test", formOf({ intent: "preview" }), "boreal")).status).toBe(404);
    // Boreal's own page still has the defaults: acme's versions are acme's.
    const own = await (await settingsGet("admin@b.test", "boreal")).json();
    expect(own.current.version).toBe(0);
    expect(await versions()).toHaveLength(3);
  });
});
