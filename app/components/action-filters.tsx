// The top of the corrective-action list: the totals (overdue and "done, to verify" link to their
// filtered view) and the filter form, whose choices live in the URL.
import { formatNumber } from "./format";
import { Form, Link } from "@remix-run/react";
import { ACTION_SOURCES, ACTION_STATUSES } from "~/schemas/action";
import { ACTION_SOURCE_LABELS, ACTION_STATUS_LABELS } from "./action-display";
import { FilterSelect } from "./filter-select";

export function ActionTotals({
  counts,
}: {
  counts: { open: number; inProgress: number; overdue: number; done: number; verified: number };
}) {
  return (
    <dl className="stats" aria-label="Totals">
      <div>
        <dt>Open</dt>
        <dd>{formatNumber(counts.open)}</dd>
      </div>
      <div>
        <dt>In progress</dt>
        <dd>{formatNumber(counts.inProgress)}</dd>
      </div>
      <div>
        <dt>Overdue</dt>
        <dd>
          <Link to="?overdue=1">{formatNumber(counts.overdue)}</Link>
        </dd>
      </div>
      <div>
        <dt>Done, to verify</dt>
        <dd>
          <Link to="?status=done">{formatNumber(counts.done)}</Link>
        </dd>
      </div>
      <div>
        <dt>Verified</dt>
        <dd>{formatNumber(counts.verified)}</dd>
      </div>
    </dl>
  );
}

interface FilterProps {
  query: { status?: string; owner?: number | "none"; source?: string; overdue: boolean };
  owners: ReadonlyArray<{ id: number; name: string }>;
  /** The supplier the list is narrowed to (kept by the form), if any. */
  supplier: { id: number } | null;
  /** Some filter is on: offer "Show all". */
  filtered: boolean;
}

export function ActionFilters({ query, owners, supplier, filtered }: FilterProps) {
  return (
    <Form method="get" className="filters" aria-label="Filter actions">
      {supplier ? <input type="hidden" name="supplier" value={supplier.id} /> : null}
      <FilterSelect
        id="f-status"
        name="status"
        label="Status"
        value={query.status ?? ""}
        allLabel="Any status"
        options={ACTION_STATUSES.map((s) => [s, ACTION_STATUS_LABELS[s]] as const)}
      />
      <div className="field">
        <label htmlFor="f-owner">Owner</label>
        <select id="f-owner" name="owner" defaultValue={query.owner === undefined ? "" : String(query.owner)}>
          <option value="">Anyone</option>
          <option value="none">Nobody</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <FilterSelect
        id="f-source"
        name="source"
        label="Source"
        value={query.source ?? ""}
        allLabel="Any source"
        options={ACTION_SOURCES.map((s) => [s, ACTION_SOURCE_LABELS[s]] as const)}
      />
      <div className="field">
        <label>
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} /> Overdue only
        </label>
      </div>
      <button type="submit" className="button secondary">
        Apply
      </button>
      {filtered ? (
        <Link to="?" className="button link">
          Show all
        </Link>
      ) : null}
    </Form>
  );
}
