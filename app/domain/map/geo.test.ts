import { describe, expect, it } from "vitest";
import {
  countriesFromCells,
  drawOrder,
  fitView,
  formatCoordinates,
  project,
  regionView,
  worstBand,
  WORLD_HEIGHT,
  WORLD_VIEW,
  WORLD_WIDTH,
} from "./geo";

describe("map geometry", () => {
  it("projects longitude to x and latitude to y, north up", () => {
    expect(project(0, -180)).toEqual({ x: 0, y: 900 });
    expect(project(90, 180)).toEqual({ x: WORLD_WIDTH, y: 0 });
    expect(project(23.8103, 90.4125)).toEqual({ x: 2704.1, y: 661.9 });
  });

  it("formats coordinates latitude first, without float noise", () => {
    expect(formatCoordinates(23.8103, 90.4125)).toBe("23.8103, 90.4125");
    expect(formatCoordinates(-33.9249, 18.4241)).toBe("-33.9249, 18.4241");
    expect(formatCoordinates(0.1 + 0.2, 10)).toBe("0.3, 10");
  });

  it("frames points with a margin at the asked aspect, never smaller than the minimum, inside the world", () => {
    const dhaka = project(23.81, 90.41);
    const v = fitView([dhaka], { aspect: 2, minWidth: 600 });
    expect(v.width).toBe(600);
    expect(v.height).toBe(300);
    expect(dhaka.x).toBeGreaterThan(v.x);
    expect(dhaka.x).toBeLessThan(v.x + v.width);
    expect(dhaka.y).toBeGreaterThan(v.y);
    expect(dhaka.y).toBeLessThan(v.y + v.height);
    // Far apart: the whole world; nothing at all: the whole world too.
    expect(fitView([project(60, -150), project(-40, 170)])).toEqual(WORLD_VIEW);
    expect(fitView([])).toEqual(WORLD_VIEW);
    // Near the edge: shifted inside, not cut.
    const edge = fitView([project(80, 179)], { aspect: 2, minWidth: 600 });
    expect(edge.x + edge.width).toBeLessThanOrEqual(WORLD_WIDTH);
    expect(edge.y).toBeGreaterThanOrEqual(0);
    const south = regionView(-89, -179);
    expect(south.x).toBe(0);
    expect(south.y + south.height).toBe(WORLD_HEIGHT);
  });

  it("names the worst band present, and orders points worst last", () => {
    expect(worstBand({ low: 3, high: 1 })).toBe("high");
    expect(worstBand({ none: 2 })).toBe("none");
    expect(worstBand({})).toBe("none");
    const order = drawOrder([
      { id: 1, band: "critical" as const, score: 90 },
      { id: 2, band: "low" as const, score: 10 },
      { id: 3, band: "none" as const, score: null },
      { id: 4, band: "critical" as const, score: 75 },
    ]);
    expect(order.map((p) => p.id)).toEqual([3, 2, 4, 1]);
  });

  it("sums cube rows by country, worst and largest first, keeping countries it cannot place", () => {
    const rows = countriesFromCells(
      [
        { country: "BD", band: "low", suppliers: 5 },
        { country: "BD", band: "high", suppliers: 2 },
        { country: "VN", band: "low", suppliers: 40 },
        { country: "CN", band: "critical", suppliers: 1 },
        { country: "BD", band: "high", suppliers: 1 },
        { country: "XK", band: "none", suppliers: 3 },
        { country: "", band: "low", suppliers: 9 },
      ],
      (iso2) => ({ name: iso2 === "BD" ? "Bangladesh" : iso2, at: iso2 === "XK" ? null : { latitude: 0, longitude: 0 } }),
    );
    expect(rows.map((r) => [r.country, r.suppliers, r.worst])).toEqual([
      ["CN", 1, "critical"],
      ["BD", 8, "high"],
      ["VN", 40, "low"],
      ["XK", 3, "none"],
    ]);
    expect(rows[1]!.bands).toEqual({ critical: 0, high: 3, medium: 0, low: 5, none: 0 });
    expect(rows[3]!.at).toBeNull();
  });
});
