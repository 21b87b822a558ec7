import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { requireOrg } from "../lib/auth.server";
import { ACTIONS, can, ROLE_LABELS, type Action } from "../domain/permissions";

// The tenant layout: the guard runs here for every page under /o/<slug> (and again in each child
// loader/action, which Remix runs in parallel and which must not rely on the parent).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = await requireOrg(request, context, params.org);
  const allowed = ACTIONS.filter((a) => can(id.role, a));
  return json({ org: id.org, role: id.role, allowed });
}

export function useOrg() {
  const data = useRouteLoaderData<typeof loader>("routes/o.$org");
  if (!data) throw new Error("useOrg used outside /o/$org");
  return { ...data, can: (a: Action) => data.allowed.includes(a) };
}

export default function OrgLayout() {
  const { org, role, allowed } = useLoaderData<typeof loader>();
  const may = (a: Action) => allowed.includes(a);
  const base = `/o/${org.slug}`;
  return (
    <div className="org-shell">
      <aside className="sidebar" aria-label={`${org.name} navigation`}>
        <p className="org-name">{org.name}</p>
        <p className="muted small">{ROLE_LABELS[role]}</p>
        <nav>
          <ul>
            <li>
              <NavLink to={base} end>
                Overview
              </NavLink>
            </li>
            {may("suppliers.view") ? (
              <li>
                <NavLink to={`${base}/suppliers`}>Suppliers</NavLink>
              </li>
            ) : null}
            {may("assessments.view") ? (
              <li>
                <NavLink to={`${base}/assessments`}>Assessments</NavLink>
              </li>
            ) : null}
            {may("actions.view") ? (
              <li>
                <NavLink to={`${base}/actions`}>Corrective actions</NavLink>
              </li>
            ) : null}
            {may("reports.view") ? (
              <li>
                <NavLink to={`${base}/report`}>Board report</NavLink>
              </li>
            ) : null}
            {may("risk.view") ? (
              <li>
                <NavLink to={`${base}/methodology`}>Methodology</NavLink>
              </li>
            ) : null}
            {may("methodology.edit") ? (
              <li>
                <NavLink to={`${base}/settings/methodology`}>Risk settings</NavLink>
              </li>
            ) : null}
            {may("members.view") ? (
              <li>
                <NavLink to={`${base}/members`}>Team</NavLink>
              </li>
            ) : null}
            {may("audit.view") ? (
              <li>
                <NavLink to={`${base}/audit`}>Audit log</NavLink>
              </li>
            ) : null}
            {may("outbox.view") ? (
              <li>
                <NavLink to={`${base}/outbox`}>Outbox</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </aside>
      <div className="org-main">
        <Outlet />
      </div>
    </div>
  );
}
