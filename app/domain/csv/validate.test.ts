import { describe, expect, it } from "vitest";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { createCountryResolver } from "./countries";
import { FIELD_KEYS, type FieldKey } from "./fields";
import { suggestMapping } from "./mapping";
import { parseSupplierCsv, type CsvRow, type ParsedCsv } from "./parse";
import { templateCsv } from "./serialize";
import { decimalMarkOf, leiChecksumOk, parseNumber } from "~/domain/csv/numbers";
import { validateSupplierRows } from "./validate";
import type { ValidationContext } from "~/domain/csv/row";

const GOODS = ["Cotton", "Garments", "Textiles", "Beans (green beans)", "Açaí Berries", "Electronics"];
const ctx: ValidationContext = {
  resolveCountry: createCountryResolver([
    { iso2: "CN", name: "China" },
    { iso2: "VN", name: "Viet Nam" },
    { iso2: "BD", name: "Bangladesh" },
    { iso2: "DE", name: "Germany" },
    { iso2: "TR", name: "Türkiye" },
    { iso2: "CI", name: "Côte d'Ivoire" },
  ]),
  goodsIndex: new Map(GOODS.map((g) => [normalizeName(g), g])),
};

function parsed(text: string): ParsedCsv {
  const r = parseSupplierCsv(text);
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** Parse + validate with the suggested mapping. */
function run(text: string) {
  const p = parsed(text);
  return validateSupplierRows(p.rows, p.headers, suggestMapping(p.headers), ctx);
}

describe("validateSupplierRows: good rows", () => {
  it("turns the template into two clean rows", () => {
    const result = run(templateCsv());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.mappedFields).toEqual(FIELD_KEYS);
    expect(result.rows).toEqual([
      {
        line: 2,
        key: "V-1001",
        externalRef: "V-1001",
        name: "Saigon Stitch Garment Co., Ltd.",
        nameNorm: "saigon stitch garment co ltd",
        country: "VN",
        address: "12 Tan Thuan Road, District 7",
        city: "Ho Chi Minh City",
        latitude: 10.7626,
        longitude: 106.7216,
        sector: "Apparel",
        goods: ["Garments", "Cotton"],
        annualSpend: 1250000.5,
        currency: "USD",
        workersCount: 850,
        contactName: "Nguyen Thi Lan",
        contactEmail: "lan.nguyen@example.com",
        osId: "VN2021076F4R8XW",
        duns: "150483782",
        lei: "5493001KJTIIGC8Y1R12",
        taxId: "0301234567",
        notes: "Main cut-and-sew site",
        status: "active",
        suppliesTo: [],
      },
      expect.objectContaining({ line: 3, key: "V-2002", country: "VN", goods: ["Textiles"], suppliesTo: ["V-1001"], annualSpend: null }),
    ]);
  });

  it("maps an ERP export with ';', decimal commas and headers that need the synonym table", () => {
    const text = [
      "Vendor No.;Vendor Name;Country/Region;City;Annual Spend (EUR);Employees;E-mail",
      "70001;Bursa Örme A.Ş.;Türkiye;Bursa;1.200.000,50;1.250;info@bursa-orme.example",
      "70002;Dhaka Knit;bangladesh;Dhaka;12,5;;",
      "70003;Shenzhen Parts;CHINA;;1 200 000;12;",
    ].join("\r\n");
    const result = run(text);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.externalRef, r.country, r.annualSpend, r.workersCount, r.contactEmail])).toEqual([
      ["70001", "TR", 1200000.5, 1250, "info@bursa-orme.example"],
      ["70002", "BD", 12.5, null, null],
      ["70003", "CN", 1200000, 12, null],
    ]);
    expect(result.mappedFields).toEqual(["external_ref", "name", "country", "city", "annual_spend", "workers_count", "contact_email"]);
  });

  it("normalises identifiers, currency, status, goods and supplies_to", () => {
    const result = run(
      [
        "external_ref,name,country,goods,currency,duns,lei,os_id,status,supplies_to",
        'S-1,Acme,cn," cotton | GARMENTS ;Cotton",eur,150483782,5493 001K JTII GC8Y 1R12,cn2019303bq3fqv,ARCHIVED," T-1 ; T-2|T-1 "',
        "S-2,Côte Cocoa,Côte d'Ivoire,beans (GREEN beans)|acai berries,,,,,,",
      ].join("\n"),
    );
    expect(result.errors).toEqual([]);
    const [a, b] = result.rows;
    expect(a).toMatchObject({
      goods: ["Cotton", "Garments"],
      currency: "EUR",
      duns: "150483782",
      lei: "5493001KJTIIGC8Y1R12",
      osId: "CN2019303BQ3FQV",
      status: "archived",
      suppliesTo: ["T-1", "T-2"],
    });
    expect(b).toMatchObject({ country: "CI", goods: ["Beans (green beans)", "Açaí Berries"], status: "active", suppliesTo: [] });
  });

  it("keys rows without a reference by normalised name and country", () => {
    const result = run('name,country\n"Acme Co., Ltd.",CN\nACME CO LTD,VN\n');
    expect(result.rows.map((r) => r.key)).toEqual(["n:acme co ltd|CN", "n:acme co ltd|VN"]);
    expect(result.rows[0]?.externalRef).toBeNull();
  });

  it("undoes the export's formula neutralisation", () => {
    const result = run("name,country,notes\n'-Acme-,CN,'=1+1\n");
    expect(result.rows[0]).toMatchObject({ name: "-Acme-", notes: "=1+1" });
  });
});

describe("validateSupplierRows: bad rows", () => {
  it("reports every bad cell with line, column and reason", () => {
    const text = [
      "Ref,Name,Country,Workers,Annual spend,Currency,E-mail,DUNS,LEI,Status,OS ID",
      "A-1,Acme,Atlantis,12.5,-3,dollars,not-an-email,1234,5493001KJTIIGC8Y1R13,closed,x!",
      "A-2,,,,,,,,,,",
    ].join("\n");
    const result = run(text);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 2, column: "Country", field: "country", message: "country 'Atlantis' is not a known country or ISO code" },
      {
        line: 2,
        column: "Annual spend",
        field: "annual_spend",
        message: expect.stringMatching(/^annual_spend must be a number ≥ 0 .*got '-3'$/),
      },
      {
        line: 2,
        column: "Currency",
        field: "currency",
        message: "currency must be a three-letter ISO 4217 code such as USD or EUR, got 'dollars'",
      },
      { line: 2, column: "Workers", field: "workers_count", message: "workers_count must be a whole number ≥ 0, got '12.5'" },
      { line: 2, column: "E-mail", field: "contact_email", message: "contact_email is not an e-mail address, got 'not-an-email'" },
      { line: 2, column: "OS ID", field: "os_id", message: "os_id must be 6 to 32 letters and digits (e.g. CN2019303BQ3FQV), got 'x!'" },
      { line: 2, column: "DUNS", field: "duns", message: "duns must be 9 digits (dashes allowed), got '1234'" },
      { line: 2, column: "LEI", field: "lei", message: "lei '5493001KJTIIGC8Y1R13' has wrong check digits (a typo?)" },
      { line: 2, column: "Status", field: "status", message: "status must be active, inactive or archived, got 'closed'" },
      { line: 3, column: "Name", field: "name", message: "name is required" },
      { line: 3, column: "Country", field: "country", message: "country is required" },
    ]);
  });

  it("reports too-long text, references with separators and self-references", () => {
    const long = "x".repeat(201);
    const result = run(`external_ref,name,country,supplies_to\nA|1,Acme,CN,\nB-1,${long},CN,\nC-1,Co,CN,X-1|C-1\n`);
    expect(result.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [2, "external_ref", `external_ref must not contain "|" or ";" (they separate references in supplies_to), got 'A|1'`],
      [3, "name", "name is too long (201 characters, at most 200)"],
      [4, "supplies_to", "supplies_to names the supplier's own reference 'C-1'"],
    ]);
  });

  it("reports ragged rows as row errors", () => {
    const result = run("name,country,city\nAcme,CN,Shenzhen\nBeta,CN\nGamma,CN,Ningbo,extra\n");
    expect(result.rows.map((r) => r.name)).toEqual(["Acme"]);
    expect(result.errors).toEqual([
      { line: 3, column: "Row", message: "line 3 has 2 columns, the header has 3" },
      { line: 4, column: "Row", message: "line 4 has 4 columns, the header has 3 (a cell that contains the delimiter must be in quotes)" },
    ]);
  });

  it("warns about goods that are not on the TVPRA list and keeps them as typed", () => {
    const result = run("name,country,goods\nAcme,CN,Cotton|Zippers\nBeta,CN,zippers\n");
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.goods)).toEqual([["Cotton", "Zippers"], ["zippers"]]);
    expect(result.warnings).toEqual([
      { line: 2, column: "goods", field: "goods", message: "goods 'Zippers' is not on the TVPRA list; kept as typed" },
      { line: 3, column: "goods", field: "goods", message: "goods 'zippers' is not on the TVPRA list; kept as typed" },
    ]);
  });

  it("says which TVPRA good a goods value that names a sector stands for (Apparel → Garments)", () => {
    const result = run("name,country,goods\nAcme,BD,Apparel\n");
    expect(result.rows.map((r) => r.goods)).toEqual([["Apparel"]]);
    expect(result.warnings).toEqual([
      {
        line: 2,
        column: "goods",
        field: "goods",
        message: "goods 'Apparel' names a sector; the TVPRA list calls it 'Garments'; kept as typed",
      },
    ]);
  });

  it("returns mapping problems as line-0 errors and no rows", () => {
    const p = parsed("Vendor,Land\nAcme,CN\n");
    const result = validateSupplierRows(p.rows, p.headers, ["name", null], ctx);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 0, column: "Country", field: "country", message: "Country is required: choose the column that holds it." },
    ]);
  });
});

describe("validateSupplierRows: repeated rows", () => {
  it("drops identical repeats with a warning", () => {
    const result = run("external_ref,name,country,goods\nV-1,Acme,CN,Cotton|Garments\nV-2,Beta,VN,\nV-1,Acme,China,Garments;Cotton\n");
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.key)).toEqual(["V-1", "V-2"]);
    expect(result.warnings).toEqual([{ line: 4, column: "Row", message: "line 4 repeats line 2; imported once" }]);
  });

  it("holds back a reference repeated for another site until the officer decides, naming the fields", () => {
    const result = run("external_ref,name,country,city\nV-001,Acme,CN,Shenzhen\nV-001,Acme,CN,Dongguan\n");
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    expect(result.errors).toEqual([
      {
        line: 3,
        column: "Row",
        message:
          "reference V-001 appears on lines 2, 3 with different city: choose which row to keep, or import them as separate suppliers",
      },
    ]);
    expect(result.conflicts).toEqual([
      {
        key: "V-001",
        label: "reference V-001",
        fields: ["city"],
        rows: [
          { line: 2, name: "Acme", address: null, values: { city: "Shenzhen" } },
          { line: 3, name: "Acme", address: null, values: { city: "Dongguan" } },
        ],
        resolution: null,
      },
    ]);
  });

  it("holds back a name + country repeated for another site when there is no reference", () => {
    const result = run("name,country,city\nAcme Ltd,CN,Shenzhen\nACME LTD.,cn,Dongguan\nAcme Ltd,CN,Shenzhen\n");
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [3, "Acme Ltd (CN) appears on lines 2, 3 with different name, city: choose which row to keep, or import them as separate suppliers"],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(["line 4 repeats line 2; imported once"]);
  });

  it("compares raw cells when the first occurrence was invalid", () => {
    const result = run("external_ref,name,country\nV-1,Acme,Atlantis\nV-1,Acme,Atlantis\nV-1,Acme,CN\n");
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [2, "country 'Atlantis' is not a known country or ISO code"],
      [3, "country 'Atlantis' is not a known country or ISO code"],
      [4, "reference V-1 also appears on line 2 with different values"],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(["line 3 repeats line 2; imported once"]);
  });
});

describe("parseNumber", () => {
  it("reads the usual spellings", () => {
    const cases: Array<[string, number]> = [
      ["1200", 1200],
      ["1200.50", 1200.5],
      ["1,200,000.50", 1200000.5],
      ["1.200.000,50", 1200000.5],
      ["1 200 000", 1200000],
      ["1\u00a0200\u00a0000,75", 1200000.75],
      ["1'200'000.50", 1200000.5],
      ["12,5", 12.5],
      ["0,500", 0.5],
      ["0.5", 0.5],
      [",5", 0.5],
      ["1,200", 1200],
      ["1.200", 1200],
      ["1,2345", 1.2345],
      ["1234,567", 1234.567],
      ["12,34,567", 1234567],
      ["1.2E+06", 1200000],
      ["-5", -5],
      ["+7", 7],
    ];
    for (const [input, n] of cases) expect(parseNumber(input), input).toBe(n);
  });

  it("uses the column's decimal mark for '1,200' / '1.200'", () => {
    expect(parseNumber("1,200", ",")).toBe(1.2);
    expect(parseNumber("1.200", ".")).toBe(1.2);
    expect(parseNumber("1.200", ",")).toBe(1200);
    expect(parseNumber("1,200", ".")).toBe(1200);
  });

  it("rejects malformed numbers", () => {
    for (const input of [
      "",
      "abc",
      "1,2,3",
      "1.20.000",
      "12,0000,000",
      "1,200.000,5",
      "1.2.3,4.5",
      "$1200",
      "1200 USD",
      "0,000,000",
      "1e",
      "--1",
      "1..2",
    ]) {
      expect(parseNumber(input), input).toBeNaN();
    }
  });

  it("infers a column's decimal mark from its unambiguous values", () => {
    const rows = (values: string[]): CsvRow[] => values.map((v, i) => ({ line: i + 2, cells: [v] }));
    expect(decimalMarkOf(rows(["1,200", "0,5", "7"]), 0)).toBe(",");
    expect(decimalMarkOf(rows(["1.200.000", "3"]), 0)).toBe(",");
    expect(decimalMarkOf(rows(["1,200", "2,500"]), 0)).toBeNull();
    expect(decimalMarkOf(rows(["1,200.50"]), 0)).toBe(".");
    expect(decimalMarkOf(rows(["1"]), -1)).toBeNull();
    // In a file whose spend column uses decimal commas, "1,200" is 1.2.
    const result = run('name,country,annual_spend\nA,CN,"0,5"\nB,CN,"1,200"\n');
    expect(result.rows.map((r) => r.annualSpend)).toEqual([0.5, 1.2]);
  });
});

describe("leiChecksumOk", () => {
  it("checks ISO 17442 check digits", () => {
    expect(leiChecksumOk("5493001KJTIIGC8Y1R12")).toBe(true);
    expect(leiChecksumOk("5493001KJTIIGC8Y1R13")).toBe(false);
    expect(leiChecksumOk("529900T8BM49AURSDO55")).toBe(true);
  });
});

describe("validateSupplierRows: speed", () => {
  it("parses and validates 100,000 rows quickly", () => {
    const header = FIELD_KEYS.join(",");
    const countries = ["CN", "Viet Nam", "bangladesh", "DE", "Türkiye"];
    const lines = [header];
    for (let i = 0; i < 100_000; i++) {
      const cells: Record<FieldKey, string> = {
        external_ref: `V-${i}`,
        name: i % 3 === 0 ? `"Supplier ${i} Co., Ltd."` : `Supplier ${i} Textiles`,
        country: countries[i % countries.length] as string,
        address: `${i} Industrial Road`,
        city: "Ho Chi Minh City",
        latitude: `${(i % 180) - 89.5}`,
        longitude: `${(i % 360) - 179.25}`,
        sector: "Apparel",
        goods: i % 2 === 0 ? "Cotton|Garments" : "Electronics",
        annual_spend: `${(i * 37) % 1_000_000}.50`,
        currency: "USD",
        workers_count: `${i % 5000}`,
        contact_name: "Jane Doe",
        contact_email: `buyer${i}@example.com`,
        os_id: "",
        duns: i % 4 === 0 ? `${String(100000000 + i)}` : "",
        lei: "",
        tax_id: `TX${i}`,
        notes: "",
        status: "active",
        supplies_to: i > 10 && i % 2 === 0 ? `V-${i - 1}|V-${i - 3}` : "",
      };
      lines.push(FIELD_KEYS.map((k) => cells[k]).join(","));
    }
    const text = lines.join("\n");

    // The machine is shared: wall time alone measures the neighbours too. Take the smaller of wall
    // and CPU time (CPU time includes the GC's helper threads), best of a cold and a warm run.
    const time = <T>(fn: () => T): [T, number] => {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const value = fn();
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      return [value, Math.min(wall, (cpu.user + cpu.system) / 1000)];
    };
    const runs: Array<{ parseMs: number; validateMs: number }> = [];
    for (let k = 0; k < 2; k++) {
      const [p, parseMs] = time(() => parseSupplierCsv(text));
      if (!p.ok) throw new Error(p.error);
      const mapping = suggestMapping(p.headers);
      const [result, validateMs] = time(() => validateSupplierRows(p.rows, p.headers, mapping, ctx));
      expect(result.errors).toEqual([]);
      expect(result.rows).toHaveLength(100_000);
      runs.push({ parseMs, validateMs });
    }
    console.log(
      `100,000 rows (${(text.length / 1e6).toFixed(1)} MB): ` +
        runs
          .map((r, i) => `${i === 0 ? "cold" : "warm"} parse ${r.parseMs.toFixed(0)} ms, validate ${r.validateMs.toFixed(0)} ms`)
          .join("; "),
    );
    // Generous bounds for a noisy CI machine; the real figures are printed above.
    expect(Math.min(...runs.map((r) => r.validateMs))).toBeLessThan(1500);
    expect(Math.min(...runs.map((r) => r.parseMs))).toBeLessThan(1500);
  });
});

describe("validateSupplierRows: coordinates", () => {
  it("reads latitude and longitude from brand factory list columns, in range, both or neither", () => {
    const result = run(
      [
        "country,name,address,sector,lat,lng",
        "VN,Alpha Garment,1 Road,Apparel,10.7626,106.7216",
        'CN,Beta Shoes,2 Road,Footwear,"-33,86",+151',
        "CN,Gamma,3 Road,Apparel,,",
        "CN,Delta,4 Road,Apparel,91,10",
        "CN,Epsilon,5 Road,Apparel,10,-180.5",
        "CN,Zeta,6 Road,Apparel,10,",
        "CN,Eta,7 Road,Apparel,north,10",
      ].join("\n"),
    );
    expect(result.mappedFields).toContain("latitude");
    expect(result.mappedFields).toContain("longitude");
    expect(result.rows.map((r) => [r.name, r.latitude, r.longitude])).toEqual([
      ["Alpha Garment", 10.7626, 106.7216],
      ["Beta Shoes", -33.86, 151],
      ["Gamma", null, null],
    ]);
    expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [5, "lat", "latitude must be a number from -90 to 90 (decimal degrees), got '91'"],
      [6, "lng", "longitude must be a number from -180 to 180 (decimal degrees), got '-180.5'"],
      [7, "lng", "longitude is empty but latitude is given: give both or neither"],
      [8, "lat", "latitude must be a number from -90 to 90 (decimal degrees), got 'north'"],
    ]);
  });
});

describe("validateSupplierRows: near-duplicates and conflicts", () => {
  const run2 = (text: string, resolutions?: Record<string, "first" | "last" | "both">) => {
    const p = parsed(text);
    return validateSupplierRows(p.rows, p.headers, suggestMapping(p.headers), {
      ...ctx,
      ...(resolutions ? { resolutions: new Map(Object.entries(resolutions)) } : {}),
    });
  };

  it("treats rows that differ only by an invisible character, a legal-form or an address variant as one supplier, with a warning", () => {
    const result = run2(
      [
        "country,name,address,sector,lat,lng",
        'VN,"Alpha Garment Co., Ltd.\u200b","No. 12, Tan Thuan Road",Apparel,10.76,106.72',
        "VN,ALPHA GARMENT CO. LTD,12 Tan Thuan Rd.,,,",
        "VN,Alpha Garment Company Limited\u2060,12 Tan Thuan Rd,Garments,10.7601,106.7201",
        "CN,Beta S.A de C.V,1 Road,,,",
        "cn,Beta SA de CV,1 road,Footwear,,",
      ].join("\n"),
    );
    expect(result.errors).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.name, r.sector, r.latitude])).toEqual([
      [2, "Alpha Garment Co., Ltd.", "Apparel", 10.76],
      [5, "Beta S.A de C.V", "Footwear", null],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      "line 3 is the same supplier as line 2 (same name, country and address once normalised); imported once: kept line 2's name, address",
      "line 4 is the same supplier as line 2 (same name, country and address once normalised); imported once: " +
        "kept line 2's name, address, latitude, longitude, sector",
      "line 6 is the same supplier as line 5 (same name, country and address once normalised); imported once: " +
        "filled in sector from line 6; kept line 5's name, address",
    ]);
  });

  it("applies the officer's decision per conflict: keep first, keep last, or both with references of their own", () => {
    const csv = [
      "external_ref,name,country,address",
      "R-1,Gamma Mill,CN,1 East Road",
      "R-1,Gamma Mill,CN,99 West Road",
      ",Delta Dye,CN,5 North Road",
      ",DELTA DYE,CN,7 South Road",
      ",Eps Knit,VN,1 A Street",
      ",Eps Knit,VN,2 B Street",
    ].join("\n");
    const unresolved = run2(csv);
    expect(unresolved.conflicts.map((c) => [c.key, c.rows.map((r) => r.line), c.resolution])).toEqual([
      ["R-1", [2, 3], null],
      ["n:delta dye|CN", [4, 5], null],
      ["n:eps knit|VN", [6, 7], null],
    ]);
    expect(unresolved.errors).toHaveLength(3);

    const decided = run2(csv, { "R-1": "last", "n:delta dye|CN": "both", "n:eps knit|VN": "first" });
    expect(decided.errors).toEqual([]);
    expect(decided.rows.map((r) => [r.line, r.externalRef, r.address])).toEqual([
      [3, "R-1", "99 West Road"],
      [4, "ROW-4", "5 North Road"],
      [5, "ROW-5", "7 South Road"],
      [6, null, "1 A Street"],
    ]);
    expect(decided.conflicts.map((c) => c.resolution)).toEqual(["last", "both", "first"]);
    expect(new Set(decided.rows.map((r) => r.key)).size).toBe(4);
  });

  it("reports how each distinct country value was read", () => {
    const result = run2("name,country\nA,viet nam\nB,VN\nC,Vietnam\nD,viet nam\nE,Atlantis\n");
    expect(result.countries).toEqual([
      { value: "viet nam", iso2: "VN", rows: 2 },
      { value: "VN", iso2: "VN", rows: 1 },
      { value: "Vietnam", iso2: "VN", rows: 1 },
      { value: "Atlantis", iso2: null, rows: 1 },
    ]);
  });
});
