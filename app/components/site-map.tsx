// Maps of supplier sites: the supplier page's location map and the dashboard's supplier map.
// Server-rendered SVG over the world outline image (/map/world.svg, drawn once on the server from
// the world-atlas package): no map script, no tiles, nothing from another origin. Points are real
// links with names; a table holds the same figures for anyone who cannot use the map.
import { useId, type ReactNode } from "react";
import { Link } from "@remix-run/react";
import {
  fitView,
  formatCoordinates,
  project,
  regionView,
  UNITS,
  viewBoxAttr,
  WORLD_HEIGHT,
  WORLD_WIDTH,
  type DashboardMap,
  type MapCountry,
  type MapPoint,
  type ViewBox,
} from "~/domain/map/geo";
import { BAND_LABELS, BANDS, type Band, type DashboardFilter } from "~/domain/report/types";
import { supplierListHref } from "~/domain/report/links";
import { BAND_COLORS } from "./charts/chart-kit";

import { formatNumber, formatScore } from "./format";

/** "high risk 72.4", "not scored". */
function riskText(band: Band, score: number | null): string {
  if (band === "none" || score === null) return "not scored";
  return `${BAND_LABELS[band].toLowerCase()} risk ${formatScore(score)}`;
}

function MapFrame({ view, labelledBy, children }: { view: ViewBox; labelledBy: string; children: ReactNode }) {
  return (
    <svg className="site-map-svg" viewBox={viewBoxAttr(view)} role="group" aria-labelledby={labelledBy} preserveAspectRatio="xMidYMid meet">
      <rect x={0} y={0} width={WORLD_WIDTH} height={WORLD_HEIGHT} fill="#f1f6fb" />
      <image href="/map/world.svg" x={0} y={0} width={WORLD_WIDTH} height={WORLD_HEIGHT} preserveAspectRatio="none" aria-hidden="true" />
      {children}
    </svg>
  );
}

/**
 * A dot of `size` screen pixels at (x, y), whatever the map's zoom: a zero-length line with round
 * caps and a non-scaling stroke, over a white ring that keeps it apart from its neighbours.
 */
function Dot({
  x,
  y,
  size,
  color,
  title,
  site,
  hit,
}: {
  x: number;
  y: number;
  size: number;
  color: string;
  title?: string;
  site?: boolean;
  hit: number;
}) {
  const d = `M${x} ${y}h0`;
  return (
    <>
      {/* A line has no area: this clear disc (in map units) gives the dot a box to click, tap and focus around. */}
      <circle cx={x} cy={y} r={hit} fill="#000000" fillOpacity={0} />
      <path
        d={d}
        stroke="#ffffff"
        strokeWidth={size + 3}
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
        className={`site-map-halo${site ? " is-site" : ""}`}
      />
      <path
        d={d}
        stroke={color}
        strokeWidth={size}
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
        className={`site-map-dot${site ? " is-site" : ""}`}
      >
        {title ? <title>{title}</title> : null}
      </path>
    </>
  );
}

function Legend({ bands }: { bands: readonly Band[] }) {
  return (
    <ul className="site-map-legend" aria-label="Colours of the risk bands">
      {bands.map((b) => (
        <li key={b}>
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill={BAND_COLORS[b]} stroke="#ffffff" strokeWidth="1" />
          </svg>{" "}
          {BAND_LABELS[b]}
        </li>
      ))}
    </ul>
  );
}

// ---- The supplier page ----

interface LocationProps {
  name: string;
  latitude: number | null;
  longitude: number | null;
  /** The current band as stored (a band name), null when not scored or not shown to this person. */
  band: string | null;
  score: number | null;
  /** The edit page, when this person may add coordinates. */
  editHref?: string;
}

/** Where one site is: its region, the site coloured by its band. Nothing to draw without coordinates. */
export function LocationMap({ name, latitude, longitude, band, score, editHref }: LocationProps) {
  const id = useId();
  if (latitude === null || longitude === null) {
    return (
      <section className="card site-map" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Location</h2>
        <p className="muted">
          No coordinates recorded for this site.{" "}
          {editHref ? (
            <>
              <Link to={editHref}>Add its latitude and longitude</Link> to place it on the maps.
            </>
          ) : null}
        </p>
      </section>
    );
  }
  const at = project(latitude, longitude);
  const view = regionView(latitude, longitude, 30, 2);
  const b: Band = BANDS.find((x) => x === band) ?? "none";
  const label = `${name}, ${riskText(b, score)}, at ${formatCoordinates(latitude, longitude)}`;
  return (
    <section className="card site-map" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Location</h2>
      <figure className="site-map-figure">
        <MapFrame view={view} labelledBy={`${id}-cap`}>
          <g role="img" aria-label={label}>
            <path
              d={`M${at.x} ${at.y}h0`}
              stroke={BAND_COLORS[b]}
              strokeOpacity={0.25}
              strokeWidth={40}
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
            />
            <Dot x={at.x} y={at.y} size={14} color={BAND_COLORS[b]} title={label} hit={view.width / 80} />
          </g>
        </MapFrame>
        <figcaption id={`${id}-cap`} className="small muted">
          Map of the region around {name}, at {formatCoordinates(latitude, longitude)} (latitude, longitude); the site is drawn in the
          colour of its risk band ({riskText(b, score)}).
        </figcaption>
      </figure>
    </section>
  );
}

// ---- The dashboard ----

interface SupplierMapProps {
  map: DashboardMap;
  filter: DashboardFilter;
  slug: string;
  /** May this person open the supplier list and pages? Without it the map shows, and links nothing. */
  linkable: boolean;
}

function pointLabel(p: MapPoint): string {
  return `${p.name}, ${riskText(p.band, p.score)}`;
}

function countryLabel(c: MapCountry): string {
  const n = c.suppliers === 1 ? "1 supplier" : `${formatNumber(c.suppliers)} suppliers`;
  return `${c.name}: ${n}, worst band ${BAND_LABELS[c.worst].toLowerCase()}`;
}

function Linked({ href, label, linkable, children }: { href: string; label: string; linkable: boolean; children: ReactNode }) {
  if (!linkable)
    return (
      <g role="img" aria-label={label}>
        {children}
      </g>
    );
  return (
    <a href={href} aria-label={label} className="site-map-link">
      {children}
    </a>
  );
}

function PointsTable({ points, slug, linkable }: { points: MapPoint[]; slug: string; linkable: boolean }) {
  return (
    <table className="table site-map-table">
      <caption className="sr-only">Sites on the map</caption>
      <thead>
        <tr>
          <th scope="col">Supplier</th>
          <th scope="col">Country</th>
          <th scope="col">Risk</th>
          <th scope="col">Coordinates</th>
        </tr>
      </thead>
      <tbody>
        {[...points].reverse().map((p) => (
          <tr key={p.id}>
            <td>{linkable ? <Link to={`/o/${slug}/suppliers/${p.id}`}>{p.name}</Link> : p.name}</td>
            <td>{p.countryName}</td>
            <td>{riskText(p.band, p.score)}</td>
            <td className="nowrap">{formatCoordinates(p.latitude, p.longitude)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CountriesTable({
  countries,
  listHref,
  linkable,
}: {
  countries: MapCountry[];
  listHref: (country?: string) => string;
  linkable: boolean;
}) {
  return (
    <table className="table site-map-table">
      <caption className="sr-only">Suppliers by country</caption>
      <thead>
        <tr>
          <th scope="col">Country</th>
          <th scope="col" className="num">
            Suppliers
          </th>
          {BANDS.map((b) => (
            <th key={b} scope="col" className="num">
              {BAND_LABELS[b]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {countries.map((c) => (
          <tr key={c.country}>
            <td>{linkable ? <Link to={listHref(c.country)}>{c.name}</Link> : c.name}</td>
            <td className="num">{formatNumber(c.suppliers)}</td>
            {BANDS.map((b) => (
              <td key={b} className="num">
                {formatNumber(c.bands[b])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the suppliers matching the dashboard's filters are: each site when few, countries when many. */
export function SupplierMap({ map, filter, slug, linkable }: SupplierMapProps) {
  const id = useId();
  const listHref = (country?: string) => supplierListHref(slug, filter, country ? { country } : {});
  let drawing: ReactNode;
  let caption: string;
  let table: ReactNode;
  if (map.mode === "points") {
    const placed = map.points.map((p) => ({ p, at: project(p.latitude, p.longitude) }));
    const view = fitView(
      placed.map((x) => x.at),
      { aspect: 2.2, margin: 8 * UNITS },
    );
    const missing = map.suppliers - map.points.length;
    const sites = map.points.length === 1 ? "1 site" : `${formatNumber(map.points.length)} sites`;
    const undrawn = missing > 0 ? `; ${formatNumber(missing)} without coordinates ${missing === 1 ? "is" : "are"} not drawn` : "";
    caption = `${sites} of the ${formatNumber(map.suppliers)} suppliers matching these filters, coloured by risk band${undrawn}.`;
    drawing = (
      <MapFrame view={view} labelledBy={`${id}-cap`}>
        {placed.map(({ p, at }) => (
          <Linked key={p.id} href={`/o/${slug}/suppliers/${p.id}`} label={pointLabel(p)} linkable={linkable}>
            <Dot x={at.x} y={at.y} size={10} color={BAND_COLORS[p.band]} title={pointLabel(p)} site hit={view.width / 190} />
          </Linked>
        ))}
      </MapFrame>
    );
    table = <PointsTable points={map.points} slug={slug} linkable={linkable} />;
  } else {
    const drawn = map.countries.filter((c): c is MapCountry & { at: NonNullable<MapCountry["at"]> } => c.at !== null);
    const placed = drawn.map((c) => ({ c, at: project(c.at.latitude, c.at.longitude) }));
    const view = fitView(
      placed.map((x) => x.at),
      { aspect: 2.2, margin: 10 * UNITS },
    );
    const most = Math.max(1, ...drawn.map((c) => c.suppliers));
    caption =
      `The ${formatNumber(map.suppliers)} suppliers matching these filters, by country: ` +
      "each circle's area follows the number of suppliers, its colour the worst risk band among them.";
    drawing = (
      <MapFrame view={view} labelledBy={`${id}-cap`}>
        {/* Largest first, so small countries stay on top and clickable. */}
        {[...placed]
          .sort((a, b) => b.c.suppliers - a.c.suppliers)
          .map(({ c, at }) => {
            // Area follows the count: from 10 to 46 px across on a 1000 px wide map.
            const size = Math.round(10 + 36 * Math.sqrt(c.suppliers / most));
            return (
              <Linked key={c.country} href={listHref(c.country)} label={countryLabel(c)} linkable={linkable}>
                {/* In map units (sized as on a 1000 px wide map), so the circles shrink with a phone's map instead of covering it. */}
                <circle
                  cx={at.x}
                  cy={at.y}
                  r={(view.width / 1000) * (size / 2)}
                  fill={BAND_COLORS[c.worst]}
                  fillOpacity={0.85}
                  stroke="#ffffff"
                  strokeWidth={1.5}
                  vectorEffect="non-scaling-stroke"
                  className="site-map-halo"
                >
                  <title>{countryLabel(c)}</title>
                </circle>
              </Linked>
            );
          })}
      </MapFrame>
    );
    table = <CountriesTable countries={map.countries} listHref={listHref} linkable={linkable} />;
  }
  return (
    <section className="card site-map dash-map" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{map.mode === "points" ? "Where the suppliers are" : "Where the suppliers are, by country"}</h2>
      <figure className="site-map-figure">
        {drawing}
        <figcaption id={`${id}-cap`} className="small muted">
          {caption}
        </figcaption>
      </figure>
      <Legend bands={BANDS} />
      <details className="site-map-details">
        <summary>{map.mode === "points" ? "The sites as a table" : "The countries as a table"}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}
