// The ten riskiest suppliers with the main driver of each score; each row leads to the supplier.
// On a phone each row is laid out as a small card (CSS: supplier and score on top, the driver under
// them), so that no key column is cut off; the cells' class names say which is which.
import { Link } from "@remix-run/react";
import { displayDriver } from "~/domain/risk/labels";
import { formatScore } from "./format";
import { BAND_LABELS, type Band, type RiskySupplier } from "~/domain/report/types";

export function BandBadge({ band }: { band: Band }) {
  return <span className={`badge dash-band band-${band}`}>{BAND_LABELS[band]}</span>;
}

export function TopRisks({
  rows,
  slug,
  linkable,
  emptyText,
}: {
  rows: readonly RiskySupplier[];
  slug: string;
  linkable: boolean;
  emptyText: string;
}) {
  return (
    <section className="card" aria-labelledby="top-risks-h" data-chart="top-risks">
      <h2 id="top-risks-h">The ten riskiest suppliers</h2>
      <p className="muted small chart-sub">Highest current risk scores (0–100), with what drives each one.</p>
      {rows.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of the ten riskiest suppliers">
          <table className="table top-risks">
            <thead>
              <tr>
                <th scope="col" className="num rank">
                  #
                </th>
                <th scope="col">Supplier</th>
                <th scope="col" className="band">
                  Band
                </th>
                <th scope="col" className="num score">
                  Score
                </th>
                <th scope="col" className="driver">
                  Main driver
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.id}>
                  <td className="num rank">{i + 1}</td>
                  <td className="supplier">
                    {linkable ? <Link to={`/o/${slug}/suppliers/${r.id}`}>{r.name}</Link> : r.name}
                    <div className="muted small">
                      {r.countryName} · {r.tier === null ? "no tier" : `Tier ${r.tier}`}
                    </div>
                  </td>
                  <td className="band">
                    <BandBadge band={r.band} />
                  </td>
                  <td className="num score">{formatScore(r.score)}</td>
                  <td className="driver">{r.driver ? displayDriver(r.driver) : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="chart-empty-inline">{emptyText}</p>
      )}
    </section>
  );
}
