// The risk panel's likely goods (risk model v2): the goods a supplier's sector implies, why, and how
// they count; an officer who may edit suppliers confirms one (it becomes a recorded good) or rejects
// it with a reason, and may count a rejected one again.
import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import type { LikelyGoods } from "~/domain/risk/types";

type Reply = { formError?: string; fieldErrors?: Record<string, string> } | undefined;

function Decision({ action, good, rejected }: { action: string; good: string; rejected: boolean }) {
  const fetcher = useFetcher<Reply>();
  const id = useId();
  const busy = fetcher.state !== "idle";
  const reply = fetcher.data;
  const error = reply?.formError ?? reply?.fieldErrors?.reason ?? reply?.fieldErrors?.good ?? reply?.fieldErrors?.intent;
  if (rejected) {
    return (
      <fetcher.Form method="post" action={action} className="inline-form">
        <input type="hidden" name="good" value={good} />
        <button type="submit" name="intent" value="restore" className="button secondary small" disabled={busy}>
          Count it again
        </button>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </fetcher.Form>
    );
  }
  return (
    <div className="likely-decision">
      <fetcher.Form method="post" action={action} className="inline-form">
        <input type="hidden" name="good" value={good} />
        <button type="submit" name="intent" value="confirm" className="button secondary small" disabled={busy}>
          Confirm {good}
        </button>
      </fetcher.Form>
      <details>
        <summary>Reject…</summary>
        <fetcher.Form method="post" action={action} className="stack">
          <input type="hidden" name="good" value={good} />
          <div className={`field${error ? " has-error" : ""}`}>
            <label htmlFor={`${id}-reason`}>Why is {good} not one of this supplier&apos;s goods?</label>
            <textarea id={`${id}-reason`} name="reason" rows={2} maxLength={500} required aria-invalid={error ? true : undefined} />
            {error ? (
              <p className="field-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="reject" className="button secondary small" disabled={busy}>
            Reject {good}
          </button>
        </fetcher.Form>
      </details>
    </div>
  );
}

export function LikelyGoodsPanel({
  likely,
  orgSlug,
  supplierId,
  canEdit,
}: {
  likely: LikelyGoods;
  orgSlug: string;
  supplierId: number;
  canEdit: boolean;
}) {
  const action = `/o/${orgSlug}/suppliers/${supplierId}/likely-goods`;
  return (
    <div className="risk-likely">
      <h3 className="h3">Likely goods from its sector</h3>
      <p className="small muted">
        The sector “{likely.sector}” suggests what this site makes. A likely good counts {Math.round(likely.factor * 100)}% of a recorded
        one until someone confirms or rejects it (sector table {likely.table}).
      </p>
      <ul className="likely-goods">
        {likely.goods.map((g) => (
          <li key={g.good}>
            <strong>{g.good}</strong> <span className="badge">{g.recorded ? "Recorded" : g.rejected ? "Rejected" : "Likely"}</span>
            <span className="small muted"> — {g.reason}</span>
            {canEdit && !g.recorded ? <Decision action={action} good={g.good} rejected={g.rejected} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
