import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { AuditFilterSchema, parseSearchParams } from "~/schemas/audit";
import { listAudit, listAuditActions } from "~/models/audit.server";
import { formatDateTime } from "~/components/format";

export const meta: MetaFunction = () => [{ title: "Audit log — Lantern" }];
const PAGE_SIZE = 50;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { org } = await requireOrg(request, context, params.org, "audit.view");
  const parsed = parseSearchParams(AuditFilterSchema, new URL(request.url));
  if (!parsed.success) {
    throw json({ message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, { status: 400 });
  }
  const f = parsed.data;
  const [{ rows, total }, actions] = await Promise.all([
    listAudit(context.db, org.id, { ...f, pageSize: PAGE_SIZE }),
    listAuditActions(context.db, org.id),
  ]);
  return json({ rows, total, actions, page: f.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) });
}

export default function Audit() {
  const { rows, total, actions, page, pages } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  return (
    <main className="page">
      <h1>Audit log</h1>
      <p className="muted">Every sign-in, membership change and data change, newest first. Entries cannot be edited or deleted.</p>
      <Form method="get" className="filters" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="f-action">Action</label>
          <select id="f-action" name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-actor">Person (email)</label>
          <input id="f-actor" name="actor" defaultValue={params.get("actor") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input id="f-from" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input id="f-to" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
        <Link to="?" className="button link">
          Clear
        </Link>
      </Form>
      <p className="muted" role="status">
        {total} {total === 1 ? "entry" : "entries"}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatDateTime(r.at)}</td>
              <td>{r.actor_label}</td>
              <td>
                <code>{r.action}</code>
              </td>
              <td>
                {r.entity}
                {r.entity_id ? ` #${r.entity_id}` : ""}
              </td>
              <td className="diff">{r.diff ? <code>{r.diff}</code> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages">
          {page > 1 ? <Link to={pageLink(page - 1)}>← Newer</Link> : <span />}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link to={pageLink(page + 1)}>Older →</Link> : <span />}
        </nav>
      ) : null}
    </main>
  );
}
