import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_ITEMS, chainSupplierIds, depths, linkWarnings, placeItem, walk, type BomItem } from "./bom";
import { fontRuns, parseUnicodeRange } from "./font-runs";
import { traceGaps } from "./gaps";
import { buildManifest, verifyManifest } from "./manifest";
import { goodsFlagsOf, materialFlags, originsDiffer, regionsOf, type TvpraRow } from "./origins";
import { buildPack, safeZipName, type PackInput, type PackSupplierInput } from "./pack";

const NO_ORIGIN = { country: null, subdivision: null, region: null };
const item = (
  id: number,
  parentId: number | null,
  material: string,
  supplierId: number | null,
  raw?: Partial<BomItem["origin"]>,
): BomItem => ({
  id,
  parentId,
  material,
  supplierId,
  isRaw: raw !== undefined,
  origin: { ...NO_ORIGIN, ...raw },
});
const name = (iso2: string) => ({ BR: "Brazil", CN: "China", BD: "Bangladesh" })[iso2] ?? iso2;

// T-shirt: fabric (2) → yarn (3) → cotton lint from a farm (4, Brazil) and a spot lot (unknown).
const TSHIRT: BomItem[] = [
  item(1, null, "Jersey fabric", 2),
  item(2, 1, "Cotton yarn", 3),
  item(3, 2, "Raw cotton lint", 4, { country: "BR", subdivision: "BR-MT" }),
  item(4, 2, "Raw cotton, spot lot", null, {}),
];

describe("bill of materials", () => {
  it("walks the tree depth first with levels, and lists the chain's suppliers once", () => {
    expect(walk(TSHIRT).map((w) => [w.level, w.item.material])).toEqual([
      [1, "Jersey fabric"],
      [2, "Cotton yarn"],
      [3, "Raw cotton lint"],
      [3, "Raw cotton, spot lot"],
    ]);
    expect(depths(TSHIRT).get(4)).toBe(3);
    expect(chainSupplierIds(TSHIRT, 1)).toEqual([1, 2, 3, 4]);
  });

  it("refuses a cycle, a raw parent, a parent from elsewhere, and trees too deep or too large", () => {
    expect(placeItem(TSHIRT, 1, 3)?.message).toMatch(/raw material/);
    expect(placeItem(TSHIRT, 1, 2)?.message).toMatch(/into itself/);
    expect(placeItem(TSHIRT, 2, 2)?.message).toMatch(/into itself/);
    expect(placeItem(TSHIRT, null, 99)?.message).toMatch(/not in this product/);
    expect(placeItem(TSHIRT, null, 2)).toBeNull();
    expect(placeItem(TSHIRT, 2, null)).toBeNull();
    const chain = Array.from({ length: MAX_DEPTH }, (_, i) => item(i + 1, i === 0 ? null : i, `Level ${i + 1}`, null));
    expect(placeItem(chain, null, MAX_DEPTH)?.message).toMatch(/levels deep/);
    expect(placeItem(chain, null, MAX_DEPTH - 1)).toBeNull();
    // Moving a two-level subtree under level 9 would make it 11 deep.
    expect(placeItem([...chain, item(50, null, "Top", null), item(51, 50, "Below", null)], 50, MAX_DEPTH - 1)?.message).toMatch(
      /levels deep/,
    );
    const many = Array.from({ length: MAX_ITEMS }, (_, i) => item(i + 1, null, `Item ${i}`, null));
    expect(placeItem(many, null, null)?.message).toMatch(/at most 5000 items/);
  });

  it("warns (never refuses) where the supplier graph does not record the input's supplier as supplying the parent's maker", () => {
    const links = new Set(["2>1", "3>2"]);
    const w = linkWarnings(
      TSHIRT,
      1,
      (s, b) => links.has(`${s}>${b}`),
      (id) => `S${id}`,
    );
    expect(w).toEqual([{ itemId: 3, message: expect.stringMatching(/^S4 supplies Raw cotton lint here, but .* supplier of S3\./) }]);
    expect(linkWarnings(TSHIRT, null, () => false, String).map((x) => x.itemId)).toEqual([2, 3]);
  });
});

describe("origins and flags", () => {
  const tvpra: TvpraRow[] = [
    { good: "Cotton", iso2: "CN", forced: true, child: true, year: 2022 },
    { good: "Cotton", iso2: "BR", forced: false, child: true, year: 2022 },
    { good: "Garments", iso2: "BD", forced: true, child: true, year: 2022 },
    { good: "Cottonseed (hybrid)", iso2: "BR", forced: true, child: true, year: 2022 },
  ];

  it("flags Xinjiang by subdivision only, Turkmen cotton only for cotton, North Korea as a whole country", () => {
    expect(regionsOf({ country: "CN", subdivision: "CN-XJ", region: null }, "Raw cotton").map((r) => r.key)).toEqual(["xinjiang"]);
    expect(regionsOf({ country: "CN", subdivision: "CN-GD", region: null }, "Raw cotton")).toEqual([]);
    expect(regionsOf({ country: "TM", subdivision: null, region: null }, "Raw cotton").map((r) => r.key)).toEqual(["turkmenistan_cotton"]);
    expect(regionsOf({ country: "TM", subdivision: null, region: null }, "Natural gas")).toEqual([]);
    expect(regionsOf({ country: "KP", subdivision: null, region: null }, "Seafood").map((r) => r.key)).toEqual(["north_korea"]);
  });

  it("names TVPRA goods for the supplier's country and for a raw material whose words name the good", () => {
    expect(goodsFlagsOf(["Garments", "Buttons"], "BD", tvpra)).toEqual([
      { good: "Garments", iso2: "BD", kinds: "forced and child labour", year: 2022 },
    ]);
    expect(materialFlags("Raw cotton lint", "BR", tvpra)).toEqual([{ good: "Cotton", iso2: "BR", kinds: "child labour", year: 2022 }]);
    expect(materialFlags("Cottonwood", "BR", tvpra)).toEqual([]);
    expect(materialFlags("Raw cotton", null, tvpra)).toEqual([]);
  });

  it("says when the BOM's origin and the supplier's answer differ", () => {
    const at = "2026-01-01";
    const bom = { country: "BR", subdivision: "BR-MT", region: "Mato Grosso" };
    expect(originsDiffer(bom, { keys: ["other_regions"], other: "Brazil (Mato Grosso)", approvedAt: at }, name)).toBe(false);
    expect(originsDiffer(bom, { keys: ["other_regions"], other: "India", approvedAt: at }, name)).toBe(true);
    expect(originsDiffer(bom, { keys: ["xinjiang"], other: null, approvedAt: at }, name)).toBe(true);
    expect(originsDiffer(bom, { keys: ["dont_know"], other: null, approvedAt: at }, name)).toBe(true);
    expect(
      originsDiffer({ country: "CN", subdivision: "CN-XJ", region: null }, { keys: ["xinjiang"], other: null, approvedAt: at }, name),
    ).toBe(false);
    expect(originsDiffer(NO_ORIGIN, { keys: ["xinjiang"], other: null, approvedAt: at }, name)).toBe(false);
  });
});

function supplier(id: number, over: Partial<PackSupplierInput> = {}): PackSupplierInput {
  return {
    id,
    name: `Supplier ${id}`,
    country: "BD",
    city: null,
    tier: id,
    status: "active",
    risk: { score: 40, band: "medium", computedAt: "2026-11-01T00:00:00Z", explanation: ["Bangladesh: TIP 2025 Tier 2."] },
    goods: [],
    assessment: { approvedAt: "2026-01-01T00:00:00Z", validUntil: "2027-01-01T00:00:00Z", status: "valid" },
    answeredOrigins: null,
    assessments: [],
    audits: [],
    evidence: [],
    ...over,
  };
}

function input(over: Partial<PackInput> = {}): PackInput {
  return {
    orgName: "Acme",
    generatedAt: "2026-12-07T10:00:00Z",
    generatedBy: "a@acme.test",
    product: { id: 1, name: "T-shirt", sku: "TS-1", hsCode: "610910", description: null, madeBy: 1 },
    shipment: null,
    items: TSHIRT,
    suppliers: new Map([1, 2, 3, 4].map((i) => [i, supplier(i)])),
    hasLink: () => true,
    tvpra: [],
    screening: [],
    screeningCoverage: [],
    countryName: name,
    ...over,
  };
}

describe("gaps", () => {
  it("names the missing origin and the unknown supplier in plain sentences, then the suppliers' own gaps", () => {
    const suppliers = new Map([1, 2, 3, 4].map((i) => [i, supplier(i)]));
    suppliers.set(3, supplier(3, { assessment: null, answeredOrigins: { keys: ["dont_know"], other: null, approvedAt: "x" } }));
    suppliers.set(
      4,
      supplier(4, { assessment: { approvedAt: "2024-01-01T00:00:00Z", validUntil: "2025-01-01T00:00:00Z", status: "expired" } }),
    );
    expect(traceGaps({ productName: "T-shirt", madeBy: 1, items: TSHIRT, suppliers }, [1, 2, 3, 4])).toEqual([
      "Raw cotton, spot lot for Cotton yarn: supplier unknown.",
      "Raw cotton, spot lot for Cotton yarn: origin unknown.",
      "Supplier 3: never assessed (no approved assessment).",
      "Supplier 3 answered that it does not know where its raw materials come from.",
      "Supplier 4: its last approved assessment (2024-01-01) expired on 2025-01-01.",
    ]);
  });

  it("says when there is no manufacturer, no BOM, or an input whose own inputs stop short of a raw material", () => {
    expect(traceGaps({ productName: "Cap", madeBy: null, items: [], suppliers: new Map() }, [])).toEqual([
      "Cap: the final manufacturer is not recorded.",
      "Cap: no bill of materials, so none of its inputs can be traced.",
    ]);
    const gaps = traceGaps(
      { productName: "Cap", madeBy: null, items: [item(1, null, "Twill", 2)], suppliers: new Map([[2, supplier(2)]]) },
      [2],
    );
    expect(gaps).toContain("Twill for Cap, from Supplier 2: its own inputs are not recorded, so the trace stops before a raw material.");
  });
});

describe("the pack document", () => {
  it("lists the chain by tier for this product, with origins, flags, warnings, gaps and evidence paths", () => {
    const suppliers = new Map([1, 2, 3, 4].map((i) => [i, supplier(i)]));
    const evidence = [
      {
        key: "a7",
        filename: "../policy:v2.pdf",
        kind: "policy",
        validUntil: null,
        reviewStatus: "accepted",
        size: 9,
        sha256: "ab",
        source: "assessment" as const,
      },
    ];
    suppliers.set(2, supplier(2, { evidence, goods: ["Garments"] }));
    suppliers.set(4, supplier(4, { country: "BR", answeredOrigins: { keys: ["xinjiang"], other: null, approvedAt: "x" } }));
    const doc = buildPack(
      input({
        suppliers,
        shipment: { ref: "PO-9", date: null, quantity: null },
        hasLink: (s, b) => !(s === 4 && b === 3),
        tvpra: [
          { good: "Garments", iso2: "BD", forced: true, child: false, year: 2022 },
          { good: "Cotton", iso2: "BR", forced: false, child: true, year: 2022 },
        ],
      }),
    );
    expect(doc.title).toBe("Tracing pack: T-shirt, shipment PO-9");
    expect(doc.suppliers.map((s) => [s.name, s.productTier])).toEqual([
      ["Supplier 1", 1],
      ["Supplier 2", 2],
      ["Supplier 3", 3],
      ["Supplier 4", 4],
    ]);
    // "../policy:v2.pdf": separators and reserved characters become "_", a leading dot run too.
    expect(doc.suppliers[1]!.evidence[0]!.path).toBe("evidence/supplier-2/a7-__policy_v2.pdf");
    expect(doc.origins).toEqual([
      {
        material: "Raw cotton lint",
        supplier: "Supplier 4",
        bom: "Brazil, BR-MT",
        answered: "Xinjiang Uyghur Autonomous Region, China",
        differ: true,
      },
      { material: "Raw cotton, spot lot", supplier: "supplier unknown", bom: "unknown", answered: null, differ: false },
    ]);
    expect(doc.regionFlags.map((r) => r.region)).toEqual(["Xinjiang Uyghur Autonomous Region"]);
    expect(doc.goodsFlags.map((g) => `${g.where}: ${g.good} (${g.country})`)).toEqual([
      "Supplier 2: Garments (Bangladesh)",
      "Raw cotton lint: Cotton (Brazil)",
    ]);
    expect(doc.warnings).toHaveLength(1);
    expect(doc.gaps).toContain("Raw cotton, spot lot for Cotton yarn: origin unknown.");
    expect(doc.summary).toMatchObject({ suppliers: 4, items: 4, rawMaterials: 2, originsKnown: 1 });
  });

  it("carries screening results and coverage as given, naming the supplier", () => {
    const doc = buildPack(
      input({
        screening: [{ supplierId: 3, list: "UFLPA Entity List", entryName: "S3 Co", status: "candidate", note: "" }],
        screeningCoverage: [{ list: "UFLPA Entity List", edition: "2026-11-01", partial: true, note: "aliases not screened" }],
      }),
    );
    expect(doc.screening).toEqual([expect.objectContaining({ supplier: "Supplier 3", status: "candidate" })]);
    expect(doc.screeningCoverage[0]!.partial).toBe(true);
  });

  it("makes file names safe inside a ZIP", () => {
    expect(safeZipName("../../etc/passwd")).toBe("__.._etc_passwd");
    expect(safeZipName("a\\b\u0000c")).toBe("a_b_c");
    expect(safeZipName("Đồng Nai report.pdf")).toBe("Đồng Nai report.pdf");
    expect(safeZipName("")).toBe("file");
  });
});

describe("manifest", () => {
  it("verifies files by size and hash, and names what is missing, changed or unlisted", () => {
    const m = buildManifest(
      { product: { name: "T", sku: "S", hsCode: "610910" }, shipment: null, generatedAt: "x", generatedBy: "y", organisation: "z" },
      [
        { path: "pack.pdf", size: 3, sha256: "aa" },
        { path: "evidence/x.pdf", size: 2, sha256: "bb" },
      ],
    );
    expect(m.howToVerify).toMatch(/sha256sum/);
    const ok = new Map([
      ["pack.pdf", { size: 3, sha256: "aa" }],
      ["evidence/x.pdf", { size: 2, sha256: "bb" }],
      ["manifest.json", { size: 1, sha256: "cc" }],
    ]);
    expect(verifyManifest(m, ok)).toEqual([]);
    const bad = new Map([
      ["pack.pdf", { size: 3, sha256: "ff" }],
      ["extra.txt", { size: 1, sha256: "dd" }],
    ]);
    expect(verifyManifest(m, bad)).toEqual([
      { path: "pack.pdf", problem: "sha256" },
      { path: "evidence/x.pdf", problem: "missing" },
      { path: "extra.txt", problem: "unlisted" },
    ]);
  });
});

describe("font runs", () => {
  const subsets = [
    { name: "latin", ranges: parseUnicodeRange("U+0000-00FF,U+0131") },
    { name: "latin-ext", ranges: parseUnicodeRange("U+0100-02BA") },
    { name: "vietnamese", ranges: parseUnicodeRange("U+0102-0103,U+0110-0111,U+1EA0-1EF9") },
  ];
  it("cuts a name into runs each subset can draw, keeping spaces in the current run", () => {
    expect(parseUnicodeRange("U+0000-00FF, U+0131,bogus")).toEqual([
      [0, 255],
      [305, 305],
    ]);
    expect(fontRuns("Mill in Đồng Nai", subsets)).toEqual([
      { subset: "latin", text: "Mill in " },
      { subset: "latin-ext", text: "Đ" },
      { subset: "vietnamese", text: "ồ" },
      { subset: "latin", text: "ng Nai" },
    ]);
    expect(fontRuns("中", subsets)).toEqual([{ subset: "latin", text: "中" }]);
  });
});
