import { describe, expect, it } from "vitest";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { createCountryResolver } from "./countries";
import { diffSupplier, type SupplierValues } from "./diff";
import { FIELD_KEYS, SUPPLIER_FIELDS } from "./fields";
import { mappingIsExact, suggestMapping } from "./mapping";
import { parseSupplierCsv } from "./parse";
import { EXPORT_HEADER, neutralizeFormula, supplierCsvRow, suppliersToCsv, templateCsv, toCsv } from "./serialize";
import { validateSupplierRows } from "./validate";

describe("neutralizeFormula", () => {
  it("prefixes cells a spreadsheet would run as a formula", () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(neutralizeFormula("+1")).toBe("'+1");
    expect(neutralizeFormula("-2")).toBe("'-2");
    expect(neutralizeFormula("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(neutralizeFormula("\t=1")).toBe("'\t=1");
    expect(neutralizeFormula("\r=1")).toBe("'\r=1");
    expect(neutralizeFormula("＝1+1")).toBe("'＝1+1");
  });

  it("leaves ordinary text alone", () => {
    for (const s of ["", "Acme", "a=b", "1+1", "'quoted", " -x", "Saigon - Cholon"]) expect(neutralizeFormula(s)).toBe(s);
  });
});

describe("toCsv", () => {
  it("neutralises strings but keeps numbers as numbers", () => {
    const csv = toCsv(
      ["name", "delta", "note"],
      [
        ['=HYPERLINK("x")', -2, "-2"],
        ["@SUM", 0, null],
        ["Acme, Inc.", 1200.5, "line 1\nline 2"],
      ],
    );
    expect(csv).toBe(
      ["name,delta,note", `"'=HYPERLINK(""x"")",-2,'-2`, "'@SUM,0,", '"Acme, Inc.",1200.5,"line 1\nline 2"', ""].join("\r\n"),
    );
  });

  it("writes a BOM and ';' on request", () => {
    const csv = toCsv(["a", "b"], [["x;y", 1.5]], { bom: true, delimiter: ";" });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('a;b\r\n"x;y";1.5\r\n');
    expect(toCsv(["a"], []).charCodeAt(0)).toBe(0x61);
  });

  it("round-trips through parseSupplierCsv, apart from neutralisation", () => {
    const header = ["external_ref", "name", "notes", "annual_spend"];
    const rows = [
      ["V-1", 'Saigon "Best" Garments, Ltd.', "first line\nsecond line", 1200.5],
      ["V-2", "Bär & Söhne; GmbH", "=1+1", -3],
      ["V-3", "深圳华兴电子有限公司", "-2", 0],
      ["V-4", "Tab\there", "", null],
    ];
    for (const opts of [{}, { bom: true, delimiter: ";" as const }]) {
      const parsed = parseSupplierCsv(new TextEncoder().encode(toCsv(header, rows, opts)));
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.headers).toEqual(header);
      expect(parsed.rows.map((r) => r.cells)).toEqual([
        ["V-1", 'Saigon "Best" Garments, Ltd.', "first line\nsecond line", "1200.5"],
        ["V-2", "Bär & Söhne; GmbH", "'=1+1", "-3"],
        ["V-3", "深圳华兴电子有限公司", "'-2", "0"],
        ["V-4", "Tab\there", "", ""],
      ]);
      expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    }
  });
});

describe("templateCsv", () => {
  it("has every field key as header and two example rows, the second one supplying the first", () => {
    const parsed = parseSupplierCsv(templateCsv());
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.headers).toEqual(FIELD_KEYS);
    expect(mappingIsExact(parsed.headers)).toBe(true);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0]?.cells).toEqual(SUPPLIER_FIELDS.map((f) => f.example));
    const suppliesTo = FIELD_KEYS.indexOf("supplies_to");
    expect(parsed.rows[1]?.cells[suppliesTo]).toBe(parsed.rows[0]?.cells[0]);
  });

  it("documents each field once, with the required ones first after the reference", () => {
    expect(new Set(FIELD_KEYS).size).toBe(FIELD_KEYS.length);
    expect(SUPPLIER_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual(["name", "country"]);
    for (const f of SUPPLIER_FIELDS) expect(f.help.length, f.key).toBeGreaterThan(10);
  });
});

describe("suppliersToCsv", () => {
  it("exports in template order and imports back unchanged", () => {
    const supplier: SupplierValues = {
      externalRef: "V-9",
      name: "-Dash & Co., Ltd.",
      nameNorm: "dash co ltd",
      country: "VN",
      address: "1 Road",
      city: null,
      latitude: -33.8688,
      longitude: 151.2093,
      sector: "=cmd|' /C calc'!A0",
      goods: ["Cotton", "Zippers"],
      annualSpend: 1200000.5,
      currency: "EUR",
      workersCount: 0,
      contactName: null,
      contactEmail: "a@example.com",
      osId: null,
      duns: "150483782",
      lei: null,
      taxId: null,
      notes: "two\nlines",
      status: "inactive",
      suppliesTo: ["V-1", "V-2"],
    };
    expect(supplierCsvRow(supplier)).toHaveLength(FIELD_KEYS.length);
    const csv = suppliersToCsv([supplier], { bom: true, delimiter: ";" });
    expect(csv).toContain(";'=cmd|' /C calc'!A0;");
    const parsed = parseSupplierCsv(new TextEncoder().encode(csv));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(mappingIsExact(parsed.headers)).toBe(true);
    const result = validateSupplierRows(parsed.rows, parsed.headers, suggestMapping(parsed.headers), {
      resolveCountry: createCountryResolver([{ iso2: "VN", name: "Viet Nam" }]),
      goodsIndex: new Map([[normalizeName("Cotton"), "Cotton"]]),
    });
    expect(result.errors).toEqual([]);
    const { line: _line, key: _key, ...values } = result.rows[0] as NonNullable<(typeof result.rows)[0]>;
    expect(values).toEqual(supplier);
    expect(diffSupplier(values, supplier)).toEqual({ kind: "unchanged", changes: [] });
  });
});

describe("the export's computed columns", () => {
  it("come after the template's, and an exported file imports back without them", () => {
    expect(EXPORT_HEADER).toEqual([...FIELD_KEYS, "risk_score", "risk_band"]);
    const supplier: SupplierValues = {
      externalRef: "V-10",
      name: "Scored Mill",
      nameNorm: "scored mill",
      country: "VN",
      address: null,
      city: null,
      latitude: null,
      longitude: null,
      sector: null,
      goods: [],
      annualSpend: null,
      currency: null,
      workersCount: null,
      contactName: null,
      contactEmail: null,
      osId: null,
      duns: null,
      lei: null,
      taxId: null,
      notes: null,
      status: "active",
      suppliesTo: [],
    };
    const csv = toCsv(
      EXPORT_HEADER,
      [
        [...supplierCsvRow(supplier), 72.5, "high"],
        [...supplierCsvRow({ ...supplier, externalRef: "V-11" }), null, null],
      ],
      { bom: true },
    );
    const parsed = parseSupplierCsv(new TextEncoder().encode(csv));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows[0]!.cells.slice(-2)).toEqual(["72.5", "high"]);
    expect(mappingIsExact(parsed.headers)).toBe(true);
    const result = validateSupplierRows(parsed.rows, parsed.headers, suggestMapping(parsed.headers), {
      resolveCountry: createCountryResolver([{ iso2: "VN", name: "Viet Nam" }]),
      goodsIndex: new Map(),
    });
    expect(result.errors).toEqual([]);
    const { line: _line, key: _key, ...values } = result.rows[0] as NonNullable<(typeof result.rows)[0]>;
    expect(values).toEqual(supplier);
    expect(result.rows).toHaveLength(2);
  });
});
