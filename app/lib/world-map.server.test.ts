import { describe, expect, it } from "vitest";
import { countryCentre, worldOutline } from "./world-map.server";

describe("world outline", () => {
  it("draws the land and the borders as small paths in the map's frame", () => {
    const o = worldOutline();
    for (const d of [o.land, o.borders]) {
      expect(d.startsWith("M")).toBe(true);
      const numbers = d.match(/-?\d+/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(3600);
    }
    // Small enough to send once and cache: the 1:110m outlines at 0.1° precision.
    expect(o.land.length + o.borders.length).toBeLessThan(100_000);
    expect(worldOutline()).toBe(o); // computed once
  });

  it("places a country at the centre of its largest part, small countries included", () => {
    const bd = countryCentre("BD")!;
    expect(bd.latitude).toBeGreaterThan(22);
    expect(bd.latitude).toBeLessThan(26);
    expect(bd.longitude).toBeGreaterThan(88);
    expect(bd.longitude).toBeLessThan(92);
    const fr = countryCentre("fr")!;
    expect(fr.longitude).toBeGreaterThan(-5); // mainland France, not pulled towards French Guiana
    expect(fr.latitude).toBeGreaterThan(42);
    // Inside a curved country, not in its neighbour (Vietnam's centroid lies in Laos).
    const vn = countryCentre("VN")!;
    expect(vn.longitude).toBeGreaterThan(104.5);
    expect(countryCentre("SG")).toBeDefined();
    expect(countryCentre("HK")).toBeDefined();
    expect(countryCentre("ZZ")).toBeUndefined();
  });
});
