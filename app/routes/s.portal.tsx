// The frame of the supplier portal: no account and no staff navigation, just who asks, for which
// supplier, by when, and the language switcher. A supplier session (started from the invite link's
// page) is required; without one the page says how to get back in (401).
// Language: ?lang= (remembered in a cookie, Path=/s) → that cookie → the invite's language → the
// browser's Accept-Language.
import { todayIso } from "~/domain/dates";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Outlet, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { portalShouldRevalidate } from "~/components/portal/revalidate";
import {
  LANGUAGES,
  PORTAL_HEADERS,
  keysWith,
  languageCookie,
  longDate,
  messagesFor,
  portalLocale,
  requireSupplierPage,
} from "~/lib/portal.server";
import { getAssessment } from "~/models/assessment.server";
import { orgNameById } from "~/models/portal.server";
import { LanguageSwitcher } from "~/components/portal/language-switcher";
import { PortalNav } from "~/components/portal/portal-nav";
import { makeT, type Messages } from "~/components/portal/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.messages["ui.portal.title"]} — ${data.orgName}` : "Lantern" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = () => ({ ...PORTAL_HEADERS });
// Changing section inside the portal does not reload the frame either (see the page).
export const shouldRevalidate = portalShouldRevalidate;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const s = await requireSupplierPage(request, context);
  const [a, orgName] = await Promise.all([getAssessment(context.db, s.orgId, s.assessmentId), orgNameById(context.db, s.orgId)]);
  if (!a || !orgName) throw json(null, { status: 404, headers: PORTAL_HEADERS });
  const locale = portalLocale(request, s.language);
  const cookie = languageCookie(request);
  const overdue = Boolean(a.dueAt && a.dueAt.slice(0, 10) < todayIso() && ["sent", "in_progress"].includes(a.status));
  return json(
    {
      locale,
      messages: messagesFor(locale, [...keysWith("ui.portal.", "ui.language.", "ui.status."), "ui.kept_on_device"]),
      languages: LANGUAGES,
      orgName,
      supplierName: a.supplierName,
      due: longDate(a.dueAt, locale),
      overdue,
      status: a.status,
    },
    { headers: cookie ? { "Set-Cookie": cookie } : undefined },
  );
}

export default function PortalLayout() {
  const d = useLoaderData<typeof loader>();
  const t = makeT(d.messages, d.locale);
  return (
    <div className="portal" lang={d.locale}>
      <a href="#questions" className="portal-skip">
        {t("ui.portal.skip_to_content")}
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <div className="portal-who">
            <p className="portal-title">{t("ui.portal.title")}</p>
            <p className="portal-org">{t("ui.portal.requested_by", { buyer: d.orgName })}</p>
            <p className="portal-supplier">{t("ui.portal.for_supplier", { supplier: d.supplierName })}</p>
            {d.due ? (
              <p className={`portal-due${d.overdue ? " overdue" : ""}`}>
                {t(d.overdue ? "ui.portal.overdue" : "ui.portal.due", { date: d.due })}
              </p>
            ) : null}
          </div>
          <LanguageSwitcher locale={d.locale} languages={d.languages} label={t("ui.language.label")} />
          <PortalNav t={t} />
        </div>
      </header>
      <Outlet />
      <footer className="portal-footer">
        <p className="muted small">{t("ui.portal.privacy", { buyer: d.orgName })}</p>
      </footer>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = (isRouteErrorResponse(error) ? error.data : null) as { locale?: string; messages?: Messages } | null;
  const locale = data?.locale ?? "en";
  const t = makeT(data?.messages ?? {}, locale);
  const ended = isRouteErrorResponse(error) && error.status === 401;
  return (
    <div className="portal" lang={locale}>
      <main className="portal-main portal-narrow" id="questions">
        {ended ? (
          <>
            <h1>{t("ui.portal.session_expired")}</h1>
            <p>{t("ui.kept_on_device")}</p>
          </>
        ) : isRouteErrorResponse(error) && error.status === 404 ? (
          <h1>This page does not exist.</h1>
        ) : (
          <>
            <h1>Something went wrong</h1>
            <p>Your saved answers are safe. Please reload the page, or open the link from your email again.</p>
          </>
        )}
      </main>
    </div>
  );
}
