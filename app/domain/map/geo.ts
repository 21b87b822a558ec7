// The maps' geometry and aggregates: an equirectangular world (x = longitude, y = latitude, ten
// units a degree), so the browser places a point with two sums and needs no projection library;
// the world outline itself is drawn once on the server in the same frame (app/lib/world-map.server.ts).
// Pure module: no node, kysely, remix or react imports.
import { BANDS, type Band, type BandCounts } from "~/domain/report/types";

/** Units per degree. At 3600 × 1800 units, integers keep 0.1° (about 10 km), plenty for a site. */
export const UNITS = 10;
export const WORLD_WIDTH = 360 * UNITS;
export const WORLD_HEIGHT = 180 * UNITS;

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The world without Antarctica and the polar seas, where no supplier sits. */
export const WORLD_VIEW: ViewBox = { x: 0, y: (90 - 84) * UNITS, width: WORLD_WIDTH, height: (84 + 58) * UNITS };

export function project(latitude: number, longitude: number): { x: number; y: number } {
  return { x: Math.round((longitude + 180) * UNITS * 10) / 10, y: Math.round((90 - latitude) * UNITS * 10) / 10 };
}

export function viewBoxAttr(v: ViewBox): string {
  return `${v.x} ${v.y} ${v.width} ${v.height}`;
}

/** "23.8103, 90.4125": latitude first, as maps and GPS show it; at most 6 decimals (about 10 cm). */
export function formatCoordinates(latitude: number, longitude: number): string {
  const f = (n: number) => String(Math.round(n * 1e6) / 1e6);
  return `${f(latitude)}, ${f(longitude)}`;
}

function clampView(v: ViewBox): ViewBox {
  const width = Math.min(v.width, WORLD_WIDTH);
  const height = Math.min(v.height, WORLD_HEIGHT);
  return {
    x: Math.min(Math.max(v.x, 0), WORLD_WIDTH - width),
    y: Math.min(Math.max(v.y, 0), WORLD_HEIGHT - height),
    width,
    height,
  };
}

/**
 * The frame that shows every point with a margin, at `aspect` (width / height) and at least
 * `minWidth` units wide (one factory alone would otherwise fill the map); the whole world when empty.
 */
export function fitView(
  points: ReadonlyArray<{ x: number; y: number }>,
  opts: { aspect?: number; minWidth?: number; margin?: number } = {},
): ViewBox {
  const aspect = opts.aspect ?? WORLD_VIEW.width / WORLD_VIEW.height;
  const minWidth = opts.minWidth ?? 60 * UNITS;
  const margin = opts.margin ?? 4 * UNITS;
  if (!points.length) return WORLD_VIEW;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  let width = Math.max(x1 - x0 + 2 * margin, minWidth);
  let height = y1 - y0 + 2 * margin;
  if (width / height < aspect) width = height * aspect;
  else height = width / aspect;
  // Most of the world anyway: show all of it rather than an odd cut.
  if (width >= WORLD_VIEW.width * 0.8 || height >= WORLD_VIEW.height * 0.8) return WORLD_VIEW;
  return clampView({ x: (x0 + x1) / 2 - width / 2, y: (y0 + y1) / 2 - height / 2, width, height });
}

/** The region around one site: `spanDegrees` of longitude wide, at `aspect`. */
export function regionView(latitude: number, longitude: number, spanDegrees = 40, aspect = 2): ViewBox {
  const c = project(latitude, longitude);
  const width = spanDegrees * UNITS;
  const height = width / aspect;
  return clampView({ x: c.x - width / 2, y: c.y - height / 2, width, height });
}

/** The worst band with any supplier in it; "none" only when none of them is scored. */
export function worstBand(counts: Partial<BandCounts>): Band {
  return BANDS.find((b) => (counts[b] ?? 0) > 0) ?? "none";
}

/** One supplier on the dashboard's map. */
export interface MapPoint {
  id: number;
  name: string;
  country: string;
  countryName: string;
  latitude: number;
  longitude: number;
  score: number | null;
  band: Band;
}

/** All suppliers of one country (matching the filters), drawn at the country's centre. */
export interface MapCountry {
  country: string;
  name: string;
  suppliers: number;
  bands: BandCounts;
  worst: Band;
  /** Where the country is drawn; null when the outline has no such country (it is listed, not drawn). */
  at: { latitude: number; longitude: number } | null;
}

export type DashboardMap =
  { mode: "points"; points: MapPoint[]; suppliers: number } | { mode: "countries"; countries: MapCountry[]; suppliers: number };

/** Sums cube rows (country × band × …) by country, worst countries first, then the largest. */
export function countriesFromCells(
  cells: ReadonlyArray<{ country: string; band: Band; suppliers: number }>,
  lookup: (iso2: string) => { name: string; at: MapCountry["at"] },
): MapCountry[] {
  const by = new Map<string, BandCounts>();
  for (const c of cells) {
    if (!c.country || c.suppliers <= 0) continue;
    let counts = by.get(c.country);
    if (!counts) by.set(c.country, (counts = { critical: 0, high: 0, medium: 0, low: 0, none: 0 }));
    counts[c.band] += c.suppliers;
  }
  const rank = (b: Band) => BANDS.indexOf(b);
  return [...by]
    .map(([country, bands]) => {
      const { name, at } = lookup(country);
      const suppliers = BANDS.reduce((s, b) => s + bands[b], 0);
      return { country, name, suppliers, bands, worst: worstBand(bands), at };
    })
    .sort((a, b) => rank(a.worst) - rank(b.worst) || b.suppliers - a.suppliers || a.name.localeCompare(b.name, "en"));
}

/** Points drawn worst last, so a critical site is never hidden under a low one nearby. */
export function drawOrder<T extends { band: Band; score: number | null }>(points: readonly T[]): T[] {
  const rank = (b: Band) => BANDS.indexOf(b);
  return [...points].sort((a, b) => rank(b.band) - rank(a.band) || (a.score ?? -1) - (b.score ?? -1));
}
