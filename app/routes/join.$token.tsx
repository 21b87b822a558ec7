import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useActionData, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { AcceptInviteNewAccountSchema } from "~/schemas/auth";
import { getOptionalUser } from "~/lib/auth.server";
import { badRequest, formObject, problemResponse, zodFieldErrors } from "~/lib/http.server";
import { startSession } from "~/lib/session.server";
import { TEAM_INVITE_IP, checkAll, hit, tooManyRequests } from "~/lib/rate-limit.server";
import { acceptInvite, describeInvite } from "~/services/members.server";
import { ROLE_LABELS } from "~/domain/permissions";
import { Field, FormError, SubmitButton, useZodForm } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Join an organization — Lantern" }];
export const headers: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After");
  return { "Referrer-Policy": "no-referrer", ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

/** Every open and every accept counts against a per-IP limit; the seconds to wait when it is exceeded. */
async function limited(context: LoaderFunctionArgs["context"]): Promise<number> {
  const wait = await checkAll(context.db, [[TEAM_INVITE_IP, context.clientIp]]);
  if (wait === 0) await hit(context.db, TEAM_INVITE_IP, context.clientIp);
  return wait;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const wait = await limited(context);
  if (wait > 0) throw tooManyRequests(wait);
  const invite = await describeInvite(context.db, params.token ?? "");
  if (invite.state === "invalid") throw json(null, { status: 404 });
  if (invite.state !== "open") throw json({ state: invite.state }, { status: 410 });
  const user = await getOptionalUser(request, context);
  return json({ invite, user: user ? { email: user.email, name: user.name } : null });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const wait = await limited(context);
  if (wait > 0) return tooManyRequests(wait);
  const user = await getOptionalUser(request, context);
  let result;
  if (user) {
    result = await acceptInvite(context.db, token, { userId: user.userId, email: user.email }, context.clientIp);
  } else {
    const parsed = AcceptInviteNewAccountSchema.safeParse(await formObject(request));
    if (!parsed.success) return badRequest({ fieldErrors: zodFieldErrors(parsed.error) });
    result = await acceptInvite(context.db, token, { newAccount: parsed.data }, context.clientIp);
  }
  if (!result.ok) return problemResponse(result);
  const joined = result.value;
  // A new account: the invited address confirms it by mail first (holding the link proves nothing).
  if ("confirmSent" in joined) return json({ confirmSent: true as const });
  const headers = new Headers();
  if (!user) {
    const { cookie } = await startSession(context.db, joined.userId, {
      ip: context.clientIp,
      userAgent: request.headers.get("user-agent"),
    });
    headers.set("Set-Cookie", cookie);
  }
  return redirect(`/o/${joined.slug}`, { headers });
}

export default function Join() {
  const { invite, user } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const sent = answer !== undefined && "confirmSent" in answer;
  const location = useLocation();
  const { form, onSubmit, errorFor, formError, busy } = useZodForm<typeof AcceptInviteNewAccountSchema, typeof action>(
    AcceptInviteNewAccountSchema,
  );
  if (sent) {
    return (
      <main className="page narrow">
        <h1>Check your mail</h1>
        <div className="alert success" role="status">
          We sent a confirmation link to {invite.email}. Open it to finish creating your account and join {invite.orgName}.
        </div>
        <p className="muted">The link is valid for 24 hours. No account is created until the address is confirmed.</p>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <h1>Join {invite.orgName}</h1>
      <p>
        You are invited to <strong>{invite.orgName}</strong> as <strong>{ROLE_LABELS[invite.role]}</strong> ({invite.email}).
      </p>
      <FormError message={formError} />
      {user ? (
        user.email === invite.email ? (
          <Form method="post">
            <button type="submit" className="button">
              Accept and join
            </button>
          </Form>
        ) : (
          <div className="alert error" role="alert">
            You are logged in as {user.email}, but this invitation is for {invite.email}. Log out, then open the link again.
          </div>
        )
      ) : (
        <>
          <p>
            Already have a Lantern account? <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>Log in to accept</Link>.
          </p>
          <h2>New to Lantern? Create your account</h2>
          <Form method="post" noValidate onSubmit={onSubmit} className="stack">
            <Field label="Your name" autoComplete="name" registration={form.register("name")} error={errorFor("name")} />
            <Field
              label="Password"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters."
              registration={form.register("password")}
              error={errorFor("password")}
            />
            <Field
              label="Repeat the password"
              type="password"
              autoComplete="new-password"
              registration={form.register("confirm")}
              error={errorFor("confirm")}
            />
            <SubmitButton busy={busy}>Create account and join</SubmitButton>
          </Form>
        </>
      )}
    </main>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 429) {
    return (
      <main className="page narrow">
        <h1>Too many attempts</h1>
        <p>This address opened too many invitation links in a short time. Wait a few minutes, then open the link again.</p>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <h1>This invitation can no longer be used</h1>
      <p>It has expired, was withdrawn or was accepted already. Ask an admin of the organization to send you a new one.</p>
      <Link to="/">Go to the start page</Link>
    </main>
  );
}
