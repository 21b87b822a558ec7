import { describe, expect, it } from "vitest";
import { placementLabel, placementOf } from "./placement";
import type { TipProxy } from "./types";
import type { TipPlacement } from "./types";

const tip = new Map<string, TipPlacement>([
  ["US", { iso2: "US", tier: "Tier 1", year: 2025 }],
  ["FR", { iso2: "FR", tier: "Tier 1", year: 2025 }],
  ["AW", { iso2: "AW", tier: "Tier 2", year: 2025 }],
  ["NL", { iso2: "NL", tier: "Tier 1", year: 2025 }],
]);
const proxy = (iso2: string, proxyIso2: string, kind: TipProxy["kind"] = "sovereign"): [string, TipProxy] => [
  iso2,
  { iso2, proxyIso2, kind, rationale: `${iso2} stands with ${proxyIso2}` },
];
const proxies = new Map<string, TipProxy>([
  proxy("PR", "US"),
  proxy("MC", "FR", "neighbour"),
  proxy("AW", "NL"),
  proxy("XX", "YY"), // a stand-in without a placement of its own
  proxy("ZZ", "PR"), // never chained: PR's placement is itself a stand-in
]);
const NAMES: Record<string, string> = { US: "United States", PR: "Puerto Rico", FR: "France", MC: "Monaco" };
const name = (iso2: string) => NAMES[iso2] ?? iso2;

describe("the TIP placement that counts for a country", () => {
  it("is the country's own when the report ranks it, even when a stand-in is on file (Aruba)", () => {
    expect(placementOf("US", tip, proxies)).toEqual({ placement: tip.get("US"), standIn: null });
    expect(placementOf("AW", tip, proxies)).toEqual({ placement: tip.get("AW"), standIn: null });
  });

  it("is the sovereign's for a territory, and a neighbour's for a micro-state, named as such", () => {
    const pr = placementOf("PR", tip, proxies)!;
    expect(pr.placement).toEqual(tip.get("US"));
    expect(pr.standIn).toMatchObject({ iso2: "US", kind: "sovereign" });
    expect(placementLabel("PR", pr, name)).toBe("TIP 2025 Tier 1 (United States, for Puerto Rico)");
    const mc = placementOf("MC", tip, proxies)!;
    expect(mc.standIn).toMatchObject({ iso2: "FR", kind: "neighbour" });
    expect(placementLabel("MC", mc, name)).toBe("TIP 2025 Tier 1 (France, for Monaco)");
    expect(placementLabel("US", placementOf("US", tip, proxies)!, name)).toBe("TIP 2025 Tier 1");
  });

  it("is no data when nothing stands for the country, or the stand-in has no placement", () => {
    expect(placementOf("QQ", tip, proxies)).toBeNull();
    expect(placementOf("XX", tip, proxies)).toBeNull();
    expect(placementOf("ZZ", tip, proxies)).toBeNull();
  });
});
