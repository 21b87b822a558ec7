// Grievance counts (the worker-voice page's head and the dashboard): by category, open cases per site,
// time to acknowledge, remedies delivered. Executives' counts arrive already masked ("fewer than 5").
import type { GrievanceCounts } from "~/domain/voice/counts";

export function GrievanceCountsPanel({ counts }: { counts: GrievanceCounts }) {
  return (
    <section className="card" aria-labelledby="gcounts-h">
      <h2 id="gcounts-h">Grievances in numbers</h2>
      {counts.masked ? (
        <p className="muted small">Counts only; any count under 5 is shown as “fewer than 5” to protect the workers who reported.</p>
      ) : null}
      <div className="grid-2">
        <div>
          <h3>By category</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Grievances by category">
            <table className="table compact">
              <tbody>
                {counts.byCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c.label}</th>
                    <td className="num">{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <h3>Open cases by site</h3>
          {counts.openBySite.length === 0 ? <p className="muted">No open case.</p> : null}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Open cases by site">
            <table className="table compact">
              <tbody>
                {counts.openBySite.map((s) => (
                  <tr key={s.supplierId}>
                    <th scope="row">{s.supplierName}</th>
                    <td className="num">{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Time to acknowledge</h3>
          <p>
            {counts.medianDaysToAcknowledge === null ? "Not enough cases yet." : `Median ${counts.medianDaysToAcknowledge} days`} (
            {counts.acknowledged} acknowledged)
          </p>
          <h3>Remedies delivered</h3>
          {counts.remedies.length === 0 ? <p className="muted">None recorded yet.</p> : null}
          <ul className="plain-list">
            {counts.remedies.map((r) => (
              <li key={r.kind}>
                {r.label}: {r.count} (to {r.workers} workers)
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
