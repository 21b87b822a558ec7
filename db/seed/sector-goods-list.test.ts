// The sector table (app/domain/risk/sector-goods.ts) names TVPRA goods: each must be spelled as on
// the shipped list, or it would never match a listing and a likely good would count as unlisted.
import { describe, expect, it } from "vitest";
import { SECTOR_GOODS } from "~/domain/risk/sector-goods";
import { readReferenceCsv } from "./reference";

describe("the sector table against the TVPRA list", () => {
  it("names only goods that are on the list", () => {
    const listed = new Set(readReferenceCsv("tvpra-goods").rows.map((r) => r.good));
    const missing = SECTOR_GOODS.flatMap((row) => row.goods.filter((g) => !listed.has(g)).map((g) => `${row.sector}: ${g}`));
    expect(missing).toEqual([]);
  });
});
