// Screening results as officers and executives read them: the banner that says how complete each list
// is, a match with its reason and decision, the officer's decision form, and the supplier page's section.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { SCREENING_LISTS, screeningList } from "~/domain/screening/lists";
import { formatDateTime } from "./format";

export interface MatchView {
  id: number;
  supplierId: number;
  supplierName: string;
  list: string;
  entryName: string;
  matchedOn: string;
  score: number;
  reason: string;
  listEdition: string;
  status: "candidate" | "confirmed" | "dismissed";
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  version: number;
}

const STATUS_LABEL = { candidate: "Candidate", confirmed: "Confirmed: true match", dismissed: "Dismissed: not the same entity" } as const;

export function ListsBanner() {
  return (
    <div className="alert note screening-banner" role="note">
      <p className="alert-title">Lantern&apos;s copies of these lists are partial: a supplier that matches nothing is not cleared.</p>
      <ul className="small">
        {SCREENING_LISTS.map((l) => (
          <li key={l.key}>
            <strong>{l.name}</strong> ({l.edition}): {l.note}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MatchSummary({ m, supplierHref }: { m: MatchView; supplierHref?: string }) {
  const list = screeningList(m.list);
  return (
    <>
      <p>
        {supplierHref ? (
          <>
            <Link to={supplierHref}>{m.supplierName}</Link> —{" "}
          </>
        ) : null}
        <strong>{list?.name ?? m.list}</strong>: {m.entryName}{" "}
        <span className={`badge screening-status-${m.status}`}>{STATUS_LABEL[m.status]}</span>
      </p>
      <p className="small">
        {m.reason}{" "}
        <span className="muted">
          Score {m.score} of 100; list {m.listEdition}
          {list?.partial ? " (partial)" : ""}.
        </span>
      </p>
      {m.status !== "candidate" ? (
        <p className="small">
          {m.decidedBy ? `${m.decidedBy}, ` : ""}
          {m.decidedAt ? formatDateTime(m.decidedAt) : ""}: {m.decisionReason}
        </p>
      ) : null}
    </>
  );
}

export function DecisionForm({ m, error }: { m: MatchView; error?: string }) {
  const id = useId();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("matchId") === String(m.id);
  return (
    <Form method="post" className="screening-decide" aria-label={`Decide on ${m.entryName} for ${m.supplierName}`}>
      <input type="hidden" name="matchId" value={m.id} />
      <input type="hidden" name="version" value={m.version} />
      <div className={`field${error ? " has-error" : ""}`}>
        <label htmlFor={`${id}-reason`}>Reason (what you checked)</label>
        <input
          id={`${id}-reason`}
          name="reason"
          required
          minLength={3}
          maxLength={1000}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" name="intent" value="confirm" className="button danger" disabled={busy}>
        True match
      </button>
      <button type="submit" name="intent" value="dismiss" className="button secondary" disabled={busy}>
        Not the same entity
      </button>
    </Form>
  );
}

/** The supplier page's "Screening" section (never shown on the supplier portal). */
export function SupplierScreeningPanel({ rows, queueHref }: { rows: readonly MatchView[]; queueHref: string }) {
  const open = rows.filter((r) => r.status === "candidate").length;
  return (
    <section className="card" aria-labelledby="screening-h">
      <div className="page-head">
        <h2 id="screening-h">Screening</h2>
        {open ? (
          <div className="actions">
            <Link className="button secondary" to={`${queueHref}?status=candidate`}>
              Decide in the screening queue
            </Link>
          </div>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="muted">
          No match on the UFLPA Entity List, the CBP orders or the singled-out regions. These copies are partial: no match does not clear
          the supplier.
        </p>
      ) : (
        <>
          <p className="muted small">Only a confirmed match is a red flag. Lantern&apos;s copies of the lists are partial.</p>
          <ul className="stack plain-list">
            {rows.map((m) => (
              <li key={m.id}>
                <MatchSummary m={m} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
