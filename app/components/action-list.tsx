// The corrective actions of one supplier, for the supplier's page: status, due date (overdue ones
// stand out), owner, where each came from, and a link to add one.
import { Link } from "@remix-run/react";
import { ActionTable, type ActionTableRow } from "./action-display";

/** A row as listForSupplier returns it (app/models/action.server.ts), after JSON. */
export type ActionPanelRow = ActionTableRow;

interface Props {
  rows: readonly ActionPanelRow[];
  orgSlug: string;
  /** The viewer may add and change actions (actions.edit): otherwise no button is shown. */
  canEdit: boolean;
  /** The supplier, for "Add an action" when it has none yet (otherwise taken from the rows). */
  supplierId?: number;
}

export function ActionsPanel({ rows, orgSlug, canEdit, supplierId }: Props) {
  const base = `/o/${orgSlug}/actions`;
  const sid = supplierId ?? rows[0]?.supplierId;
  const active = rows.filter((r) => r.status === "open" || r.status === "in_progress").length;
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <section className="card actions-panel" aria-labelledby="actions-panel-h">
      <div className="page-head">
        <h2 id="actions-panel-h">Corrective actions</h2>
        {canEdit && sid ? (
          <div className="actions">
            <Link className="button secondary" to={`${base}/new?supplier=${sid}`}>
              Add an action
            </Link>
          </div>
        ) : null}
      </div>
      {rows.length ? (
        <>
          <p className="muted small">
            {active} open or in progress{overdue ? `, ${overdue} overdue` : ""}.{" "}
            {sid ? <Link to={`${base}?supplier=${sid}`}>All actions of this supplier</Link> : null}
          </p>
          <ActionTable rows={rows} base={base} label="Corrective actions of this supplier" />
        </>
      ) : (
        <p className="muted">
          No corrective actions. Red flags in an approved assessment open one each{canEdit ? "; you can also add one by hand" : ""}.
        </p>
      )}
    </section>
  );
}
