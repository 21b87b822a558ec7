// Where the identity provider sends the browser back. Everything it brings is checked by the service;
// a refusal is a page with the reason (4xx), never a half-made account.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SsoCallbackSchema } from "~/schemas/sso";
import { STATUS_OF, safeRedirectPath } from "~/lib/http.server";
import { endSession, startSession } from "~/lib/session.server";
import { clearSsoStateCookie, readSsoState } from "~/lib/sso-cookie.server";
import { finishSso } from "~/services/sso-login.server";

export const meta: MetaFunction = () => [{ title: "Single sign-on — Lantern" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const clear = { "Set-Cookie": clearSsoStateCookie() };
  if (!SsoCallbackSchema.safeParse(Object.fromEntries(url.searchParams)).success) {
    return json(
      { message: "This sign-in link is incomplete or damaged. Start again from the log-in page." },
      { status: 400, headers: clear },
    );
  }
  const r = await finishSso(context.db, url.searchParams, readSsoState(request), context.clientIp);
  if (!r.ok) return json({ message: r.message }, { status: STATUS_OF[r.kind], headers: clear });
  await endSession(context.db, request); // a session from before is ended, never reused
  const { cookie } = await startSession(context.db, r.value.userId, {
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    sso: { orgId: r.value.orgId },
  });
  const headers = new Headers(clear);
  headers.append("Set-Cookie", cookie);
  return redirect(safeRedirectPath(r.value.redirectTo, `/o/${r.value.slug}`), { headers });
}

export default function SsoRefused() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <main className="page narrow">
      <h1>Single sign-on did not work</h1>
      <div className="alert error" role="alert">
        {message}
      </div>
      <p>
        <Link to="/sso" className="button">
          Try again
        </Link>{" "}
        <Link to="/login">Log in with a password</Link>
      </p>
    </main>
  );
}
