// On a supplier's page, for admins and compliance officers: the red flags substantiated worker
// grievances raise on this site (each citing its case, never the reporter) and the open cases.
import { Link } from "@remix-run/react";

export function VoicePanel(p: {
  voice: { flags: Array<{ indicator: string; caseNumber: string; caseId: number }>; openCases: number };
  href: string;
  base: string;
}) {
  return (
    <section className="card" aria-labelledby="voice-h">
      <h2 id="voice-h">Worker voice</h2>
      {p.voice.flags.length > 0 ? (
        <ul className="plain-list" data-testid="grievance-flags">
          {p.voice.flags.map((f) => (
            <li key={f.caseId} className="danger-text">
              Red flag: {f.indicator.replace(/_/g, " ")} — substantiated worker grievance{" "}
              <Link to={`${p.base}/grievances/${f.caseId}`}>{f.caseNumber}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No substantiated grievance at this site.</p>
      )}
      <p className="muted small">Internal: the supplier never sees grievances or what follows from them.</p>
      <p>
        {p.voice.openCases} open case{p.voice.openCases === 1 ? "" : "s"} · <Link to={p.href}>Reporting channel, poster and cases</Link>
      </p>
    </section>
  );
}
