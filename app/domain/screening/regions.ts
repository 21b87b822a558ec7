// Whether a supplier's site lies in a region that regulators single out. A supplier record has a
// country and (optionally) coordinates, but no province: North Korea is a whole country; Turkmen
// cotton is the country and the good; Xinjiang is decided from the coordinates against a simplified
// outline of the region (about 30 points, within a few tens of kilometres of the real border). A site
// near that border can be placed on the wrong side, which is why such a match is only a candidate,
// and its reason says the placement is approximate. Pure module.

/** Xinjiang's outline as [longitude, latitude] points, clockwise from the Irkeshtam pass (simplified by hand). */
const XINJIANG: ReadonlyArray<readonly [number, number]> = [
  [73.5, 39.5],
  [73.8, 38.5],
  [74.9, 37.3],
  [75.5, 36.8],
  [77.8, 35.6],
  [80.3, 35.6],
  [84.0, 36.2],
  [89.5, 36.0],
  [90.6, 36.4],
  [91.0, 37.9],
  [93.0, 40.0],
  [94.5, 41.0],
  [95.1, 41.8],
  [96.4, 42.7],
  [95.5, 44.2],
  [93.5, 45.0],
  [91.0, 45.4],
  [90.5, 46.8],
  [90.1, 47.9],
  [88.5, 48.5],
  [87.3, 49.2],
  [85.6, 47.1],
  [83.0, 47.2],
  [82.3, 45.6],
  [80.4, 45.0],
  [80.8, 43.2],
  [80.2, 42.1],
  [77.5, 41.0],
  [75.4, 40.5],
  [73.9, 39.7],
];

/** Ray casting: whether the point lies inside the polygon. */
function inside(lon: number, lat: number, poly: ReadonlyArray<readonly [number, number]>): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

export interface Site {
  country: string;
  latitude: number | null;
  longitude: number | null;
}

/** The singled-out region keys whose territory holds the site (goods conditions are the matcher's). */
export function regionsOfSite(site: Site): string[] {
  const out: string[] = [];
  if (site.country === "CN" && site.latitude !== null && site.longitude !== null && inside(site.longitude, site.latitude, XINJIANG)) {
    out.push("xinjiang");
  }
  if (site.country === "TM") out.push("turkmenistan_cotton");
  if (site.country === "KP") out.push("north_korea");
  return out;
}
