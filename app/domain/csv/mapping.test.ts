import { describe, expect, it } from "vitest";
import { EXPORT_ONLY_COLUMNS, FIELD_KEYS } from "./fields";
import { mappingIsExact, normalizeHeader, rememberableMapping, suggestMapping, validateMapping } from "./mapping";

const ERP = "Vendor No.;Vendor Name;Country/Region;City;Annual Spend (EUR);Employees;E-mail".split(";");

describe("suggestMapping", () => {
  it("maps a realistic ERP export header", () => {
    expect(suggestMapping(ERP)).toEqual(["external_ref", "name", "country", "city", "annual_spend", "workers_count", "contact_email"]);
  });

  it("maps template headers by key and by label, in any case", () => {
    expect(suggestMapping([...FIELD_KEYS])).toEqual([...FIELD_KEYS]);
    expect(suggestMapping(["NAME", "Country", "Reference", "Open Supply Hub ID", "Supplies to", "Contact e-mail"])).toEqual([
      "name",
      "country",
      "external_ref",
      "os_id",
      "supplies_to",
      "contact_email",
    ]);
  });

  it("always ignores the export's computed columns (risk score and band), whatever was remembered", () => {
    const exported = [...FIELD_KEYS, ...EXPORT_ONLY_COLUMNS];
    expect(suggestMapping(exported)).toEqual([...FIELD_KEYS, null, null]);
    // An earlier import sent a column called "risk score" to notes: the export's own column is still ignored.
    const remembered = { "risk score": "notes", "risk band": "sector" } as const;
    expect(suggestMapping(["name", "country", "risk_score", "RISK_BAND"], remembered)).toEqual(["name", "country", null, null]);
    // An ERP's own "Risk score" column (not the export's exact name) still follows the remembered mapping.
    expect(suggestMapping(["name", "country", "Risk score"], { "risk score": "notes" })).toEqual(["name", "country", "notes"]);
    expect(mappingIsExact(exported)).toBe(true);
    expect(mappingIsExact([...FIELD_KEYS, "risk_score", "risk_score"])).toBe(false);
  });

  it("knows common synonyms and ignores what it does not know", () => {
    expect(
      suggestMapping(["Supplier ID", "Company", "ISO Country", "Products", "Headcount", "Buyers", "Payment terms", "Customer refs"]),
    ).toEqual(["external_ref", "name", "country", "goods", "workers_count", "supplies_to", null, null]);
  });

  it("never maps two headers to the same field: the first wins", () => {
    expect(suggestMapping(["Vendor Name", "Company", "Country", "Country code"])).toEqual(["name", null, "country", null]);
  });

  it("prefers the exact key over a synonym that comes first", () => {
    expect(suggestMapping(["Company", "name", "country"])).toEqual([null, "name", "country"]);
  });

  it("lets a remembered mapping win over synonyms, including 'ignore'", () => {
    const remembered = { "vendor no": null, "erp key": "external_ref", company: "name", region: "country" } as const;
    expect(suggestMapping(["Vendor No.", "ERP Key", "Vendor Name", "Company", "Region"], remembered)).toEqual([
      null,
      "external_ref",
      null, // "name" is taken by the remembered "Company"
      "name",
      "country",
    ]);
  });

  it("ignores remembered values that are no longer fields", () => {
    const remembered = { vendor: "supplier_name" } as unknown as Record<string, null>;
    expect(suggestMapping(["Vendor", "Name"], remembered)).toEqual([null, "name"]);
  });
});

describe("validateMapping", () => {
  it("accepts a good mapping", () => {
    expect(validateMapping(ERP, suggestMapping(ERP))).toEqual([]);
  });

  it("reports unmapped required fields, fields mapped twice and bad shapes", () => {
    const headers = ["Vendor No.", "Vendor Name", "Alt name"];
    const problems = validateMapping(headers, ["external_ref", "name", "name"]);
    expect(problems).toEqual([
      { field: "name", column: 2, message: 'Name is mapped from both "Vendor Name" and "Alt name"; choose one.' },
      { field: "country", message: "Country is required: choose the column that holds it." },
    ]);
    expect(validateMapping(["a"], ["name", "country"]).map((p) => p.message)).toEqual([
      "The mapping has 2 entries but the file has 1 columns.",
      "The mapping names column 2, but the file has only 1 columns.",
      "Country is required: choose the column that holds it.",
    ]);
    expect(validateMapping(["a", "b"], ["name", "bogus" as never])[0]?.message).toBe(
      'Column "b" is mapped to "bogus", which is not a supplier field.',
    );
  });
});

describe("mappingIsExact", () => {
  it("is true only when every header is a field key", () => {
    expect(mappingIsExact([...FIELD_KEYS])).toBe(true);
    expect(mappingIsExact(["name", "Country", " external_ref "])).toBe(true);
    expect(mappingIsExact(["name", "country", "Vendor No."])).toBe(false);
    expect(mappingIsExact(["name", "name"])).toBe(false);
    expect(mappingIsExact([])).toBe(false);
  });
});

describe("rememberableMapping", () => {
  it("stores normalised headers and round-trips through suggestMapping", () => {
    const mapping = ["external_ref", "name", null, "city", "annual_spend", "workers_count", "contact_email"] as const;
    const stored = rememberableMapping(ERP, [...mapping]);
    expect(stored).toEqual({
      "vendor no": "external_ref",
      "vendor name": "name",
      "country region": null,
      city: "city",
      "annual spend eur": "annual_spend",
      employees: "workers_count",
      "e mail": "contact_email",
    });
    expect(
      suggestMapping(
        ERP.map((h) => h.toUpperCase()),
        stored,
      ),
    ).toEqual([...mapping]);
    expect(normalizeHeader("  Vendor   No. ")).toBe("vendor no");
  });
});

describe("suggestMapping: factory list headers", () => {
  it("maps factory / facility / vendor ids and supplier codes to Reference, lat/lng to coordinates", () => {
    for (const ref of ["Factory ID", "facility id", "Vendor ID", "Supplier Code"]) {
      expect(suggestMapping([ref, "Name", "Country"])[0], ref).toBe("external_ref");
    }
    expect(suggestMapping(["country", "name", "address", "sector", "lat", "lng"])).toEqual([
      "country",
      "name",
      "address",
      "sector",
      "latitude",
      "longitude",
    ]);
    expect(suggestMapping(["Latitude", "Lon"])).toEqual(["latitude", "longitude"]);
    expect(suggestMapping(["latitude", "longitude"])).toEqual(["latitude", "longitude"]);
  });
});
