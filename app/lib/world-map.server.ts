// The world outline and country centres, from Natural Earth as shipped by the world-atlas package
// (public domain), read and projected once per process: nothing is fetched at run time.
//   - the land outline (1:110m, small enough for a page) as one SVG path, in the maps'
//     equirectangular frame (app/domain/map/geo.ts);
//   - each country's centre (1:50m, which still has Singapore, Hong Kong, Mauritius…): the centroid
//     of its largest polygon, so France sits in France and not between it and French Guiana.
import { createRequire } from "node:module";
import { geoArea, geoCentroid, geoEquirectangular, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import countryCodes from "i18n-iso-countries";
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPolygon, Polygon } from "geojson";
import type { Topology } from "topojson-specification";
import { UNITS, WORLD_HEIGHT, WORLD_WIDTH } from "../domain/map/geo";

const require = createRequire(import.meta.url);

let outline: { land: string; borders: string } | undefined;
let centres: Map<string, { latitude: number; longitude: number }> | undefined;

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

/** Where to draw a country's figures (ISO 3166-1 alpha-2); undefined when Natural Earth has no shape for it. */
export function countryCentre(iso2: string): { latitude: number; longitude: number } | undefined {
  if (!centres) {
    const topo = require("world-atlas/countries-50m.json") as Topology;
    const all = feature(topo, topo.objects.countries!) as FeatureCollection<Geometry, GeoJsonProperties>;
    const out = new Map<string, { latitude: number; longitude: number }>();
    for (const f of all.features) {
      // Natural Earth ids are ISO 3166-1 numeric codes; a few disputed areas have none.
      const code = f.id == null ? undefined : countryCodes.numericToAlpha2(String(f.id));
      if (!code || !f.geometry || out.has(code)) continue;
      const [longitude, latitude] = geoCentroid(largestPolygon(f.geometry));
      out.set(code, { latitude: Math.round(latitude * 100) / 100, longitude: Math.round(longitude * 100) / 100 });
    }
    centres = out;
  }
  return centres.get(iso2.toUpperCase());
}
