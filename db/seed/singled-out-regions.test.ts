// The regions that regulators single out are reference data (singled-out-regions.csv, a source per
// row) and typed data in the domain (app/domain/singled-out-regions.ts): the two must say the same.
import { describe, expect, it } from "vitest";
import { SINGLED_OUT_REGIONS } from "~/domain/singled-out-regions";
import { readReferenceCsv } from "./reference";

describe("the regions singled out by regulators", () => {
  const csv = readReferenceCsv("singled-out-regions");

  it("are the same in the CSV and in the domain module, row by row", () => {
    expect(csv.skipped).toBe(0);
    expect(csv.rows.map(({ source: _source, ...rest }) => rest)).toEqual(SINGLED_OUT_REGIONS.map((r) => ({ ...r })));
  });

  it("each have a public source, and include Xinjiang under the UFLPA", () => {
    for (const r of csv.rows) expect(r.source, r.key).toMatch(/^https:\/\/\S+/);
    expect(csv.rows.find((r) => r.key === "xinjiang")).toMatchObject({ iso2: "CN", subdivision: "CN-XJ" });
    expect(csv.rows.find((r) => r.key === "xinjiang")!.instrument).toMatch(/Uyghur Forced Labor Prevention Act/);
    expect(csv.rows.find((r) => r.key === "xinjiang")!.materials).toMatch(/cotton.*tomatoes.*polysilicon/);
  });
});
