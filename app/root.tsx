import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
  useMatches,
  Link,
  useLocation,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesHref from "~/styles/app.css";
import voiceStylesHref from "~/styles/voice.css";
import { useNonce } from "~/components/nonce";
import { getOptionalUser } from "~/lib/auth.server";
import { listUserOrgs } from "~/models/org.server";
import { TopBar } from "~/components/top-bar";
import { Toast } from "~/components/toast";
import { readToast } from "~/lib/toast.server";
import { portalShouldRevalidate } from "~/components/portal/revalidate";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Lantern" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context);
  const orgs = user ? await listUserOrgs(context.db, user.userId) : [];
  const { toast, clear } = readToast(request);
  return json(
    {
      user: user ? { name: user.name, email: user.email } : null,
      orgs: orgs.map((o) => ({ slug: o.slug, name: o.orgName, role: o.role })),
      toast,
    },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

// Moving between sections of the supplier portal reloads nothing, so it works offline too.
export const shouldRevalidate = portalShouldRevalidate;

function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

/** The page's language: the supplier portal's pages say theirs in their data; staff pages are English. */
function usePageLanguage(): string {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.data as { locale?: unknown } | null | undefined;
    if (data && typeof data.locale === "string" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(data.locale)) return data.locale;
  }
  return "en";
}

/**
 * Pages whose handle says `{ bare: true }` (the worker-voice pages, for cheap phones on slow networks)
 * get a small stylesheet of their own and no JavaScript at all: plain forms that post and render on
 * the server.
 */
function useIsBare(): boolean {
  return useMatches().some((m) => (m.handle as { bare?: unknown } | undefined)?.bare === true);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const lang = usePageLanguage();
  const bare = useIsBare();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {bare ? <link rel="stylesheet" href={voiceStylesHref} /> : <Links />}
      </head>
      <body>
        {children}
        {bare ? null : <ScrollRestoration nonce={nonce} />}
        {bare ? null : <Scripts nonce={nonce} />}
      </body>
    </html>
  );
}

/** The supplier portal (/s/…) has its own header: suppliers have no account, so no staff top bar. */
function useIsSupplierPortal(): boolean {
  const { pathname } = useLocation();
  // The worker-voice pages (/v/…) have no account either.
  return pathname === "/s" || pathname.startsWith("/s/") || pathname.startsWith("/v/");
}

/** The staff top bar; the supplier portal (/s/…) has its own header: suppliers have no account. */
function StaffTopBar() {
  const data = useRootData();
  const bare = useIsBare();
  return useIsSupplierPortal() || bare ? null : <TopBar user={data?.user ?? null} orgs={data?.orgs ?? []} />;
}

/** Staff pages: a card over the bottom corner. The supplier portal: a banner above the page. */
function PageToast({ inline }: { inline: boolean }) {
  const toast = useRootData()?.toast ?? null;
  const lang = usePageLanguage();
  const portal = useIsSupplierPortal();
  // Plain pages (worker voice, the poster) have no toast styles and say what happened themselves.
  if (useIsBare()) return null;
  return inline === portal ? <Toast toast={toast} lang={lang} inline={inline} /> : null;
}

export default function App() {
  return (
    <>
      <StaffTopBar />
      <PageToast inline />
      <Outlet />
      <PageToast inline={false} />
    </>
  );
}

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "That request could not be understood", text: "Check what you entered and try again." },
  403: { title: "You cannot do that", text: "Your role in this organization does not allow this. Ask an admin if you need it." },
  404: { title: "Page not found", text: "There is nothing here, or you do not have access to it." },
  405: { title: "Not allowed", text: "This page cannot be used that way." },
  409: { title: "Someone else changed this", text: "Reload the page to see the latest version." },
  410: { title: "This link has expired", text: "Ask for a new link." },
  413: { title: "Too large", text: "What you sent is larger than we accept." },
  429: { title: "Too many requests", text: "Please wait a moment and try again." },
  503: {
    title: "Lantern is busy",
    text: "Too many requests are arriving at once. Nothing you saved is lost: wait a few seconds and try again.",
  },
};

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const m = MESSAGES[status] ?? {
    title: "Something went wrong",
    text: "An unexpected error happened on our side. It has been logged; please try again.",
  };
  // Never render the error object itself: no stack traces or internals reach the browser.
  return (
    <>
      <StaffTopBar />
      <main className="page narrow error-page">
        <p className="eyebrow">Error {status}</p>
        <h1>{m.title}</h1>
        <p>{m.text}</p>
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </main>
    </>
  );
}
