// The supplier page's heading (with its buttons), its details card and its assessments card.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { AssessmentStatusBadge, DueDate } from "./assessment-display";
import { formatDate, formatMoney, formatNumber } from "./format";
import { formatCoordinates } from "~/domain/map/geo";
import { StatusBadge, TierBadge, tipLabel } from "./supplier-display";
import type { SupplierLike } from "~/schemas/supplier-form";

/** A stored supplier as the page receives it. */
export type SupplierShown = SupplierLike & { id: number; updatedAt: string };

interface HeadingProps {
  supplier: { id: number; name: string; tier: number | null; status: string };
  orgName: string;
  orgSlug: string;
  mayEdit: boolean;
  mayAssess: boolean;
  busy: boolean;
}

/** The name, tier and status, and what the role may do: edit, start an assessment, archive or restore. */
export function SupplierHeading({ supplier: s, orgName, orgSlug, mayEdit, mayAssess, busy }: HeadingProps) {
  return (
    <div className="page-head">
      <div>
        <h1>{s.name}</h1>
        <p className="badges">
          <TierBadge tier={s.tier} /> <StatusBadge status={s.status} />
          {s.tier === 1 ? <span className="muted small"> Sells directly to {orgName}</span> : null}
        </p>
      </div>
      {mayEdit || (mayAssess && s.status !== "archived") ? (
        <div className="actions">
          {mayEdit ? (
            <Link to={`/o/${orgSlug}/suppliers/${s.id}/edit`} className="button">
              Edit
            </Link>
          ) : null}
          {mayAssess && s.status !== "archived" ? (
            <Link to={`/o/${orgSlug}/assessments/new?supplier=${s.id}`} className="button secondary">
              Start assessment
            </Link>
          ) : null}
          {mayEdit ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value={s.status === "archived" ? "restore" : "archive"} />
              <button type="submit" className="button secondary" disabled={busy}>
                {s.status === "archived" ? "Restore" : "Archive"}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

interface DetailsProps {
  supplier: SupplierShown;
  /** The country's name (resolved on the server). */
  countryLabel: string;
  tip: { tier: string; reportYear: number } | null;
}

/** Every field of the supplier; an empty one shows a dash. */
export function SupplierDetails({ supplier: s, countryLabel, tip }: DetailsProps) {
  return (
    <section className="card" aria-labelledby="details-h">
      <h2 id="details-h">Details</h2>
      <dl className="details">
        <Item label="Reference">{s.externalRef}</Item>
        <Item label="Country">
          {countryLabel} <span className="muted">({s.country})</span>
          <br />
          <span className="small">US TIP report: {tipLabel(tip)}</span>
        </Item>
        <Item label="City">{s.city}</Item>
        <Item label="Address">{s.address}</Item>
        <Item label="Coordinates">{s.latitude == null || s.longitude == null ? null : formatCoordinates(s.latitude, s.longitude)}</Item>
        <Item label="Sector">{s.sector}</Item>
        <Item label="Goods">
          {s.goods.length ? (
            <ul className="chips">
              {s.goods.map((g) => (
                <li key={g} className="chip">
                  {g}
                </li>
              ))}
            </ul>
          ) : null}
        </Item>
        <Item label="Annual spend">{s.annualSpend == null ? null : formatMoney(s.annualSpend, s.currency)}</Item>
        <Item label="Workers">{s.workersCount == null ? null : formatNumber(s.workersCount)}</Item>
        <Item label="Contact">
          {s.contactName || s.contactEmail ? (
            <>
              {s.contactName}
              {s.contactName && s.contactEmail ? <br /> : null}
              {s.contactEmail ? <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a> : null}
            </>
          ) : null}
        </Item>
        <Item label="Open Supply Hub OS ID">{s.osId}</Item>
        <Item label="DUNS number">{s.duns}</Item>
        <Item label="LEI">{s.lei}</Item>
        <Item label="Tax ID">{s.taxId}</Item>
        <Item label="Last changed">{formatDate(s.updatedAt)}</Item>
      </dl>
      {s.notes ? (
        <>
          <h3 className="h3">Notes</h3>
          <p className="notes">{s.notes}</p>
        </>
      ) : null}
    </section>
  );
}

interface AssessmentsProps {
  supplier: { id: number; name: string };
  assessments: Array<{ id: number; status: string; updatedAt: string; dueAt: string | null }>;
  orgSlug: string;
  today: string;
}

/** The supplier's last ten assessments, with a link to all of them when there may be more. */
export function SupplierAssessments({ supplier: s, assessments, orgSlug, today }: AssessmentsProps) {
  return (
    <section className="card" aria-labelledby="assessments-h">
      <h2 id="assessments-h">Assessments</h2>
      {assessments.length ? (
        <ul className="asm-mini-list">
          {assessments.map((x) => (
            <li key={x.id}>
              <Link to={`/o/${orgSlug}/assessments/${x.id}`}>Athens questionnaire, last change {formatDate(x.updatedAt)}</Link>{" "}
              <AssessmentStatusBadge status={x.status} />
              {x.dueAt ? (
                <span className="small muted">
                  {" "}
                  due <DueDate dueAt={x.dueAt} status={x.status} today={today} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Not assessed yet.</p>
      )}
      {assessments.length >= 10 ? (
        <p className="small">
          <Link to={`/o/${orgSlug}/assessments?supplier=${s.id}`}>All assessments of {s.name}</Link>
        </p>
      ) : null}
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children == null || children === "" || children === false;
  return (
    <div className="details-item">
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}
