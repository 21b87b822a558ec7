import { describe, expect, it } from "vitest";
import { diffSupplier, type ExistingSupplier, type SupplierValues } from "./diff";

const base: SupplierValues = {
  externalRef: "V-1",
  name: "Acme",
  nameNorm: "acme",
  country: "CN",
  address: null,
  city: "Shenzhen",
  latitude: null,
  longitude: null,
  sector: null,
  goods: ["Cotton", "Garments"],
  annualSpend: 1200.5,
  currency: "USD",
  workersCount: 100,
  contactName: null,
  contactEmail: null,
  osId: null,
  duns: null,
  lei: null,
  taxId: null,
  notes: null,
  status: "active",
  suppliesTo: ["B-1", "B-2"],
};

describe("diffSupplier", () => {
  it("is new when nothing matches", () => {
    expect(diffSupplier(base, undefined)).toEqual({ kind: "new", changes: [] });
  });

  it("is unchanged when only list order, number spelling or empty-list vs null differ", () => {
    const existing: ExistingSupplier = {
      ...base,
      goods: ["Garments", "Cotton"],
      suppliesTo: ["B-2", "B-1"],
      annualSpend: 1200.5000000000002,
    };
    expect(diffSupplier(base, existing)).toEqual({ kind: "unchanged", changes: [] });
    expect(diffSupplier({ ...base, goods: [] }, { ...existing, goods: [] })).toEqual({ kind: "unchanged", changes: [] });
  });

  it("lists changed fields in field order", () => {
    const existing: ExistingSupplier = {
      ...base,
      name: "ACME",
      city: null,
      goods: ["Cotton"],
      annualSpend: 1200,
      workersCount: null,
      status: "archived",
      suppliesTo: ["B-1"],
    };
    expect(diffSupplier(base, existing)).toEqual({
      kind: "changed",
      changes: ["name", "city", "goods", "annual_spend", "workers_count", "status", "supplies_to"],
    });
  });

  it("only compares the fields the file maps", () => {
    const existing: ExistingSupplier = { ...base, notes: "kept", contactEmail: "x@example.com", city: "Dongguan" };
    expect(diffSupplier({ ...base }, existing, ["external_ref", "name", "country"])).toEqual({ kind: "unchanged", changes: [] });
    expect(diffSupplier({ ...base }, existing, ["name", "city"])).toEqual({ kind: "changed", changes: ["city"] });
  });

  it("treats a removed supplies_to as a change (back to tier 1)", () => {
    expect(diffSupplier({ ...base, suppliesTo: [] }, base).changes).toEqual(["supplies_to"]);
  });
});
