// The "Audits" section of the supplier page: each third-party audit of the site, whether it is in
// force, its open findings (as the score names them), and a link to record another.
import { Link } from "@remix-run/react";
import { AUDIT_TYPE_LABELS, type AuditType } from "~/domain/site-audit/standards";

export interface SiteAuditRow {
  id: number;
  label: string;
  auditType: AuditType;
  result: string | null;
  validUntil: string;
  inForce: boolean;
  summary: string;
  findings: number;
  openFindings: number;
  openCritical: number;
}

export function SiteAuditsPanel({ rows, base, canEdit }: { rows: readonly SiteAuditRow[]; base: string; canEdit: boolean }) {
  return (
    <section className="card" aria-labelledby="audits-h">
      <div className="page-head">
        <h2 id="audits-h">Audits</h2>
        {canEdit ? (
          <div className="actions">
            <Link className="button secondary" to={`${base}/audits/new`}>
              Record an audit
            </Link>
          </div>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="muted">
          No third-party audit recorded for this site. An audit in force counts as independent verification in the score.
        </p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Audits of this site">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Audit</th>
                <th scope="col">Type</th>
                <th scope="col">Result</th>
                <th scope="col">In force</th>
                <th scope="col">Findings</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`${base}/audits/${a.id}`}>{a.label}</Link>
                  </td>
                  <td>{AUDIT_TYPE_LABELS[a.auditType]}</td>
                  <td>{a.result ?? <span className="muted">—</span>}</td>
                  <td>{a.inForce ? `Yes, until ${a.validUntil}` : <span className="muted">No (valid until {a.validUntil})</span>}</td>
                  <td>
                    {a.findings === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <>
                        {a.openFindings} open of {a.findings}
                        {a.openCritical > 0 ? <span className="asm-flag severe"> {a.openCritical} critical</span> : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
