import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { requireOrg } from "~/lib/auth.server";
import { ACTIONS, can, ROLE_LABELS, type Action } from "~/domain/permissions";
import { useDelegatedLinks } from "~/components/delegated-links";
import {
  IconActions,
  IconAssessments,
  IconAudit,
  IconMethodology,
  IconOutbox,
  IconOverview,
  IconProducts,
  IconReport,
  IconVoice,
  IconSettings,
  IconSuppliers,
  IconTeam,
} from "~/components/icons";
import { IconAlert as IconScreening } from "~/components/icons";

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

/**
 * The sidebar's links: what <NavLink> renders (class "active" / "pending", aria-current="page" on
 * the current section, data-discover) with the location and navigation read once for all of them,
 * and one click handler (delegated-links.ts); every page of a tenant renders this layout.
 */
function useNavLinks() {
  const location = useLocation();
  const navigation = useNavigation();
  const onClick = useDelegatedLinks();
  const here = location.pathname.toLowerCase();
  const next = navigation.location ? navigation.location.pathname.toLowerCase() : null;
  const within = (path: string | null, to: string, end: boolean) =>
    path !== null && (path === to || (!end && path.startsWith(to) && path.charAt(to.length) === "/"));
  const link = (to: string, label: string, Icon: typeof IconOverview, end = false) => {
    const t = to.toLowerCase();
    const active = within(here, t, end);
    const className = [active ? "active" : null, within(next, t, end) ? "pending" : null].filter(Boolean).join(" ");
    return (
      <a href={to} className={className} aria-current={active ? "page" : undefined} data-discover="true">
        <Icon className="icon" />
        {label}
      </a>
    );
  };
  return { link, onClick };
}

export default function OrgLayout() {
  const { org, role, allowed } = useLoaderData<typeof loader>();
  const may = (a: Action) => allowed.includes(a);
  const base = `/o/${org.slug}`;
  const { link, onClick } = useNavLinks();
  return (
    <div className="org-shell">
      <aside className="sidebar" aria-label={`${org.name} navigation`}>
        <p className="org-name">{org.name}</p>
        <p className="muted small">{ROLE_LABELS[role]}</p>
        <nav onClick={onClick}>
          <ul>
            <li>{link(base, "Overview", IconOverview, true)}</li>
            {may("suppliers.view") ? <li>{link(`${base}/suppliers`, "Suppliers", IconSuppliers)}</li> : null}
            {may("assessments.view") ? <li>{link(`${base}/assessments`, "Assessments", IconAssessments)}</li> : null}
            {may("products.view") ? <li>{link(`${base}/products`, "Products", IconProducts)}</li> : null}
            {may("suppliers.view") ? <li>{link(`${base}/screening`, "Screening", IconScreening)}</li> : null}
            {may("actions.view") ? <li>{link(`${base}/actions`, "Corrective actions", IconActions)}</li> : null}
            {may("reports.view") ? <li>{link(`${base}/grievances`, "Worker voice", IconVoice)}</li> : null}
            {may("reports.view") ? <li>{link(`${base}/report`, "Board report", IconReport)}</li> : null}
            {may("statements.view") ? <li>{link(`${base}/statements`, "Statements", IconReport)}</li> : null}
            {may("risk.view") ? <li>{link(`${base}/methodology`, "Methodology", IconMethodology)}</li> : null}
            {may("methodology.edit") ? <li>{link(`${base}/settings/methodology`, "Risk settings", IconSettings)}</li> : null}
            {may("review.settings") ? <li>{link(`${base}/settings/review`, "Review settings", IconSettings)}</li> : null}
            {may("integrations.manage") ? <li>{link(`${base}/settings/webhooks`, "Webhooks", IconSettings)}</li> : null}
            {may("integrations.manage") ? <li>{link(`${base}/settings/api-keys`, "API keys", IconSettings)}</li> : null}
            {may("integrations.manage") ? <li>{link(`${base}/settings/sso`, "Single sign-on", IconSettings)}</li> : null}
            <li>{link(`${base}/settings/profile`, "Organisation profile", IconSettings)}</li>
            {may("members.view") ? <li>{link(`${base}/members`, "Team", IconTeam)}</li> : null}
            {may("audit.view") ? <li>{link(`${base}/audit`, "Audit log", IconAudit)}</li> : null}
            {may("outbox.view") ? <li>{link(`${base}/outbox`, "Outbox", IconOutbox)}</li> : null}
          </ul>
        </nav>
      </aside>
      <div className="org-main">
        <Outlet />
      </div>
    </div>
  );
}
