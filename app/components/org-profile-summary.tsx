// The organisation profile read-only: what executives see, and the other person's version after a
// conflicting save.
import { TURNOVER_BANDS, type OrgProfile } from "~/domain/org-profile";
import { formatDate, formatNumber } from "./format";

const band = (key: string | null) => TURNOVER_BANDS.find((b) => b.key === key)?.label ?? "Not given";
const orDash = (s: string) => (s.trim() ? s : "—");

/** `countryNames` are resolved by the loader: the server's and the browser's ICU name a few countries differently. */
export function OrgProfileSummary({ profile: p, countryNames }: { profile: OrgProfile; countryNames: Record<string, string> }) {
  const countryName = (iso2: string) => countryNames[iso2] ?? iso2;
  return (
    <div className="profile-summary stack">
      <dl className="details">
        <dt>Legal name</dt>
        <dd>{p.legalName}</dd>
        <dt>Headquarters</dt>
        <dd>{p.headquartersCountry ? countryName(p.headquartersCountry) : "—"}</dd>
        <dt>Sectors</dt>
        <dd>{p.sectors.length ? p.sectors.join(", ") : "—"}</dd>
        <dt>Employees</dt>
        <dd>{p.employees == null ? "—" : formatNumber(p.employees)}</dd>
        <dt>Turnover</dt>
        <dd>
          {band(p.turnoverBand)} ({p.turnoverCurrency})
        </dd>
        <dt>Financial year ends</dt>
        <dd>{p.financialYearEnd}</dd>
      </dl>
      <h2>Structure, business and supply chains</h2>
      <p className="prewrap">{orDash(p.structure)}</p>
      <h2>Entities the statement covers</h2>
      {p.entities.length ? (
        <ul>
          {p.entities.map((e, i) => (
            <li key={i}>
              {e.name} — {countryName(e.country)}
              {e.registrationNumber ? ` (no. ${e.registrationNumber})` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None recorded.</p>
      )}
      <h2>Policies</h2>
      {p.policies.length ? (
        <ul>
          {p.policies.map((x, i) => (
            <li key={i}>
              <strong>{x.title}</strong>, adopted {formatDate(x.adoptedOn)}
              {x.reviewedOn ? `, last reviewed ${formatDate(x.reviewedOn)}` : ", never reviewed"}
              {x.summary ? <span className="block muted small">{x.summary}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None recorded.</p>
      )}
      <h2>Training given</h2>
      {p.training.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Audience</th>
              <th scope="col">Topic</th>
              <th scope="col">People</th>
            </tr>
          </thead>
          <tbody>
            {p.training.map((t, i) => (
              <tr key={i}>
                <td>{t.year}</td>
                <td>{t.audience}</td>
                <td>{t.topic}</td>
                <td>{formatNumber(t.people)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">None recorded.</p>
      )}
      <h2>Consultation</h2>
      <p className="prewrap">{orDash(p.consultation)}</p>
    </div>
  );
}
