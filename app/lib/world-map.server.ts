// The world outline and country centres, from Natural Earth as shipped by the world-atlas package
// (public domain), read and projected once per process: nothing is fetched at run time.
//   - the land outline (1:110m, small enough for a page) as one SVG path, in the maps'
//     equirectangular frame (app/domain/map/geo.ts);
//   - each country's centre (1:50m, which still has Singapore, Hong Kong, Mauritius…): a point
//     inside its largest polygon, so France sits in France and not between it and French Guiana.
import { createRequire } from "node:module";
import { geoArea, geoBounds, geoCentroid, geoContains, geoEquirectangular, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import countryCodes from "i18n-iso-countries";
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPolygon, Polygon } from "geojson";
import type { Topology } from "topojson-specification";
import { UNITS, WORLD_HEIGHT, WORLD_WIDTH } from "~/domain/map/geo";

const require = createRequire(import.meta.url);

let outline: { land: string; borders: string } | undefined;
let shapes: Map<string, Polygon | MultiPolygon> | undefined;
const centres = new Map<string, { latitude: number; longitude: number } | undefined>();

/**
 * The land of the world and the borders between countries, as two SVG paths in the maps' frame
 * (integer units: 0.1°), from the 1:110m outlines (about 30 KB gzipped together).
 */
export function worldOutline(): { land: string; borders: string } {
  if (outline) return outline;
  const path = geoPath(
    geoEquirectangular()
      .scale((180 / Math.PI) * UNITS)
      .translate([WORLD_WIDTH / 2, WORLD_HEIGHT / 2]),
  ).digits(0);
  const landTopo = require("world-atlas/land-110m.json") as Topology;
  const countries = require("world-atlas/countries-110m.json") as Topology;
  const land = feature(landTopo, landTopo.objects.land!) as Feature | FeatureCollection;
  // Shared arcs only: each border once, coastlines left to the land's own edge.
  const borders = mesh(countries, countries.objects.countries as Parameters<typeof mesh>[1], (a, b) => a !== b);
  outline = { land: path(land) ?? "", borders: path(borders) ?? "" };
  return outline;
}

function largestPolygon(g: Geometry): Polygon | MultiPolygon {
  if (g.type === "Polygon") return g;
  if (g.type !== "MultiPolygon") return { type: "Polygon", coordinates: [] };
  let best: Polygon = { type: "Polygon", coordinates: g.coordinates[0] ?? [] };
  let area = -1;
  for (const rings of g.coordinates) {
    const p: Polygon = { type: "Polygon", coordinates: rings };
    const a = geoArea(p);
    if (a > area) [best, area] = [p, a];
  }
  return best;
}

/**
 * A point inside the polygon: its centroid when that is inside, else (a curved country such as
 * Vietnam, whose centroid lies in Laos) the point of a grid of about 400 cells that lies farthest
 * from the outline (measured to at most 300 of its vertices: a few milliseconds, not a second).
 */
function insidePoint(p: Polygon | MultiPolygon): [number, number] {
  const c = geoCentroid(p);
  if (geoContains(p, c)) return c;
  const all = (p.type === "Polygon" ? [p.coordinates] : p.coordinates).flat(2);
  const stride = Math.max(1, Math.ceil(all.length / 300));
  const vertices = all.filter((_, i) => i % stride === 0);
  const [[x0, y0], [x1, y1]] = geoBounds(p);
  const step = Math.max(0.1, Math.sqrt(((x1 - x0) * (y1 - y0)) / 400));
  let best = c;
  let bestDistance = -1;
  for (let y = y0 + step / 2; y <= y1; y += step) {
    const k = Math.cos((y * Math.PI) / 180);
    for (let x = x0 + step / 2; x <= x1; x += step) {
      if (!geoContains(p, [x, y])) continue;
      let d = Infinity;
      for (const v of vertices) d = Math.min(d, ((v[0]! - x) * k) ** 2 + (v[1]! - y) ** 2);
      if (d > bestDistance) [best, bestDistance] = [[x, y], d];
    }
  }
  return best;
}

/** Where to draw a country's figures (ISO 3166-1 alpha-2); undefined when Natural Earth has no shape for it. */
export function countryCentre(iso2: string): { latitude: number; longitude: number } | undefined {
  if (!shapes) {
    const topo = require("world-atlas/countries-50m.json") as Topology;
    const all = feature(topo, topo.objects.countries!) as FeatureCollection<Geometry, GeoJsonProperties>;
    shapes = new Map();
    for (const f of all.features) {
      // Natural Earth ids are ISO 3166-1 numeric codes; a few disputed areas have none.
      const code = f.id == null ? undefined : countryCodes.numericToAlpha2(String(f.id));
      if (code && f.geometry && !shapes.has(code)) shapes.set(code, largestPolygon(f.geometry));
    }
  }
  const code = iso2.toUpperCase();
  // Each country once, when first asked for (a few curved ones take tens of milliseconds).
  if (!centres.has(code)) {
    const shape = shapes.get(code);
    const at = shape && insidePoint(shape);
    centres.set(code, at && { latitude: Math.round(at[1] * 100) / 100, longitude: Math.round(at[0] * 100) / 100 });
  }
  return centres.get(code);
}
