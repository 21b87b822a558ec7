// What a grievance case says: the report, its red flag, remedies, repeats and internal actions, and
// the thread (messages with the reporter, internal notes).
import { Link } from "@remix-run/react";

interface CaseData {
  case: {
    supplierName: string;
    supplierId: number;
    details: string | null;
    redactedAt: string | null;
    happened: string;
    language: string;
    severity: string | null;
    assigneeName: string | null;
    deleteAfter: string | null;
  };
  indicator: string | null;
  raisesFlag: boolean;
  remedies: Array<{
    id: number;
    label: string;
    amount: string | null;
    currency: string | null;
    workers: number | null;
    deliveredOn: string;
    evidence: string | null;
  }>;
  repeats: Array<{ id: number; caseNumber: string; receivedAt: string }>;
  actions: Array<{ id: number; title: string; status: string }>;
}

export function CaseFacts({ d, base }: { d: CaseData; base: string }) {
  const c = d.case;
  return (
    <section className="card" aria-labelledby="report-h">
      <h2 id="report-h">Report</h2>
      <dl className="case-facts">
        <dt>Site</dt>
        <dd>
          <Link to={`${base}/suppliers/${c.supplierId}`}>{c.supplierName}</Link>
        </dd>
        <dt>When</dt>
        <dd>{c.happened.replace(/_/g, " ")}</dd>
        <dt>Reporter&apos;s language</dt>
        <dd>{c.language}</dd>
        <dt>Severity</dt>
        <dd>{c.severity ?? "not triaged"}</dd>
        <dt>Assigned to</dt>
        <dd>{c.assigneeName ?? "nobody"}</dd>
        <dt>Red flag</dt>
        <dd data-testid="case-flag">
          {d.indicator
            ? `${d.indicator.replace(/_/g, " ")} — ${d.raisesFlag ? "raised on the supplier's score" : "raised once substantiated"}`
            : "none (category other)"}
        </dd>
        {c.deleteAfter ? (
          <>
            <dt>Deleted after</dt>
            <dd>{c.deleteAfter.slice(0, 10)}</dd>
          </>
        ) : null}
      </dl>
      <h3>What the worker wrote</h3>
      <p className="prewrap">
        {c.redactedAt ? <em>Removed by an officer on {c.redactedAt.slice(0, 10)}.</em> : (c.details ?? <em>Nothing written.</em>)}
      </p>
      {d.repeats.length > 0 ? (
        <p className="muted small">
          {d.repeats.length} similar report{d.repeats.length === 1 ? "" : "s"} grouped here: {d.repeats.map((r) => r.caseNumber).join(", ")}
        </p>
      ) : null}
      {d.remedies.length > 0 ? (
        <>
          <h3>Remedies</h3>
          <ul data-testid="remedies">
            {d.remedies.map((r) => (
              <li key={r.id}>
                {r.label}
                {r.amount ? `: ${r.amount} ${r.currency}` : ""}
                {r.workers ? `, ${r.workers} workers` : ""}, {r.deliveredOn}
                {r.evidence ? ` — evidence: ${r.evidence}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.actions.length > 0 ? (
        <>
          <h3>Internal corrective actions</h3>
          <ul>
            {d.actions.map((a) => (
              <li key={a.id}>
                <Link to={`${base}/actions/${a.id}`}>{a.title}</Link> ({a.status.replace(/_/g, " ")})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function CaseThread(p: {
  messages: Array<{ id: number; fromReporter: boolean; body: string | null; createdAt: string }>;
  notes: Array<{ id: number; kind: string; authorLabel: string; body: string | null; createdAt: string }>;
}) {
  return (
    <section className="card" aria-labelledby="thread-h">
      <h2 id="thread-h">Messages with the reporter</h2>
      {p.messages.length === 0 ? <p className="muted">No messages yet.</p> : null}
      <ul className="plain-list">
        {p.messages.map((m) => (
          <li key={m.id}>
            <strong>{m.fromReporter ? "Reporter" : "Officer"}</strong>{" "}
            <span className="muted small">{m.createdAt.slice(0, 16).replace("T", " ")}</span>
            <p className="prewrap">{m.body ?? <em>Removed by an officer.</em>}</p>
          </li>
        ))}
      </ul>
      <h2>History and internal notes</h2>
      <ul className="plain-list">
        {p.notes.map((n) => (
          <li key={n.id}>
            <span className="muted small">
              {n.createdAt.slice(0, 16).replace("T", " ")} · {n.authorLabel} · {n.kind}
            </span>
            {n.body ? <p className="prewrap">{n.body}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
