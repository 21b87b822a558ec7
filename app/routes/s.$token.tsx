// The page of an invite link (docs/architecture.md, "The supplier portal and its tokens"). GET shows who asks, for which
// supplier and by when, and changes nothing (mail scanners open links); the Start button POSTs, which
// starts a supplier session scoped to the one assessment and redirects to /s/portal, a URL without
// the token. Expired or revoked links answer 410 with "send me a new link" (mailed to the invited
// address only); unknown or tampered tokens 404. Every request counts against a per-IP limit.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteError,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { z } from "zod";
import { formObject } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { languageT } from "~/domain/questionnaire/language-texts";
import { INVITE_IP, INVITE_RESEND, checkAll, hit, type Limit } from "~/lib/rate-limit.server";
import { LANGUAGES, PORTAL_HEADERS, keysWith, languageCookie, longDate, messagesFor, portalLocale } from "~/lib/portal.server";
import { describeLink, openSupplierSession, requestNewLink } from "~/services/invites.server";
import { LanguageSwitcher } from "~/components/portal/language-switcher";
import { makeT, type Messages } from "~/components/portal/i18n";

const TEXTS = () => [...keysWith("ui.link.", "ui.start.", "ui.portal.", "ui.language."), "ui.error.not_found", "ui.error.heading"];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.messages["ui.portal.title"] ?? "Lantern" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders, errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  return { ...PORTAL_HEADERS, ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

// After "send me a new link" the page keeps saying why the old link failed (reloading would show it
// as revoked, since asking for a new link kills the old one).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "resent" in actionResult ? false : defaultShouldRevalidate;

/** The limits of this request; a 429 in the visitor's language when one is exceeded. */
async function limit(request: Request, context: LoaderFunctionArgs["context"], extra: Limit[] = []) {
  const ip = context.clientIp;
  const wait = await checkAll(
    context.db,
    [INVITE_IP, ...extra].map((l): [Limit, string] => [l, ip]),
  );
  if (wait > 0) {
    const locale = portalLocale(request);
    return json(
      { tooMany: true, locale, messages: messagesFor(locale, ["ui.link.too_many_attempts", "ui.portal.title"]) },
      { status: 429, headers: { "Retry-After": String(wait), ...PORTAL_HEADERS } },
    );
  }
  for (const l of [INVITE_IP, ...extra]) await hit(context.db, l, ip);
  return null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const limited = await limit(request, context);
  if (limited) throw limited;
  const link = await describeLink(context.db, params.token ?? "");
  const locale = portalLocale(request, link.state === "invalid" ? null : link.language);
  const cookie = languageCookie(request);
  const init = (status: number) => ({ status, headers: cookie ? { "Set-Cookie": cookie } : undefined });
  const base = { locale, messages: messagesFor(locale, TEXTS()), languages: LANGUAGES };
  if (link.state === "invalid") return json({ ...base, state: "invalid" as const }, init(404));
  // Only an expired link may ask for a new one; a revoked link is dead (see requestNewLink).
  if (link.state !== "open")
    return json({ ...base, state: link.state, orgName: link.orgName, mayAskNew: link.state === "expired" }, init(410));
  return json(
    {
      ...base,
      state: "open" as const,
      orgName: link.orgName,
      supplierName: link.supplierName,
      due: longDate(link.dueAt, locale),
      status: link.assessmentStatus,
    },
    init(200),
  );
}

const IntentSchema = z.enum(["start", "resend"]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await formObject(request);
  const parsed = IntentSchema.safeParse(form.intent);
  const intent = parsed.success ? parsed.data : null;
  const resend = intent === "resend";
  const limited = await limit(request, context, resend ? [INVITE_RESEND] : []);
  if (limited) return limited;
  // A dead link answers 410 whatever the intent: nothing it asks for may start a session or
  // produce a live link, except that an expired one may ask once for a new link, mailed to the
  // invited address only.
  const link = await describeLink(context.db, token);
  if (link.state === "invalid") return json({ state: "invalid" as const }, { status: 404 });
  if (link.state === "revoked") return json({ state: "revoked" as const }, { status: 410 });
  if (link.state === "expired") {
    if (!resend) return json({ state: "expired" as const }, { status: 410 });
    // The same answer whether or not a mail went out, and never the address.
    await requestNewLink(context.db, token);
    return json({ resent: true as const }, { status: 410 });
  }
  if (intent !== "start") return json({ state: "open" as const }, { status: 400 });
  const opened = await openSupplierSession(context.db, token);
  if ("state" in opened) return json({ state: opened.state }, { status: opened.state === "invalid" ? 404 : 410 });
  // The portal opens with a word in the supplier's language that nothing is lost by stopping.
  const t = languageT(portalLocale(request, link.language));
  return redirectWithToast("/s/portal", t("ui.portal.started"), { headers: { "Set-Cookie": opened.cookie } });
}

export default function InviteLink() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = makeT(data.messages, data.locale);
  const limited = result && "tooMany" in result;
  return (
    <div className="portal" lang={data.locale}>
      <header className="portal-header">
        <div className="portal-header-inner">
          <p className="portal-title">{t("ui.portal.title")}</p>
          <LanguageSwitcher locale={data.locale} languages={data.languages} label={t("ui.language.label")} />
        </div>
      </header>
      <main className="portal-main portal-narrow" id="main">
        {limited ? (
          <div className="alert error" role="alert">
            {t("ui.link.too_many_attempts")}
          </div>
        ) : null}
        {data.state === "open" ? (
          <>
            <h1>{t("ui.link.heading")}</h1>
            <p className="lead">{t("ui.link.intro", { buyer: data.orgName, supplier: data.supplierName })}</p>
            <ul className="portal-facts">
              <li>{t("ui.portal.requested_by", { buyer: data.orgName })}</li>
              <li>{t("ui.portal.for_supplier", { supplier: data.supplierName })}</li>
              {data.due ? <li>{t("ui.portal.due", { date: data.due })}</li> : null}
            </ul>
            <h2>{t("ui.start.heading")}</h2>
            <p>{t("ui.start.time_needed", { minutes: 45 })}</p>
            <p>{t("ui.start.prepare")}</p>
            <Form method="post" className="portal-start">
              <input type="hidden" name="intent" value="start" />
              <button type="submit" className="button portal-big" disabled={busy}>
                {data.status === "sent"
                  ? t("ui.start.button")
                  : data.status === "in_progress" || data.status === "changes_requested"
                    ? t("ui.start.continue")
                    : t("ui.link.open")}
              </button>
            </Form>
            <p className="muted small">{t("ui.portal.privacy", { buyer: data.orgName })}</p>
          </>
        ) : data.state === "invalid" ? (
          <>
            <h1>{t("ui.error.not_found")}</h1>
            <p>{t("ui.link.invalid")}</p>
          </>
        ) : (
          <>
            <h1>{t(data.state === "expired" ? "ui.link.expired" : "ui.link.revoked")}</h1>
            {result && "resent" in result ? (
              <div className="alert success" role="status">
                {t("ui.link.new_link_sent")}
              </div>
            ) : !data.mayAskNew ? (
              <p>{t("ui.link.revoked_help", { buyer: data.orgName })}</p>
            ) : (
              <>
                <p>{t("ui.link.ask_new")}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="resend" />
                  <button type="submit" className="button portal-big" disabled={busy}>
                    {t("ui.link.send_new")}
                  </button>
                </Form>
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = (isRouteErrorResponse(error) ? error.data : null) as { locale?: string; messages?: Messages } | null;
  const t = makeT(data?.messages ?? {}, data?.locale ?? "en");
  const tooMany = isRouteErrorResponse(error) && error.status === 429;
  return (
    <div className="portal" lang={data?.locale ?? "en"}>
      <main className="portal-main portal-narrow">
        <h1>{tooMany ? t("ui.link.too_many_attempts") : "Something went wrong"}</h1>
        {tooMany ? null : <p>Please open the link from your email again in a few minutes.</p>}
      </main>
    </div>
  );
}
