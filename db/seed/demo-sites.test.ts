import { describe, expect, it } from "vitest";
import { DEMO_ORGS, demoSite } from "./demo";

describe("demo sites", () => {
  it("places every demo supplier near its city, in range, the same way every time, and no two on the same spot", () => {
    for (const org of DEMO_ORGS) {
      const seen = new Set<string>();
      for (const s of org.suppliers) {
        const at = demoSite(org.slug, s);
        expect(at).toEqual(demoSite(org.slug, s));
        expect(Math.abs(at.latitude)).toBeLessThanOrEqual(90);
        expect(Math.abs(at.longitude)).toBeLessThanOrEqual(180);
        const key = `${at.latitude},${at.longitude}`;
        expect(seen.has(key), `${org.slug} ${s.name}`).toBe(false);
        seen.add(key);
      }
    }
    const dhaka = DEMO_ORGS[0]!.suppliers.find((s) => s.city === "Gazipur")!;
    const at = demoSite("acme", dhaka);
    expect(Math.abs(at.latitude - 23.9999)).toBeLessThan(0.03);
    expect(Math.abs(at.longitude - 90.4203)).toBeLessThan(0.03);
  });

  it("refuses a demo city it has no centre for, rather than inventing a position", () => {
    expect(() => demoSite("acme", { ...DEMO_ORGS[0]!.suppliers[0]!, city: "Atlantis" })).toThrow(/no coordinates for Atlantis/);
  });
});
